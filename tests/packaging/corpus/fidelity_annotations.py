"""Annotations under ``from __future__ import annotations`` that run-time code evaluates.

Class bodies (dataclasses, NamedTuple, TypedDict, Enum) and ``typing.get_type_hints`` read the
annotation strings back, so the names they use must exist in the generated module too.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import uuid
from collections.abc import Mapping
from typing import ClassVar, NamedTuple, Optional, TypedDict, get_type_hints


@dataclasses.dataclass
class Limits:
    per_day: ClassVar[int] = 3
    name: str = "default"
    seen: list[uuid.UUID] = dataclasses.field(default_factory=list)


class Point(NamedTuple):
    x: int
    y: int = 0


class Attributes(TypedDict, total=False):
    email: str
    updated_at: datetime.datetime


class Tier(enum.Enum):
    GOLD = "gold"
    label: ClassVar[str]


def describe(event: Mapping[str, object], when: Optional[datetime.date] = None) -> dict[str, object]:
    return {"user": event["userName"]}


def handler(event, context):
    return {
        "fields": [field.name for field in dataclasses.fields(Limits)],
        "per_day": Limits.per_day,
        "point": Point(1)._asdict(),
        "attributes": sorted(get_type_hints(Attributes)),
        "tiers": [tier.value for tier in Tier],
        "describe": sorted(get_type_hints(describe)),
        **describe(event),
    }
