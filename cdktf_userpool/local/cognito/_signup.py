"""``SignUp``, ``ConfirmSignUp``, ``AdminConfirmSignUp``, ``ResendConfirmationCode`` and ``AdminCreateUser``.

- ``SignUp``: pre sign-up (``PreSignUp_SignUp``; ``autoConfirmUser``, ``autoVerifyEmail`` and
  ``autoVerifyPhone`` honoured), then either post confirmation (auto-confirmed; no code) or the
  confirmation code (``CustomMessage_SignUp`` or the custom sender). A failing pre sign-up or custom
  message trigger creates no user.
- ``ConfirmSignUp`` checks the code; it and ``AdminConfirmSignUp`` confirm, then run post
  confirmation (``PostConfirmation_ConfirmSignUp``), whose failure is answered but leaves the user
  confirmed, as in Cognito.
- ``ResendConfirmationCode``: a new code (``CustomMessage_ResendCode``).
- ``AdminCreateUser``: pre sign-up (``PreSignUp_AdminCreateUser``, its flags ignored), the user in
  ``FORCE_CHANGE_PASSWORD``, the invitation with the temporary password (``CustomMessage_AdminCreateUser``)
  unless ``MessageAction=SUPPRESS``; no post confirmation.
"""

from __future__ import annotations

import secrets
import string
from typing import Any

from . import _state
from ._errors import cognito_error, invalid_parameter, not_authorized, user_not_found
from ._events import build, metadata
from ._invoke import invoke, response_of
from ._messages import MEDIUM_ATTRIBUTE, prepare, verification_medium
from ._pools import (
    Call,
    add_user,
    attributes,
    check_password,
    check_secret,
    event_attributes,
    exists_error,
    find_user,
    new_user,
    named_user,
    pool_and_client,
    pool_by_id,
    set_status,
    sign_up_username,
    status,
    username_taken,
)


def post_confirmation(call: Call, user: Any, source: str, client_metadata: dict[str, str] | None) -> None:
    """Post confirmation of ``source`` on a confirmed user (its failure is the caller's answer)."""
    invoke(call, "PostConfirmation", build(source, call, user.username, user_attributes=event_attributes(user),
                                           client_metadata=client_metadata))


