"""Which Cognito API calls the layer serves, wired into moto's ``CognitoIdpResponse``.

Each served call takes its parameters from the request and answers through moto's serializer (the
botocore model's output shape), so every SDK parses it. The public (unsigned) operations of the
Cognito API are exempt from IAM authorization, as in AWS. One private call,
``CdktfUserpoolLocalRead``, hands the trace and outbox to :class:`~._client.LocalCognito`; it is
signed and authorized like any other call.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import _state

READ_ACTION = "CdktfUserpoolLocalRead"
"""The private operation that reads a pool's trace or outbox."""

PUBLIC = (
    "ConfirmForgotPassword", "ConfirmSignUp", "ForgotPassword", "GetUser", "GetUserAttributeVerificationCode",
    "InitiateAuth", "ResendConfirmationCode", "RespondToAuthChallenge", "RevokeToken", "SignUp",
    "UpdateUserAttributes", "VerifyUserAttribute", "ChangePassword", "GlobalSignOut", "DeleteUser",
    "GetTokensFromRefreshToken", "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference",
    "ConfirmDevice", "UpdateDeviceStatus", "ListDevices", "GetDevice", "ForgetDevice",
)  # fmt: skip
"""Operations Cognito serves without AWS credentials (the app client, a session or a token authorizes them)."""

FAULT_ENV = "CDKTF_USERPOOL_LOCAL_FAULT"
"""Comma-separated Cognito operations (``GetUser``) that fail with an unexpected error, for tests of that answer."""

_installed = False
Flow = Callable[[dict[str, Any], str], dict[str, Any]]


def _flows() -> dict[str, Flow]:
    from . import _account, _attributes, _auth, _device_calls, _mfa_settings, _recovery, _sessions, _signup

    devices = {name: getattr(_device_calls, name) for name in _device_calls.__all__}
    return {
        **devices,
        "associate_software_token": _mfa_settings.associate_software_token,
        "verify_software_token": _mfa_settings.verify_software_token,
        "set_user_mfa_preference": _mfa_settings.set_user_mfa_preference,
        "admin_set_user_mfa_preference": _mfa_settings.admin_set_user_mfa_preference,
        "get_tokens_from_refresh_token": _sessions.get_tokens_from_refresh_token,
        "revoke_token": _sessions.revoke_token,
        "global_sign_out": _sessions.global_sign_out,
        "admin_user_global_sign_out": _sessions.admin_user_global_sign_out,
        "get_user": _account.get_user,
        "admin_get_user": _account.admin_get_user,
        "change_password": _account.change_password,
        "delete_user": _account.delete_user,
        "sign_up": _signup.sign_up,
        "confirm_sign_up": _signup.confirm_sign_up,
        "admin_confirm_sign_up": _signup.admin_confirm_sign_up,
        "resend_confirmation_code": _signup.resend_confirmation_code,
        "admin_create_user": _signup.admin_create_user,
        "initiate_auth": _auth.initiate_auth,
        "admin_initiate_auth": _auth.admin_initiate_auth,
        "forgot_password": _recovery.forgot_password,
        "confirm_forgot_password": _recovery.confirm_forgot_password,
        "admin_reset_user_password": _recovery.admin_reset_user_password,
        "update_user_attributes": _attributes.update_user_attributes,
        "admin_update_user_attributes": _attributes.admin_update_user_attributes,
        "get_user_attribute_verification_code": _attributes.get_user_attribute_verification_code,
        "verify_user_attribute": _attributes.verify_user_attribute,
    }


def _with_fallback() -> dict[str, Callable[[dict[str, Any], str, Callable[[], Any]], Any]]:
    """Flows that hand some calls back to moto (the challenges this layer does not serve)."""
    from . import _auth

    return {
        "respond_to_auth_challenge": _auth.respond_to_auth_challenge,
        "admin_respond_to_auth_challenge": _auth.admin_respond_to_auth_challenge,
    }


