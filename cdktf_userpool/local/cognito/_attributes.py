"""``UpdateUserAttributes``, ``AdminUpdateUserAttributes``, ``GetUserAttributeVerificationCode``, ``VerifyUserAttribute``.

Changing an email or phone number the pool verifies marks it unverified and sends a code to the new
address (``CustomMessage_UpdateUserAttribute`` or the custom sender), unless the call marks it
verified itself (admins may); a failing custom message trigger leaves the attributes as they were.
``GetUserAttributeVerificationCode`` sends one (``CustomMessage_VerifyUserAttribute``);
``VerifyUserAttribute`` checks it and runs no trigger.
"""

from __future__ import annotations

import copy
from typing import Any

from . import _state
from ._errors import invalid_parameter
from ._events import metadata
from ._messages import MEDIUM_ATTRIBUTE, Delivery, prepare
from ._pools import Call, named_user

_MEDIUM = {attribute: medium for medium, attribute in MEDIUM_ATTRIBUTE.items()}


def _pools_holding(token: str) -> tuple[Any, Any, Any]:
    from ._sessions import authorize

    pool, client, user, _ = authorize(token)
    return pool, client, user


def _update(call: Call, user: Any, given: list[dict[str, str]], client_metadata: dict[str, str] | None) -> dict[str, Any]:
    changes = {str(a["Name"]): str(a["Value"]) for a in given}
    auto = call.pool.extended_config.get("AutoVerifiedAttributes") or []
    changed = copy.copy(user)
    changed.update_attributes([{"Name": k, "Value": v} for k, v in changes.items()])
    deliveries: list[tuple[Delivery, str, str]] = []
    for attribute, medium in _MEDIUM.items():
        new = changes.get(attribute)
        if new is None or new == user.attribute_lookup.get(attribute) or changes.get(f"{attribute}_verified") == "true":
            continue
        changed.update_attributes([{"Name": f"{attribute}_verified", "Value": "false"}])
        if attribute in auto:
            code = _state.new_code()
            deliveries.append((prepare(call, changed, "UpdateUserAttribute", medium, code,
                                       client_metadata=client_metadata), attribute, code))
    user.update_attributes(changed.attributes)
    sent = []
    for delivery, attribute, code in deliveries:
        _state.store_code(call.pool_id, user.username, f"verify:{attribute}", code, _state.SIGN_UP_CODE_SECONDS, attribute)
        delivery.send()
        sent.append(delivery.details())
    return {"CodeDeliveryDetailsList": sent} if sent else {}


def update_user_attributes(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client, user = _pools_holding(str(params.get("AccessToken") or ""))
    given = [a for a in params.get("UserAttributes") or [] if not str(a["Name"]).endswith("_verified")]
    return _update(Call(pool, client, sdk), user, given, metadata(params.get("ClientMetadata")))


def admin_update_user_attributes(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, user = named_user(params)
    _update(Call(pool, None, sdk), user, list(params.get("UserAttributes") or []), metadata(params.get("ClientMetadata")))
    return {}


def get_user_attribute_verification_code(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, client, user = _pools_holding(str(params.get("AccessToken") or ""))
    attribute = str(params.get("AttributeName") or "")
    medium = _MEDIUM.get(attribute)
    if medium is None or not user.attribute_lookup.get(attribute):
        raise invalid_parameter(f"Invalid attribute name or the user has no {attribute} attribute.")
    call = Call(pool, client, sdk)
    code = _state.new_code()
    delivery = prepare(call, user, "VerifyUserAttribute", medium, code, client_metadata=metadata(params.get("ClientMetadata")))
    _state.store_code(pool.id, user.username, f"verify:{attribute}", code, _state.SIGN_UP_CODE_SECONDS, attribute)
    delivery.send()
    return {"CodeDeliveryDetails": delivery.details()}


def verify_user_attribute(params: dict[str, Any], sdk: str) -> dict[str, Any]:
    pool, _, user = _pools_holding(str(params.get("AccessToken") or ""))
    attribute = str(params.get("AttributeName") or "")
    _state.take_code(pool.id, user.username, f"verify:{attribute}", str(params.get("Code") or ""))
    user.update_attributes([{"Name": f"{attribute}_verified", "Value": "true"}])
    return {}
