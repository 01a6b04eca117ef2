"""Managed login's second factor: after the password, the page that asks for the code, the choice, or the set-up.

The sign-in page asks the API's own MFA step (``_signin.second_factor``) with this flow as the one to hand
the sign-in back to, so the pool's MFA settings, the user's factors and the messages (the code sent through
the custom message trigger or a custom sender) are the API's. ``POST /mfa`` answers the challenge through
the API's answers, with the session kept in the page:

- ``SOFTWARE_TOKEN_MFA``, ``EMAIL_OTP``, ``SMS_MFA``: a ``code`` field (the authenticator's code, or the
  one sent, whose masked destination the page names); a wrong code shows the page again with Cognito's
  message, the same session, five answers in all;
- ``SELECT_MFA_TYPE``: one button per factor, then that factor's page;
- ``MFA_SETUP``: an authenticator's secret to enter into the app and a code of it (where the pool offers
  authenticator apps), or else an email address to send a code to.

Answered, the user is signed in as after a password (post authentication, the session cookie, back to the
app); an ended or expired session shows Cognito's message with a link to sign in again.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from moto.core.exceptions import JsonRESTError

from ..cognito import _mfa_settings, _signin
from ..cognito._codes import SDK
from ..cognito._pools import find_user
from ._authorize import Authorization
from ._pages import Field, form, links
from ._web import call_of, checked, redirect, said, secret_of, show, signed_in, url

if TYPE_CHECKING:
    from werkzeug.wrappers import Response

    from ._app import Site

__all__ = ["FLOW", "challenge_page", "mfa"]

FLOW = "MANAGED_LOGIN"
"""The flow managed login's second factor hands the sign-in back to (``_signin.resume``)."""
_SIGNED_IN = "cdktf_userpool:managed_login_user"
_CODES = {"SOFTWARE_TOKEN_MFA": "SOFTWARE_TOKEN_MFA_CODE", "EMAIL_OTP": "EMAIL_OTP_CODE", "SMS_MFA": "SMS_MFA_CODE"}
_LABELS = {"SOFTWARE_TOKEN_MFA": "Authenticator app", "EMAIL_OTP": "Email", "SMS_MFA": "Text message (SMS)"}
_TITLE = "Multi-factor authentication"


@_signin.resumes(FLOW)
def _answered(call: Any, user: Any, state: Any, step: dict[str, Any], client_metadata: Any) -> dict[str, Any]:
    """The second factor answered: the user, for :func:`mfa` to sign in (no tokens here: the token endpoint issues them)."""
    return {_SIGNED_IN: user.username}


_SHOWN = ("CODE_DELIVERY_DESTINATION", "MFAS_CAN_CHOOSE", "MFAS_CAN_SETUP")
"""The challenge's parameters a page carries, to show it again after a wrong answer."""


def _hidden(session: str, challenge: str, username: str, given: dict[str, Any], **more: str) -> list[Field]:
    fields = [Field("session", "", "hidden", session), Field("challenge", "", "hidden", challenge),
              Field("username", "", "hidden", username)]
    kept = {name: str(given[name]) for name in _SHOWN if given.get(name)}
    return fields + [Field(name, "", "hidden", value) for name, value in {**kept, **more}.items()]


def challenge_page(site: Site, username: str, challenge: dict[str, Any], *, error: str | None = None,
                   secret: str | None = None) -> Response:
    """The page of ``challenge`` (an API answer: ``ChallengeName``, ``Session``, ``ChallengeParameters``)."""
    name, session = str(challenge["ChallengeName"]), str(challenge["Session"])
    given = challenge.get("ChallengeParameters") or {}
    status_code = 400 if error else 200
    if name in _CODES:
        destination = given.get("CODE_DELIVERY_DESTINATION")
        notice = f"We sent a code to {destination}." if destination else "Enter the code from your authenticator app."
        body = form(url(site, "mfa"), site.csrf, [*_hidden(session, name, username, given),
                                                  Field("code", "Code", autocomplete="one-time-code")], "Sign in")
        return show(site, _TITLE, body, error=error, notice=None if error else notice, status_code=status_code)
    if name == "SELECT_MFA_TYPE":
        choices = json.loads(given.get("MFAS_CAN_CHOOSE") or "[]")
        body = Markup("").join(form(url(site, "mfa"), site.csrf, _hidden(session, name, username, given, answer=choice),
                                    _LABELS.get(choice, choice)) for choice in choices)
        return show(site, _TITLE, body, error=error, notice=None if error else "Choose how to receive your code.",
                    status_code=status_code)
    if name == "MFA_SETUP":
        return _setup_page(site, username, session, given, error, secret)
    return show(site, _TITLE, links([("Sign in again", url(site, "login"))]),
                error=f"This sign-in needs {name}, which managed login does not ask for.", status_code=400)


