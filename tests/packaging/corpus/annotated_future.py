"""Type annotations with ``from __future__ import annotations``: kept lazy, never evaluated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpus._infra import FakeUserPool


def handler(event: dict[str, Any], context: FakeUserPool | None = None) -> dict[str, Any]:
    return {"user": event["userName"], "annotation": handler.__annotations__["context"]}
