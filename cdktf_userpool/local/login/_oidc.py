"""The domain's OpenID Connect endpoints: discovery, ``/oauth2/userInfo`` and ``/oauth2/revoke``.

Discovery names the domain's endpoints on the emulator and the pool's real issuer
(``https://cognito-idp.<region>.amazonaws.com/<pool id>``, the ``iss`` of every token), with the JWKS
served at ``<domain>/.well-known/jwks.json``. ``userInfo`` takes an access token with the ``openid``
scope and answers the user's attributes that the client may read (OAuth's ``invalid_token``, HTTP
401, otherwise). ``revoke`` ends a refresh token's sign-in as ``RevokeToken`` does.
"""

from __future__ import annotations

from typing import Any

from ..cognito._pools import attributes
from ..cognito._sessions import authorize, revoke_token
from ..cognito._codes import SDK


def discovery(pool: Any, base_url: str) -> dict[str, Any]:
    """``/.well-known/openid-configuration`` of the domain at ``base_url``."""
    return {
        "issuer": f"https://cognito-idp.{pool.region}.amazonaws.com/{pool.id}",
        "authorization_endpoint": f"{base_url}/oauth2/authorize",
        "token_endpoint": f"{base_url}/oauth2/token",
        "userinfo_endpoint": f"{base_url}/oauth2/userInfo",
        "revocation_endpoint": f"{base_url}/oauth2/revoke",
        "end_session_endpoint": f"{base_url}/logout",
        "jwks_uri": f"{base_url}/.well-known/jwks.json",
        "response_types_supported": ["code", "token"],
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials", "implicit"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "phone", "profile"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
    }


class TokenRefused(Exception):
    """OAuth's ``invalid_token`` (HTTP 401) with Cognito's reason."""


def user_info(pool: Any, authorization_header: str) -> dict[str, Any]:
    """``/oauth2/userInfo`` for ``Authorization: Bearer <access token>``.

    :raises TokenRefused: no bearer token, another pool's, or one ``authorize`` refuses (no ``openid``
        scope, expired, revoked, disabled user).
    """
    scheme, _, token = authorization_header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenRefused("Access token is missing.")
    try:
        token_pool, client, user, _ = authorize(token.strip(), scope="openid")
    except Exception as refused:
        raise TokenRefused(str(getattr(refused, "message", refused))) from refused
    if token_pool.id != pool.id:
        raise TokenRefused("Invalid Access Token")
    readable = client.extended_config.get("ReadAttributes") if client is not None else None
    found = {k: v for k, v in attributes(user).items() if k == "sub" or not readable or k in readable}
    return {**found, "username": user.username}


_REVOKE_ERRORS = {
    "UnsupportedTokenTypeException": ("unsupported_token_type", 400),
    "UnsupportedOperationException": ("invalid_request", 400),
    "UnauthorizedException": ("unauthorized_client", 400),
}


def revoke(pool: Any, client_id: str, secret: str, token: str) -> tuple[str, int] | None:
    """``/oauth2/revoke``: ``None`` once done, else OAuth's error and status."""
    if not client_id or client_id not in pool.clients:
        return "invalid_client", 401
    try:
        revoke_token({"Token": token, "ClientId": client_id, "ClientSecret": secret or None}, SDK)
    except Exception as refused:
        code = str(getattr(refused, "error_type", ""))
        if code not in _REVOKE_ERRORS and code not in ("NotAuthorizedException", "InvalidParameterException"):
            raise
        return _REVOKE_ERRORS.get(code, ("invalid_client", 401))
    return None
