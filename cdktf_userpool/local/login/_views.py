"""Managed login's pages and endpoints, each a function of the :class:`~._app.Site` it serves.

The pages run the pool's triggers through the API's own flows (``cdktf_userpool.local.cognito``), so
they fire in the same order and refuse with the same messages, shown on the page:

- ``/login``: user migration (an unknown user), pre authentication, the password, then post
  authentication and the session cookie. An unconfirmed user goes to ``/confirmUser`` (a new code is
  sent), a user whose password must be reset to ``/confirmForgotPassword`` (a code is sent), a user
  created by an administrator to the new-password form.
- ``/signup``: pre sign-up, custom message (the code), or straight in when pre sign-up confirms.
- ``/confirmUser`` (``/resendcode``): the code, post confirmation, then the user is signed in.
- ``/forgotPassword``, ``/confirmForgotPassword``: the code (custom message), the new password, post
  confirmation, then the sign-in form again.
- ``/newPassword``: the new password of ``NEW_PASSWORD_REQUIRED``, then the user is signed in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup
from moto.core.exceptions import JsonRESTError

from ..cognito import _recovery, _signin, _signup
from ..cognito._errors import not_authorized
from ..cognito._events import build
from ..cognito._invoke import invoke
from ..cognito._pools import (
    Call,
    check_password,
    event_attributes,
    find_user,
    secret_hash,
    set_status,
    status,
    username_attributes,
)
from ._authorize import Authorization, ErrorPage, ErrorRedirect, check
from ..cognito._codes import SDK
from ._grants import complete, with_params
from ._pages import Field, form, links, page
from ._session import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_SECONDS,
    csrf_ok,
    current,
    end,
    start,
)

if TYPE_CHECKING:
    from werkzeug.wrappers import Response

    from ._app import Site


def _response(body: str, status_code: int = 200, content_type: str = "text/html; charset=utf-8") -> Response:
    from werkzeug.wrappers import Response

    return Response(body, status=status_code, content_type=content_type)


def redirect(location: str) -> Response:
    from werkzeug.wrappers import Response

    return Response("", status=302, headers={"Location": location})


def _said(error: JsonRESTError) -> str:
    """The message of a Cognito error (a refusing trigger, a wrong code...), as the page shows it."""
    return str(getattr(error, "message", "") or error)


def _to_error_page(site: Site, error: str, client_id: str) -> Response:
    """Cognito's error page for a request it cannot send back to the app."""
    return redirect(f"{site.base}/error?{urlencode({'error': error, 'client_id': client_id})}")


def _params(site: Site, **extra: str) -> dict[str, str]:
    params = {k: v for k, v in site.request.args.items() if k not in ("username",)}
    params.update(extra)
    return params


def _url(site: Site, path: str, **extra: str) -> str:
    return f"{site.base}/{path}?{urlencode(_params(site, **extra))}"


def _show(site: Site, title: str, body: Markup, *, error: str | None = None, notice: str | None = None,
          status_code: int = 200) -> Response:
    response = _response(page(title, body, error=error, notice=notice), status_code)
    response.set_cookie(CSRF_COOKIE, site.csrf, path=f"{site.base}/", httponly=True, samesite="Lax")
    return response


def _checked(view: Callable[[Site, Authorization], Response]) -> Callable[[Site], Response]:
    """``view`` with the authorize parameters checked first (Cognito's error page or redirect otherwise)."""

    def checked(site: Site) -> Response:
        try:
            request = check(site.pool, site.request.args)
        except ErrorPage as refused:
            return _to_error_page(site, refused.error, refused.client_id)
        except ErrorRedirect as refused:
            return redirect(with_params(refused.redirect_uri, {"error": refused.error,
                                                               "error_description": refused.description,
                                                               "state": refused.state}))
        if site.request.method == "POST" and not csrf_ok(site.request.cookies, site.request.form):
            return _show(site, "Error", Markup(), error="Your session has expired. Reload the page and try again.",
                         status_code=403)
        return view(site, request)

    checked.__name__ = view.__name__
    return checked


def _call(site: Site, request: Authorization) -> Call:
    return Call(site.pool, request.client, SDK)


def _secret(request: Authorization, username: str) -> str | None:
    client = request.client
    return secret_hash(client.secret, username, client.id) if client.generate_secret else None


