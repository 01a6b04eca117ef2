"""ID, access and refresh tokens: Cognito's claims, the pre token generation trigger applied, the pool's key.

Each pool signs with its own RSA key (made on first use; ``kid`` derived from the pool ID), served
at ``/<pool id>/.well-known/jwks.json`` on the emulator, so PyJWT's ``PyJWKClient`` verifies the
tokens. Refresh tokens live in the pool's store (``_refresh_tokens``); access and ID tokens are also registered in
moto's pool, so moto's own calls that take an access token (software-token MFA) find the user once
``_sessions.authorize`` has checked the token.

Pre token generation (``TokenGeneration_<source>``):

- ``V1_0``: ``claimsOverrideDetails`` changes the ID token (``claimsToAddOrOverride`` values are
  strings); ``groupOverrideDetails`` replaces ``cognito:groups`` (both tokens), ``cognito:roles`` and
  ``cognito:preferred_role``.
- ``V2_0`` and ``V3_0``: ``claimsAndScopeOverrideDetails`` changes both tokens (JSON values) and the
  access token's scopes (``scopesToAdd``, ``scopesToSuppress``).

A claim both suppressed and overridden is suppressed. Reserved claims (:data:`RESERVED`, and for the
access token :data:`ACCESS_RESERVED` too) are never changed: such overrides and suppressions are
ignored. An answer of the wrong shape is ``InvalidLambdaResponseException``.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from typing import Any

from . import _state
from ._errors import lambda_response
from ._events import build
from ._invoke import configured, invoke, response_of
from ._pools import Call, attributes, event_attributes
from ._refresh_tokens import new_refresh_token

RESERVED = frozenset({
    "acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat", "identities", "iss", "jti",
    "nbf", "nonce", "origin_jti", "sub", "token_use", "event_id", "cognito:groups", "cognito:roles",
    "cognito:preferred_role",
})  # fmt: skip
"""Claims no pre token generation answer changes (groups and roles change through ``groupOverrideDetails``)."""
ACCESS_RESERVED = frozenset({"client_id", "scope", "username", "version"})
"""Further claims of the access token that only Cognito sets (scopes change through the scope fields)."""
SIMPLE_ONLY = frozenset({"phone_number_verified", "email_verified", "updated_at", "address"})
"""ID token claims whose values cannot be arrays or objects."""
API_SCOPE = "aws.cognito.signin.user.admin"
_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
_BOOLEAN_ATTRIBUTES = ("email_verified", "phone_number_verified")


def signing_key(pool: Any) -> tuple[Any, str]:
    """The pool's RSA key (joserfc) and its ``kid``."""
    from joserfc.jwk import RSAKey

    local = _state.state(pool.id)
    with _state._lock:
        if local.key is None:
            local.key = RSAKey.generate_key(2048, private=True)
    kid = hashlib.sha256(f"{pool.arn}".encode()).hexdigest()[:32]
    return local.key, kid


def jwks(pool: Any) -> dict[str, Any]:
    """The pool's JSON Web Key Set (its public key)."""
    key, kid = signing_key(pool)
    public = key.as_dict(private=False)
    return {"keys": [{**public, "kid": kid, "alg": "RS256", "use": "sig"}]}


def _sign(pool: Any, claims: dict[str, Any]) -> str:
    from joserfc import jwt

    key, kid = signing_key(pool)
    return str(jwt.encode({"alg": "RS256", "kid": kid}, claims, key))


def _validity(client: Any, name: str, default_seconds: int) -> int:
    config = client.extended_config
    value = config.get(f"{name}Validity")
    if not value:
        return default_seconds
    units = (config.get("TokenValidityUnits") or {}).get(name, "days" if name == "RefreshToken" else "hours")
    return int(value) * _UNIT_SECONDS.get(units, 3600)


