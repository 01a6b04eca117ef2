"""The WSGI layer in front of moto that serves each pool's domain under ``/_domain/<host>``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from . import _mfa_views, _views, _web
from .._marks import INTERNAL
from ._domains import PATH_PREFIX, pool_of_host
from ._session import csrf_token

_log = logging.getLogger("cdktf_userpool.local")


@dataclass
class Site:
    """One request to one pool's domain."""

    pool: Any
    host: str
    request: Any
    """The werkzeug request."""
    base: str = field(init=False)
    """The domain's path on the emulator (``/_domain/<host>``), which every link and cookie is under."""
    base_url: str = field(init=False)
    """The domain's absolute URL (``http://127.0.0.1:<port>/_domain/<host>``)."""
    csrf: str = field(init=False)

    def __post_init__(self) -> None:
        self.base = f"{PATH_PREFIX}{quote(self.host)}".rstrip("/")
        self.base_url = self.request.host_url.rstrip("/") + self.base
        self.csrf = csrf_token(self.request.cookies)


def _token(site: Site) -> Any:
    from ..cognito._oauth import answer_token

    if site.request.method != "POST":
        return _web.json_response({"error": "invalid_request"}, 405)
    status, headers, body = answer_token(site.request, site.pool)
    return _web.http_response(body, status, headers.get("Content-Type", "application/json"))


def _user_info(site: Site) -> Any:
    from ._oidc import TokenRefused, user_info

    try:
        return _web.json_response(user_info(site.pool, str(site.request.headers.get("Authorization") or "")))
    except TokenRefused as refused:
        return _web.json_response({"error": "invalid_token", "error_description": str(refused)}, 401,
                                    {"WWW-Authenticate": f'Bearer error="invalid_token", error_description="{refused}"'})


def _revoke(site: Site) -> Any:
    from ..cognito._oauth import OAuthError, _client_credentials
    from ._oidc import revoke

    if site.request.method != "POST":
        return _web.json_response({"error": "invalid_request"}, 405)
    form = {k: str(v) for k, v in site.request.form.items()}
    try:
        client_id, secret = _client_credentials(site.request, form)
    except OAuthError as refused:
        return _web.json_response({"error": refused.error}, refused.status)
    refused_with = revoke(site.pool, client_id, secret, form.get("token", ""))
    if refused_with is not None:
        return _web.json_response({"error": refused_with[0]}, refused_with[1])
    return _web.http_response("", 200, "application/json")


def _discovery(site: Site) -> Any:
    from ._oidc import discovery

    return _web.json_response(discovery(site.pool, site.base_url))


def _jwks(site: Site) -> Any:
    from ..cognito._tokens import jwks

    return _web.json_response(jwks(site.pool))


ROUTES: dict[str, Callable[[Site], Any]] = {
    "oauth2/authorize": _views.authorize,
    "oauth2/token": _token,
    "oauth2/userInfo": _user_info,
    "oauth2/revoke": _revoke,
    "login": _views.login,
    "signup": _views.signup,
    "confirmUser": _views.confirm_user,
    "resendcode": _views.resend_code,
    "forgotPassword": _views.forgot_password,
    "confirmForgotPassword": _views.confirm_forgot_password,
    "newPassword": _views.new_password,
    "mfa": _mfa_views.mfa,
    "logout": _views.logout,
    "error": _views.error_page,
    ".well-known/openid-configuration": _discovery,
    ".well-known/jwks.json": _jwks,
}
"""Path under the domain -> its view."""

_CORS = ("oauth2/token", "oauth2/userInfo", "oauth2/revoke", ".well-known/openid-configuration", ".well-known/jwks.json")
"""Endpoints a single-page app calls with ``fetch`` from its own origin: answered with CORS headers."""


def _cors(response: Any, request: Any) -> Any:
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin") or "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
    response.headers["Vary"] = "Origin"
    return response


def _serve(environ: dict[str, Any]) -> Any:
    from werkzeug.wrappers import Request

    request = Request(environ)
    host, _, rest = request.path[len(PATH_PREFIX):].partition("/")
    pool = pool_of_host(host)
    if pool is None:
        return _web.http_response(f"No user pool of the local emulator has the domain {host!r}.", 404, "text/plain")
    view = ROUTES.get(rest.rstrip("/"))
    if view is None:
        return _web.http_response(f"Not found: /{rest}", 404, "text/plain")
    if rest.rstrip("/") not in _CORS:
        return _call(view, Site(pool, host, request), rest)
    if request.method == "OPTIONS":
        return _cors(_web.http_response("", 204, "text/plain"), request)
    return _cors(_call(view, Site(pool, host, request), rest), request)


def _call(view: Callable[[Site], Any], site: Site, rest: str) -> Any:
    """``view``'s answer; a bug of this layer is a 500 that says so (and its traceback in the log)."""
    request = site.request
    try:
        return view(site)
    except Exception as failed:  # a bug of this layer: an answer that says so, never a hang
        _log.exception("%s managed-login %s /%s", INTERNAL, request.method, rest)
        return _web.http_response(f"The local emulator failed in managed login (/{rest}): {type(failed).__name__}: "
                                f"{failed} (the traceback is in its log)", 500, "text/plain")


def wrap(app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """``app`` with the pools' domains served under :data:`PATH_PREFIX` in front of it."""

    def middleware(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO") or "")
        if not path.startswith(PATH_PREFIX):
            return app(environ, start_response)
        response = _serve(environ)
        _log.info("login %s %s -> %s", environ.get("REQUEST_METHOD"), path, response.status_code)
        return response(environ, start_response)  # type: ignore[no-any-return]

    return middleware