def sign_up(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client = pool_and_client(params.get("ClientId", ""))
    call = Call(pool, client, sdk)
    username = str(params.get("Username") or "")
    check_secret(client, username, params.get("SecretHash"))
    given = sign_up_username(pool, username, list(params.get("UserAttributes") or []))
    if username_taken(pool, username, given):
        raise exists_error(pool)
    check_password(pool, params.get("Password"))
    user = new_user(pool, username, params["Password"], "UNCONFIRMED", given)
    client_metadata = metadata(params.get("ClientMetadata"))
    answer = invoke(call, "PreSignUp", build(
        "PreSignUp_SignUp", call, user.username, user_attributes=attributes(user),
        validation_data=metadata(params.get("ValidationData")), client_metadata=client_metadata))
    flags = response_of(answer)
    for flag, attribute in (("autoVerifyEmail", "email"), ("autoVerifyPhone", "phone_number")):
        if flags.get(flag):
            if not user.attribute_lookup.get(attribute):
                raise invalid_parameter(f"{flag} is true but the user has no {attribute} attribute.")
            user.update_attributes([{"Name": f"{attribute}_verified", "Value": "true"}])
    if flags.get("autoConfirmUser"):
        set_status(user, "CONFIRMED")
        add_user(pool, user)
        post_confirmation(call, user, "PostConfirmation_ConfirmSignUp", client_metadata)
        return {"UserConfirmed": True, "UserSub": user.id}
    medium = verification_medium(pool, attributes(user))
    delivery = None
    if medium is not None:
        code = _state.new_code()
        delivery = prepare(call, user, "SignUp", medium, code, client_metadata=client_metadata)
        _state.store_code(pool.id, user.username, "signup", code, _state.SIGN_UP_CODE_SECONDS, MEDIUM_ATTRIBUTE[medium])
    add_user(pool, user)
    answer_body: dict[str, Any] = {"UserConfirmed": False, "UserSub": user.id}
    if delivery is not None:
        delivery.send()
        answer_body["CodeDeliveryDetails"] = delivery.details()
    return answer_body


def _confirm(call: Call, user: Any, verified: str | None, client_metadata: dict[str, str] | None) -> None:
    set_status(user, "CONFIRMED")
    if verified:
        user.update_attributes([{"Name": f"{verified}_verified", "Value": "true"}])
    post_confirmation(call, user, "PostConfirmation_ConfirmSignUp", client_metadata)


def _unconfirmed(user: Any) -> None:
    if status(user) != "UNCONFIRMED":
        raise not_authorized(f"User cannot be confirmed. Current status is {status(user)}")


def confirm_sign_up(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client = pool_and_client(params.get("ClientId", ""))
    username = str(params.get("Username") or "")
    user = find_user(pool, username)
    check_secret(client, username, params.get("SecretHash"), also=(user.username,) if user else ())
    if user is None:
        raise user_not_found("Username/client id combination not found.")
    _unconfirmed(user)
    code = _state.take_code(pool.id, user.username, "signup", str(params.get("ConfirmationCode") or ""))
    _confirm(Call(pool, client, sdk), user, code.attribute, metadata(params.get("ClientMetadata")))
    return {}


def admin_confirm_sign_up(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, user = named_user(params)
    _unconfirmed(user)
    _confirm(Call(pool, None, sdk), user, None, metadata(params.get("ClientMetadata")))
    return {}


def resend_confirmation_code(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client = pool_and_client(params.get("ClientId", ""))
    username = str(params.get("Username") or "")
    user = find_user(pool, username)
    check_secret(client, username, params.get("SecretHash"), also=(user.username,) if user else ())
    if user is None:
        raise user_not_found("Username/client id combination not found.")
    if status(user) == "CONFIRMED":
        raise invalid_parameter("User is already confirmed.")
    call = Call(pool, client, sdk)
    medium = verification_medium(pool, attributes(user))
    if medium is None:
        raise invalid_parameter("Auto verification not turned on.")
    code = _state.new_code()
    delivery = prepare(call, user, "ResendCode", medium, code, client_metadata=metadata(params.get("ClientMetadata")))
    _state.store_code(pool.id, user.username, "signup", code, _state.SIGN_UP_CODE_SECONDS, MEDIUM_ATTRIBUTE[medium])
    delivery.send()
    return {"CodeDeliveryDetails": delivery.details()}


def temporary_password(pool: Any) -> str:
    """A password the pool's policy accepts: letters of both cases, digits and a symbol."""
    policy = (pool.extended_config.get("Policies") or {}).get("PasswordPolicy") or {}
    length = max(int(policy.get("MinimumLength") or 8), 12)
    alphabet = string.ascii_letters + string.digits
    core = "".join(secrets.choice(alphabet) for _ in range(length - 4))
    return core + secrets.choice(string.ascii_uppercase) + secrets.choice(string.ascii_lowercase) + \
        secrets.choice(string.digits) + secrets.choice("^$*.!@#%&")


def admin_create_user(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool = pool_by_id(params.get("UserPoolId", ""))
    call = Call(pool, None, sdk)
    username = str(params.get("Username") or "")
    action = params.get("MessageAction")
    given = sign_up_username(pool, username, list(params.get("UserAttributes") or []))
    client_metadata = metadata(params.get("ClientMetadata"))
    existing = find_user(pool, username)
    if action == "RESEND":
        if existing is None:
            raise user_not_found()
        if status(existing) != "FORCE_CHANGE_PASSWORD":
            raise cognito_error("UnsupportedUserStateException", "Resend not possible. "
                                f"{existing.username} status is not FORCE_CHANGE_PASSWORD.")
        user = existing
    else:
        if username_taken(pool, username, given):
            raise exists_error(pool)
        password = params.get("TemporaryPassword")
        if password:
            check_password(pool, password)
        user = new_user(pool, username, password or temporary_password(pool), "FORCE_CHANGE_PASSWORD", given)
        # the flags of the answer are ignored for AdminCreateUser, as in Cognito
        invoke(call, "PreSignUp", build(
            "PreSignUp_AdminCreateUser", call, user.username, user_attributes=attributes(user),
            validation_data=metadata(params.get("ValidationData")), client_metadata=client_metadata))
    deliveries = []
    if action != "SUPPRESS":
        mediums = list(params.get("DesiredDeliveryMediums") or ["SMS"])
        present = [m for m in ("SMS", "EMAIL") if m in mediums and user.attribute_lookup.get(MEDIUM_ATTRIBUTE[m])]
        if not present:
            raise invalid_parameter("User has no attribute matching desired delivery mediums")
        deliveries = [prepare(call, user, "AdminCreateUser", m, user.password, client_metadata=client_metadata)
                      for m in present]
    if action != "RESEND":
        add_user(pool, user)
    for each in deliveries:
        each.send()
    return {"User": user.to_json(extended=True)}
