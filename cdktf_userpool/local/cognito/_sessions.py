"""A signed-in session's tokens after sign-in: refresh, rotation, revocation, sign-out, and the access-token check.

One store of refresh tokens per pool (in ``_state``) serves ``InitiateAuth``/``AdminInitiateAuth``
with ``REFRESH_TOKEN_AUTH``, ``GetTokensFromRefreshToken`` and the token endpoint's ``refresh_token``
grant. A refresh token belongs to one app client and one sign-in (its ``origin_jti``, which every
token issued from it carries). With the client's ``RefreshTokenRotation`` ``ENABLED``,
``GetTokensFromRefreshToken`` (and the token endpoint) issue a new refresh token and the one used
stays valid for ``RetryGracePeriodSeconds`` (0 to 60, default 0), after which it is refused with
``RefreshTokenReuseException``; ``REFRESH_TOKEN_AUTH`` is not allowed for such a client.

``RevokeToken`` (when the client's ``EnableTokenRevocation`` is on) ends the sign-in of a refresh
token: it and every token issued from it stop working. ``GlobalSignOut`` and
``AdminUserGlobalSignOut`` end every sign-in of the user. :func:`authorize` is the check of every call
that takes an access token: signature, expiry, ``token_use``, the API scope, and revocation, each
refused with Cognito's ``NotAuthorizedException`` message.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Mapping
from typing import Any

from . import _state
from ._errors import cognito_error, invalid_parameter, not_authorized
from ._pools import Call, _pools, check_secret, find_user, known_as, named_user, pool_and_client
from ._refresh_tokens import PREFIX, rotate, rotation, store, take_refresh_token
from ._signin import initiates
from ._tokens import API_SCOPE, _validity, issue, signing_key


def refresh(call: Call, token: str, *, api: bool, client_metadata: dict[str, str] | None = None) -> dict[str, Any]:
    """New tokens from refresh token ``token`` (``AuthenticationResult``), pre token generation run.

    :param api: ``GetTokensFromRefreshToken`` or the token endpoint (rotation applies), not
        ``REFRESH_TOKEN_AUTH`` (refused for a rotating client).
    """
    rotating, _ = rotation(call.client)
    if rotating and not api:
        raise not_authorized("Refresh token rotation is enabled for this app client: "
                             "refresh with GetTokensFromRefreshToken, not REFRESH_TOKEN_AUTH.")
    record, user = take_refresh_token(call.pool, call.client, token)
    result = issue(call, user, "TokenGeneration_RefreshTokens", client_metadata=client_metadata,
                   refresh_token=token, origin_jti=record.origin_jti,
                   scopes=list(record.scopes) if record.scopes is not None else None,
                   id_token=record.scopes is None or "openid" in record.scopes)
    if rotating:
        result["RefreshToken"] = rotate(call.pool, call.client, record,
                                        _validity(call.client, "RefreshToken", 30 * 86400))
    return result


@initiates("REFRESH_TOKEN_AUTH", "REFRESH_TOKEN")
def refresh_token_auth(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``InitiateAuth`` with ``REFRESH_TOKEN_AUTH``: new tokens from the refresh token (pre token generation only)."""
    auth = params.get("AuthParameters") or {}
    token = str(auth.get("REFRESH_TOKEN") or "")
    _, user = take_refresh_token(call.pool, call.client, token)
    check_secret(call.client, str(auth.get("USERNAME") or user.username), auth.get("SECRET_HASH"),
                 also=known_as(user))
    return {"ChallengeParameters": {}, "AuthenticationResult": refresh(call, token, api=False)}


def check_client_secret(client: Any, given: object) -> None:
    """A confidential client's ``ClientSecret`` must match; a public client sends none."""
    if client.generate_secret:
        if not given:
            raise not_authorized(f"Client {client.id} is configured with secret but SECRET_HASH was not received")
        if not hmac.compare_digest(str(client.secret), str(given)):
            raise not_authorized(f"Unable to verify secret hash for client {client.id}")


