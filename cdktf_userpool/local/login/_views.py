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

Where the pool asks for a second factor, a verified password (or new password) leads to its page
(``_mfa_views``: the code, the choice, or the set-up) before the user is signed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from markupsafe import Markup
from moto.core.exceptions import JsonRESTError

from ..cognito import _recovery, _signin, _signup
from ..cognito._codes import SDK
from ..cognito._errors import not_authorized
from ..cognito._pools import check_password, find_user, set_status, status, username_attributes
from ._authorize import Authorization, ErrorPage, ErrorRedirect, check
from ._mfa_views import FLOW, challenge_page
from ._pages import Field, form, links
from ._session import SESSION_COOKIE, current, end
from ._web import call_of, checked, redirect, said, secret_of, show, signed_in, to_app, to_error_page, url

if TYPE_CHECKING:
    from werkzeug.wrappers import Response

    from ._app import Site


def _by_session(site: Site, request: Authorization) -> Response | None:
    """Back to the app for the user of a valid session cookie; ``None`` without one, with ``prompt=login``,
    or when the user is gone or disabled (the form then)."""
    login = current(site.pool, site.request.cookies)
    if login is None or request.prompt_login:
        return None
    user = find_user(site.pool, login.username)
    if user is None or not user.enabled:
        return None
    return to_app(site, request, user, login.auth_time)


@checked
def authorize(site: Site, request: Authorization) -> Response:
    """``GET /oauth2/authorize``: back to the app at once with a session, else the sign-in page."""
    return _by_session(site, request) or redirect(url(site, "login"))


def _username_label(site: Site) -> str:
    kinds = username_attributes(site.pool)
    return "Email" if kinds == ["email"] else "Email or phone number" if kinds else "Username"


def _login_form(site: Site, *, error: str | None = None, notice: str | None = None, status_code: int = 200,
                username: str = "") -> Response:
    body = form(url(site, "login"), site.csrf, [
        Field("username", _username_label(site), value=username, autocomplete="username"),
        Field("password", "Password", "password", autocomplete="current-password"),
    ], "Sign in") + links([("Forgot your password?", url(site, "forgotPassword")),
                           ("Sign up", url(site, "signup"))])
    return show(site, "Sign in", body, error=error, notice=notice, status_code=status_code)


@checked
def login(site: Site, request: Authorization) -> Response:
    """``/login``: the sign-in form, and its post."""
    if site.request.method != "POST":
        return _by_session(site, request) or _login_form(site)
    name = str(site.request.form.get("username") or "").strip()
    password = str(site.request.form.get("password") or "")
    call = call_of(site, request)
    try:
        user = _signin.check_credentials(call, name, password, None, checked_secret=True)
        state = status(user)
        if state == "UNCONFIRMED":
            _signup.resend_confirmation_code({"ClientId": request.client.id, "Username": user.username,
                                              "SecretHash": secret_of(request, user.username)}, SDK)
            return redirect(url(site, "confirmUser", username=user.username))
        if state == "RESET_REQUIRED":
            _recovery.forgot_password({"ClientId": request.client.id, "Username": user.username,
                                       "SecretHash": secret_of(request, user.username)}, SDK)
            return redirect(url(site, "confirmForgotPassword", username=user.username))
        if state == "FORCE_CHANGE_PASSWORD":
            session = _signin.open_session(call, "NEW_PASSWORD_REQUIRED", user)
            return _new_password_form(site, session)
        return _second_factor_or_signed_in(site, request, user)
    except JsonRESTError as refused:
        message = said(refused)
        return _login_form(site, error=message, status_code=400, username=name)


def _second_factor_or_signed_in(site: Site, request: Authorization, user: Any) -> Response:
    """The second factor's page where the pool asks for one (the API's MFA step), else signed in."""
    challenge = _signin.second_factor(call_of(site, request), user, then=(FLOW, None))
    if challenge is not None:
        return challenge_page(site, user.username, challenge)
    return signed_in(site, request, user, pre_authentication=False)


