"""Terraform resource instance addresses, as ``terraform show -json`` prints them, read into parts.

``module.a.module.b["x"].aws_cognito_user_pool.p[0]`` is the instance ``p[0]`` of resource
``aws_cognito_user_pool.p`` in the module instance ``module.a.module.b["x"]``; its configuration is
``aws_cognito_user_pool.p`` in the module call path ``a`` -> ``b``. References in a plan's
``configuration`` are relative to the module they are written in, so matching a reference to an
instance goes through :attr:`Address.config_key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Address", "parse", "split", "step"]

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_STEP = re.compile(r'^(?P<name>[A-Za-z_][A-Za-z0-9_-]*)(?:\[(?P<key>-?[0-9]+|"(?:[^"\\]|\\.)*")\])?$')

ConfigKey = tuple[tuple[str, ...], str]
"""A resource's place in the configuration: its module call names and ``type.name`` (``data.type.name``)."""


@dataclass(frozen=True)
class Address:
    """One resource instance's address, in parts.

    :ivar modules: the module instance steps, outermost first: ``(("a", None), ("b", '"x"'))`` for
        ``module.a.module.b["x"]`` (a key as written: ``0`` or ``"x"`` with its quotes).
    :ivar type: the resource type, e.g. ``aws_cognito_user_pool``.
    :ivar name: the resource name.
    :ivar index: the instance key as written (``0``, ``"x"``), or ``None`` without ``count``/``for_each``.
    :ivar data: whether it is a data source.
    """

    modules: tuple[tuple[str, str | None], ...]
    type: str
    name: str
    index: str | None = None
    data: bool = False

    @property
    def module(self) -> str:
        """The module instance address (``module.a.module.b["x"]``), ``""`` at the root."""
        return ".".join(f"module.{name}" + (f"[{key}]" if key is not None else "") for name, key in self.modules)

    @property
    def resource(self) -> str:
        """The resource, module-relative and without its instance key: ``aws_cognito_user_pool.p``."""
        return f"{'data.' if self.data else ''}{self.type}.{self.name}"

    @property
    def config_key(self) -> ConfigKey:
        """Where the resource is configured: module call names and :attr:`resource`."""
        return tuple(name for name, _ in self.modules), self.resource

    def __str__(self) -> str:
        instance = self.resource + (f"[{self.index}]" if self.index is not None else "")
        return f"{self.module}.{instance}" if self.modules else instance


def split(text: str) -> list[str] | None:
    """``text`` cut at the dots that are outside brackets and quotes; ``None`` if its brackets or quotes
    do not close."""
    if "[" not in text and '"' not in text and "]" not in text:
        return text.split(".")
    parts, current, depth, quoted, escaped = [], [], 0, False, False
    for char in text:
        if quoted:
            current.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
            continue
        if char == '"':
            quoted = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth < 0:
                return None
        elif char == "." and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    if quoted or depth:
        return None
    parts.append("".join(current))
    return parts


def _step(text: str) -> tuple[str, str | None] | None:
    match = _STEP.match(text)
    return (match["name"], match["key"]) if match else None


def step(text: str) -> tuple[str, str | None]:
    """``name["k"]`` -> ``("name", '"k"')``, ``name`` -> ``("name", None)``; text that is neither, as a name."""
    return _step(text) or (text, None)


def parse(text: object) -> Address | None:
    """The parts of a resource instance address; ``None`` if ``text`` is not one."""
    if not isinstance(text, str):
        return None
    parts = split(text)
    if not parts:
        return None
    modules: list[tuple[str, str | None]] = []
    at = 0
    while at + 1 < len(parts) and parts[at] == "module":
        step = _step(parts[at + 1])
        if step is None:
            return None
        modules.append(step)
        at += 2
    data = at < len(parts) and parts[at] == "data"
    at += int(data)
    if len(parts) - at != 2 or not _NAME.match(parts[at]):
        return None
    last = _step(parts[at + 1])
    if last is None:
        return None
    return Address(tuple(modules), parts[at], last[0], last[1], data)
