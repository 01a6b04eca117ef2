"""Type annotations without ``from __future__ import annotations``: evaluated, so shipped."""

from collections.abc import Mapping
from typing import Any, Protocol


class LambdaContext(Protocol):
    function_name: str


Event = dict[str, Any]


def handler(event: Event, context: LambdaContext | None = None) -> Mapping[str, Any]:
    result: Mapping[str, Any] = {"user": event["userName"], "annotations": sorted(handler.__annotations__)}
    return result