def _signed_in(site: Site, request: Authorization, user: Any, *, pre_authentication: bool) -> Response:
    """Post authentication, the session cookie, then back to the app (a code, or the tokens)."""
    call = _call(site, request)
    if pre_authentication:
        _signin.pre_authentication(call, user, None)
    invoke(call, "PostAuthentication", build("PostAuthentication_Authentication", call, user.username,
                                              user_attributes=event_attributes(user)))
    value, login = start(site.pool, user.username)
    response = _to_app(site, request, user, login.auth_time)
    response.set_cookie(SESSION_COOKIE, value, max_age=SESSION_SECONDS, path=f"{site.base}/", httponly=True,
                        samesite="Lax")
    return response


def _to_app(site: Site, request: Authorization, user: Any, auth_time: int) -> Response:
    try:
        return redirect(complete(site.pool, request, user, auth_time))
    except JsonRESTError as failed:  # pre token generation of the token response type
        message = _said(failed)
        return redirect(with_params(request.redirect_uri, {"error_description": message, "error": "invalid_request",
                                                           "state": request.state}))


def _by_session(site: Site, request: Authorization) -> Response | None:
    """Back to the app for the user of a valid session cookie; ``None`` without one, with ``prompt=login``,
    or when the user is gone or disabled (the form then)."""
    login = current(site.pool, site.request.cookies)
    if login is None or request.prompt_login:
        return None
    user = find_user(site.pool, login.username)
    if user is None or not user.enabled:
        return None
    return _to_app(site, request, user, login.auth_time)


@_checked
def authorize(site: Site, request: Authorization) -> Response:
    """``GET /oauth2/authorize``: back to the app at once with a session, else the sign-in page."""
    return _by_session(site, request) or redirect(_url(site, "login"))


def _username_label(site: Site) -> str:
    kinds = username_attributes(site.pool)
    return "Email" if kinds == ["email"] else "Email or phone number" if kinds else "Username"


def _login_form(site: Site, *, error: str | None = None, notice: str | None = None, status_code: int = 200,
                username: str = "") -> Response:
    body = form(_url(site, "login"), site.csrf, [
        Field("username", _username_label(site), value=username, autocomplete="username"),
        Field("password", "Password", "password", autocomplete="current-password"),
    ], "Sign in") + links([("Forgot your password?", _url(site, "forgotPassword")),
                           ("Sign up", _url(site, "signup"))])
    return _show(site, "Sign in", body, error=error, notice=notice, status_code=status_code)


@_checked
def login(site: Site, request: Authorization) -> Response:
    """``/login``: the sign-in form, and its post."""
    if site.request.method != "POST":
        return _by_session(site, request) or _login_form(site)
    name = str(site.request.form.get("username") or "").strip()
    password = str(site.request.form.get("password") or "")
    call = _call(site, request)
    try:
        user = _signin.check_credentials(call, name, password, None, checked_secret=True)
        state = status(user)
        if state == "UNCONFIRMED":
            _signup.resend_confirmation_code({"ClientId": request.client.id, "Username": user.username,
                                              "SecretHash": _secret(request, user.username)}, SDK)
            return redirect(_url(site, "confirmUser", username=user.username))
        if state == "RESET_REQUIRED":
            _recovery.forgot_password({"ClientId": request.client.id, "Username": user.username,
                                       "SecretHash": _secret(request, user.username)}, SDK)
            return redirect(_url(site, "confirmForgotPassword", username=user.username))
        if state == "FORCE_CHANGE_PASSWORD":
            session = _signin.open_session(call, "NEW_PASSWORD_REQUIRED", user)
            return _new_password_form(site, session)
        return _signed_in(site, request, user, pre_authentication=False)
    except JsonRESTError as refused:
        message = _said(refused)
        return _login_form(site, error=message, status_code=400, username=name)


def _new_password_form(site: Site, session: str, error: str | None = None) -> Response:
    body = form(_url(site, "newPassword"), site.csrf, [
        Field("session", "", "hidden", session),
        Field("new_password", "New password", "password", autocomplete="new-password"),
    ], "Change password")
    return _show(site, "Change your password", body, error=error,
                 notice=None if error else "Your password must be changed before you sign in.",
                 status_code=400 if error else 200)


