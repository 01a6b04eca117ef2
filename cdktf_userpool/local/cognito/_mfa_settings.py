"""A user's MFA settings: ``AssociateSoftwareToken``, ``VerifySoftwareToken``, ``SetUserMFAPreference`` and
``AdminSetUserMFAPreference`` (``SoftwareTokenMfaSettings``, ``SMSMfaSettings``, ``EmailMfaSettings``).
``GetUser`` and ``AdminGetUser`` report them (``UserMFASettingList``, ``PreferredMfaSetting``:
``_factors.settings``) from the same user record.

A factor is enabled only when it can reach the user: an authenticator associated and verified
(``_software_tokens``: a code of the user's own secret), a phone number for SMS, an email address for
email codes where the pool offers them. Enabling one that cannot is Cognito's
``InvalidParameterException`` and changes nothing, the call's other settings included. The calls that take an access token check it as every such call does
(``_sessions.authorize``).
"""

from __future__ import annotations

import re
from typing import Any

from . import _factors, _software_tokens, _state
from ._errors import cognito_error, invalid_parameter, not_authorized
from ._factors import EMAIL, SMS, SOFTWARE_TOKEN
from ._mfa import SETUP
from ._pools import Call, client_of, named_user, pool_by_id, require_user
from ._sessions import signed_in
from ._signin import keep_session, open_session, take_session

__all__ = ["admin_set_user_mfa_preference", "associate_software_token", "set_user_mfa_preference",
           "verify_software_token"]

_USER_CODE = re.compile(r"[0-9]+")



def _setting_up(token: str, sdk: str) -> tuple[Call, Any, dict[str, Any]]:
    """The sign-in of an ``MFA_SETUP`` session (used up: the answer carries a new one), its user and state."""
    found = _state.session_of(token)
    if found is None:
        raise not_authorized("Invalid session for the user.")
    pool = pool_by_id(found[0])
    call = Call(pool, client_of(pool, str(found[1].get("client") or "")), sdk)
    state = take_session(call, token, SETUP)
    return call, require_user(pool, state["username"], client=call.client), state


def associate_software_token(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AssociateSoftwareToken``: a new secret of the user's own, to verify with a code of it; with a sign-in's
    ``MFA_SETUP`` ``Session`` instead of an access token, the answer carries the session to verify with."""
    if params.get("Session") is not None and params.get("AccessToken") is None:
        call, user, state = _setting_up(str(params.get("Session") or ""), sdk)
        secret = _software_tokens.associate(call.pool_id, user.username)
        return {"SecretCode": secret, "Session": open_session(call, SETUP, user, verified=False, then=state.get("then"))}
    pool, user = signed_in(params)
    return {"SecretCode": _software_tokens.associate(pool.id, user.username)}


def verify_software_token(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``VerifySoftwareToken``: a code of the associated secret makes it the user's authenticator."""
    code = str(params.get("UserCode") or "")
    if len(code) != 6 or not _USER_CODE.fullmatch(code):
        raise invalid_parameter(f"1 validation error detected: Value '{code}' at 'userCode' failed to satisfy "
                                "constraint: Member must satisfy regular expression pattern: [0-9]+ and have length 6")
    mismatch = cognito_error("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA")
    if params.get("Session") is not None and params.get("AccessToken") is None:
        token = str(params.get("Session") or "")
        call, user, state = _setting_up(token, sdk)
        if not _software_tokens.confirm(call.pool_id, user.username, code, params.get("FriendlyDeviceName")):
            keep_session(call, token, state)  # the same session may verify again
            raise mismatch
        user.token_verified = True
        return {"Status": "SUCCESS", "Session": open_session(call, SETUP, user, verified=True, then=state.get("then"))}
    pool, user = signed_in(params)
    if not _software_tokens.confirm(pool.id, user.username, code, params.get("FriendlyDeviceName")):
        raise mismatch
    user.token_verified = True
    return {"Status": "SUCCESS"}


_SETTINGS = (("SoftwareTokenMfaSettings", SOFTWARE_TOKEN), ("SMSMfaSettings", SMS), ("EmailMfaSettings", EMAIL))


def _apply(pool: Any, user: Any, params: dict[str, Any], *, admin: bool) -> None:
    """The settings of each factor the call names, after checking them all (a refused one changes nothing)."""
    changes = [(factor, params[key]) for key, factor in _SETTINGS if params.get(key)]
    for factor, settings in changes:
        if not settings.get("Enabled"):
            continue
        if factor == EMAIL and EMAIL not in _factors.offered(pool):
            raise invalid_parameter("Email MFA is not enabled for this user pool.")
        if not _factors.reachable(pool, user, factor):
            raise invalid_parameter("User has not set up software token mfa" if factor == SOFTWARE_TOKEN and not admin
                                    else f"User does not have delivery config set to turn on {factor}")
    for factor, settings in changes:
        if "Enabled" in settings:
            _factors.set_enabled(user, factor, bool(settings["Enabled"]))
        if settings.get("PreferredMfa") and _factors.is_enabled(user, factor):
            user.preferred_mfa_setting = factor
        elif user.preferred_mfa_setting == factor and settings.get("PreferredMfa") is False:
            user.preferred_mfa_setting = None


def set_user_mfa_preference(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``SetUserMFAPreference``: enable or disable the user's factors and choose the preferred one."""
    pool, user = signed_in(params)
    _apply(pool, user, params, admin=False)
    return {}


def admin_set_user_mfa_preference(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AdminSetUserMFAPreference``: the same for a user named by the administrator."""
    pool, user = named_user(params)
    _apply(pool, user, params, admin=True)
    return {}
