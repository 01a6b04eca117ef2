"""Managed login's authorization codes: the pool's store, and their exchange at the token endpoint.

A code (``response_type=code``) is single use and valid for five minutes, bound to its client, redirect
URI and PKCE challenge. Its exchange (``grant_type=authorization_code``) checks all three, with OAuth's
``invalid_grant`` for any mismatch, a reused or expired code, a wrong or missing verifier, or a user
disabled or deleted since; then pre token generation runs (``TokenGeneration_HostedAuth``) and the
tokens carry the granted scopes, an ID token only for ``openid`` (with ``nonce`` and ``at_hash``), and a
refresh token whose refreshes keep those scopes. Managed login (``login/``, HTTP) makes the codes and
the token endpoint (``_oauth``) exchanges them: both import this module, which imports neither.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass
from typing import Any

from . import _state
from ._pools import Call, find_user
from ._tokens import issue

__all__ = ["CODE_SECONDS", "SDK", "SOURCE", "Grant", "GrantError", "exchange", "hosted_tokens", "new_code",
           "token_answer"]

CODE_SECONDS = 300
"""An authorization code is valid for five minutes, as in Cognito."""
SOURCE = "TokenGeneration_HostedAuth"
SDK = "aws-sdk-unknown-unknown"
"""``callerContext.awsSdkVersion`` of managed login's trigger events (no SDK made the call)."""


class GrantError(Exception):
    """OAuth's ``invalid_grant``."""


@dataclass(frozen=True)
class Grant:
    """An authorization code's sign-in, waiting for its exchange."""

    client_id: str
    username: str
    redirect_uri: str
    scopes: tuple[str, ...]
    nonce: str | None
    code_challenge: str | None
    auth_time: int
    expires: float


def token_answer(result: dict[str, Any]) -> dict[str, Any]:
    """The token endpoint's JSON for an ``AuthenticationResult`` (the tokens it holds, in OAuth's names)."""
    answer = {"access_token": result["AccessToken"], "expires_in": result["ExpiresIn"], "token_type": "Bearer"}
    if "IdToken" in result:
        answer["id_token"] = result["IdToken"]
    if "RefreshToken" in result:
        answer["refresh_token"] = result["RefreshToken"]
    return answer


def hosted_tokens(call: Call, user: Any, scopes: tuple[str, ...], nonce: str | None, auth_time: int, *,
                  refresh: bool) -> dict[str, Any]:
    """The token endpoint's JSON of a managed-login sign-in (pre token generation ``TokenGeneration_HostedAuth``)."""
    return token_answer(issue(call, user, SOURCE, scopes=list(scopes), nonce=nonce, id_token="openid" in scopes,
                              auth_time=auth_time, refresh=refresh))


def new_code(pool: Any, request: Any, user: Any, auth_time: int) -> str:
    """A new authorization code for ``user``'s sign-in at managed login, stored with what its exchange checks.

    :param request: the authorization request (its client, redirect URI, scopes, nonce and PKCE challenge).
    """
    code = str(uuid.uuid4())
    grant = Grant(request.client.id, user.username, request.redirect_uri, request.scopes, request.nonce,
                  request.code_challenge, auth_time, time.time() + CODE_SECONDS)
    with _state._lock:
        _state.state(pool.id).grants[code] = grant
    return code


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii", "replace")).digest()).rstrip(b"=").decode()


def exchange(pool: Any, client: Any, form: dict[str, str]) -> dict[str, Any]:
    """``grant_type=authorization_code`` for an authenticated ``client``: the tokens of the code's sign-in.

    :raises GrantError: an unknown, used, expired or another client's code, another redirect URI, a
        missing or wrong PKCE verifier, a user disabled or deleted since.
    """
    with _state._lock:
        grant: Grant | None = _state.state(pool.id).grants.pop(form.get("code", ""), None)
    if grant is None or grant.client_id != client.id or grant.expires < time.time():
        raise GrantError("invalid_grant")
    if form.get("redirect_uri", "") != grant.redirect_uri:
        raise GrantError("invalid_grant")
    if grant.code_challenge is not None:
        verifier = form.get("code_verifier", "")
        if not verifier or not hmac.compare_digest(_s256(verifier), grant.code_challenge):
            raise GrantError("invalid_grant")
    user = find_user(pool, grant.username)
    if user is None or not user.enabled:
        raise GrantError("invalid_grant")
    return hosted_tokens(Call(pool, client, SDK), user, grant.scopes, grant.nonce, grant.auth_time, refresh=True)