@_checked
def new_password(site: Site, request: Authorization) -> Response:
    """``POST /newPassword``: ``NEW_PASSWORD_REQUIRED`` answered, then signed in."""
    if site.request.method != "POST":
        return redirect(_url(site, "login"))
    call = _call(site, request)
    session = str(site.request.form.get("session") or "")
    try:
        pending = _signin.take_session(call, session, "NEW_PASSWORD_REQUIRED")
    except JsonRESTError as refused:
        return _login_form(site, error=_said(refused), status_code=400)
    user = find_user(site.pool, pending["username"])
    password = str(site.request.form.get("new_password") or "")
    try:
        if user is None:
            raise not_authorized("Invalid session for the user.")
        check_password(site.pool, password)
    except JsonRESTError as refused:
        message = _said(refused)
        return _new_password_form(site, _signin.open_session(call, "NEW_PASSWORD_REQUIRED", user), message)
    user.password = password
    set_status(user, "CONFIRMED")
    try:
        return _signed_in(site, request, user, pre_authentication=False)
    except JsonRESTError as refused:
        message = _said(refused)
        return _login_form(site, error=message, status_code=400)


def _signup_fields(site: Site) -> list[Field]:
    """The username, the password, and every other attribute the pool's schema requires."""
    kinds = username_attributes(site.pool)
    fields = [Field("username", _username_label(site), "email" if kinds == ["email"] else "text",
                    value=str(site.request.form.get("username") or ""), autocomplete="username"),
              Field("password", "Password", "password", autocomplete="new-password")]
    for name, attribute in sorted(site.pool.schema_attributes.items()):
        if attribute.required and name not in kinds and name != "sub":  # Cognito sets the sub
            fields.append(Field(name, name.replace("_", " ").capitalize(), "email" if name == "email" else "text",
                                value=str(site.request.form.get(name) or "")))
    return fields


@_checked
def signup(site: Site, request: Authorization) -> Response:
    """``/signup``: the sign-up form, and its post (confirmed at once when pre sign-up says so)."""
    if site.request.method != "POST":
        return _show(site, "Sign up", form(_url(site, "signup"), site.csrf, _signup_fields(site), "Sign up")
                     + links([("Already have an account? Sign in", _url(site, "login"))]))
    posted = site.request.form
    name = str(posted.get("username") or "").strip()
    given = [{"Name": f.name, "Value": str(posted.get(f.name) or "")} for f in _signup_fields(site)[2:]]
    try:
        answer = _signup.sign_up({"ClientId": request.client.id, "Username": name, "Password": posted.get("password"),
                                  "UserAttributes": given, "SecretHash": _secret(request, name)}, SDK)
        user = find_user(site.pool, name) or find_user(site.pool, str(answer.get("UserSub")))
        if user is None:  # a bug of this layer, answered as such
            raise LookupError(f"the user {name!r} signed up but is not in the pool")
        if answer.get("UserConfirmed"):
            return _signed_in(site, request, user, pre_authentication=True)
        return redirect(_url(site, "confirmUser", username=user.username))
    except JsonRESTError as refused:
        message = _said(refused)
        return _show(site, "Sign up", form(_url(site, "signup"), site.csrf, _signup_fields(site), "Sign up"),
                     error=message, status_code=400)


def _confirm_form(site: Site, username: str, *, error: str | None = None, notice: str | None = None) -> Response:
    body = form(_url(site, "confirmUser", username=username), site.csrf, [
        Field("username", "", "hidden", username),
        Field("code", "Verification code", autocomplete="one-time-code"),
    ], "Confirm account") + form(_url(site, "resendcode", username=username), site.csrf, [
        Field("username", "", "hidden", username)], "Send a new code")
    return _show(site, "Confirm your account", body, error=error,
                 notice=notice or "We sent a code to confirm your account.", status_code=400 if error else 200)


@_checked
def confirm_user(site: Site, request: Authorization) -> Response:
    """``/confirmUser``: the sign-up code, post confirmation, then signed in."""
    username = str(site.request.values.get("username") or "")
    if site.request.method != "POST":
        return _confirm_form(site, username)
    try:
        _signup.confirm_sign_up({"ClientId": request.client.id, "Username": username,
                                 "ConfirmationCode": str(site.request.form.get("code") or "").strip(),
                                 "SecretHash": _secret(request, username)}, SDK)
        user = find_user(site.pool, username)
        return _signed_in(site, request, user, pre_authentication=True)
    except JsonRESTError as refused:
        message = _said(refused)
        return _confirm_form(site, username, error=message)


