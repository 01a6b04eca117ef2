"""A user's devices through the API: ``ConfirmDevice``, ``UpdateDeviceStatus``, ``ListDevices``, ``GetDevice``,
``ForgetDevice``, and the administrator's ``AdminUpdateDeviceStatus``, ``AdminListDevices``, ``AdminGetDevice``,
``AdminForgetDevice``.

The user's calls take their access token (checked as every such call: ``_sessions.authorize``); a device
that is not the user's, or was forgotten, is ``ResourceNotFoundException "Device does not exist."``.
``ConfirmDevice`` keeps the SRP verifier and salt the client computed for the device's own password
(base64 in the request) and answers ``UserConfirmationNecessary``: true where the pool remembers devices
only when the user says so (then ``UpdateDeviceStatus`` ``remembered``), false where it remembers them
at once. ``ListDevices`` lists the confirmed ones, ``Limit`` at a time (default 60) with a
``PaginationToken``.
"""

from __future__ import annotations

import base64
import time
from typing import Any

from . import _devices
from ._errors import cognito_error, invalid_parameter
from ._pools import named_user
from ._sessions import signed_in

__all__ = ["admin_forget_device", "admin_get_device", "admin_list_devices", "admin_update_device_status",
           "confirm_device", "forget_device", "get_device", "list_devices", "update_device_status"]

_STATUSES = ("remembered", "not_remembered")
_LIMIT = 60


def _device(pool: Any, user: Any, key: Any, *, confirmed: bool = True) -> _devices.Device:
    device = _devices.find(pool.id, str(key or ""), user.username)
    if device is None or (confirmed and not device.confirmed):
        raise cognito_error("ResourceNotFoundException", "Device does not exist.")
    return device


def _hex(value: Any, name: str) -> str:
    try:
        raw = base64.b64decode(str(value or ""), validate=True)
    except ValueError:
        raw = b""
    if not raw:
        raise invalid_parameter(f"DeviceSecretVerifierConfig.{name} must be base64-encoded bytes.")
    return raw.hex()


def confirm_device(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``ConfirmDevice``: the device's verifier kept; remembered now, or when the user says so."""
    pool, user = signed_in(params)
    device = _device(pool, user, params.get("DeviceKey"), confirmed=False)
    if device.confirmed:
        raise invalid_parameter("Device has already been confirmed.")
    config = params.get("DeviceSecretVerifierConfig") or {}
    verifier, salt = _hex(config.get("PasswordVerifier"), "PasswordVerifier"), _hex(config.get("Salt"), "Salt")
    on_prompt = _devices.remembered_on_prompt(pool)
    device.verifier, device.salt, device.name = int(verifier, 16), salt, params.get("DeviceName")
    device.confirmed, device.remembered, device.modified = True, not on_prompt, time.time()
    return {"UserConfirmationNecessary": on_prompt}


def _set_status(device: _devices.Device, status: Any) -> dict[str, Any]:
    if status not in _STATUSES:
        raise invalid_parameter(f"1 validation error detected: Value '{status}' at 'deviceRememberedStatus' failed to "
                                f"satisfy constraint: Member must satisfy enum value set: [{', '.join(_STATUSES)}]")
    device.remembered, device.modified = status == "remembered", time.time()
    return {}


def update_device_status(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``UpdateDeviceStatus``: ``remembered`` or ``not_remembered``."""
    pool, user = signed_in(params)
    return _set_status(_device(pool, user, params.get("DeviceKey")), params.get("DeviceRememberedStatus"))


def admin_update_device_status(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AdminUpdateDeviceStatus``: the same for a user named by the administrator."""
    pool, user = named_user(params)
    return _set_status(_device(pool, user, params.get("DeviceKey")), params.get("DeviceRememberedStatus"))


def _listed(pool: Any, user: Any, params: dict[str, Any]) -> dict[str, Any]:
    devices = _devices.of_user(pool.id, user.username)
    start = int(params["PaginationToken"]) if str(params.get("PaginationToken") or "").isdigit() else 0
    limit = int(params.get("Limit") or _LIMIT)
    page = devices[start:start + limit]
    answer: dict[str, Any] = {"Devices": [_devices.described(d) for d in page]}
    if start + limit < len(devices):
        answer["PaginationToken"] = str(start + limit)
    return answer


def list_devices(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``ListDevices``: the user's confirmed devices."""
    pool, user = signed_in(params)
    return _listed(pool, user, params)


def admin_list_devices(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AdminListDevices``: a named user's confirmed devices."""
    pool, user = named_user(params)
    return _listed(pool, user, params)


def get_device(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``GetDevice``: one device of the user's."""
    pool, user = signed_in(params)
    return {"Device": _devices.described(_device(pool, user, params.get("DeviceKey")))}


def admin_get_device(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AdminGetDevice``: one device of a named user's."""
    pool, user = named_user(params)
    return {"Device": _devices.described(_device(pool, user, params.get("DeviceKey")))}


def forget_device(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``ForgetDevice``: the device dropped; signing in from it again makes a new one."""
    pool, user = signed_in(params)
    _devices.forget(pool.id, _device(pool, user, params.get("DeviceKey"), confirmed=False).key)
    return {}


def admin_forget_device(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    """``AdminForgetDevice``: the same for a user named by the administrator."""
    pool, user = named_user(params)
    _devices.forget(pool.id, _device(pool, user, params.get("DeviceKey"), confirmed=False).key)
    return {}
