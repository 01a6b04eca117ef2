"""Password sign-in: ``USER_PASSWORD_AUTH``, ``ADMIN_USER_PASSWORD_AUTH`` (``ADMIN_NO_SRP_AUTH``), and the
``NEW_PASSWORD_REQUIRED`` challenge that follows a temporary password.

User migration for a user the pool does not know (``UserMigration_Authentication``, its
``finalUserStatus`` honoured), pre authentication and the password check (``_signin``), then either
``NEW_PASSWORD_REQUIRED`` or the tokens: pre token generation (``TokenGeneration_Authentication``, or
``TokenGeneration_NewPasswordChallenge`` after a new password), then post authentication.
"""

from __future__ import annotations

from typing import Any

from ._errors import not_authorized
from ._events import metadata
from ._pools import Call, check_password, check_secret, find_user, set_status
from ._signin import after_password, answers, check_credentials, complete, initiates, take_session

__all__: list[str] = []  # registers its flows and challenge with _signin


@initiates("USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH")
def _password(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    auth = params.get("AuthParameters") or {}
    user = check_credentials(call, str(auth.get("USERNAME") or ""), auth.get("PASSWORD"),
                             metadata(params.get("ClientMetadata")), auth.get("SECRET_HASH"))
    return after_password(call, user)


@answers("NEW_PASSWORD_REQUIRED")
def _new_password(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    session = take_session(call, params.get("Session"), "NEW_PASSWORD_REQUIRED")
    given = params.get("ChallengeResponses") or {}
    user = find_user(call.pool, session["username"])
    if user is None:
        raise not_authorized("Invalid session for the user.")
    check_secret(call.client, str(given.get("USERNAME") or ""), given.get("SECRET_HASH"),
                 also=(user.username,))
    new = given.get("NEW_PASSWORD")
    check_password(call.pool, new)
    changed = [{"Name": k.removeprefix("userAttributes."), "Value": v} for k, v in given.items()
               if k.startswith("userAttributes.")]
    user.password = new
    if changed:
        user.update_attributes(changed)
    set_status(user, "CONFIRMED")
    return complete(call, user, "TokenGeneration_NewPasswordChallenge", metadata(params.get("ClientMetadata")))
