"""Codes sent as a second factor: the ``SMS_MFA`` and ``EMAIL_OTP`` challenges.

Asked for after the first factor (``_mfa`` chooses), by custom auth's define trigger naming one, or while
setting up email MFA (``MFA_SETUP`` answered with an ``EMAIL`` address). A new six-digit code goes out as a
message of kind ``Authentication``: the pool's ``SmsAuthenticationMessage`` or ``EmailMfaConfiguration``
template, shaped by the custom message trigger (``CustomMessage_Authentication``), or handed to the custom
sender of the medium (``CustomSMSSender_Authentication``, ``CustomEmailSender_Authentication``, the code
encrypted under the pool's KMS key); the outbox records it. The challenge names where it went
(``CODE_DELIVERY_DELIVERY_MEDIUM``, ``CODE_DELIVERY_DESTINATION`` masked as Cognito masks it).

The code lives as long as the challenge's session (the app client's ``AuthSessionValidity``): answered
rightly (``SMS_MFA_CODE``, ``EMAIL_OTP_CODE``) it is used up with the session and the sign-in goes on
(tokens, or back to the flow that asked); wrong, ``CodeMismatchException`` and the session may answer
again, :data:`~._signin.CODE_ATTEMPTS` times in all; late, used, or another user's session,
``NotAuthorizedException``. A code set up by email makes the address the user's ``email`` (verified) and
email their preferred factor.
"""

from __future__ import annotations

import secrets
from typing import Any

from . import _factors, _state
from ._errors import cognito_error
from ._events import metadata
from ._factors import EMAIL, MEDIUM, SMS
from ._messages import prepare
from ._pools import Call, find_user, mask
from ._signin import after_challenge, answers, asks, challenge_answer, open_session, wrong_answer

__all__ = ["send"]

_ANSWER = {SMS: "SMS_MFA_CODE", EMAIL: "EMAIL_OTP_CODE"}


def send(call: Call, user: Any, factor: str, *, then: tuple[str, Any] | None = None,
         destination: str | None = None) -> dict[str, Any]:
    """Send a new code of ``factor`` to the user (or to ``destination``, an address being set up): the challenge.

    :raises: the custom message trigger's refusal, before anything is sent or kept.
    """
    if destination is not None:
        owner = find_user(call.pool, destination)
        if owner is not None and owner is not user:
            raise cognito_error("AliasExistsException", "An account with the given email already exists.")
    medium = MEDIUM[factor]
    code = _state.new_code()
    delivery = prepare(call, user, "Authentication", medium, code, destination=destination)
    token = open_session(call, factor, user, code=code, attempts=0, then=then, setting_up=destination)
    delivery.send()
    return {"ChallengeName": factor, "Session": token, "ChallengeParameters": {
        "CODE_DELIVERY_DELIVERY_MEDIUM": medium, "CODE_DELIVERY_DESTINATION": mask(medium, delivery.destination)}}


@asks(SMS)
def _ask_sms(call: Call, user: Any, *, then: tuple[str, Any] | None = None) -> dict[str, Any]:
    return send(call, user, SMS, then=then)


@asks(EMAIL)
def _ask_email(call: Call, user: Any, *, then: tuple[str, Any] | None = None,
               destination: str | None = None) -> dict[str, Any]:
    return send(call, user, EMAIL, then=then, destination=destination)


@answers(SMS, EMAIL)
def _answer(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    factor = str(params.get("ChallengeName") or "")
    token, state, given, user = challenge_answer(call, params, factor)
    if not secrets.compare_digest(str(given.get(_ANSWER[factor]) or ""), str(state["code"])):
        raise wrong_answer(call, token, state,
                           cognito_error("CodeMismatchException", "Invalid code or auth state for the user."))
    address = state.get("setting_up")
    if address:
        user.update_attributes([{"Name": "email", "Value": address}, {"Name": "email_verified", "Value": "true"}])
        _factors.set_enabled(user, EMAIL, True)
        user.preferred_mfa_setting = EMAIL
    return after_challenge(call, user, state, factor, metadata(params.get("ClientMetadata")))
