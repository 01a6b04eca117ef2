"""What a completed managed-login sign-in hands the app: an authorization code (``response_type=code``) or
the tokens themselves (``token``), and the code's exchange at ``/oauth2/token``.

A code is single use and valid for five minutes, bound to its client, redirect URI and PKCE
challenge. Its exchange (``grant_type=authorization_code``) checks all three, with OAuth's
``invalid_grant`` for any mismatch, a reused or expired code, a wrong or missing verifier, or a user
disabled or deleted since; then pre token generation runs (``TokenGeneration_HostedAuth``) and the
tokens carry the granted scopes, an ID token only for ``openid`` (with ``nonce`` and ``at_hash``), and a
refresh token whose refreshes keep those scopes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from ..cognito import _state
from ..cognito._oauth import token_answer
from ..cognito._pools import Call, find_user
from ..cognito._tokens import issue
from ._authorize import Authorization

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


def with_params(url: str, params: dict[str, str | None], *, fragment: bool = False) -> str:
    """``url`` with ``params`` (``None`` values left out) added to its query, or as its fragment."""
    encoded = urlencode({k: v for k, v in params.items() if v is not None})
    if fragment:
        return f"{url}#{encoded}"
    return f"{url}{'&' if '?' in url else '?'}{encoded}"


def _tokens(call: Call, user: Any, scopes: tuple[str, ...], nonce: str | None, auth_time: int, *,
            refresh: bool) -> dict[str, Any]:
    return token_answer(issue(call, user, SOURCE, scopes=list(scopes), nonce=nonce, id_token="openid" in scopes,
                              auth_time=auth_time, refresh=refresh))


def complete(pool: Any, request: Authorization, user: Any, auth_time: int) -> str:
    """Where the browser goes after signing in: the redirect URI with a new code, or (``token``) with the
    tokens in its fragment.

    :raises: Cognito's error of a failing pre token generation (``token`` only: a code's runs at its exchange).
    """
    if request.response_type == "token":
        tokens = _tokens(Call(pool, request.client, SDK), user, request.scopes, request.nonce, auth_time,
                         refresh=False)
        return with_params(request.redirect_uri, {**{k: str(v) for k, v in tokens.items()}, "state": request.state},
                           fragment=True)
    code = str(uuid.uuid4())
    grant = Grant(request.client.id, user.username, request.redirect_uri, request.scopes, request.nonce,
                  request.code_challenge, auth_time, time.time() + CODE_SECONDS)
    with _state._lock:
        _state.state(pool.id).grants[code] = grant
    return with_params(request.redirect_uri, {"code": code, "state": request.state})


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
    return _tokens(Call(pool, client, SDK), user, grant.scopes, grant.nonce, grant.auth_time, refresh=True)