def get_tokens_from_refresh_token(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``GetTokensFromRefreshToken``."""
    from ._events import metadata

    pool, client = pool_and_client(str(params.get("ClientId") or ""))
    check_client_secret(client, params.get("ClientSecret"))
    call = Call(pool, client, sdk)
    return {"AuthenticationResult": refresh(call, str(params.get("RefreshToken") or ""), api=True,
                                            client_metadata=metadata(params.get("ClientMetadata")))}


def _decode(token: str) -> tuple[Any, dict[str, Any]] | None:
    """The pool that signed ``token`` and its verified claims; ``None`` when no pool of the emulator did."""
    import base64
    import binascii
    import json

    from joserfc import jwt
    from joserfc.errors import JoseError

    head = token.split(".")[0]
    try:
        kid = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4))).get("kid")
    except (ValueError, binascii.Error, AttributeError):
        return None
    for pool in _pools():
        if _state.state(pool.id).key is None:
            continue  # the pool never signed a token
        key, pool_kid = signing_key(pool)
        if pool_kid != kid:
            continue
        try:
            return pool, dict(jwt.decode(token, key, algorithms=["RS256"]).claims)
        except (JoseError, ValueError, TypeError):
            return None
    return None


def signed_in(params: Mapping[str, Any]) -> tuple[Any, Any]:
    """The pool and user of a call's ``AccessToken``, checked as :func:`authorize` checks it.

    :raises: ``InvalidParameterException`` without one; :func:`authorize`'s refusals.
    """
    if params.get("AccessToken") is None:
        raise invalid_parameter("Missing required parameter AccessToken")
    pool, _, user, _ = authorize(str(params.get("AccessToken") or ""))
    return pool, user


def authorize(token: str, scope: str = API_SCOPE) -> tuple[Any, Any, Any, dict[str, Any]]:
    """The pool, app client, user and claims of a user's access token, as every API that takes one checks it.

    :param scope: the scope the token must carry. Default: the API's (``aws.cognito.signin.user.admin``);
        managed login's ``userInfo`` asks for ``openid``.

    :raises: ``NotAuthorizedException``: ``Invalid Access Token`` (malformed, not ours, not an access
        token, unknown user), ``Access Token has expired``, ``Access Token has been revoked`` (revoked
        sign-in or global sign-out), ``Access Token does not have required scopes``, ``User is disabled.``
    """
    found = _decode(str(token or ""))
    if found is None:
        raise not_authorized("Invalid Access Token")
    pool, claims = found
    if claims.get("token_use") != "access":
        raise not_authorized("Invalid Access Token")
    if float(claims.get("exp") or 0) < time.time():
        raise not_authorized("Access Token has expired")
    if scope not in str(claims.get("scope") or "").split():
        raise not_authorized("Access Token does not have required scopes")
    with _state._lock:
        revoked = claims.get("origin_jti") in _state.state(pool.id).revoked
    if revoked:
        raise not_authorized("Access Token has been revoked")
    user = find_user(pool, str(claims.get("username") or ""))
    if user is None or user.id != claims.get("sub"):
        raise not_authorized("Invalid Access Token")
    if not user.enabled:
        raise not_authorized("User is disabled.")
    return pool, pool.clients.get(claims.get("client_id")), user, claims


def sign_out(pool: Any, username: str) -> None:
    """End every sign-in of ``username``: their refresh tokens and every token issued from them."""
    with _state._lock:
        local = _state.state(pool.id)
        local.revoked.update(r.origin_jti for r in local.refresh_tokens.values() if r.username == username)
    for store in (pool.access_tokens, pool.id_tokens):  # moto's own records of them
        for issued, held in list(store.items()):
            if held and held[1] == username:
                store.pop(issued, None)


def revoke_token(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``RevokeToken``: the refresh token's sign-in ends (it and the tokens issued from it stop working)."""
    token = str(params.get("Token") or "")
    try:
        pool, client = pool_and_client(str(params.get("ClientId") or ""))
    except Exception:
        raise invalid_parameter("Invalid client id.") from None
    check_client_secret(client, params.get("ClientSecret"))
    if not client.extended_config.get("EnableTokenRevocation", True):
        raise cognito_error("UnsupportedOperationException", "Token revocation is not enabled for the client.")
    if token.count(".") == 2 and not token.startswith(PREFIX):
        raise cognito_error("UnsupportedTokenTypeException", "Only refresh tokens can be revoked.")
    with _state._lock:
        record = store(pool).get(token)
        if record is not None and record.client_id == client.id:
            _state.state(pool.id).revoked.add(record.origin_jti)
            return {}
    if record is not None:  # another client's token
        raise cognito_error("UnauthorizedException", "Client is not authorized to revoke this token.")
    return {}  # an unknown token: nothing to revoke (RFC 7009)


def global_sign_out(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``GlobalSignOut``: every sign-in of the access token's user ends."""
    pool, _, user, _ = authorize(str(params.get("AccessToken") or ""))
    sign_out(pool, user.username)
    return {}


def admin_user_global_sign_out(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AdminUserGlobalSignOut``."""
    pool, user = named_user(params)
    sign_out(pool, user.username)
    return {}
