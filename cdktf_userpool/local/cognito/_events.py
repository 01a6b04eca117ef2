"""The events the local pool sends, made by the library's own factories (one per ``triggerSource``).

:mod:`cdktf_userpool.testing.events` holds the shapes Cognito sends; this module only fills in the
header and what the call and the user provide.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...testing import events as factories
from ._pools import Call


def header(call: Call, user_name: str | None) -> dict[str, Any]:
    """The header keywords every factory takes."""
    found: dict[str, Any] = {
        "user_pool_id": call.pool_id, "region": call.region, "client_id": call.client_id, "aws_sdk_version": call.sdk,
    }
    if user_name is not None:
        found["user_name"] = user_name
    return found


def build(source: str, call: Call, user_name: str | None, **request: Any) -> dict[str, Any]:
    """The event of ``source`` (``"PreSignUp_SignUp"``...): the factory of that name, with this call's header.

    Request keywords whose value is ``None`` are left out (the factory's default applies).
    """
    factory = getattr(factories, source)
    given = {k: v for k, v in request.items() if v is not None}
    event: dict[str, Any] = factory(**given, **header(call, user_name))
    return event


def metadata(value: Any) -> dict[str, str] | None:
    """``ClientMetadata`` / ``ValidationData`` as the events carry them (a name -> value map), or ``None``."""
    if value is None:
        return None
    if isinstance(value, list):  # ValidationData is a list of {Name, Value}
        return {str(a["Name"]): str(a["Value"]) for a in value}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    return None
