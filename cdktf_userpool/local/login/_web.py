"""What every managed-login page shares: responses and redirects, the authorize parameters checked before a
view runs (:func:`checked`), the page shell with the CSRF cookie (:func:`show`), and the end of a sign-in
(:func:`signed_in`: post authentication, the session cookie, then back to the app)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup
from moto.core.exceptions import JsonRESTError

from ..cognito import _signin
from ..cognito._codes import SDK
from ..cognito._events import build
from ..cognito._invoke import invoke
from ..cognito._pools import Call, event_attributes, secret_hash
from ._authorize import Authorization, ErrorPage, ErrorRedirect, check
from ._grants import complete, with_params
from ._pages import page
from ._session import CSRF_COOKIE, SESSION_COOKIE, SESSION_SECONDS, csrf_ok, start

if TYPE_CHECKING:
    from werkzeug.wrappers import Response

    from ._app import Site

__all__ = ["call_of", "checked", "http_response", "json_response", "params", "redirect", "said", "secret_of", "show",
           "signed_in", "to_app", "to_error_page", "url"]


def http_response(body: str, status_code: int = 200, content_type: str = "text/html; charset=utf-8") -> Response:
    from werkzeug.wrappers import Response

    return Response(body, status=status_code, content_type=content_type)


def redirect(location: str) -> Response:
    from werkzeug.wrappers import Response

    return Response("", status=302, headers={"Location": location})


def said(error: JsonRESTError) -> str:
    """The message of a Cognito error (a refusing trigger, a wrong code...), as the page shows it."""
    return str(getattr(error, "message", "") or error)


def to_error_page(site: Site, error: str, client_id: str) -> Response:
    """Cognito's error page for a request it cannot send back to the app."""
    return redirect(f"{site.base}/error?{urlencode({'error': error, 'client_id': client_id})}")


def params(site: Site, **extra: str) -> dict[str, str]:
    """The authorize parameters of the request (not its ``username``), with ``extra``."""
    found = {k: v for k, v in site.request.args.items() if k not in ("username",)}
    found.update(extra)
    return found


def url(site: Site, path: str, **extra: str) -> str:
    return f"{site.base}/{path}?{urlencode(params(site, **extra))}"


def show(site: Site, title: str, body: Markup, *, error: str | None = None, notice: str | None = None,
          status_code: int = 200) -> Response:
    response = http_response(page(title, body, error=error, notice=notice), status_code)
    response.set_cookie(CSRF_COOKIE, site.csrf, path=f"{site.base}/", httponly=True, samesite="Lax")
    return response


def checked(view: Callable[[Site, Authorization], Response]) -> Callable[[Site], Response]:
    """``view`` with the authorize parameters checked first (Cognito's error page or redirect otherwise)."""

    def checked(site: Site) -> Response:
        try:
            request = check(site.pool, site.request.args)
        except ErrorPage as refused:
            return to_error_page(site, refused.error, refused.client_id)
        except ErrorRedirect as refused:
            return redirect(with_params(refused.redirect_uri, {"error": refused.error,
                                                               "error_description": refused.description,
                                                               "state": refused.state}))
        if site.request.method == "POST" and not csrf_ok(site.request.cookies, site.request.form):
            return show(site, "Error", Markup(), error="Your session has expired. Reload the page and try again.",
                         status_code=403)
        return view(site, request)

    checked.__name__ = view.__name__
    return checked


def call_of(site: Site, request: Authorization) -> Call:
    return Call(site.pool, request.client, SDK)


def secret_of(request: Authorization, username: str) -> str | None:
    client = request.client
    return secret_hash(client.secret, username, client.id) if client.generate_secret else None


def signed_in(site: Site, request: Authorization, user: Any, *, pre_authentication: bool) -> Response:
    """Post authentication, the session cookie, then back to the app (a code, or the tokens)."""
    call = call_of(site, request)
    if pre_authentication:
        _signin.pre_authentication(call, user, None)
    invoke(call, "PostAuthentication", build("PostAuthentication_Authentication", call, user.username,
                                              user_attributes=event_attributes(user)))
    value, login = start(site.pool, user.username)
    response = to_app(site, request, user, login.auth_time)
    response.set_cookie(SESSION_COOKIE, value, max_age=SESSION_SECONDS, path=f"{site.base}/", httponly=True,
                        samesite="Lax")
    return response


def to_app(site: Site, request: Authorization, user: Any, auth_time: int) -> Response:
    try:
        return redirect(complete(site.pool, request, user, auth_time))
    except JsonRESTError as failed:  # pre token generation of the token response type
        message = said(failed)
        return redirect(with_params(request.redirect_uri, {"error_description": message, "error": "invalid_request",
                                                           "state": request.state}))


def json_response(body: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = http_response(json.dumps(body), status_code, "application/json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response