def _setup_page(site: Site, username: str, session: str, given: dict[str, Any], error: str | None,
                secret: str | None) -> Response:
    status_code = 400 if error else 200
    offered = json.loads(given.get("MFAS_CAN_SETUP") or "[]")
    if "SOFTWARE_TOKEN_MFA" in offered:
        if secret is None:  # associate an authenticator now: its secret and the session to verify it with
            associated = _mfa_settings.associate_software_token({"Session": session}, SDK)
            secret, session = str(associated["SecretCode"]), str(associated["Session"])
        body = form(url(site, "mfa"), site.csrf, [*_hidden(session, "MFA_SETUP", username, given, secret=secret),
                                                  Field("code", "Code", autocomplete="one-time-code")], "Sign in")
        notice = f"Add this key to your authenticator app, then enter the code it shows: {secret}"
        return show(site, "Set up your authenticator app", body, error=error, notice=notice, status_code=status_code)
    body = form(url(site, "mfa"), site.csrf, [*_hidden(session, "MFA_SETUP", username, given),
                                              Field("email", "Email", "email", autocomplete="email")], "Send code")
    return show(site, "Set up email codes", body, error=error,
                notice=None if error else "Enter the email address to send your sign-in codes to.", status_code=status_code)


def _answer(site: Site, request: Authorization, name: str, session: str, username: str) -> dict[str, Any]:
    """The API's answer to the posted page: the next challenge, or ``{_SIGNED_IN: username}``."""
    call = call_of(site, request)
    form_ = site.request.form
    responses: dict[str, Any] = {"USERNAME": username}
    secret_hash = secret_of(request, username)
    if secret_hash:
        responses["SECRET_HASH"] = secret_hash
    if name in _CODES:
        responses[_CODES[name]] = str(form_.get("code") or "").strip()
    elif name == "SELECT_MFA_TYPE":
        responses["ANSWER"] = str(form_.get("answer") or "")
    elif name == "MFA_SETUP" and form_.get("secret"):
        verified = _mfa_settings.verify_software_token(
            {"Session": session, "UserCode": str(form_.get("code") or "").strip(), "FriendlyDeviceName": "managed login"},
            SDK)
        session = str(verified["Session"])
    elif name == "MFA_SETUP":
        responses["EMAIL"] = str(form_.get("email") or "").strip()
    respond = _signin.responder(name)
    if respond is None:
        raise ValueError(name)
    return respond(call, {"ChallengeName": name, "Session": session, "ChallengeResponses": responses})


@checked
def mfa(site: Site, request: Authorization) -> Response:
    """``POST /mfa``: the second factor's page answered; signed in, the next page, or this one again with the error."""
    if site.request.method != "POST":
        return redirect(url(site, "login"))
    form_ = site.request.form
    name, session = str(form_.get("challenge") or ""), str(form_.get("session") or "")
    username, secret = str(form_.get("username") or ""), form_.get("secret")
    if name not in (*_CODES, "SELECT_MFA_TYPE", "MFA_SETUP"):
        return redirect(url(site, "login"))
    try:
        answer = _answer(site, request, name, session, username)
    except JsonRESTError as refused:
        if getattr(refused, "error_type", "") in ("CodeMismatchException", "EnableSoftwareTokenMFAException",
                                                  "InvalidParameterException"):  # the session was kept: try again
            challenge = {"ChallengeName": name, "Session": session, "ChallengeParameters": _parameters(form_)}
            return challenge_page(site, username, challenge, error=said(refused),
                                  secret=str(secret) if secret else None)
        return show(site, _TITLE, links([("Sign in again", url(site, "login"))]), error=said(refused), status_code=400)
    if _SIGNED_IN not in answer:
        return challenge_page(site, username, answer)
    user = find_user(site.pool, str(answer[_SIGNED_IN]))
    if user is None:
        return redirect(url(site, "login"))
    try:
        return signed_in(site, request, user, pre_authentication=False)
    except JsonRESTError as refused:
        return show(site, _TITLE, links([("Sign in again", url(site, "login"))]), error=said(refused), status_code=400)


def _parameters(form_: Any) -> dict[str, str]:
    """What the page showed, to show it again: the masked destination or the choices, as the challenge gave them."""
    return {k: str(form_.get(k)) for k in _SHOWN if form_.get(k)}
