"""Each user's TOTP authenticator (software token MFA): its secret, whether it was verified, and the codes it makes.

``AssociateSoftwareToken`` gives the user a secret of their own (160 random bits, base32, as Cognito's);
``VerifySoftwareToken`` checks a code of it and makes it the user's authenticator. Until then a
verified one stays in use, so associating again never turns a user's MFA off. A code is RFC 6238's
(pyotp): 6 digits, 30-second steps, one step of clock skew either way; each step's code is accepted
once (a code seen again, even within its window, is refused).
"""

from __future__ import annotations

import hmac
import re
import time
from dataclasses import dataclass

import pyotp

from . import _state

__all__ = ["SoftwareToken", "associate", "check", "confirm", "verified"]

_CODE = re.compile(r"[0-9]{6}")
_SKEW = 1
"""Steps of clock skew allowed either way."""


@dataclass
class SoftwareToken:
    """A user's authenticator: the verified secret in use (if any) and one associated but not yet verified."""

    secret: str | None = None
    pending: str | None = None
    friendly_name: str | None = None
    last_step: int = -1
    """The newest 30-second step whose code was accepted: no code of it or an earlier step is accepted again."""


def _record(pool_id: str, username: str) -> SoftwareToken:
    tokens: dict[str, SoftwareToken] = _state.state(pool_id).software_tokens
    return tokens.setdefault(username, SoftwareToken())


def associate(pool_id: str, username: str) -> str:
    """A new secret for ``username``, kept until :func:`confirm` verifies a code of it; its base32 text."""
    secret = pyotp.random_base32()
    with _state._lock:
        _record(pool_id, username).pending = secret
    return secret


def _matching_step(secret: str, code: str, after: int) -> int | None:
    """The step (now, or one either side) whose code ``code`` is, if it is newer than ``after``."""
    if not _CODE.fullmatch(code):
        return None
    totp, now = pyotp.TOTP(secret), time.time()
    current = int(now // totp.interval)
    for step in range(current - _SKEW, current + _SKEW + 1):
        if step > after and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def confirm(pool_id: str, username: str, code: str, friendly_name: str | None = None) -> bool:
    """Whether ``code`` is one of the pending secret's; if so, that secret becomes the user's authenticator."""
    with _state._lock:
        record = _record(pool_id, username)
        if record.pending is None:
            return False
        step = _matching_step(record.pending, str(code), -1)
        if step is None:
            return False
        record.secret, record.pending, record.friendly_name, record.last_step = record.pending, None, friendly_name, step
        return True


def check(pool_id: str, username: str, code: str) -> bool:
    """Whether ``code`` is a fresh code of the user's verified authenticator (then it is used up)."""
    with _state._lock:
        record = _record(pool_id, username)
        if record.secret is None:
            return False
        step = _matching_step(record.secret, str(code), record.last_step)
        if step is None:
            return False
        record.last_step = step
        return True


def verified(pool_id: str, username: str) -> bool:
    """Whether the user has a verified authenticator."""
    with _state._lock:
        return _record(pool_id, username).secret is not None
