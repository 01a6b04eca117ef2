"""Which second factors a pool offers and a user has: what the MFA step of a sign-in chooses from.

A pool offers a factor when its ``MfaConfiguration`` is ``ON`` or ``OPTIONAL`` and ``SetUserPoolMfaConfig``
(Terraform's ``mfa_configuration`` with ``software_token_mfa_configuration``, ``sms_configuration``,
``email_mfa_configuration``) configured it. A user *has* a factor they enabled (``SetUserMFAPreference``)
that the pool offers and that can reach them: a verified authenticator, a phone number for SMS, an email
address for email codes. Where MFA is ``ON``, a user who enabled none is still sent a code to the phone
number or email address they have, as Cognito does; one with neither sets a factor up (``MFA_SETUP``).
"""

from __future__ import annotations

from typing import Any

from . import _software_tokens
from ._messages import MEDIUM_ATTRIBUTE

__all__ = ["EMAIL", "FACTORS", "MEDIUM", "SMS", "SOFTWARE_TOKEN", "enabled", "offered", "reachable", "required",
           "settings"]

SOFTWARE_TOKEN = "SOFTWARE_TOKEN_MFA"
SMS = "SMS_MFA"
EMAIL = "EMAIL_OTP"
FACTORS = (SMS, SOFTWARE_TOKEN, EMAIL)
"""Every second factor, in the order Cognito lists them."""
MEDIUM = {SMS: "SMS", EMAIL: "EMAIL"}
"""The delivery medium of each factor whose code is sent (its attribute: ``_messages.MEDIUM_ATTRIBUTE``)."""
_ENABLED = {SMS: "sms_mfa_enabled", SOFTWARE_TOKEN: "software_token_mfa_enabled", EMAIL: "email_mfa_enabled"}


def _mfa_configuration(pool: Any) -> str:
    return str(getattr(pool, "mfa_config", "OFF") or "OFF")


def required(pool: Any) -> bool:
    """Whether every user of the pool must pass a second factor (``MfaConfiguration`` ``ON``)."""
    return _mfa_configuration(pool) == "ON"


def offered(pool: Any) -> list[str]:
    """The factors the pool asks for (none when ``MfaConfiguration`` is ``OFF``)."""
    if _mfa_configuration(pool) not in ("ON", "OPTIONAL"):
        return []
    extra = getattr(pool, "cdktf_userpool_mfa", None) or {}
    found = {
        SMS: bool((getattr(pool, "sms_mfa_config", None) or {}).get("SmsConfiguration")),
        SOFTWARE_TOKEN: bool((getattr(pool, "token_mfa_config", None) or {}).get("Enabled")),
        EMAIL: extra.get("EmailMfaConfiguration") is not None,
    }
    return [factor for factor in FACTORS if found[factor]]


def is_enabled(user: Any, factor: str) -> bool:
    """Whether the user turned ``factor`` on (``SetUserMFAPreference``), whatever the pool offers."""
    return bool(getattr(user, _ENABLED[factor], False))


def set_enabled(user: Any, factor: str, on: bool) -> None:
    """Turn the user's ``factor`` on or off; turning off the preferred one leaves no preference."""
    setattr(user, _ENABLED[factor], on)
    if not on and user.preferred_mfa_setting == factor:
        user.preferred_mfa_setting = None


def reachable(pool: Any, user: Any, factor: str) -> bool:
    """Whether a code of ``factor`` can reach the user: a verified authenticator, a phone number, an email."""
    if factor == SOFTWARE_TOKEN:
        return _software_tokens.verified(pool.id, user.username)
    return bool(user.attribute_lookup.get(MEDIUM_ATTRIBUTE[MEDIUM[factor]]))


def enabled(pool: Any, user: Any) -> list[str]:
    """The factors the user enabled that the pool offers and that reach them."""
    return [f for f in offered(pool) if is_enabled(user, f) and reachable(pool, user, f)]


def settings(user: Any) -> dict[str, Any]:
    """``UserMFASettingList`` and ``PreferredMfaSetting`` of ``GetUser`` / ``AdminGetUser`` (left out when empty)."""
    listed = [factor for factor in FACTORS if is_enabled(user, factor)]
    found: dict[str, Any] = {"UserMFASettingList": listed} if listed else {}
    if user.preferred_mfa_setting:
        found["PreferredMfaSetting"] = user.preferred_mfa_setting
    return found