def _new_password_form(site: Site, session: str, error: str | None = None) -> Response:
    body = form(url(site, "newPassword"), site.csrf, [
        Field("session", "", "hidden", session),
        Field("new_password", "New password", "password", autocomplete="new-password"),
    ], "Change password")
    return show(site, "Change your password", body, error=error,
                 notice=None if error else "Your password must be changed before you sign in.",
                 status_code=400 if error else 200)


@checked
def new_password(site: Site, request: Authorization) -> Response:
    """``POST /newPassword``: ``NEW_PASSWORD_REQUIRED`` answered, then signed in."""
    if site.request.method != "POST":
        return redirect(url(site, "login"))
    call = call_of(site, request)
    session = str(site.request.form.get("session") or "")
    try:
        pending = _signin.take_session(call, session, "NEW_PASSWORD_REQUIRED")
    except JsonRESTError as refused:
        return _login_form(site, error=said(refused), status_code=400)
    user = find_user(site.pool, pending["username"])
    password = str(site.request.form.get("new_password") or "")
    try:
        if user is None:
            raise not_authorized("Invalid session for the user.")
        check_password(site.pool, password)
    except JsonRESTError as refused:
        message = said(refused)
        return _new_password_form(site, _signin.open_session(call, "NEW_PASSWORD_REQUIRED", user), message)
    user.password = password
    set_status(user, "CONFIRMED")
    try:
        return _second_factor_or_signed_in(site, request, user)
    except JsonRESTError as refused:
        message = said(refused)
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


@checked
def signup(site: Site, request: Authorization) -> Response:
    """``/signup``: the sign-up form, and its post (confirmed at once when pre sign-up says so)."""
    if site.request.method != "POST":
        return show(site, "Sign up", form(url(site, "signup"), site.csrf, _signup_fields(site), "Sign up")
                     + links([("Already have an account? Sign in", url(site, "login"))]))
    posted = site.request.form
    name = str(posted.get("username") or "").strip()
    given = [{"Name": f.name, "Value": str(posted.get(f.name) or "")} for f in _signup_fields(site)[2:]]
    try:
        answer = _signup.sign_up({"ClientId": request.client.id, "Username": name, "Password": posted.get("password"),
                                  "UserAttributes": given, "SecretHash": secret_of(request, name)}, SDK)
        user = find_user(site.pool, name) or find_user(site.pool, str(answer.get("UserSub")))
        if user is None:  # a bug of this layer, answered as such
            raise LookupError(f"the user {name!r} signed up but is not in the pool")
        if answer.get("UserConfirmed"):
            return signed_in(site, request, user, pre_authentication=True)
        return redirect(url(site, "confirmUser", username=user.username))
    except JsonRESTError as refused:
        message = said(refused)
        return show(site, "Sign up", form(url(site, "signup"), site.csrf, _signup_fields(site), "Sign up"),
                     error=message, status_code=400)


def _confirm_form(site: Site, username: str, *, error: str | None = None, notice: str | None = None) -> Response:
    body = form(url(site, "confirmUser", username=username), site.csrf, [
        Field("username", "", "hidden", username),
        Field("code", "Verification code", autocomplete="one-time-code"),
    ], "Confirm account") + form(url(site, "resendcode", username=username), site.csrf, [
        Field("username", "", "hidden", username)], "Send a new code")
    return show(site, "Confirm your account", body, error=error,
                 notice=notice or "We sent a code to confirm your account.", status_code=400 if error else 200)


@checked
def confirm_user(site: Site, request: Authorization) -> Response:
    """``/confirmUser``: the sign-up code, post confirmation, then signed in."""
    username = str(site.request.values.get("username") or "")
    if site.request.method != "POST":
        return _confirm_form(site, username)
    try:
        _signup.confirm_sign_up({"ClientId": request.client.id, "Username": username,
                                 "ConfirmationCode": str(site.request.form.get("code") or "").strip(),
                                 "SecretHash": secret_of(request, username)}, SDK)
        user = find_user(site.pool, username)
        return signed_in(site, request, user, pre_authentication=True)
    except JsonRESTError as refused:
        message = said(refused)
        return _confirm_form(site, username, error=message)


