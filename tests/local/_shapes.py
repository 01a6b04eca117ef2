"""Check a raw AWS answer (the JSON the emulator sent) against its shape in botocore's service model.

botocore's parser drops members it does not know, so checking the parsed answer would miss a
misspelled key; this walks the raw JSON instead: every key is a member of the shape, required members
are there, and values have the shape's type (and enum value); ``null`` counts as absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import botocore.session
from botocore.model import Shape

_SCALARS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "boolean": (bool,),
    "double": (int, float),
    "float": (int, float),
    "timestamp": (int, float, str),
    "blob": (str,),
}


def problems(value: Any, shape: Shape, path: str = "$") -> Iterator[str]:
    """What in ``value`` does not fit ``shape``."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            yield f"{path}: expected an object, got {value!r}"
            return
        members = {m.serialization.get("name", name): (name, m) for name, m in shape.members.items()}
        for key, item in value.items():
            if key not in members:
                yield f"{path}: {key!r} is not a member of {shape.name} ({', '.join(sorted(members))})"
            elif item is not None:  # null reads as absent, in botocore as in AWS's SDKs
                yield from problems(item, members[key][1], f"{path}.{key}")
        for required in shape.required_members:
            if required not in value:
                yield f"{path}: required member {required!r} of {shape.name} is missing"
    elif kind == "list":
        if not isinstance(value, list):
            yield f"{path}: expected a list, got {value!r}"
            return
        for index, item in enumerate(value):
            yield from problems(item, shape.member, f"{path}[{index}]")
    elif kind == "map":
        if not isinstance(value, dict):
            yield f"{path}: expected a map, got {value!r}"
            return
        for key, item in value.items():
            yield from problems(key, shape.key, f"{path}<key>")
            yield from problems(item, shape.value, f"{path}[{key!r}]")
    else:
        if not isinstance(value, _SCALARS.get(kind, (object,))) or (kind != "boolean" and isinstance(value, bool)):
            yield f"{path}: expected {kind}, got {value!r}"
        elif getattr(shape, "enum", None) and value not in shape.enum:
            yield f"{path}: {value!r} is not one of {shape.name}'s values {shape.enum}"


def output_shape(service: str, operation: str) -> Shape | None:
    """The output shape of ``service``'s ``operation`` (``None`` when it answers nothing)."""
    model = botocore.session.get_session().get_service_model(service)
    return model.operation_model(operation).output_shape


class RawAnswers:
    """Record the raw JSON answers a boto3 client receives, per operation."""

    def __init__(self, client: Any) -> None:
        self.answers: dict[str, list[Any]] = {}
        client.meta.events.register("after-call", self._record)
        self.service = client.meta.service_model.service_name

    def _record(self, http_response: Any, model: Any, **_: Any) -> None:
        body = http_response.content
        self.answers.setdefault(model.name, []).append(json.loads(body) if body.strip() else {})

    def check(self, operation: str) -> Any:
        """The last raw answer to ``operation``, after asserting it fits the operation's output shape."""
        answer = self.answers[operation][-1]
        shape = output_shape(self.service, operation)
        if shape is None:
            assert answer in ({}, ""), f"{operation} answers nothing, got {answer!r}"
            return answer
        found = list(problems(answer, shape))
        assert not found, f"{operation}'s answer does not fit botocore's {shape.name}: {found}"
        return answer
