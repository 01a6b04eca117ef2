"""Facts about values found by the resolver: where they can be imported from, and what they are."""

from __future__ import annotations

import sys
import types
from typing import Any

from ._modules import ModuleKind, module_facts
from ._purity import statements_are_pure
from ._scopes import Scope
from ._source_file import ImportBinding, SourceFile

__all__ = [
    "binds",
    "describe",
    "importable",
    "is_project",
    "is_user_pool",
    "made_by_exec",
    "pure_in_module",
    "synthesized_module_import",
]

_MISSING = object()
_POOL_TYPES = frozenset({"UserPool", "CognitoUserPool", "DataAwsCognitoUserPool"})


def binds(binding: ImportBinding, value: Any) -> bool:
    """Whether ``binding``, executed now, would bind ``value``."""
    if binding.attribute is None:
        target = binding.module if binding.asname else binding.module.partition(".")[0]
        return sys.modules.get(target) is value
    module = sys.modules.get(binding.module)
    if module is not None and getattr(module, binding.attribute, _MISSING) is value:
        return True
    return sys.modules.get(f"{binding.module}.{binding.attribute}") is value


def pure_in_module(binding: ImportBinding) -> bool:
    """Whether the plain-data value ``from module import name`` binds is computed from its module's source alone."""
    module = sys.modules.get(binding.module)
    filename = getattr(module, "__file__", None)
    if binding.attribute is None or module is None or not isinstance(filename, str):
        return False
    try:
        source = SourceFile.load(filename, vars(module))
    except (SyntaxError, OSError, UnicodeDecodeError):
        return False
    indices = source.binders.get(binding.attribute) if source is not None else None
    if source is None or not indices or binding.attribute in source.imports:
        return False
    return statements_are_pure(source, indices, vars(module))


def is_project(binding: ImportBinding) -> bool:
    return module_facts(binding.module).kind is ModuleKind.PROJECT


def synthesized_module_import(name: str, module: types.ModuleType) -> ImportBinding:
    dotted = module.__name__
    parent, _, last = dotted.rpartition(".")
    if parent and name == last:
        return ImportBinding(name, parent, last, None, 0)
    return ImportBinding(name, dotted, None, None if name == dotted else name, 0)


def importable(value: Any) -> tuple[str, str] | None:
    """``(module, name)`` from which ``value`` can be imported by name, if any."""
    module = getattr(value, "__module__", None)
    qualname = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    if not isinstance(module, str) or not isinstance(qualname, str) or "." in qualname or "<" in qualname:
        return None
    loaded = sys.modules.get(module)
    if loaded is None or getattr(loaded, qualname, _MISSING) is not value:
        return None
    return module, qualname


def describe(value: Any) -> str:
    if isinstance(value, types.ModuleType):
        return "module"
    if isinstance(value, type):
        return f"class {value.__qualname__}"
    if isinstance(value, types.FunctionType):
        return f"function {value.__qualname__}"
    return type(value).__qualname__


def made_by_exec(value: Any, scope: Scope) -> bool:
    """Whether ``value`` is a function of the scope's module whose code comes from another file (``exec``)."""
    return (
        isinstance(value, types.FunctionType)
        and value.__module__ == scope.module
        and value.__code__.co_filename != scope.source.filename
    )


def is_user_pool(value: Any) -> bool:
    """Whether ``value`` (or the object a bound method belongs to) is a user pool construct."""
    owner = getattr(value, "__self__", value)
    return any(cls.__name__ in _POOL_TYPES for cls in type(owner).__mro__)