def _groups(pool: Any, user: Any) -> dict[str, Any]:
    """``request.groupConfiguration``: the user's groups by precedence, their roles, the preferred role."""
    groups = sorted(user.groups, key=lambda g: (g.precedence if g.precedence is not None else 1 << 30, g.group_name))
    roles = [g.role_arn for g in groups if g.role_arn]
    return {"groupsToOverride": [g.group_name for g in groups], "iamRolesToOverride": roles,
            "preferredRole": roles[0] if roles else None}


def _id_claims(pool: Any, client: Any, user: Any) -> dict[str, Any]:
    readable = client.extended_config.get("ReadAttributes")
    found: dict[str, Any] = {}
    for name, value in attributes(user).items():
        if name == "sub" or (readable and name not in readable):
            continue
        found[name] = value == "true" if name in _BOOLEAN_ATTRIBUTES else value
    found["cognito:username"] = user.username
    return found


def _apply_claims(claims: dict[str, Any], changes: Any, protected: frozenset[str], *, strings: bool,
                  simple: frozenset[str] = frozenset()) -> None:
    if changes is None:
        return
    if not isinstance(changes, dict):
        raise lambda_response()
    add = changes.get("claimsToAddOrOverride") or {}
    suppress = changes.get("claimsToSuppress") or []
    if not isinstance(add, dict) or not isinstance(suppress, list):
        raise lambda_response()
    for name, value in add.items():
        if strings and not isinstance(value, str):
            raise lambda_response()
        if name in simple and isinstance(value, list | dict):
            raise lambda_response()
        if name not in protected:
            claims[name] = value
    for name in suppress:
        if name not in protected:
            claims.pop(name, None)


def _apply_groups(id_claims: dict[str, Any], access_claims: dict[str, Any], override: Any) -> None:
    """``groupOverrideDetails`` replaces the group claims; ``null`` or ``{}`` removes them."""
    if not isinstance(override, dict | type(None)):
        raise lambda_response()
    override = override or {}
    for claims in (id_claims, access_claims):
        for claim in ("cognito:groups", "cognito:roles", "cognito:preferred_role"):
            claims.pop(claim, None)
    groups, roles, preferred = (override.get("groupsToOverride"), override.get("iamRolesToOverride"),
                                override.get("preferredRole"))
    if groups:
        id_claims["cognito:groups"] = list(groups)
        access_claims["cognito:groups"] = list(groups)
    if roles:
        id_claims["cognito:roles"] = list(roles)
    if preferred:
        id_claims["cognito:preferred_role"] = preferred


def _customize(call: Call, user: Any, source: str, id_claims: dict[str, Any], access_claims: dict[str, Any],
               scopes: list[str], client_metadata: dict[str, str] | None) -> list[str]:
    """Run pre token generation on the claims (in place); the access token's scopes after it."""
    found = configured(call.pool, "PreTokenGeneration")
    if found is None:
        return scopes
    version = found[1] if found[1] in ("V1_0", "V2_0", "V3_0") else "V1_0"
    groups = _groups(call.pool, user)
    event = build(source, call, user.username, version=version, user_attributes=event_attributes(user),
                  group_configuration=groups, client_metadata=client_metadata,
                  scopes=list(scopes) if version != "V1_0" else None)
    response = response_of(invoke(call, "PreTokenGeneration", event))
    if version == "V1_0":
        details = response.get("claimsOverrideDetails")
        if details is None:
            return scopes
        if not isinstance(details, dict):
            raise lambda_response()
        _apply_claims(id_claims, details, RESERVED, strings=True)
        if "groupOverrideDetails" in details:
            _apply_groups(id_claims, access_claims, details["groupOverrideDetails"])
        return scopes
    details = response.get("claimsAndScopeOverrideDetails")
    if details is None:
        return scopes
    if not isinstance(details, dict):
        raise lambda_response()
    _apply_claims(id_claims, details.get("idTokenGeneration"), RESERVED, strings=False, simple=SIMPLE_ONLY)
    access = details.get("accessTokenGeneration")
    _apply_claims(access_claims, access, RESERVED | ACCESS_RESERVED, strings=False)
    if isinstance(access, dict):
        add, drop = access.get("scopesToAdd") or [], access.get("scopesToSuppress") or []
        if not isinstance(add, list) or not isinstance(drop, list):
            raise lambda_response()
        scopes = [s for s in [*scopes, *(a for a in add if a not in scopes)] if s not in drop]
    if "groupOverrideDetails" in details:
        _apply_groups(id_claims, access_claims, details["groupOverrideDetails"])
    return scopes


