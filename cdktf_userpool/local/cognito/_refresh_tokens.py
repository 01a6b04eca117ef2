"""The pool's store of refresh tokens: issue, look up (with Cognito's refusals), rotate.

One store per pool (in ``_state``). A refresh token belongs to one app client and one sign-in (its
``origin_jti``). Below both ``_tokens`` (which issues one with every API sign-in) and ``_sessions``
(refresh, rotation, revocation and sign-out use it), so neither imports the other.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

from . import _state
from ._errors import cognito_error, not_authorized
from ._pools import find_user

__all__ = ["PREFIX", "RefreshToken", "new_refresh_token", "rotate", "rotation", "store", "take_refresh_token"]

PREFIX = "cdktf-userpool-local."
"""What every refresh token of the emulator starts with (a JWT does not)."""


@dataclass
class RefreshToken:
    """One refresh token the pool issued."""

    client_id: str
    username: str
    origin_jti: str
    expires: float
    rotated_at: float | None = None
    """When rotation replaced it (it stays valid for the client's grace period), else ``None``."""
    scopes: tuple[str, ...] | None = None
    """The scopes of its sign-in at managed login, which every refresh grants again; ``None`` for an API sign-in."""


def rotation(client: Any) -> tuple[bool, int]:
    """Whether the client rotates refresh tokens, and its grace period in seconds."""
    config = client.extended_config.get("RefreshTokenRotation") or {}
    enabled = str(config.get("Feature") or "DISABLED").upper() == "ENABLED"
    return enabled, min(max(int(config.get("RetryGracePeriodSeconds") or 0), 0), 60)


def store(pool: Any) -> dict[str, RefreshToken]:
    """The pool's refresh tokens, token -> record (read and write under ``_state._lock``)."""
    return _state.state(pool.id).refresh_tokens


def new_refresh_token(pool: Any, client: Any, username: str, origin_jti: str, seconds: int,
                      scopes: list[str] | tuple[str, ...] | None = None) -> str:
    """A refresh token of ``client`` for ``username``'s sign-in ``origin_jti``, valid ``seconds``
    (``scopes``: those of a managed-login sign-in)."""
    token = PREFIX + secrets.token_urlsafe(48)
    with _state._lock:
        store(pool)[token] = RefreshToken(client.id, username, origin_jti, time.time() + seconds,
                                            scopes=tuple(scopes) if scopes is not None else None)
    return token


def take_refresh_token(pool: Any, client: Any, token: str) -> tuple[RefreshToken, Any]:
    """The record of a refresh token ``client`` may use, and its user.

    :raises: ``NotAuthorizedException`` for an unknown or malformed token, another client's, a revoked
        or expired one, or a disabled or deleted user; ``RefreshTokenReuseException`` for a token
        rotation replaced, after its grace period.
    """
    with _state._lock:
        record = store(pool).get(str(token or ""))
        revoked = record is not None and record.origin_jti in _state.state(pool.id).revoked
    if record is None or record.client_id != client.id:
        raise not_authorized("Invalid Refresh Token")
    if revoked:
        raise not_authorized("Refresh Token has been revoked")
    now = time.time()
    if record.expires < now:
        raise not_authorized("Refresh Token has expired")
    if record.rotated_at is not None and now > record.rotated_at + rotation(client)[1]:
        raise cognito_error("RefreshTokenReuseException", "Refresh token has already been used.")
    user = find_user(pool, record.username)
    if user is None:
        raise not_authorized("Invalid Refresh Token")
    if not user.enabled:
        raise not_authorized("User is disabled.")
    return record, user


def rotate(pool: Any, client: Any, record: RefreshToken, seconds: int) -> str:
    """A new refresh token for the same sign-in; ``record``'s token is marked replaced (its grace period starts)."""
    with _state._lock:
        if record.rotated_at is None:
            record.rotated_at = time.time()
    return new_refresh_token(pool, client, record.username, record.origin_jti, seconds, record.scopes)
