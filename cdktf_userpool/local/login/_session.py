"""Managed login's cookies: the ``cognito`` session (a second authorize signs in without the form) and the
``XSRF-TOKEN`` that every form posts back as ``_csrf``.

Both are scoped to the domain's path on the emulator, so two pools' domains keep separate sessions.
A session lasts one hour, as Cognito's does; :func:`end` (``/logout``) ends it.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from ..cognito import _state

SESSION_COOKIE = "cognito"
CSRF_COOKIE = "XSRF-TOKEN"
SESSION_SECONDS = 3600


@dataclass(frozen=True)
class Login:
    """Who signed in at the domain, when, and until when the session lasts."""

    username: str
    auth_time: int
    expires: float


def start(pool: Any, username: str) -> tuple[str, Login]:
    """A new session for ``username`` (its cookie value, and the record)."""
    value = secrets.token_urlsafe(32)
    now = time.time()
    record = Login(username, int(now), now + SESSION_SECONDS)
    with _state._lock:
        _state.state(pool.id).logins[value] = record
    return value, record


def current(pool: Any, cookies: Any) -> Login | None:
    """The session of the request's ``cognito`` cookie, if it is this pool's and still valid."""
    value = cookies.get(SESSION_COOKIE)
    if not value:
        return None
    with _state._lock:
        record: Login | None = _state.state(pool.id).logins.get(value)
    if record is None or record.expires < time.time():
        return None
    return record


def end(pool: Any, cookies: Any) -> None:
    """Forget the request's session."""
    with _state._lock:
        _state.state(pool.id).logins.pop(cookies.get(SESSION_COOKIE) or "", None)


def csrf_token(cookies: Any) -> str:
    """The request's ``XSRF-TOKEN``, or a new one (set it on the answer)."""
    return str(cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24))


def csrf_ok(cookies: Any, form: Any) -> bool:
    """Whether a posted form carries the ``_csrf`` its page was given."""
    given, expected = str(form.get("_csrf") or ""), str(cookies.get(CSRF_COOKIE) or "")
    return bool(expected) and hmac.compare_digest(given, expected)
