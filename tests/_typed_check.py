"""Shared by the event tests: a run-time checker for the event ``TypedDict`` types, the sample events
and their documented quirks, and an import that does not run ``cdktf_userpool/__init__`` (it imports cdktf).

The checker walks ``typing.get_type_hints(..., include_extras=True)``: required and ``NotRequired``
keys, no undeclared keys, ``Literal`` values, unions, and JSON's types (a ``bool`` is not an ``int``).
It refuses annotations it does not know rather than passing them.
"""

from __future__ import annotations

import collections.abc
import importlib
import json
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "cdktf_userpool"
SAMPLES = REPO / "tests" / "fixtures" / "events"


def import_isolated(*names: str) -> list[types.ModuleType]:
    """Import ``cdktf_userpool`` submodules without running the package's ``__init__`` (which imports cdktf).

    If the package is already imported (another test module did), its modules are used as they are.
    Otherwise a bare package object stands in while ``names`` are imported and ``sys.modules`` is
    restored afterwards, so a later ``import cdktf_userpool`` still gets the real package.
    """
    if "cdktf_userpool" in sys.modules:
        return [importlib.import_module(name) for name in names]
    before = set(sys.modules)
    stand_in = types.ModuleType("cdktf_userpool")
    stand_in.__path__ = [str(PACKAGE)]
    sys.modules["cdktf_userpool"] = stand_in
    try:
        return [importlib.import_module(name) for name in names]
    finally:
        for name in set(sys.modules) - before:
            if name == "cdktf_userpool" or name.startswith("cdktf_userpool."):
                del sys.modules[name]


# -- The checker -----------------------------------------------------------------------------------


def mismatches(value: Any, annotation: Any, path: str = "event") -> list[str]:
    """Where ``value`` (decoded JSON) does not fit ``annotation``; ``[]`` if it fits."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is typing.Any or annotation is object:
        return []
    if origin in (typing.Annotated, typing.Required, typing.NotRequired):
        return mismatches(value, args[0], path)
    if annotation is None or annotation is type(None):
        return [] if value is None else [f"{path}: expected null, got {value!r}"]
    if origin is typing.Literal:
        if any(value == choice and type(value) is type(choice) for choice in args):
            return []
        return [f"{path}: {value!r} is not one of {list(args)!r}"]
    if origin in (typing.Union, types.UnionType):
        attempts = {option: mismatches(value, option, path) for option in args}
        if any(not found for found in attempts.values()):
            return []
        objects = [found for option, found in attempts.items() if isinstance(value, dict) and _describes_objects(option)]
        return min(objects, key=len) if objects else [f"{path}: {value!r} fits none of {annotation}"]
    if typing.is_typeddict(annotation):
        return _typeddict_mismatches(value, annotation, path)
    if annotation is bool:
        return [] if type(value) is bool else [f"{path}: expected a boolean, got {value!r}"]
    if annotation in (int, float):
        ok = isinstance(value, (int, float) if annotation is float else int) and type(value) is not bool
        return [] if ok else [f"{path}: expected a number, got {value!r}"]
    if annotation is str:
        return [] if isinstance(value, str) else [f"{path}: expected a string, got {value!r}"]
    if origin in (list, collections.abc.Sequence):
        if not isinstance(value, (list, tuple)):
            return [f"{path}: expected an array, got {value!r}"]
        return [m for i, item in enumerate(value) for m in mismatches(item, args[0], f"{path}[{i}]")]
    if origin in (dict, collections.abc.Mapping):
        if not isinstance(value, dict):
            return [f"{path}: expected an object, got {value!r}"]
        found = [f"{path}: key {key!r} is not a string" for key in value if not isinstance(key, str)]
        return found + [m for key, item in value.items() for m in mismatches(item, args[1], f"{path}.{key}")]
    raise TypeError(f"the checker does not know {annotation!r} (at {path}); teach it rather than pass it")


def _describes_objects(annotation: Any) -> bool:
    return typing.is_typeddict(annotation) or typing.get_origin(annotation) in (dict, collections.abc.Mapping)


def _typeddict_mismatches(value: Any, annotation: Any, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: expected an object ({annotation.__name__}), got {value!r}"]
    hints = typing.get_type_hints(annotation, include_extras=True)
    found: list[str] = []
    for key, hint in hints.items():
        if key in value:
            found += mismatches(value[key], hint, f"{path}.{key}")
        elif is_required(annotation, key):
            found.append(f"{path}: required key {key!r} of {annotation.__name__} is missing")
    found += [f"{path}: key {key!r} is not declared by {annotation.__name__}" for key in value if key not in hints]
    return found


def is_required(typed_dict: Any, key: str) -> bool:
    """Whether ``key`` is required, from its ``Required``/``NotRequired`` marker or else the class's totality."""
    origin = typing.get_origin(typing.get_type_hints(typed_dict, include_extras=True)[key])
    if origin is typing.Required:
        return True
    if origin is typing.NotRequired:
        return False
    return key in typed_dict.__required_keys__


# -- The sample events and their quirks ------------------------------------------------------------

