"""``InitiateAuth`` / ``AdminInitiateAuth`` and ``RespondToAuthChallenge`` / ``AdminRespondToAuthChallenge``.

The API calls only: which ``AuthFlow`` the client allows, then the flow or the challenge's answer
from ``_signin``'s table, which the flow modules fill when this module imports them: ``_password``
(``USER_PASSWORD_AUTH``, ``ADMIN_USER_PASSWORD_AUTH``, ``ADMIN_NO_SRP_AUTH``, ``NEW_PASSWORD_REQUIRED``),
``_srp`` (``USER_SRP_AUTH``, ``PASSWORD_VERIFIER``), ``_custom_auth`` (``CUSTOM_AUTH``,
``CUSTOM_CHALLENGE``) and ``_sessions`` (``REFRESH_TOKEN_AUTH``: pre token generation
``TokenGeneration_RefreshTokens`` only); ``_mfa`` chooses and checks the second factor
(``SOFTWARE_TOKEN_MFA``, ``SELECT_MFA_TYPE``, ``MFA_SETUP``) and ``_mfa_codes`` sends and checks the
codes (``SMS_MFA``, ``EMAIL_OTP``). Challenges no module answers go to moto.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from . import _custom_auth, _device_auth, _mfa, _mfa_codes, _password, _sessions, _srp  # each registers its flows and challenges with _signin
from ._errors import invalid_parameter
from ._pools import Call, client_of, pool_and_client, pool_by_id
from ._signin import initiator, responder

__all__ = [
    "DEFAULT_FLOWS", "FLOW_SETTINGS", "admin_initiate_auth", "admin_respond_to_auth_challenge", "initiate_auth",
    "respond_to_auth_challenge",
]
_REGISTERED = (_custom_auth, _mfa, _password, _sessions, _srp)

#: The ``ExplicitAuthFlows`` values that allow each ``AuthFlow`` (legacy names included).
FLOW_SETTINGS = {
    "USER_PASSWORD_AUTH": ("ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"),
    "ADMIN_USER_PASSWORD_AUTH": ("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"),
    "ADMIN_NO_SRP_AUTH": ("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"),
    "USER_SRP_AUTH": ("ALLOW_USER_SRP_AUTH",),
    "CUSTOM_AUTH": ("ALLOW_CUSTOM_AUTH", "CUSTOM_AUTH_FLOW_ONLY"),
    "REFRESH_TOKEN_AUTH": ("ALLOW_REFRESH_TOKEN_AUTH",),
    "REFRESH_TOKEN": ("ALLOW_REFRESH_TOKEN_AUTH",),
}
DEFAULT_FLOWS = ("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
"""What a client allows when it names no ``ExplicitAuthFlows``."""
_PUBLIC_FLOWS = ("USER_PASSWORD_AUTH", "USER_SRP_AUTH", "CUSTOM_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN")
_ADMIN_FLOWS = (*_PUBLIC_FLOWS, "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH")


def _check_flow(client: Any, flow: str, allowed: tuple[str, ...]) -> None:
    if flow not in allowed:
        raise invalid_parameter(
            f"1 validation error detected: Value '{flow}' at 'authFlow' failed to satisfy constraint: "
            f"Member must satisfy enum value set: [{', '.join(allowed)}]")
    settings = client.extended_config.get("ExplicitAuthFlows") or list(DEFAULT_FLOWS)
    if not any(name in settings for name in FLOW_SETTINGS[flow]):
        raise invalid_parameter(f"{flow} flow not enabled for this client")


def _device(params: dict[str, Any], field: str) -> str | None:
    """The ``DEVICE_KEY`` among the call's ``AuthParameters`` or ``ChallengeResponses``."""
    return str((params.get(field) or {}).get("DEVICE_KEY") or "") or None


def _initiate(call: Call, params: dict[str, Any], flows: tuple[str, ...]) -> dict[str, Any]:
    call = replace(call, device_key=_device(params, "AuthParameters"))
    flow = str(params.get("AuthFlow") or "")
    _check_flow(call.client, flow, flows)
    return initiator(flow)(call, params)


def initiate_auth(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client = pool_and_client(params.get("ClientId", ""))
    return _initiate(Call(pool, client, sdk), params, _PUBLIC_FLOWS)


def admin_initiate_auth(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool = pool_by_id(params.get("UserPoolId", ""))
    return _initiate(Call(pool, client_of(pool, params.get("ClientId", "")), sdk), params, _ADMIN_FLOWS)


def _respond(call: Call, params: dict[str, Any], fallback: Callable[[], Any]) -> Any:
    answer = responder(str(params.get("ChallengeName") or ""))
    call = replace(call, device_key=_device(params, "ChallengeResponses"))
    return answer(call, params) if answer is not None else fallback()


def respond_to_auth_challenge(params: dict[str, Any], sdk: str, fallback: Callable[[], Any]) -> Any:
    pool, client = pool_and_client(params.get("ClientId", ""))
    return _respond(Call(pool, client, sdk), params, fallback)


def admin_respond_to_auth_challenge(params: dict[str, Any], sdk: str, fallback: Callable[[], Any]) -> Any:
    pool = pool_by_id(params.get("UserPoolId", ""))
    return _respond(Call(pool, client_of(pool, params.get("ClientId", "")), sdk), params, fallback)
