"""The second factor of a sign-in: which one the user is asked for, the authenticator's code, the choice and the set-up.

After the password (``USER_PASSWORD_AUTH``, the admin flows, ``USER_SRP_AUTH``; also after
``NEW_PASSWORD_REQUIRED``), a pool whose ``MfaConfiguration`` is ``ON`` or ``OPTIONAL`` asks a user for a
second factor (``_factors``) instead of giving tokens:

- the factors the user enabled that the pool offers and that reach them; where MFA is ``ON`` and the
  user enabled none, a code to the phone number or email address they have;
- the preferred one of those (``PreferredMfaSetting``), or the only one; with several and none
  preferred, ``SELECT_MFA_TYPE`` (``MFAS_CAN_CHOOSE`` a JSON-encoded list), answered with ``ANSWER``;
- where MFA is ``ON`` and nothing reaches the user, ``MFA_SETUP`` (``MFAS_CAN_SETUP`` a JSON-encoded list, as
  Cognito sends it and Amplify parses it): an authenticator associated and verified with the challenge's
  ``Session`` (``_mfa_settings``), then ``MFA_SETUP`` answered with the session the verification returned;
  or, where the pool offers email codes, ``MFA_SETUP`` answered with an ``EMAIL`` address, to which an
  ``EMAIL_OTP`` code goes (``_mfa_codes``). A pool that can offer the user nothing they can set up
  while signing in (SMS only, no phone number) is Cognito's ``MFAMethodNotFoundException``.

``SOFTWARE_TOKEN_MFA`` is answered with ``SOFTWARE_TOKEN_MFA_CODE``, a fresh code of the user's own secret
(``_software_tokens``); then pre token generation (``TokenGeneration_Authentication``) and post
authentication run. A wrong code is ``CodeMismatchException`` and the session may answer again,
:data:`~._signin.CODE_ATTEMPTS` times in all; a session of another user, a used or expired one, is
``NotAuthorizedException``; nothing is issued.
"""

from __future__ import annotations

import json
import re
from typing import Any

from . import _factors, _software_tokens
from ._errors import cognito_error, invalid_parameter, not_authorized
from ._events import metadata
from ._factors import EMAIL, SOFTWARE_TOKEN
from ._pools import Call
from ._signin import after_challenge, after_first_factor, answers, ask, asks, challenge_answer, keep_session
from ._signin import open_session, wrong_answer

__all__ = ["SELECT", "SETUP"]

SETUP = "MFA_SETUP"
"""The challenge (and the kind of its sessions) of a user who must set up a second factor."""
SELECT = "SELECT_MFA_TYPE"
"""The challenge of a user who has several factors and prefers none."""
_EMAIL_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+")


@after_first_factor(20)
def _second_factor(call: Call, user: Any, then: tuple[str, Any] | None) -> dict[str, Any] | None:
    offered = _factors.offered(call.pool)
    if not offered:
        return None
    factors = _factors.enabled(call.pool, user)
    if not factors and _factors.required(call.pool):
        factors = [f for f in offered if f != SOFTWARE_TOKEN and _factors.reachable(call.pool, user, f)]
        if not factors:
            return _must_set_up(call, user, offered, then)
    if not factors:
        return None
    if user.preferred_mfa_setting in factors:
        return ask(user.preferred_mfa_setting, call, user, then=then)
    if len(factors) == 1:
        return ask(factors[0], call, user, then=then)
    return {"ChallengeName": SELECT, "Session": open_session(call, SELECT, user, choices=factors, then=then),
            "ChallengeParameters": {"MFAS_CAN_CHOOSE": json.dumps(factors)}}


def _must_set_up(call: Call, user: Any, offered: list[str], then: tuple[str, Any] | None) -> dict[str, Any]:
    if SOFTWARE_TOKEN not in offered and EMAIL not in offered:  # SMS needs a phone number, not set while signing in
        raise cognito_error("MFAMethodNotFoundException", "No MFA mechanism registerd in the account.")
    return {"ChallengeName": SETUP, "Session": open_session(call, SETUP, user, verified=False, then=then),
            "ChallengeParameters": {"MFAS_CAN_SETUP": json.dumps(offered)}}


@asks(SOFTWARE_TOKEN)
def _ask_for_code(call: Call, user: Any, *, then: tuple[str, Any] | None = None) -> dict[str, Any]:
    return {"ChallengeName": SOFTWARE_TOKEN, "Session": open_session(call, SOFTWARE_TOKEN, user, attempts=0, then=then),
            "ChallengeParameters": {}}


@answers(SELECT)
def _select(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``SELECT_MFA_TYPE`` answered with one of ``MFAS_CAN_CHOOSE``: that factor's challenge."""
    token, state, given, user = challenge_answer(call, params, SELECT)
    choice = str(given.get("ANSWER") or "")
    if choice not in state["choices"]:
        keep_session(call, token, state)
        raise invalid_parameter(f"Invalid ANSWER {choice!r}: choose one of {', '.join(state['choices'])}.")
    return ask(choice, call, user, then=state.get("then"))


@answers(SETUP)
def _set_up(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``MFA_SETUP`` answered: with the session ``VerifySoftwareToken`` returned, the authenticator enabled and the
    tokens; with an ``EMAIL`` address (where the pool offers email codes), an ``EMAIL_OTP`` code sent to it."""
    token, state, given, user = challenge_answer(call, params, SETUP)
    address = given.get("EMAIL")
    if address is not None and not state.get("verified"):
        if EMAIL not in _factors.offered(call.pool):
            keep_session(call, token, state)
            raise invalid_parameter("Email MFA is not enabled for this user pool.")
        if not _EMAIL_ADDRESS.fullmatch(str(address)):
            keep_session(call, token, state)
            raise invalid_parameter(f"Invalid email address {address!r}.")
        return ask(EMAIL, call, user, then=state.get("then"), destination=str(address))
    if not state.get("verified") or not _software_tokens.verified(call.pool_id, user.username):
        raise not_authorized("Invalid session for the user.")
    _factors.set_enabled(user, SOFTWARE_TOKEN, True)
    user.preferred_mfa_setting = SOFTWARE_TOKEN
    return after_challenge(call, user, state, SETUP, metadata(params.get("ClientMetadata")))


@answers(SOFTWARE_TOKEN)
def _answer(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    token, state, given, user = challenge_answer(call, params, SOFTWARE_TOKEN)
    if not _software_tokens.verified(call.pool_id, user.username):
        raise cognito_error("SoftwareTokenMFANotFoundException", "Software Token MFA does not exist for the user.")
    if not _software_tokens.check(call.pool_id, user.username, str(given.get("SOFTWARE_TOKEN_MFA_CODE") or "")):
        raise wrong_answer(call, token, state, cognito_error("CodeMismatchException", "Invalid code received for user"))
    return after_challenge(call, user, state, SOFTWARE_TOKEN, metadata(params.get("ClientMetadata")))
