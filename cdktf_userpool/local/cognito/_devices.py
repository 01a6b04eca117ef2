"""The devices a pool tracks: each user's, from the sign-in that made it to ``ForgetDevice``.

A pool with a ``DeviceConfiguration`` (Terraform's ``device_configuration``) gives every sign-in that
does not come from a device of the user's a new one (``NewDeviceMetadata``: a ``DeviceKey``,
``<region>_<uuid>``, and a ``DeviceGroupKey``); the client confirms it with the SRP verifier of a
password of its own (``ConfirmDevice``), and the device is remembered then, or when the user says so
(``DeviceOnlyRememberedOnUserPrompt``: ``UpdateDeviceStatus``). A remembered device signs in with that
password (``_device_auth``) instead of a second factor, where ``ChallengeRequiredOnNewDevice`` says so.
"""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from . import _state

__all__ = ["Device", "described", "find", "forget", "new", "of_user", "remembered_on_prompt", "skips_mfa", "tracks"]


@dataclass
class Device:
    """One device of one user."""

    key: str
    group_key: str
    username: str
    created: float
    modified: float
    last_authenticated: float
    confirmed: bool = False
    name: str | None = None
    verifier: int | None = None
    """The SRP verifier of the device's own password (``DeviceSecretVerifierConfig.PasswordVerifier``)."""
    salt: str | None = None
    """Its salt, in hex, as the client sends it (``DeviceSecretVerifierConfig.Salt``)."""
    remembered: bool = False


def _config(pool: Any) -> dict[str, Any]:
    return dict(pool.extended_config.get("DeviceConfiguration") or {})


def tracks(pool: Any) -> bool:
    """Whether the pool tracks devices (it has a ``DeviceConfiguration``)."""
    return bool(_config(pool))


def skips_mfa(pool: Any) -> bool:
    """Whether a remembered device signs in instead of a second factor (``ChallengeRequiredOnNewDevice``)."""
    return bool(_config(pool).get("ChallengeRequiredOnNewDevice"))


def remembered_on_prompt(pool: Any) -> bool:
    """Whether a confirmed device waits for ``UpdateDeviceStatus`` to be remembered (``DeviceOnlyRememberedOnUserPrompt``)."""
    return bool(_config(pool).get("DeviceOnlyRememberedOnUserPrompt"))


def new(pool: Any, username: str) -> Device:
    """A new, unconfirmed device of ``username``."""
    now = time.time()
    device = Device(key=f"{pool.region}_{uuid.uuid4()}", group_key=f"-{secrets.token_urlsafe(9)}", username=username,
                    created=now, modified=now, last_authenticated=now)
    with _state._lock:
        _state.state(pool.id).devices[device.key] = device
    return device


def find(pool_id: str, key: str | None, username: str | None = None) -> Device | None:
    """Device ``key`` (of ``username``, when given), or ``None``."""
    with _state._lock:
        device: Device | None = _state.state(pool_id).devices.get(key or "")
    if device is None or (username is not None and device.username != username):
        return None
    return device


def of_user(pool_id: str, username: str) -> list[Device]:
    """The user's confirmed devices, oldest first."""
    with _state._lock:
        devices = list(_state.state(pool_id).devices.values())
    return sorted((d for d in devices if d.username == username and d.confirmed), key=lambda d: (d.created, d.key))


def forget(pool_id: str, key: str) -> None:
    """Drop device ``key``: a sign-in naming it is a new device's."""
    with _state._lock:
        _state.state(pool_id).devices.pop(key, None)


def _date(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def described(device: Device) -> dict[str, Any]:
    """The device as Cognito's ``DeviceType`` describes it."""
    attributes = [{"Name": "device_status", "Value": "valid"},
                  {"Name": "dev:device_remembered_status", "Value": "remembered" if device.remembered else "not_remembered"}]
    if device.name:
        attributes.append({"Name": "device_name", "Value": device.name})
    return {"DeviceKey": device.key, "DeviceAttributes": attributes, "DeviceCreateDate": _date(device.created),
            "DeviceLastModifiedDate": _date(device.modified), "DeviceLastAuthenticatedDate": _date(device.last_authenticated)}