#: Each sample file and the event type it is an instance of.
SAMPLE_TYPES: dict[str, str] = {
    "cognitoCreateAuthChallengeEvent.json": "CreateAuthChallengeEvent",
    "cognitoCustomEmailSenderEvent.json": "CustomEmailSenderEvent",
    "cognitoCustomMessageEvent.json": "CustomMessageEvent",
    "cognitoCustomSMSSenderEvent.json": "CustomSMSSenderEvent",
    "cognitoDefineAuthChallengeEvent.json": "DefineAuthChallengeEvent",
    "cognitoPostAuthenticationEvent.json": "PostAuthenticationEvent",
    "cognitoPostConfirmationEvent.json": "PostConfirmationEvent",
    "cognitoPreAuthenticationEvent.json": "PreAuthenticationEvent",
    "cognitoPreSignUpEvent.json": "PreSignUpEvent",
    "cognitoPreTokenGenerationEvent.json": "PreTokenGenerationEvent",
    "cognitoPreTokenV2GenerationEvent.json": "PreTokenGenerationV2Event",
    "cognitoUserMigrationEvent.json": "UserMigrationEvent",
    "cognitoVerifyAuthChallengeResponseEvent.json": "VerifyAuthChallengeResponseEvent",
}


def load_sample(name: str) -> dict[str, Any]:
    """A sample event, as written (quirks included)."""
    event: dict[str, Any] = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return event


@dataclass(frozen=True)
class Quirk:
    """A way some samples differ from what Cognito sends, and how to undo it before checking them.

    ``undo`` is ``None`` for quirks the types accept as they are; ``present`` tells whether a sample
    still shows the quirk, so that a quirk nobody needs any more is noticed.
    """

    name: str
    why: str
    samples: tuple[str, ...]
    present: Callable[[dict[str, Any]], bool]
    undo: Callable[[dict[str, Any]], None] | None


def _rename_aws_sdk(event: dict[str, Any]) -> None:
    event["callerContext"]["awsSdkVersion"] = event["callerContext"].pop("awsSdk")


def _set_sms_type(event: dict[str, Any]) -> None:
    event["request"]["type"] = "customSMSSenderRequestV1"


def _stringify_booleans(event: dict[str, Any]) -> None:
    attributes = event["request"]["userAttributes"]
    for key, value in attributes.items():
        if isinstance(value, bool):
            attributes[key] = "true" if value else "false"


def _set_version_2(event: dict[str, Any]) -> None:
    event["version"] = "2"


QUIRKS: tuple[Quirk, ...] = (
    Quirk(
        name="AWS_SDK_KEY",
        why="callerContext spells awsSdkVersion as awsSdk (as some AWS doc samples do); real events use awsSdkVersion",
        samples=("cognitoCustomEmailSenderEvent.json", "cognitoCustomMessageEvent.json"),
        present=lambda event: "awsSdk" in event["callerContext"],
        undo=_rename_aws_sdk,
    ),
    Quirk(
        name="SMS_SENDER_EMAIL_TYPE",
        why="the SMS sender sample reuses the email sender's request type, customEmailSenderRequestV1",
        samples=("cognitoCustomSMSSenderEvent.json",),
        present=lambda event: event["request"]["type"] == "customEmailSenderRequestV1",
        undo=_set_sms_type,
    ),
    Quirk(
        name="BOOLEAN_ATTRIBUTE_VALUES",
        why='userAttributes carry JSON booleans; Cognito sends every attribute as a string ("true")',
        samples=(
            "cognitoCustomEmailSenderEvent.json",
            "cognitoCustomMessageEvent.json",
            "cognitoCustomSMSSenderEvent.json",
            "cognitoPostConfirmationEvent.json",
        ),
        present=lambda event: any(isinstance(v, bool) for v in event["request"]["userAttributes"].values()),
        undo=_stringify_booleans,
    ),
    Quirk(
        name="V2_SAMPLE_SAYS_VERSION_1",
        why='the pre token V2 sample says version "1"; Cognito sends "2" for V2_0 events',
        samples=("cognitoPreTokenV2GenerationEvent.json",),
        present=lambda event: event["version"] == "1",
        undo=_set_version_2,
    ),
    Quirk(
        name="PLACEHOLDER_VALUES",
        why='placeholder strings ("string" versions and pool ids, "region"); the types say str, so they fit',
        samples=(
            "cognitoCustomEmailSenderEvent.json",
            "cognitoCustomMessageEvent.json",
            "cognitoCustomSMSSenderEvent.json",
            "cognitoPostConfirmationEvent.json",
            "cognitoPreSignUpEvent.json",
            "cognitoUserMigrationEvent.json",
        ),
        present=lambda event: "string" in (event["version"], event["userPoolId"]) or event["region"] == "region",
        undo=None,
    ),
)


def quirks_of(sample: str) -> list[Quirk]:
    """The quirks a sample has."""
    return [quirk for quirk in QUIRKS if sample in quirk.samples]


def without_quirks(sample: str, *, keep: str | None = None) -> dict[str, Any]:
    """A sample with its quirks undone (all but the one named ``keep``)."""
    event = load_sample(sample)
    for quirk in quirks_of(sample):
        if quirk.undo is not None and quirk.name != keep:
            quirk.undo(event)
    return event
