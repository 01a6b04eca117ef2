"""The pool's MFA settings, checked before synth: Cognito refuses a pool that asks for MFA and offers no factor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.cdk import Token
from ..errors import ConfigurationError

__all__ = ["MFA_CONFIGURATIONS", "check_mfa"]

MFA_CONFIGURATIONS = ("OFF", "ON", "OPTIONAL")
"""``mfa_configuration``'s values."""


def _field(value: Any, name: str) -> Any:
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


def _block(props: Mapping[str, object], name: str) -> Any:
    """Argument ``name``, a block given alone or as a one-element list (as the provider's classes take it)."""
    value = props.get(name)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _offered(props: Mapping[str, object]) -> list[str]:
    """The second factors the settings offer."""
    offered = []
    token = _block(props, "software_token_mfa_configuration")
    if token is not None and _field(token, "enabled") is not False:
        offered.append("software_token_mfa_configuration")
    offered += [name for name in ("sms_configuration", "email_mfa_configuration") if props.get(name) is not None]
    return offered


def check_mfa(props: Mapping[str, object], path: str) -> None:
    """Refuse an ``mfa_configuration`` that is not one of :data:`MFA_CONFIGURATIONS`, or ``ON``/``OPTIONAL`` with no factor.

    :raises ConfigurationError: naming the argument, the value and what to pass.
    """
    mfa = props.get("mfa_configuration")
    if mfa is None or (isinstance(mfa, str) and Token.is_unresolved(mfa)):
        return
    if mfa not in MFA_CONFIGURATIONS:
        raise ConfigurationError(
            f"UserPool {path!r} got mfa_configuration={mfa!r}. Use 'OFF', 'ON' (every user signs in with a second "
            "factor) or 'OPTIONAL' (users who enabled one).",
            construct_path=path, argument="mfa_configuration", value=mfa, choices=MFA_CONFIGURATIONS,
        )
    if mfa != "OFF" and not _offered(props):
        raise ConfigurationError(
            f"UserPool {path!r} got mfa_configuration={mfa!r} but offers no second factor, which Cognito refuses. "
            "Pass software_token_mfa_configuration={'enabled': True} (an authenticator app), sms_configuration=... "
            "(SMS codes) or email_mfa_configuration=... (email codes), or mfa_configuration='OFF'.",
            construct_path=path, argument="mfa_configuration", value=mfa, choices=MFA_CONFIGURATIONS,
        )
    _check_email_mfa(props, path)


def _check_email_mfa(props: Mapping[str, object], path: str) -> None:
    """Email codes need what Cognito needs for them: Amazon SES (``email_sending_account='DEVELOPER'``), a tier
    above Lite (unset, a new pool is on Essentials), and a ``message`` carrying the code placeholder ``{####}``."""
    email_mfa = _block(props, "email_mfa_configuration")
    if email_mfa is None:
        return
    email = _block(props, "email_configuration")
    account = _field(email, "email_sending_account") if email is not None else None
    if account != "DEVELOPER" and not (isinstance(account, str) and Token.is_unresolved(account)):
        raise ConfigurationError(
            f"UserPool {path!r} got email_mfa_configuration but email_configuration's email_sending_account is "
            f"{account!r}: Cognito sends MFA codes by email only through Amazon SES. Pass email_configuration="
            "{'email_sending_account': 'DEVELOPER', 'source_arn': <your SES identity ARN>, 'from_email_address': ...}.",
            construct_path=path, argument="email_configuration", value=account, choices=("DEVELOPER",),
        )
    tier = props.get("user_pool_tier")
    if tier == "LITE":  # unset, a new pool is on Essentials
        raise ConfigurationError(
            f"UserPool {path!r} got email_mfa_configuration on the {tier} tier: Cognito offers MFA by "
            "email on the Essentials and Plus tiers only. Pass user_pool_tier='ESSENTIALS' (or 'PLUS').",
            construct_path=path, argument="user_pool_tier", value=tier, choices=("ESSENTIALS", "PLUS"),
        )
    message = _field(email_mfa, "message")
    if isinstance(message, str) and not Token.is_unresolved(message) and "{####}" not in message:
        raise ConfigurationError(
            f"UserPool {path!r} got email_mfa_configuration message={message!r}, which lacks the code placeholder "
            "'{####}': Cognito refuses it. Put {####} where the code goes.",
            construct_path=path, argument="email_mfa_configuration.message", value=message,
        )
