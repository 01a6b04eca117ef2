"""The runtime entry point shipped in every package: stdlib only, adapts the call at cold start."""

from __future__ import annotations

import ast
import asyncio
import importlib.util
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ENTRY = Path(__file__).resolve().parents[2] / "cdktf_userpool" / "_runtime" / "entry.py"


def test_entry_imports_only_the_standard_library_and_the_trigger() -> None:
    tree = ast.parse(ENTRY.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0
            imported.add((node.module or "").partition(".")[0])
    assert "trigger" in imported
    assert imported - {"trigger"} <= set(sys.stdlib_module_names)


def _entry(monkeypatch: pytest.MonkeyPatch, fn: Callable[..., Any]) -> types.ModuleType:
    """Import a fresh copy of the entry module, with ``fn`` as the user's function."""
    trigger = types.ModuleType("trigger")
    trigger.__cdktf_userpool_handler__ = fn  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trigger", trigger)
    spec = importlib.util.spec_from_file_location("cdktf_userpool_entry_under_test", ENTRY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def two(event, context):
    return ("two", event, context)


def one(event):
    return ("one", event)


def none():
    return ("none",)


def star(*args):
    return ("star", *args)


def optional_context(event, context=None, extra=5):
    return ("optional", event, context, extra)


def keyword_only(event, *, flag=True):
    return ("keyword", event, flag)


async def coroutine_function(event, context):
    await asyncio.sleep(0)
    return ("async", event, id(asyncio.get_running_loop()))


async def _inner(event):
    return ("awaited", event)


def returns_coroutine(event):
    return _inner(event)


@pytest.mark.parametrize(
    ("fn", "expected"),
    [
        (two, ("two", "E", "C")),
        (one, ("one", "E")),
        (none, ("none",)),
        (star, ("star", "E", "C")),
        (optional_context, ("optional", "E", "C", 5)),
        (keyword_only, ("keyword", "E", True)),
        (lambda event: ("lambda", event), ("lambda", "E")),
        (returns_coroutine, ("awaited", "E")),
    ],
)
def test_call_adapts_to_the_signature(monkeypatch: pytest.MonkeyPatch, fn: Callable[..., Any], expected: Any) -> None:
    assert _entry(monkeypatch, fn).handler("E", "C") == expected


def test_async_handler_reuses_one_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _entry(monkeypatch, coroutine_function)
    first, second = entry.handler("E", "C"), entry.handler("F", "C")
    assert first[:2] == ("async", "E") and second[:2] == ("async", "F")
    assert first[2] == second[2]


def test_arity_is_decided_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _entry(monkeypatch, one)
    assert entry._ARITY == 1


def test_too_many_required_parameters_fail_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    def three(event, context, extra):
        return None

    with pytest.raises(TypeError, match="Give the extra parameters defaults"):
        _entry(monkeypatch, three)


def test_exceptions_propagate_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = ValueError("refused")

    def fails(event, context):
        raise problem

    with pytest.raises(ValueError) as caught:
        _entry(monkeypatch, fails).handler({}, None)
    assert caught.value is problem
