"""Parse one Python file into the facts the packager needs, and cut exact source segments out of it.

A :class:`SourceFile` knows the file's top-level statements grouped into copyable units, which
names each unit binds (or mutates), which import statement binds each name, and which lines sit
inside multi-line strings (so dedenting never changes a string's value). It does not decide what
to copy: that is the resolver's job.
"""

from __future__ import annotations
import __future__

import ast
import functools
import importlib.util
import io
import linecache
import os
import sys
import tokenize
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._paths import display_path

__all__ = ["Edit", "ImportBinding", "SourceFile", "Unit", "absolute_module", "import_text", "is_type_checking_guard"]

FUTURE_ANNOTATIONS_FLAG: int = __future__.annotations.compiler_flag


@dataclass(frozen=True)
class Edit:
    """Replace the text between two ``(line, byte column)`` positions of the original file.

    :ivar start: ``(lineno, col_offset)`` where the replaced text begins (AST conventions).
    :ivar end: ``(lineno, col_offset)`` where it ends (exclusive).
    :ivar text: the replacement.
    """

    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@dataclass(frozen=True)
class Unit:
    """Top-level statements that share lines, copied as one block.

    :ivar index: position among the file's units.
    :ivar nodes: the statements.
    :ivar start: first line to copy (decorators and comments directly above included).
    :ivar end: last line to copy.
    :ivar bound: names the unit binds at module level, in order.
    :ivar mutated: names the unit changes without rebinding (``X.append(...)``, ``X[k] = v``).
    """

    index: int
    nodes: tuple[ast.stmt, ...]
    start: int
    end: int
    bound: tuple[str, ...]
    mutated: tuple[str, ...]


@dataclass(frozen=True)
class ImportBinding:
    """One alias of an import statement that binds a module-level name.

    :ivar name: the name bound.
    :ivar module: the absolute module imported (``"a.b"`` for ``import a.b`` and ``from a.b import c``).
    :ivar attribute: for ``from`` imports, the imported attribute; else ``None``.
    :ivar asname: the ``as`` name, or ``None``.
    :ivar lineno: line of the statement.
    """

    name: str
    module: str
    attribute: str | None
    asname: str | None
    lineno: int

    @property
    def text(self) -> str:
        """The statement that binds just this alias."""
        return import_text(self.module, self.attribute, self.asname)

    @property
    def modules(self) -> tuple[str, ...]:
        """Module names this import may load, outermost first."""
        if self.attribute is None:
            return (self.module,)
        return (self.module, f"{self.module}.{self.attribute}")


