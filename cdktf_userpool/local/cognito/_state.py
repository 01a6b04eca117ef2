"""What the local pool keeps beside moto's pool: its trace, outbox, pending codes and auth sessions.

One :class:`PoolState` per pool ID, in the emulator process. Short critical sections only: a
trigger runs without any lock held, since its own AWS calls come back into the emulator.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

_lock = threading.RLock()
_states: dict[str, PoolState] = {}

SIGN_UP_CODE_SECONDS = 24 * 3600
"""A sign-up or attribute verification code is valid for 24 hours, as in Cognito."""
RESET_CODE_SECONDS = 3600
"""A forgot-password code is valid for one hour, as in Cognito."""


@dataclass
class Code:
    """A code sent to a user, kept to check what they send back."""

    value: str
    expires: float
    attribute: str | None = None
    """The attribute the code verifies (``email``, ``phone_number``), or ``None``."""


@dataclass
class PoolState:
    """The local pool's own records for one user pool."""

    trace: list[dict[str, Any]] = field(default_factory=list)
    outbox: list[dict[str, Any]] = field(default_factory=list)
    codes: dict[tuple[str, str], Code] = field(default_factory=dict)
    """(username, purpose) -> the code last sent; purpose is ``signup``, ``reset`` or ``verify:<attribute>``."""
    sessions: dict[str, Any] = field(default_factory=dict)
    """Auth session token -> the flow's state (see ``_auth``)."""
    session_aliases: dict[str, str] = field(default_factory=dict)
    """A value a challenge handed out (its ``SECRET_BLOCK``, the ``DEVICE_KEY`` it asks about) -> the session it
    belongs to, for clients that answer without the ``Session`` (``_signin.take_session``)."""
    key: Any = None
    """The pool's RSA signing key (made on first use)."""
    refresh_tokens: dict[str, Any] = field(default_factory=dict)
    """Refresh token -> its ``_refresh_tokens.RefreshToken`` record."""
    revoked: set[str] = field(default_factory=set)
    """``origin_jti`` of the sign-ins ended by ``RevokeToken`` or a global sign-out."""
    grants: dict[str, Any] = field(default_factory=dict)
    """Managed login's authorization codes -> their ``_codes.Grant`` (single use, five minutes)."""
    logins: dict[str, Any] = field(default_factory=dict)
    """Managed login's session cookies -> their ``login._session.Login`` (who signed in, until when)."""
    software_tokens: dict[str, Any] = field(default_factory=dict)
    """Username -> the user's TOTP authenticator, a ``_software_tokens.SoftwareToken``."""
    devices: dict[str, Any] = field(default_factory=dict)
    """Device key -> the tracked device, a ``_devices.Device``."""


def state(pool_id: str) -> PoolState:
    """The local state of pool ``pool_id`` (created empty on first use)."""
    with _lock:
        found = _states.get(pool_id)
        if found is None:
            found = _states[pool_id] = PoolState()
        return found


def session_of(token: str) -> tuple[str, dict[str, Any]] | None:
    """The ID of the pool that holds auth session ``token`` and the session's state (calls that take only a
    ``Session`` name no pool), or ``None``."""
    with _lock:
        return next(((pool_id, found.sessions[token]) for pool_id, found in _states.items()
                     if token and token in found.sessions), None)


def record(pool_id: str, kind: str, entry: dict[str, Any]) -> None:
    """Append ``entry`` to the pool's ``trace`` or ``outbox``."""
    with _lock:
        getattr(state(pool_id), kind).append(entry)


def read(pool_id: str, kind: str, *, clear: bool = False) -> list[dict[str, Any]]:
    """A copy of the pool's ``trace`` or ``outbox``; emptied after reading when ``clear``."""
    with _lock:
        entries: list[dict[str, Any]] = getattr(state(pool_id), kind)
        copy = list(entries)
        if clear:
            entries.clear()
        return copy


def new_code() -> str:
    """A six-digit code, as Cognito sends."""
    return f"{secrets.randbelow(1_000_000):06d}"


def store_code(pool_id: str, username: str, purpose: str, value: str, seconds: float, attribute: str | None) -> None:
    with _lock:
        state(pool_id).codes[(username, purpose)] = Code(value, time.time() + seconds, attribute)


def take_code(pool_id: str, username: str, purpose: str, given: str) -> Code:
    """The pending code if ``given`` matches it (then it is used up).

    :raises: ``CodeMismatchException`` for another value, ``ExpiredCodeException`` when none is pending
        or it expired.
    """
    from ._errors import code_mismatch, expired_code

    with _lock:
        codes = state(pool_id).codes
        pending = codes.get((username, purpose))
        if pending is None or pending.expires < time.time():
            raise expired_code()
        if not secrets.compare_digest(str(given or ""), pending.value):
            raise code_mismatch()
        del codes[(username, purpose)]
        return pending


def forget(pool_id: str) -> None:
    """Drop the state of a deleted pool."""
    with _lock:
        _states.pop(pool_id, None)
