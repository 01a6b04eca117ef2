"""An annotation that names a class of an infrastructure library: the module gets lazy annotations."""

from typing import Any

from cdktf_userpool.errors import UserPoolWarning


def handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    return {"user": event["userName"], "warning": describe(None)}


def describe(warning: UserPoolWarning | None) -> str:
    return "no warning" if warning is None else str(warning)