@dataclass
class SourceFile:
    """A parsed Python file.

    :ivar filename: the file as named in ``co_filename``.
    :ivar display: the file relative to the working directory or ``sys.path`` (see ``display_path``),
        for error messages.
    :ivar origin: the file relative to its ``sys.path`` entry, for generated code.
    :ivar package: the package relative imports resolve against (``""`` for a top-level module).
    :ivar lines: the file's lines, line endings kept.
    :ivar tree: the parsed module.
    :ivar future_annotations: whether the file starts with ``from __future__ import annotations``.
    """

    filename: str
    display: str
    origin: str
    package: str
    lines: list[str]
    tree: ast.Module
    future_annotations: bool
    units: list[Unit] = field(default_factory=list)
    binders: dict[str, list[int]] = field(default_factory=dict)
    imports: dict[str, list[ImportBinding]] = field(default_factory=dict)
    star_imports: list[tuple[int, str]] = field(default_factory=list)
    _string_lines: frozenset[int] = frozenset()
    _parents: dict[int, ast.AST] = field(default_factory=dict)

    @classmethod
    def load(cls, filename: str, module_globals: Mapping[str, Any] | None = None) -> SourceFile | None:
        """Read and parse ``filename``; ``None`` when its source is not available.

        :param filename: the path in ``co_filename``.
        :param module_globals: the module's globals, so ``linecache`` can ask its loader.
            Default: ``None`` (read from disk).
        :raises SyntaxError: if the file does not parse (it changed since it was imported).
        """
        if filename.startswith("<") and filename.endswith(">"):
            return None
        linecache.checkcache(filename)  # the file may have changed since it was last read
        lines = linecache.getlines(filename, dict(module_globals) if module_globals is not None else None)
        if not lines:
            return None
        module_globals = module_globals or {}
        package = module_globals.get("__package__")
        if not isinstance(package, str):
            name = str(module_globals.get("__name__", ""))
            package = name if "__path__" in module_globals else name.rpartition(".")[0]
        return _parse(filename, tuple(lines), package, os.getcwd(), tuple(sys.path))

    # -- queries -----------------------------------------------------------------------------

    def star_import_of(self, name: str) -> int | None:
        """The line of a ``from m import *`` that (probably) binds ``name``, else ``None``.

        A star import whose module is loaded binds ``name`` only if the module has it; one whose
        module is not loaded may bind anything.
        """
        for lineno, module in self.star_imports:
            loaded = sys.modules.get(module)
            if loaded is None or hasattr(loaded, name):
                return lineno
        return None

    def parent(self, node: ast.AST) -> ast.AST | None:
        """The node that contains ``node``, or ``None`` for the module."""
        return self._parents.get(id(node))

    def ancestors(self, node: ast.AST) -> Iterator[ast.AST]:
        """The nodes that contain ``node``, innermost first."""
        current = self.parent(node)
        while current is not None:
            yield current
            current = self.parent(current)

    def unit_of(self, node: ast.AST) -> Unit:
        """The top-level unit that contains ``node``."""
        top = node
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, ast.Module):
                break
            top = ancestor
        return next(unit for unit in self.units if any(stmt is top for stmt in unit.nodes))

    def segment(self, start: int, end: int, *, indent: int = 0, edits: Sequence[Edit] = ()) -> str:
        """Return lines ``start..end`` with ``edits`` applied and ``indent`` columns removed.

        Lines that begin inside a multi-line string keep their text, so dedenting never changes
        a string's value.

        :param start: first line (1-based).
        :param end: last line (inclusive).
        :param indent: columns of leading whitespace to remove from each line. Default: 0.
        :param edits: non-overlapping replacements, in original-file coordinates. Default: none.
        """
        removed: dict[int, int] = {}
        out_lines: list[str] = []
        for lineno in range(start, end + 1):
            line = self.lines[lineno - 1]
            cut = 0
            if indent and lineno not in self._string_lines:
                cut = min(indent, len(line) - len(line.lstrip(" \t")))
            removed[lineno] = cut
            out_lines.append(line[cut:])
        offsets = [0]
        for line in out_lines:
            offsets.append(offsets[-1] + len(line))
        text = "".join(out_lines)

        def position(lineno: int, col: int) -> int:
            if lineno > end:
                return len(text)
            raw = self.lines[lineno - 1].encode("utf-8")[:col].decode("utf-8", "replace")
            return offsets[lineno - start] + max(len(raw) - removed[lineno], 0)

        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            text = text[: position(*edit.start)] + edit.text + text[position(*edit.end) :]
        return text.rstrip() + "\n"

    def span_text(self, node: ast.expr) -> str:
        """The exact source of an expression node (continuation lines untouched)."""
        assert node.end_lineno is not None and node.end_col_offset is not None
        first = self.lines[node.lineno - 1].encode("utf-8")
        if node.lineno == node.end_lineno:
            return first[node.col_offset : node.end_col_offset].decode("utf-8")
        parts = [first[node.col_offset :].decode("utf-8")]
        parts += self.lines[node.lineno : node.end_lineno - 1]
        parts.append(self.lines[node.end_lineno - 1].encode("utf-8")[: node.end_col_offset].decode("utf-8"))
        return "".join(parts)

    def relative_import_edits(self, nodes: Iterable[ast.AST]) -> list[Edit]:
        """Edits that turn every relative import inside ``nodes`` into an absolute one.

        The generated module is a top-level module, so ``from .x import y`` would not resolve.
        """
        edits = []
        for root in nodes:
            for node in ast.walk(root):
                if isinstance(node, ast.ImportFrom) and node.level:
                    base = absolute_module(node.module, node.level, self.package)
                    names = ", ".join(a.name if a.asname is None else f"{a.name} as {a.asname}" for a in node.names)
                    assert node.end_lineno is not None and node.end_col_offset is not None
                    edits.append(
                        Edit(
                            (node.lineno, node.col_offset),
                            (node.end_lineno, node.end_col_offset),
                            f"from {base} import {names}",
                        )
                    )
        return edits

    # -- indexing ----------------------------------------------------------------------------

    def _index(self) -> None:
        for parent in ast.walk(self.tree):
            for child in ast.iter_child_nodes(parent):
                self._parents[id(child)] = parent
        self._string_lines = _string_continuation_lines(self.lines)
        groups: list[list[ast.stmt]] = []
        for stmt in self.tree.body:
            if groups and _first_line(stmt) <= (groups[-1][-1].end_lineno or 0):
                groups[-1].append(stmt)
            else:
                groups.append([stmt])
        previous_end = 0
        for index, group in enumerate(groups):
            start = _first_line(group[0])
            while (
                start - 1 > previous_end
                and start - 1 not in self._string_lines
                and self.lines[start - 2].lstrip().startswith("#")
            ):
                start -= 1  # comments directly above a statement belong to it
            previous_end = group[-1].end_lineno or start
            bound: dict[str, None] = {}
            mutated: dict[str, None] = {}
            for stmt in group:
                _collect_bindings(stmt, bound, self._on_import(index))
                _collect_mutations(stmt, mutated)
            unit = Unit(index, tuple(group), start, group[-1].end_lineno or start, tuple(bound), tuple(mutated))
            self.units.append(unit)
            for name in (*unit.bound, *unit.mutated):
                indices = self.binders.setdefault(name, [])
                if index not in indices:
                    indices.append(index)

    def _on_import(self, unit_index: int) -> Any:
        def record(node: ast.Import | ast.ImportFrom) -> None:
            if _under_type_checking(node, self._parents):
                return
            for alias in node.names:
                if isinstance(node, ast.Import):
                    bound = alias.asname or alias.name.partition(".")[0]
                    binding = ImportBinding(bound, alias.name, None, alias.asname, node.lineno)
                elif alias.name == "*":
                    self.star_imports.append((node.lineno, absolute_module(node.module, node.level, self.package)))
                    continue
                else:
                    base = absolute_module(node.module, node.level, self.package)
                    binding = ImportBinding(alias.asname or alias.name, base, alias.name, alias.asname, node.lineno)
                self.imports.setdefault(binding.name, []).append(binding)

        return record


