"""What a completed managed-login sign-in hands the app: an authorization code (``response_type=code``) or
the tokens themselves (``token``), in a redirect to the client's URI. The codes' store and their exchange
at ``/oauth2/token`` are ``cognito._codes``'.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from ..cognito._codes import SDK, hosted_tokens, new_code
from ..cognito._pools import Call
from ._authorize import Authorization

__all__ = ["complete", "with_params"]


def with_params(url: str, params: dict[str, str | None], *, fragment: bool = False) -> str:
    """``url`` with ``params`` (``None`` values left out) added to its query, or as its fragment."""
    encoded = urlencode({k: v for k, v in params.items() if v is not None})
    if fragment:
        return f"{url}#{encoded}"
    return f"{url}{'&' if '?' in url else '?'}{encoded}"


def complete(pool: Any, request: Authorization, user: Any, auth_time: int) -> str:
    """Where the browser goes after signing in: the redirect URI with a new code, or (``token``) with the
    tokens in its fragment.

    :raises: Cognito's error of a failing pre token generation (``token`` only: a code's runs at its exchange).
    """
    if request.response_type == "token":
        tokens = hosted_tokens(Call(pool, request.client, SDK), user, request.scopes, request.nonce, auth_time,
                               refresh=False)
        return with_params(request.redirect_uri, {**{k: str(v) for k, v in tokens.items()}, "state": request.state},
                           fragment=True)
    code = new_code(pool, request, user, auth_time)
    return with_params(request.redirect_uri, {"code": code, "state": request.state})
