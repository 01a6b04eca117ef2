"""The token endpoint: ``POST <endpoint>/oauth2/token``, the client-credentials, refresh-token and
authorization-code grants.

``grant_type=authorization_code`` exchanges a code of managed login (``cdktf_userpool.local.login``,
which serves this endpoint under each pool's domain too, for that pool's clients only).

``grant_type=refresh_token`` (``client_id``, ``refresh_token``, and the secret of a confidential
client) shares the API's refresh-token store (``_sessions``): pre token generation
``TokenGeneration_RefreshTokens``, rotation as the client sets it, ``invalid_grant`` for a refresh
token that is unknown, another client's, expired, revoked or rotated out.

In AWS it is served by the pool's domain (``https://<domain>/oauth2/token``); here by the emulator's
endpoint. The app client authenticates with its secret (HTTP Basic, or ``client_id`` and
``client_secret`` in the form), must allow the ``client_credentials`` OAuth flow, and gets an access
token for the requested scopes (default: all it is allowed). Pre token generation runs only when
the pool's trigger is ``V3_0`` (``TokenGeneration_ClientCredentials``), and changes the access token
and its scopes. Errors are OAuth's: ``invalid_client``, ``unauthorized_client``, ``invalid_scope``,
``unsupported_grant_type``, ``invalid_request``.
"""

from __future__ import annotations

import base64
import hmac
import json
import time
import uuid
from typing import Any
from urllib.parse import parse_qs

from ._errors import lambda_response
from ._events import build
from ._invoke import configured, invoke, response_of
from ._pools import Call, pool_and_client
from ._codes import GrantError, exchange, token_answer
from ._sessions import refresh
from ._tokens import ACCESS_RESERVED, RESERVED, _apply_claims, _sign, _validity

PATH = "/oauth2/token"


class OAuthError(Exception):
    def __init__(self, error: str, status: int = 400) -> None:
        super().__init__(error)
        self.error, self.status = error, status


def _client_credentials(request: Any, form: dict[str, str]) -> tuple[str, str]:
    header = str(request.headers.get("Authorization") or "")
    if header.lower().startswith("basic "):
        try:
            client_id, _, secret = base64.b64decode(header[6:].strip()).decode().partition(":")
        except ValueError as bad:
            raise OAuthError("invalid_client", 401) from bad
        return client_id, secret
    return form.get("client_id", ""), form.get("client_secret", "")


def _authenticated_client(request: Any, form: dict[str, str], *, secret_required: bool,
                          domain_pool: Any = None) -> tuple[Any, Any]:
    """The pool and app client of the request; a client with a secret must send it (``secret_required``:
    only such a client is accepted), else OAuth's ``invalid_client``, as for a client of another pool
    than ``domain_pool`` (the pool whose domain was called, if any)."""
    client_id, secret = _client_credentials(request, form)
    try:
        pool, client = pool_and_client(client_id)
    except Exception as unknown:
        raise OAuthError("invalid_client", 401) from unknown
    if domain_pool is not None and pool.id != domain_pool.id:
        raise OAuthError("invalid_client", 401)
    if (secret_required or client.generate_secret) and not (
            client.generate_secret and hmac.compare_digest(client.secret, secret)):
        raise OAuthError("invalid_client", 401)
    return pool, client


def _refresh_grant(request: Any, form: dict[str, str], domain_pool: Any) -> dict[str, Any]:
    """``grant_type=refresh_token``: the refresh-token store of the API's refresh flows (``_sessions``)."""
    pool, client = _authenticated_client(request, form, secret_required=False, domain_pool=domain_pool)
    try:
        result = refresh(Call(pool, client, "aws-sdk-unknown-unknown"), form.get("refresh_token", ""), api=True)
    except Exception as refused:
        if str(getattr(refused, "error_type", "")) in ("NotAuthorizedException", "RefreshTokenReuseException"):
            raise OAuthError("invalid_grant") from refused
        raise
    return token_answer(result)


def _code_grant(request: Any, form: dict[str, str], domain_pool: Any) -> dict[str, Any]:
    """``grant_type=authorization_code``: a code of managed login, for its client, with its PKCE verifier."""
    pool, client = _authenticated_client(request, form, secret_required=False, domain_pool=domain_pool)
    try:
        return exchange(pool, client, form)
    except GrantError as refused:
        raise OAuthError("invalid_grant") from refused