@checked
def resend_code(site: Site, request: Authorization) -> Response:
    """``POST /resendcode``: a new sign-up code."""
    username = str(site.request.values.get("username") or "")
    try:
        _signup.resend_confirmation_code({"ClientId": request.client.id, "Username": username,
                                          "SecretHash": secret_of(request, username)}, SDK)
    except JsonRESTError as refused:
        message = said(refused)
        return _confirm_form(site, username, error=message)
    return _confirm_form(site, username, notice="We sent a new code.")


@checked
def forgot_password(site: Site, request: Authorization) -> Response:
    """``/forgotPassword``: the username, then a reset code."""
    fields = [Field("username", _username_label(site), autocomplete="username")]
    if site.request.method != "POST":
        return show(site, "Forgot your password?", form(url(site, "forgotPassword"), site.csrf, fields, "Reset my password"))
    username = str(site.request.form.get("username") or "").strip()
    try:
        _recovery.forgot_password({"ClientId": request.client.id, "Username": username,
                                   "SecretHash": secret_of(request, username)}, SDK)
    except JsonRESTError as refused:
        message = said(refused)
        return show(site, "Forgot your password?", form(url(site, "forgotPassword"), site.csrf, fields,
                                                         "Reset my password"), error=message, status_code=400)
    return redirect(url(site, "confirmForgotPassword", username=username))


def _reset_form(site: Site, username: str, error: str | None = None) -> Response:
    body = form(url(site, "confirmForgotPassword", username=username), site.csrf, [
        Field("username", "", "hidden", username),
        Field("code", "Code", autocomplete="one-time-code"),
        Field("password", "New password", "password", autocomplete="new-password"),
    ], "Change password")
    return show(site, "Reset your password", body, error=error,
                 notice=None if error else "We sent a code to reset your password.", status_code=400 if error else 200)


@checked
def confirm_forgot_password(site: Site, request: Authorization) -> Response:
    """``/confirmForgotPassword``: the code and the new password, then the sign-in form."""
    username = str(site.request.values.get("username") or "")
    if site.request.method != "POST":
        return _reset_form(site, username)
    try:
        _recovery.confirm_forgot_password({
            "ClientId": request.client.id, "Username": username, "Password": site.request.form.get("password"),
            "ConfirmationCode": str(site.request.form.get("code") or "").strip(),
            "SecretHash": secret_of(request, username)}, SDK)
    except JsonRESTError as refused:
        message = said(refused)
        return _reset_form(site, username, message)
    return _login_form(site, notice="Your password has been reset. Sign in with your new password.")


def error_page(site: Site) -> Response:
    """``/error``: Cognito's page for a request it cannot send back to the app."""
    error = str(site.request.args.get("error") or "invalid_request")
    return show(site, "An error was encountered with the requested page.", Markup(), error=error, status_code=400)


def logout(site: Site) -> Response:
    """``GET /logout``: the session ends, then the app's ``logout_uri`` (which the client must list), or the
    sign-in page again (``redirect_uri`` and ``response_type``)."""
    args = site.request.args
    client = site.pool.clients.get(str(args.get("client_id") or ""))
    if client is None:
        return to_error_page(site, "unauthorized_client", str(args.get("client_id") or ""))
    logout_uri = args.get("logout_uri")
    if logout_uri is not None:
        if logout_uri not in (client.extended_config.get("LogoutURLs") or []):
            return to_error_page(site, "redirect_mismatch", client.id)
        target = logout_uri
    else:
        try:
            check(site.pool, args)
        except (ErrorPage, ErrorRedirect):
            return to_error_page(site, "redirect_mismatch", client.id)
        target = f"{site.base}/login?{urlencode(dict(args.items()))}"
    end(site.pool, site.request.cookies)
    response = redirect(target)
    response.delete_cookie(SESSION_COOKIE, path=f"{site.base}/")
    return response