@_checked
def resend_code(site: Site, request: Authorization) -> Response:
    """``POST /resendcode``: a new sign-up code."""
    username = str(site.request.values.get("username") or "")
    try:
        _signup.resend_confirmation_code({"ClientId": request.client.id, "Username": username,
                                          "SecretHash": _secret(request, username)}, SDK)
    except JsonRESTError as refused:
        message = _said(refused)
        return _confirm_form(site, username, error=message)
    return _confirm_form(site, username, notice="We sent a new code.")


@_checked
def forgot_password(site: Site, request: Authorization) -> Response:
    """``/forgotPassword``: the username, then a reset code."""
    fields = [Field("username", _username_label(site), autocomplete="username")]
    if site.request.method != "POST":
        return _show(site, "Forgot your password?", form(_url(site, "forgotPassword"), site.csrf, fields, "Reset my password"))
    username = str(site.request.form.get("username") or "").strip()
    try:
        _recovery.forgot_password({"ClientId": request.client.id, "Username": username,
                                   "SecretHash": _secret(request, username)}, SDK)
    except JsonRESTError as refused:
        message = _said(refused)
        return _show(site, "Forgot your password?", form(_url(site, "forgotPassword"), site.csrf, fields,
                                                         "Reset my password"), error=message, status_code=400)
    return redirect(_url(site, "confirmForgotPassword", username=username))


def _reset_form(site: Site, username: str, error: str | None = None) -> Response:
    body = form(_url(site, "confirmForgotPassword", username=username), site.csrf, [
        Field("username", "", "hidden", username),
        Field("code", "Code", autocomplete="one-time-code"),
        Field("password", "New password", "password", autocomplete="new-password"),
    ], "Change password")
    return _show(site, "Reset your password", body, error=error,
                 notice=None if error else "We sent a code to reset your password.", status_code=400 if error else 200)


@_checked
def confirm_forgot_password(site: Site, request: Authorization) -> Response:
    """``/confirmForgotPassword``: the code and the new password, then the sign-in form."""
    username = str(site.request.values.get("username") or "")
    if site.request.method != "POST":
        return _reset_form(site, username)
    try:
        _recovery.confirm_forgot_password({
            "ClientId": request.client.id, "Username": username, "Password": site.request.form.get("password"),
            "ConfirmationCode": str(site.request.form.get("code") or "").strip(),
            "SecretHash": _secret(request, username)}, SDK)
    except JsonRESTError as refused:
        message = _said(refused)
        return _reset_form(site, username, message)
    return _login_form(site, notice="Your password has been reset. Sign in with your new password.")


def error_page(site: Site) -> Response:
    """``/error``: Cognito's page for a request it cannot send back to the app."""
    error = str(site.request.args.get("error") or "invalid_request")
    return _show(site, "An error was encountered with the requested page.", Markup(), error=error, status_code=400)


def logout(site: Site) -> Response:
    """``GET /logout``: the session ends, then the app's ``logout_uri`` (which the client must list), or the
    sign-in page again (``redirect_uri`` and ``response_type``)."""
    args = site.request.args
    client = site.pool.clients.get(str(args.get("client_id") or ""))
    if client is None:
        return _to_error_page(site, "unauthorized_client", str(args.get("client_id") or ""))
    logout_uri = args.get("logout_uri")
    if logout_uri is not None:
        if logout_uri not in (client.extended_config.get("LogoutURLs") or []):
            return _to_error_page(site, "redirect_mismatch", client.id)
        target = logout_uri
    else:
        try:
            check(site.pool, args)
        except (ErrorPage, ErrorRedirect):
            return _to_error_page(site, "redirect_mismatch", client.id)
        target = f"{site.base}/login?{urlencode(dict(args.items()))}"
    end(site.pool, site.request.cookies)
    response = redirect(target)
    response.delete_cookie(SESSION_COOKIE, path=f"{site.base}/")
    return response


def json_response(body: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = _response(json.dumps(body), status_code, "application/json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response
