"""Read names out of code objects, and find the AST node a code object was compiled from.

The name walk follows cloudpickle's ``_extract_code_globals``: every ``LOAD_GLOBAL``/``LOAD_NAME``
of a code object and of the code objects nested in its constants. The packager compiles the exact
text it is about to emit and walks that, so what it finds is what the generated module will need.
"""

from __future__ import annotations

import ast
import dis
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = ["NameUse", "annotation_spans", "code_objects", "find_function_node", "names_read"]

_LOADS = frozenset({"LOAD_GLOBAL", "LOAD_NAME", "LOAD_FROM_DICT_OR_GLOBALS"})

Span = tuple[int, int, int, int]


@dataclass(frozen=True)
class NameUse:
    """How a piece of code reads one outside name.

    :ivar lineno: the first line that reads it.
    :ivar soft: ``True`` when every read is inside an annotation (so it only matters if
        annotations are evaluated).
    :ivar maybe_local: ``True`` when every read is a ``LOAD_NAME`` in a class body or module code
        that also stores the name (so it may be a class attribute, not an outside name).
    """

    lineno: int
    soft: bool
    maybe_local: bool

    def merge(self, other: NameUse) -> NameUse:
        """Combine two uses of the same name."""
        return NameUse(min(self.lineno, other.lineno), self.soft and other.soft, self.maybe_local and other.maybe_local)


def code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    """Yield ``code`` and every code object nested in its constants, depth first."""
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from code_objects(const)


def names_read(code: types.CodeType, *, soft_spans: Sequence[Span] = ()) -> dict[str, NameUse]:
    """Return the global names ``code`` (and its nested code) reads, in first-read order.

    :param code: a compiled module, expression or function.
    :param soft_spans: ``(lineno, col, end_lineno, end_col)`` ranges of annotations; reads inside
        them are marked soft. Default: none.
    """
    found: dict[str, NameUse] = {}
    for obj in code_objects(code):
        instructions = list(dis.get_instructions(obj))
        stored = {i.argval for i in instructions if i.opname == "STORE_NAME"}
        for instr in instructions:
            if instr.opname not in _LOADS:
                continue
            name = str(instr.argval)
            positions = instr.positions
            lineno = positions.lineno if positions is not None and positions.lineno else obj.co_firstlineno
            soft = positions is not None and _inside(positions, soft_spans)
            use = NameUse(lineno, soft, instr.opname != "LOAD_GLOBAL" and name in stored)
            found[name] = found[name].merge(use) if name in found else use
    return found


def annotation_spans(nodes: Sequence[ast.AST], *, class_bodies: bool = True) -> list[Span]:
    """The source ranges of annotations that are evaluated when ``nodes`` run.

    Function signatures and class-body or module-level variable annotations count; annotations of
    local variables inside function bodies are never evaluated and are skipped.

    :param class_bodies: include variable annotations in class bodies. Default: ``True``. Pass
        ``False`` when annotations are lazy: dataclasses, ``NamedTuple``, ``TypedDict``, pydantic and
        ``typing.get_type_hints`` evaluate a class's annotation strings at run time anyway.
    """
    spans: list[Span] = []

    def add(node: ast.expr | None) -> None:
        if node is not None and node.end_lineno is not None and node.end_col_offset is not None:
            spans.append((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))

    def visit(node: ast.AST, in_function: bool, in_class: bool) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if arg is not None:
                    add(arg.annotation)
            add(node.returns)
            for child in node.body:
                visit(child, True, False)
            return
        if isinstance(node, ast.AnnAssign) and not in_function and (class_bodies or not in_class):
            add(node.annotation)
        for inner in ast.iter_child_nodes(node):
            visit(inner, in_function, in_class or isinstance(node, ast.ClassDef))

    for node in nodes:
        visit(node, False, False)
    return spans


def find_function_node(
    tree: ast.Module, code: types.CodeType
) -> ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | None:
    """Find the ``def``, ``async def`` or ``lambda`` node ``code`` was compiled from.

    Functions match by name and first line (the first decorator's line when decorated). Lambdas
    match by line, then by the columns recorded in ``co_positions()``, since several lambdas may
    share a line: the innermost lambda whose body holds the most instruction positions wins.

    :returns: the node, or ``None`` when the file does not contain it (it changed since import).
    """
    if code.co_name == "<lambda>":
        candidates = [
            node for node in ast.walk(tree) if isinstance(node, ast.Lambda) and node.lineno == code.co_firstlineno
        ]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        points = [(line, col) for line, _, col, _ in code.co_positions() if line is not None and col is not None]

        def score(node: ast.Lambda) -> tuple[int, int]:
            body = node.body
            span = (body.lineno, body.col_offset, body.end_lineno or body.lineno, body.end_col_offset or 0)
            inside = sum(1 for line, col in points if _inside_point(line, col, span))
            size = (span[2] - span[0]) * 10_000 + span[3] - span[1]
            return inside, -size

        return max(candidates, key=score)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == code.co_name:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            if code.co_firstlineno in (first, node.lineno):
                return node
    return None


def _inside(positions: dis.Positions, spans: Sequence[Span]) -> bool:
    if positions.lineno is None or positions.col_offset is None:
        return False
    return any(_inside_point(positions.lineno, positions.col_offset, span) for span in spans)


def _inside_point(line: int, col: int, span: Span) -> bool:
    start_line, start_col, end_line, end_col = span
    return (start_line, start_col) <= (line, col) < (end_line, end_col)
