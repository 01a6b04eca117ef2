"""What the resolver passes around: where a name is read, where it is looked up, and why it restarts."""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import CaptureError
from ._source_file import SourceFile

__all__ = ["LazyAnnotationsNeeded", "Restart", "Scope", "Use"]


class LazyAnnotationsNeeded(Exception):
    """An annotation reads a name that cannot be shipped: retry with lazy annotations."""


class Restart(Exception):
    """The first way of shipping a name failed: generate again, taking the fallback for ``key``.

    Generation restarts from scratch rather than undoing what the failed attempt had collected.

    :ivar key: identifies the name and the fallback (see ``Resolver.fallbacks``).
    :ivar cause: the error of the first way, raised if the fallback fails too.
    """

    def __init__(self, key: tuple[Any, ...], cause: CaptureError) -> None:
        super().__init__(key)
        self.key = key
        self.cause = cause


@dataclass(frozen=True)
class Use:
    """Where a name is read: for error messages and their structured fields.

    :ivar reader: the function or statement that reads it.
    :ivar filename: its file, relative (see ``display_path``).
    :ivar lineno: the first line that reads it.
    :ivar soft: whether it is only read in annotations.
    """

    reader: str
    filename: str
    lineno: int
    soft: bool = False


@dataclass(frozen=True)
class Scope:
    """Where a function looks names up: its closure cells, then its module's globals.

    :ivar ident: identifies the scope, for memoizing resolutions.
    :ivar source: the module's parsed file.
    :ivar globals: the module's globals.
    :ivar cells: free variable name -> cell.
    """

    ident: tuple[Any, ...]
    source: SourceFile
    globals: Mapping[str, Any]
    cells: Mapping[str, types.CellType] = field(default_factory=dict)

    @property
    def module(self) -> str:
        """The module's name."""
        return str(self.globals.get("__name__", ""))