def _answer(answer: Any) -> Any:
    from moto.core.responses import ActionResult, EmptyResult

    if isinstance(answer, dict):
        return ActionResult(answer) if answer else EmptyResult()
    return answer  # moto's own answer


def _fault(flow_name: str) -> None:
    """Fail as an unexpected bug would, when ``$CDKTF_USERPOOL_LOCAL_FAULT`` names the operation."""
    import os

    from moto.core.utils import camelcase_to_underscores

    faults = {camelcase_to_underscores(f.strip()) for f in os.environ.get(FAULT_ENV, "").split(",") if f.strip()}
    if flow_name in faults:
        raise RuntimeError(f"a fault injected by ${FAULT_ENV}")


def _served(flow: Flow) -> Callable[[Any], Any]:
    def method(self: Any) -> Any:
        from ._pools import sdk_version

        _fault(flow.__name__)
        return _answer(flow(json.loads(self.body or "{}"), sdk_version(self.headers)))

    method.__name__ = flow.__name__
    return method


def _served_or_moto(flow: Callable[[dict[str, Any], str, Callable[[], Any]], Any], original: Any) -> Callable[[Any], Any]:
    def method(self: Any) -> Any:
        from ._pools import sdk_version

        return _answer(flow(json.loads(self.body or "{}"), sdk_version(self.headers), lambda: original(self)))

    method.__name__ = original.__name__
    return method


def serve_jwks(request: Any, full_url: str, headers: Any) -> tuple[int, dict[str, str], str]:
    """``GET /<pool id>/.well-known/jwks.json``: the pool's public signing key."""
    from urllib.parse import urlparse

    from ._pools import pool_by_id
    from ._tokens import jwks

    pool_id = urlparse(full_url).path.strip("/").split("/")[0]
    try:
        pool = pool_by_id(pool_id)
    except Exception:
        return 404, {"Content-Type": "application/json"}, json.dumps({"message": f"User pool {pool_id} does not exist."})
    return 200, {"Content-Type": "application/json"}, json.dumps(jwks(pool))


def _read(self: Any) -> str:
    params = json.loads(self.body or "{}")
    kind = params.get("Kind")
    if kind == "workers":  # stop the functions' warm workers and drop their code: the next invocations start cold
        from ..._runner import shutdown_workers
        from .._lambda import forget_packages

        shutdown_workers()
        forget_packages()
        return json.dumps({"Entries": []})
    if kind not in ("trace", "outbox"):
        from ._errors import invalid_parameter

        raise invalid_parameter(f"Kind must be 'trace' or 'outbox', not {kind!r}.")
    entries = _state.read(str(params.get("UserPoolId") or ""), kind, clear=bool(params.get("Clear")))
    return json.dumps({"Entries": entries}, default=str)


def install() -> None:
    """Route the served calls to the layer (once; later calls do nothing)."""
    global _installed
    if _installed:
        return
    from moto.cognitoidp import urls
    from moto.cognitoidp.responses import CognitoIdpResponse
    from moto.core.authorization import ActionAuthenticatorMixin

    for name, flow in _flows().items():
        setattr(CognitoIdpResponse, name, _served(flow))
    for name, fallback_flow in _with_fallback().items():
        setattr(CognitoIdpResponse, name, _served_or_moto(fallback_flow, getattr(CognitoIdpResponse, name)))
    for path in list(urls.url_paths):
        if path.endswith("jwks.json$"):
            urls.url_paths[path] = serve_jwks
    CognitoIdpResponse.cdktf_userpool_local_read = _read  # type: ignore[attr-defined]
    public = ActionAuthenticatorMixin.PUBLIC_OPERATIONS
    public.extend(f"AWSCognitoIdentityProviderService.{op}" for op in PUBLIC if
                  f"AWSCognitoIdentityProviderService.{op}" not in public)
    _installed = True
