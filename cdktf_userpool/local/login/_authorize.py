"""``/oauth2/authorize``: the request's parameters checked against the app client, as Cognito checks them.

Until the client and the redirect URI are known good, a refusal is Cognito's error page
(:class:`ErrorPage`: ``/error?error=...``); after that it goes back to the app
(:class:`ErrorRedirect`: ``<redirect_uri>?error=...&state=...``): ``unsupported_response_type``,
``unauthorized_client`` (a flow the client does not allow, a client not enabled for OAuth),
``invalid_scope``, ``invalid_request`` (PKCE: Cognito supports only ``S256``; an identity provider
the client does not support).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_FLOWS = {"code": "code", "token": "implicit"}
"""``response_type`` -> the ``AllowedOAuthFlows`` value that allows it."""


class ErrorPage(Exception):
    """A request Cognito answers with its error page (unknown client, a redirect URI it does not list)."""

    def __init__(self, error: str, client_id: str = "") -> None:
        super().__init__(error)
        self.error, self.client_id = error, client_id


class ErrorRedirect(Exception):
    """A request Cognito refuses back to the app's redirect URI with OAuth's ``error``."""

    def __init__(self, redirect_uri: str, error: str, description: str, state: str | None) -> None:
        super().__init__(f"{error}: {description}")
        self.redirect_uri, self.error, self.description, self.state = redirect_uri, error, description, state


@dataclass(frozen=True)
class Authorization:
    """A checked ``/oauth2/authorize`` request."""

    client: Any
    redirect_uri: str
    response_type: str
    """``"code"`` or ``"token"``."""
    scopes: tuple[str, ...]
    state: str | None
    nonce: str | None
    code_challenge: str | None
    """The PKCE challenge (``S256``), or ``None``."""
    prompt_login: bool
    """``prompt=login``: sign in with the form even with a session."""


def _client(pool: Any, client_id: str) -> Any:
    client = pool.clients.get(client_id) if client_id else None
    if client is None:
        raise ErrorPage("invalid_request" if not client_id else "unauthorized_client", client_id)
    return client


def check(pool: Any, params: Mapping[str, str]) -> Authorization:
    """The authorization ``params`` (a query string's) ask for, refused as Cognito refuses it.

    :raises ErrorPage: no or unknown ``client_id`` (or another pool's), a ``redirect_uri`` the client does not list.
    :raises ErrorRedirect: anything else wrong, once the redirect URI is known good.
    """
    client_id = str(params.get("client_id") or "")
    client = _client(pool, client_id)
    config = client.extended_config
    redirect_uri = str(params.get("redirect_uri") or "")
    if not redirect_uri or redirect_uri not in (config.get("CallbackURLs") or []):
        raise ErrorPage("redirect_mismatch", client_id)
    state = params.get("state")

    def refuse(error: str, description: str) -> ErrorRedirect:
        return ErrorRedirect(redirect_uri, error, description, state)

    response_type = str(params.get("response_type") or "")
    if response_type not in _FLOWS:
        raise refuse("unsupported_response_type", "response_type must be code or token.")
    if not config.get("AllowedOAuthFlowsUserPoolClient"):
        raise refuse("unauthorized_client", "The client is not enabled for OAuth flows.")
    if _FLOWS[response_type] not in (config.get("AllowedOAuthFlows") or []):
        raise refuse("unauthorized_client", f"The client does not allow the {_FLOWS[response_type]} flow.")
    allowed = list(config.get("AllowedOAuthScopes") or [])
    asked = str(params.get("scope") or "").split()
    scopes = tuple(asked) if asked else tuple(allowed)
    if not scopes or any(s not in allowed for s in scopes):
        raise refuse("invalid_scope", "A requested scope is not allowed for the client.")
    provider = params.get("identity_provider")
    supported = config.get("SupportedIdentityProviders") or []
    if provider is not None and provider not in supported:
        raise refuse("invalid_request", f"The identity provider {provider} is not supported by the client.")
    if provider is not None and provider != "COGNITO":
        raise refuse("invalid_request", f"The local emulator signs in only the pool's own users (COGNITO), "
                                        f"not through the identity provider {provider}.")
    if "COGNITO" not in supported:
        raise refuse("invalid_request", "The client does not support the Cognito user pool as an identity provider.")
    challenge = params.get("code_challenge")
    method = params.get("code_challenge_method")
    if challenge is not None or method is not None:
        if method != "S256":
            raise refuse("invalid_request", "code_challenge_method must be S256.")
        if not challenge:
            raise refuse("invalid_request", "code_challenge is required with code_challenge_method.")
    return Authorization(client=client, redirect_uri=redirect_uri, response_type=response_type, scopes=scopes,
                         state=state, nonce=params.get("nonce"), code_challenge=challenge or None,
                         prompt_login=params.get("prompt") == "login")
