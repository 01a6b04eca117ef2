"""Small facts about decorators: where a decorated definition starts, and how to cut a decorator out."""

from __future__ import annotations

import ast
import types

from ._source_file import Edit, SourceFile

__all__ = ["decorators_return_it", "drop_line_edit", "first_line"]


def decorators_return_it(
    function: types.FunctionType, node: ast.FunctionDef | ast.AsyncFunctionDef, name: str, source: SourceFile
) -> bool:
    """Whether the decorated ``def`` binds ``function`` itself (its decorators returned it unchanged).

    A module-level def is checked against what its module binds; a nested one can only be told by the
    variable it was found in: the def's own name holds the decorated result.
    """
    if isinstance(source.parent(node), ast.Module):
        return function.__globals__.get(node.name) is function
    return name == node.name


def first_line(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> int:
    return min([node.lineno, *(d.lineno for d in node.decorator_list)])


def drop_line_edit(source: SourceFile, decorator: ast.expr) -> Edit:
    """Delete a decorator's lines (from its ``@`` to the end of its expression)."""
    start = decorator.lineno
    while start > 1 and not source.lines[start - 1].lstrip().startswith("@"):
        start -= 1
    return Edit((start, 0), ((decorator.end_lineno or decorator.lineno) + 1, 0), "")