def import_text(module: str, attribute: str | None, asname: str | None) -> str:
    """Render a single-alias import statement.

    :param module: the absolute module.
    :param attribute: the name imported from it (``from`` form), or ``None`` (``import`` form).
    :param asname: the ``as`` name, or ``None``.
    """
    if attribute is None:
        return f"import {module}" if asname is None or asname == module else f"import {module} as {asname}"
    if asname is None or asname == attribute:
        return f"from {module} import {attribute}"
    return f"from {module} import {attribute} as {asname}"


def absolute_module(module: str | None, level: int, package: str) -> str:
    """Resolve a possibly relative ``from`` import to an absolute module name.

    :raises ImportError: if the import climbs above the top-level package.
    """
    if not level:
        return module or ""
    return importlib.util.resolve_name("." * level + (module or ""), package)


def is_type_checking_guard(test: ast.expr) -> bool:
    """Whether an ``if`` test is ``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _under_type_checking(node: ast.AST, parents: Mapping[int, ast.AST]) -> bool:
    child, parent = node, parents.get(id(node))
    while parent is not None:
        if isinstance(parent, ast.If) and is_type_checking_guard(parent.test) and any(s is child for s in parent.body):
            return True
        child, parent = parent, parents.get(id(parent))
    return False


def _first_line(stmt: ast.stmt) -> int:
    decorators: list[ast.expr] = getattr(stmt, "decorator_list", None) or []
    return min([stmt.lineno, *(d.lineno for d in decorators)])


def _string_continuation_lines(lines: list[str]) -> frozenset[int]:
    inside: set[int] = set()
    fstring_start = getattr(tokenize, "FSTRING_START", None)
    fstring_end = getattr(tokenize, "FSTRING_END", None)
    open_fstrings: list[int] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO("".join(lines)).readline):
            if token.type == fstring_start:
                open_fstrings.append(token.start[0])
            elif token.type == fstring_end and open_fstrings:
                inside.update(range(open_fstrings.pop() + 1, token.end[0] + 1))
            elif token.type == tokenize.STRING and token.end[0] > token.start[0]:
                inside.update(range(token.start[0] + 1, token.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):  # pragma: no cover - the file already parsed
        pass
    return frozenset(inside)


def _collect_bindings(node: ast.AST, out: dict[str, None], on_import: Any) -> None:
    """Add the module-level names ``node`` binds to ``out`` (function and class bodies excluded)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        out[node.name] = None
        return
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        on_import(node)
        for alias in node.names:
            if alias.name != "*":
                out[alias.asname or alias.name.partition(".")[0]] = None
        return
    if isinstance(node, ast.Lambda):
        return
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        out[node.id] = None
    elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
        out[node.name] = None
    elif isinstance(node, ast.MatchMapping) and node.rest:
        out[node.rest] = None
    if isinstance(node, ast.comprehension):
        children: Iterable[ast.AST] = [node.iter, *node.ifs]  # targets are local to the comprehension
    else:
        children = ast.iter_child_nodes(node)
    for child in children:
        _collect_bindings(child, out, on_import)


def _collect_mutations(node: ast.AST, out: dict[str, None]) -> None:
    """Add names that top-level code changes in place (``X.y = 1``, ``X[k] = v``, ``X.add(...)``)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
        return
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        targets = [node.target]
    elif isinstance(node, ast.Delete):
        targets = list(node.targets)
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute):
        targets = [node.value.func]
    for target in targets:
        for part in ast.walk(target) if isinstance(target, (ast.Tuple, ast.List)) else [target]:
            if isinstance(part, (ast.Attribute, ast.Subscript)):
                root = _root_name(part)
                if root is not None:
                    out[root] = None
    for child in ast.iter_child_nodes(node):
        _collect_mutations(child, out)


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


@functools.lru_cache(maxsize=256)
def _parse(filename: str, lines: tuple[str, ...], package: str, cwd: str, path: tuple[str, ...]) -> SourceFile:
    """Parse and index a file once per content, working directory and ``sys.path`` (which ``display``
    and ``origin`` depend on: a file imported again from a folder put on ``sys.path`` has another origin).

    A ``SourceFile`` is not changed after indexing, so one parse serves every function of a file.
    """
    tree = ast.parse("".join(lines), filename)
    source = SourceFile(
        filename=filename,
        display=display_path(filename),
        origin=display_path(filename, prefer_cwd=False),
        package=package,
        lines=list(lines),
        tree=tree,
        future_annotations=any(
            isinstance(node, ast.ImportFrom)
            and node.module == "__future__"
            and any(alias.name == "annotations" for alias in node.names)
            for node in tree.body
        ),
    )
    source._index()
    return source
