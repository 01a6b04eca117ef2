"""_literals: plain data rendered as deterministic literals; everything else refused."""

from __future__ import annotations

import collections
import enum
import math
from typing import Any

import pytest

from cdktf_userpool._packaging._literals import find_tokens, render_literal


class Color(enum.IntEnum):
    RED = 1


Point = collections.namedtuple("Point", "x y")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "None"),
        (True, "True"),
        (-3, "-3"),
        (0.1, "0.1"),
        (-0.0, "-0.0"),
        (float("inf"), 'float("inf")'),
        (float("-inf"), 'float("-inf")'),
        ("it's", '"it\'s"'),
        (b"\x00", "b'\\x00'"),
        ((), "()"),
        ((1,), "(1,)"),
        ([1, (2, 3)], "[1, (2, 3)]"),
        ({"b": 1, "a": [None]}, "{'b': 1, 'a': [None]}"),
        (set(), "set()"),
        ({"b", "a", "c"}, "{'a', 'b', 'c'}"),
        (frozenset(), "frozenset()"),
        (frozenset({3, 1}), "frozenset({1, 3})"),
        ({1, "1"}, "{'1', 1}"),
    ],
)
def test_render(value: Any, text: str) -> None:
    assert render_literal(value) == text
    assert eval(text) == value


def test_nan() -> None:
    text = render_literal([float("nan")])
    assert text == '[float("nan")]'
    assert math.isnan(eval(text)[0])


def test_huge_int() -> None:
    value = 10**5000
    assert eval(render_literal(value)) == value  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [Color.RED, Point(1, 2), collections.OrderedDict(a=1), object(), [object()], {"k": print}, 1j, bytearray(b"x")],
)
def test_not_plain_data(value: Any) -> None:
    assert render_literal(value) is None


def test_self_referencing_container() -> None:
    value: list[Any] = [1]
    value.append(value)
    assert render_literal(value) is None


def test_shared_but_not_cyclic_containers_are_fine() -> None:
    shared = [1]
    assert render_literal([shared, shared]) == "[[1], [1]]"


def test_find_tokens() -> None:
    is_token = lambda s: s.startswith("${")  # noqa: E731
    assert find_tokens("${a}", is_token) == [""]
    assert find_tokens({"x": ["ok", "${a}"], "${k}": 1}, is_token) == ["['x'][1]", "<key '${k}'>"]
    assert find_tokens(("ok", 1), is_token) == []
