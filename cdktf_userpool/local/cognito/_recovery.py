"""``ForgotPassword``, ``ConfirmForgotPassword`` and ``AdminResetUserPassword``.

``ForgotPassword`` for a user the pool does not know runs user migration first
(``UserMigration_ForgotPassword``, no password in the event); the code goes by the pool's account
recovery setting to a verified email or phone (``CustomMessage_ForgotPassword`` or the custom
sender). ``ConfirmForgotPassword`` checks the code, sets the password, then runs post confirmation
(``PostConfirmation_ConfirmForgotPassword``), whose failure is answered but keeps the new password.
"""

from __future__ import annotations

from typing import Any

from . import _state
from ._errors import invalid_parameter, user_not_found
from ._events import metadata
from ._messages import prepare, recovery_medium
from ._pools import (
    Call,
    attributes,
    check_password,
    check_secret,
    find_user,
    named_user,
    pool_and_client,
    set_status,
)
from ._signin import migrate

_NO_RECOVERY = "Cannot reset password for the user as there is no registered/verified email or phone_number"


def _send_reset_code(call: Call, user: Any, client_metadata: dict[str, str] | None) -> dict[str, Any]:
    medium = recovery_medium(call.pool, attributes(user))
    if medium is None:
        raise invalid_parameter(_NO_RECOVERY)
    code = _state.new_code()
    delivery = prepare(call, user, "ForgotPassword", medium, code, client_metadata=client_metadata)
    _state.store_code(call.pool_id, user.username, "reset", code, _state.RESET_CODE_SECONDS, None)
    delivery.send()
    return {"CodeDeliveryDetails": delivery.details()}


def forgot_password(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client = pool_and_client(params.get("ClientId", ""))
    call = Call(pool, client, sdk)
    name = str(params.get("Username") or "")
    client_metadata = metadata(params.get("ClientMetadata"))
    user = find_user(pool, name)
    check_secret(client, name, params.get("SecretHash"), also=(user.username,) if user else ())
    if user is None:
        user = migrate(call, name, None, None, client_metadata, "UserMigration_ForgotPassword")
    if user is None:
        raise user_not_found("Username/client id combination not found.")
    return _send_reset_code(call, user, client_metadata)


def admin_reset_user_password(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, user = named_user(params)
    call = Call(pool, None, sdk)
    _send_reset_code(call, user, metadata(params.get("ClientMetadata")))
    set_status(user, "RESET_REQUIRED")
    return {}


def confirm_forgot_password(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    from ._signup import post_confirmation

    pool, client = pool_and_client(params.get("ClientId", ""))
    name = str(params.get("Username") or "")
    user = find_user(pool, name)
    check_secret(client, name, params.get("SecretHash"), also=(user.username,) if user else ())
    if user is None:
        raise user_not_found("Username/client id combination not found.")
    check_password(pool, params.get("Password"))
    _state.take_code(pool.id, user.username, "reset", str(params.get("ConfirmationCode") or ""))
    user.password = params["Password"]
    set_status(user, "CONFIRMED")
    post_confirmation(Call(pool, client, sdk), user, "PostConfirmation_ConfirmForgotPassword",
                      metadata(params.get("ClientMetadata")))
    return {}