def _grant(request: Any, domain_pool: Any = None) -> dict[str, Any]:
    form = {k: v[0] for k, v in parse_qs(request.get_data(as_text=True)).items()}
    if form.get("grant_type") == "refresh_token":
        return _refresh_grant(request, form, domain_pool)
    if form.get("grant_type") == "authorization_code":
        return _code_grant(request, form, domain_pool)
    if form.get("grant_type") != "client_credentials":
        raise OAuthError("unsupported_grant_type")
    pool, client = _authenticated_client(request, form, secret_required=True, domain_pool=domain_pool)
    config = client.extended_config
    if "client_credentials" not in (config.get("AllowedOAuthFlows") or []):
        raise OAuthError("unauthorized_client")
    allowed = list(config.get("AllowedOAuthScopes") or [])
    wanted = form["scope"].split() if form.get("scope") else allowed
    if not wanted or any(s not in allowed for s in wanted):
        raise OAuthError("invalid_scope")
    call = Call(pool, client, "aws-sdk-unknown-unknown")
    now = int(time.time())
    claims: dict[str, Any] = {"sub": client.id, "token_use": "access", "auth_time": now, "iat": now,
                              "iss": f"https://cognito-idp.{pool.region}.amazonaws.com/{pool.id}", "version": 2,
                              "jti": str(uuid.uuid4()), "client_id": client.id}
    scopes = _customize(call, claims, wanted)
    seconds = _validity(client, "AccessToken", 3600)
    token = _sign(pool, {**claims, "scope": " ".join(scopes), "exp": now + seconds})
    return {"access_token": token, "expires_in": seconds, "token_type": "Bearer"}


def _customize(call: Call, claims: dict[str, Any], scopes: list[str]) -> list[str]:
    found = configured(call.pool, "PreTokenGeneration")
    if found is None or found[1] != "V3_0":
        return scopes
    event = build("TokenGeneration_ClientCredentials", call, None, scopes=list(scopes))
    details = response_of(invoke(call, "PreTokenGeneration", event)).get("claimsAndScopeOverrideDetails")
    if details is None:
        return scopes
    if not isinstance(details, dict):
        raise lambda_response()
    access = details.get("accessTokenGeneration")
    _apply_claims(claims, access, RESERVED | ACCESS_RESERVED, strings=False)
    if isinstance(access, dict):
        add, drop = access.get("scopesToAdd") or [], access.get("scopesToSuppress") or []
        scopes = [s for s in [*scopes, *(a for a in add if a not in scopes)] if s not in drop]
    return scopes


def serve_token(request: Any, full_url: str, headers: Any) -> tuple[int, dict[str, str], str]:
    """``POST /oauth2/token``: the OAuth answer, or the Cognito error of a failing trigger as ``invalid_request``."""
    return answer_token(request)


def answer_token(request: Any, domain_pool: Any = None) -> tuple[int, dict[str, str], str]:
    """The token endpoint's answer to ``request`` (status, headers, JSON body); at a pool's domain
    (``domain_pool``), only that pool's clients are served."""
    answer_headers = {"Content-Type": "application/json"}
    try:
        return 200, answer_headers, json.dumps(_grant(request, domain_pool))
    except OAuthError as refused:
        return refused.status, answer_headers, json.dumps({"error": refused.error})
    except Exception as failed:  # a trigger's failure, as Cognito's error
        code = str(getattr(failed, "error_type", "") or type(failed).__name__)
        message = str(getattr(failed, "message", "") or failed)
        return 400, answer_headers, json.dumps({"error": "invalid_request", "error_description": f"{code}: {message}"})


def install() -> None:
    """Serve ``/oauth2/token`` as Cognito, whatever the request's ``Authorization`` header says."""
    from moto.cognitoidp import urls
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    urls.url_paths["{0}" + PATH + "$"] = serve_token
    original = DomainDispatcherApplication.infer_service_region_host

    def infer(self: Any, environ: dict[str, Any], path: str) -> str | None:
        if path.rstrip("/") == PATH:
            return "cognito-idp.us-east-1.amazonaws.com"
        return original(self, environ, path)

    DomainDispatcherApplication.infer_service_region_host = infer  # type: ignore[method-assign]
