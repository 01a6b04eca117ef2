"""Render plain data as deterministic Python literals.

"Plain data" is ``None``, ``bool``, ``int``, ``float``, ``str``, ``bytes`` and tuples, lists, dicts,
sets and frozensets of plain data, recursively. Only these exact types qualify: subclasses (enum
members, named tuples, ``OrderedDict``...) carry behaviour a literal would lose. Rendering does not
depend on ``PYTHONHASHSEED``: set elements are sorted by their rendered text. This module is not a
general serializer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

__all__ = ["find_tokens", "render_literal"]

_SCALARS = (type(None), bool, int, float, str, bytes)
_CONTAINERS = (tuple, list, dict, set, frozenset)


def render_literal(value: object) -> str | None:
    """Return Python source that evaluates to ``value``, or ``None`` if it is not plain data.

    :param value: the value to render.
    :returns: an expression using only literals and ``float(...)``/``frozenset(...)``/``set()``, or
        ``None`` when ``value`` (or something inside it) is not plain data or is self-referencing.
    """
    try:
        return _render(value, frozenset())
    except _NotPlain:
        return None


def find_tokens(value: object, is_token: Callable[[str], bool]) -> list[str]:
    """List the paths of strings inside a plain-data container that are Terraform tokens.

    :param value: a plain-data value (as accepted by :func:`render_literal`).
    :param is_token: tells whether a string is an unresolved token.
    :returns: one path per token, such as ``"['tables'][0]"``; ``""`` when ``value`` itself is one.
    """
    return [path for path, item in _walk(value, "") if isinstance(item, str) and is_token(item)]


class _NotPlain(Exception):
    """Raised internally when a value is not plain data."""


def _render(value: object, active: frozenset[int]) -> str:
    kind = type(value)
    if kind in _SCALARS:
        return _render_scalar(value)
    if kind not in _CONTAINERS:
        raise _NotPlain
    if id(value) in active:  # a container that contains itself has no literal form
        raise _NotPlain
    inner = active | {id(value)}
    if kind is tuple:
        items = [_render(item, inner) for item in value]  # type: ignore[attr-defined]
        return "(" + items[0] + ",)" if len(items) == 1 else "(" + ", ".join(items) + ")"
    if kind is list:
        return "[" + ", ".join(_render(item, inner) for item in value) + "]"  # type: ignore[attr-defined]
    if kind is dict:
        pairs = (f"{_render(k, inner)}: {_render(v, inner)}" for k, v in value.items())  # type: ignore[attr-defined]
        return "{" + ", ".join(pairs) + "}"
    items = sorted(_render(item, inner) for item in value)  # type: ignore[attr-defined]
    body = "{" + ", ".join(items) + "}"
    if kind is set:
        return body if items else "set()"
    return f"frozenset({body})" if items else "frozenset()"


def _render_scalar(value: object) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value)
    if type(value) is int:
        try:
            return repr(value)
        except ValueError:  # beyond sys.get_int_max_str_digits(); hex has no such limit
            return hex(value)
    return repr(value)


def _walk(value: object, path: str) -> Iterator[tuple[str, object]]:
    yield path, value
    if type(value) is dict:
        for key, item in value.items():
            yield from _walk(key, f"{path}<key {key!r}>")
            yield from _walk(item, f"{path}[{key!r}]")
    elif type(value) is tuple or type(value) is list:
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    elif type(value) is set or type(value) is frozenset:
        for item in sorted(value, key=repr):
            yield from _walk(item, f"{path}<element>")
