"""The second factor of a sign-in: the ``SOFTWARE_TOKEN_MFA`` challenge, as the pool's MFA settings ask for it.

After the password (``USER_PASSWORD_AUTH``, the admin flows, ``USER_SRP_AUTH``; also after
``NEW_PASSWORD_REQUIRED``), a user of a pool whose ``MfaConfiguration`` is ``ON`` or ``OPTIONAL`` and
which allows software tokens (``SoftwareTokenMfaConfiguration``), who enabled their verified
authenticator (``SetUserMFAPreference``), is asked for a code (``ChallengeName: SOFTWARE_TOKEN_MFA``)
instead of getting tokens. With ``MfaConfiguration`` ``ON``, a user with no factor enabled is asked to set
one up first (``MFA_SETUP``, ``MFAS_CAN_SETUP`` a JSON-encoded list as Cognito sends it): the client
associates and verifies an authenticator with the challenge's ``Session`` (``_mfa_settings``), then
answers ``MFA_SETUP`` with the session the verification returned; the authenticator is then enabled and
preferred, and the tokens follow. The answer (``SOFTWARE_TOKEN_MFA_CODE``) must be a fresh code of that
user's own secret (``_software_tokens``); then pre token generation (``TokenGeneration_Authentication``)
and post authentication run. A wrong code is ``CodeMismatchException`` and the session may answer again,
:data:`ATTEMPTS` times in all, after which it ends (``NotAuthorizedException``); a session of another
user, or an expired one, is ``NotAuthorizedException`` and nothing is issued.
"""

from __future__ import annotations

import json
from typing import Any

from . import _software_tokens
from ._errors import cognito_error, not_authorized
from ._events import metadata
from ._pools import Call, check_secret, require_user
from ._signin import after_first_factor, answers, finish, keep_session, open_session, take_session

__all__ = ["ATTEMPTS", "SETUP", "software_token_allowed"]

ATTEMPTS = 5
"""Codes a ``SOFTWARE_TOKEN_MFA`` session takes (the wrong ones included) before it ends."""
_KIND = "SOFTWARE_TOKEN_MFA"
SETUP = "MFA_SETUP"
"""The challenge (and the kind of its sessions) of a user who must set up a second factor."""


def software_token_allowed(pool: Any) -> bool:
    """Whether the pool asks for a second factor and allows an authenticator app for it."""
    config = getattr(pool, "token_mfa_config", None) or {}
    return str(getattr(pool, "mfa_config", "OFF") or "OFF") in ("ON", "OPTIONAL") and bool(config.get("Enabled"))


@after_first_factor(20)
def _ask_for_code(call: Call, user: Any) -> dict[str, Any] | None:
    if not software_token_allowed(call.pool):
        return None
    if user.software_token_mfa_enabled and _software_tokens.verified(call.pool_id, user.username):
        return {"ChallengeName": _KIND, "Session": open_session(call, _KIND, user, attempts=0), "ChallengeParameters": {}}
    if str(call.pool.mfa_config) == "ON" and not user.sms_mfa_enabled:
        return {"ChallengeName": SETUP, "Session": open_session(call, SETUP, user, verified=False),
                "ChallengeParameters": {"MFAS_CAN_SETUP": json.dumps(["SOFTWARE_TOKEN_MFA"])}}
    return None


@answers(SETUP)
def _set_up(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """``MFA_SETUP`` answered with the session ``VerifySoftwareToken`` returned: the authenticator enabled, the tokens."""
    state = take_session(call, str(params.get("Session") or ""), SETUP)
    given = params.get("ChallengeResponses") or {}
    user = require_user(call.pool, state["username"], client=call.client)
    check_secret(call.client, str(given.get("USERNAME") or ""), given.get("SECRET_HASH"), also=(user.username,))
    if not state.get("verified") or not _software_tokens.verified(call.pool_id, user.username):
        raise not_authorized("Invalid session for the user.")
    user.software_token_mfa_enabled, user.preferred_mfa_setting = True, "SOFTWARE_TOKEN_MFA"
    return finish(call, user, client_metadata=metadata(params.get("ClientMetadata")))


@answers(_KIND)
def _answer(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    token = str(params.get("Session") or "")
    state = take_session(call, token, _KIND)
    given = params.get("ChallengeResponses") or {}
    user = require_user(call.pool, state["username"], client=call.client)
    named = str(given.get("USERNAME") or "")
    if named and named not in (user.username, user.id, *(user.attribute_lookup.get(k, "") for k in ("email", "phone_number"))):
        raise not_authorized("Invalid session for the user.")
    check_secret(call.client, named, given.get("SECRET_HASH"), also=(user.username,))
    if not _software_tokens.verified(call.pool_id, user.username):
        raise cognito_error("SoftwareTokenMFANotFoundException", "Software Token MFA does not exist for the user.")
    if not _software_tokens.check(call.pool_id, user.username, str(given.get("SOFTWARE_TOKEN_MFA_CODE") or "")):
        attempts = int(state.get("attempts") or 0) + 1
        if attempts < ATTEMPTS:
            keep_session(call, token, {**state, "attempts": attempts})
        raise cognito_error("CodeMismatchException", "Invalid code received for user")
    return finish(call, user, client_metadata=metadata(params.get("ClientMetadata")))