def at_hash(access_token: str) -> str:
    """OpenID Connect's ``at_hash`` of an RS256 access token: the left half of its SHA-256, base64url."""
    import base64

    digest = hashlib.sha256(access_token.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest[: len(digest) // 2]).rstrip(b"=").decode()


def issue(call: Call, user: Any, source: str, *, client_metadata: dict[str, str] | None = None,
          refresh_token: str | None = None, origin_jti: str | None = None,
          auth_time: int | None = None, scopes: list[str] | None = None, nonce: str | None = None,
          id_token: bool = True, refresh: bool = True) -> dict[str, Any]:
    """``AuthenticationResult`` for ``user``, after pre token generation of ``source``.

    :param source: ``"TokenGeneration_Authentication"``, ``..._RefreshTokens``, ``..._NewPasswordChallenge``,
        ``..._HostedAuth``.
    :param refresh_token: the refresh token being used (then none is issued, as in Cognito).
    :param scopes: the access token's scopes before pre token generation. Default: the API's
        (``aws.cognito.signin.user.admin``), as every API sign-in gets.
    :param nonce: the OpenID ``nonce`` of a managed-login sign-in, copied into the ID token. Default: ``None``.
        An ID token issued for given ``scopes`` (managed login) carries ``at_hash``; an API one does not.
    :param id_token: whether to issue an ID token (managed login issues one only for the ``openid`` scope).
    :param refresh: whether to issue a refresh token (not for managed login's implicit grant).
    :raises: Cognito's error when pre token generation fails; no token is issued then.
    """
    pool, client = call.pool, call.client
    now = int(time.time())
    origin_jti = origin_jti or str(uuid.uuid4())
    event_id = str(uuid.uuid4())
    common = {"sub": user.id, "iss": f"https://cognito-idp.{pool.region}.amazonaws.com/{pool.id}",
              "origin_jti": origin_jti, "event_id": event_id, "auth_time": auth_time or now, "iat": now}
    id_claims = _id_claims(pool, client, user)
    access_claims: dict[str, Any] = {"client_id": client.id, "username": user.username}
    groups = _groups(pool, user)
    _apply_groups(id_claims, access_claims, groups)
    granted = list(scopes) if scopes is not None else [API_SCOPE]
    final_scopes = _customize(call, user, source, id_claims, access_claims, granted, client_metadata)
    id_seconds = _validity(client, "IdToken", 3600)
    access_seconds = _validity(client, "AccessToken", 3600)
    access_token = _sign(pool, {**access_claims, **common, "token_use": "access", "scope": " ".join(final_scopes),
                                "exp": now + access_seconds, "jti": str(uuid.uuid4())})
    pool.access_tokens[access_token] = (client.id, user.username)
    result: dict[str, Any] = {"AccessToken": access_token, "ExpiresIn": access_seconds, "TokenType": "Bearer"}
    if id_token:
        oidc = {"at_hash": at_hash(access_token), **({"nonce": nonce} if nonce else {})} if scopes is not None else {}
        signed_id = _sign(pool, {**id_claims, **common, **oidc, "aud": client.id, "token_use": "id",
                                 "exp": now + id_seconds, "jti": str(uuid.uuid4())})
        pool.id_tokens[signed_id] = (client.id, user.username)
        result["IdToken"] = signed_id
    if refresh_token is None and refresh:
        result["RefreshToken"] = new_refresh_token(pool, client, user.username, origin_jti,
                                                   _validity(client, "RefreshToken", 30 * 86400), scopes)
    return result
