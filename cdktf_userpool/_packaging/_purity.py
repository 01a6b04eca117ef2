"""Decide whether a module-level value may be written into the generated module as a literal.

A value computed from the source alone (literals, other such values, operators, comprehensions and
pure built-ins such as ``len`` or ``sorted``, and methods of plain data such as ``str.join``) is the
same on the synth machine and in Lambda, so writing its current value is exact. Anything else may
differ between the two: a call (``os.getenv``, ``open``, ``time.time``, a client), an attribute of a
module (``os.environ``, ``sys.platform``), a name of unknown origin. Such statements are copied and
run again in Lambda at cold start instead, as the module itself runs them there.

:func:`synth_environment_match` is the safety net for values that must be written as literals
anyway (closure values, synth-time configuration read from infrastructure): a string equal to a
value of the synth machine's environment is never written into a package.
"""

from __future__ import annotations

import ast
import builtins
import os
from collections.abc import Iterable, Mapping, Sequence

from ._literals import render_literal
from ._source_file import SourceFile

__all__ = ["PURE_BUILTINS", "statements_are_pure", "synth_environment_match"]

#: Built-ins whose result depends only on their arguments.
PURE_BUILTINS = frozenset(
    {
        "abs", "all", "any", "ascii", "bin", "bool", "bytes", "chr", "complex", "dict", "divmod", "enumerate",
        "filter", "float", "format", "frozenset", "hex", "int", "isinstance", "len", "list", "map", "max", "min",
        "oct", "ord", "pow", "range", "repr", "reversed", "round", "set", "slice", "sorted", "str", "sum",
        "tuple", "zip",
    }
)
_STATEMENTS = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.If, ast.For, ast.Pass)
_EXPRESSIONS = (
    ast.Constant, ast.Name, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.BinOp, ast.UnaryOp, ast.BoolOp,
    ast.Compare, ast.IfExp, ast.JoinedStr, ast.FormattedValue, ast.Subscript, ast.Slice, ast.Starred,
    ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.comprehension, ast.Attribute, ast.Call,
    ast.keyword, ast.expr_context, ast.operator, ast.unaryop, ast.boolop, ast.cmpop,
)
_MIN_EQUAL = 6  # shorter environment values ("1", "true", "linux") are too common to mean anything
_MIN_INSIDE = 12


def statements_are_pure(
    source: SourceFile, indices: Sequence[int], module_globals: Mapping[str, object], *, _active: frozenset[int] = frozenset()
) -> bool:
    """Whether the units ``indices`` of ``source`` compute plain data from the source alone.

    :param source: the parsed module.
    :param indices: the units that bind or change the value (``source.binders[name]``).
    :param module_globals: the module's globals, to follow the names the statements read.
    """
    active = _active | set(indices)
    stored = {
        node.id
        for index in indices
        for stmt in source.units[index].nodes
        for node in ast.walk(stmt)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
    }
    for index in indices:
        for stmt in source.units[index].nodes:
            if not isinstance(stmt, _STATEMENTS):
                return False
            for node in ast.walk(stmt):
                if isinstance(node, ast.stmt):
                    if not isinstance(node, _STATEMENTS):
                        return False
                elif not isinstance(node, _EXPRESSIONS):
                    return False
                elif isinstance(node, ast.Call) and not _pure_callee(node.func, module_globals):
                    return False
                elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in stored:
                    if not _pure_name(node.id, source, module_globals, active):
                        return False
    return True


def _pure_callee(func: ast.expr, module_globals: Mapping[str, object]) -> bool:
    if isinstance(func, ast.Name):
        return _is_pure_builtin(func.id, module_globals)
    # a method of a value the walk checks for purity: only plain data can be pure receivers
    return isinstance(func, ast.Attribute)


def _is_pure_builtin(name: str, module_globals: Mapping[str, object]) -> bool:
    if name not in PURE_BUILTINS:
        return False
    return module_globals.get(name, getattr(builtins, name)) is getattr(builtins, name)


def _pure_name(name: str, source: SourceFile, module_globals: Mapping[str, object], active: frozenset[int]) -> bool:
    if _is_pure_builtin(name, module_globals):
        return True
    if name not in module_globals or render_literal(module_globals[name]) is None:
        return False
    indices = source.binders.get(name)
    if not indices or name in source.imports:
        return False
    pending = [index for index in indices if index not in active]
    return not pending or statements_are_pure(source, pending, module_globals, _active=active)


def strings_in(value: object) -> Iterable[str]:
    """Every string inside a plain-data value (keys and elements included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from strings_in(item)


def synth_environment_match(value: object, source_text: str) -> str | None:
    """The name of a synth-machine environment variable whose value ``value`` holds, if any.

    A string counts when it equals the variable's value (6 characters or more) or contains it
    (12 or more), unless that value is spelled out in ``source_text`` (then it is in the code).

    :param value: a plain-data value about to be written as a literal.
    :param source_text: the text of the file that defines or captures it.
    """
    strings = [text for text in strings_in(value) if len(text) >= _MIN_EQUAL]
    if not strings:
        return None
    for variable, setting in sorted(os.environ.items()):
        if len(setting) < _MIN_EQUAL or setting in source_text:
            continue
        for text in strings:
            if text == setting or (len(setting) >= _MIN_INSIDE and setting in text):
                return variable
    return None
