"""Stand in for a project module that cannot be shipped, with the plain data a handler reads from it.

``import settings`` followed by ``settings.REGION`` works like ``from settings import REGION``
when ``settings`` also builds infrastructure (and so cannot be copied into the package): the
generated module binds ``settings`` to a ``types.SimpleNamespace`` holding exactly the attributes
read, written as literals. Any other use of the module (passing it around, reading a function
from it) is refused by the resolver.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence

__all__ = ["attribute_reads", "render_namespace"]


def attribute_reads(nodes: Sequence[ast.AST]) -> dict[str, frozenset[str] | None]:
    """For each name the code loads: the attributes read from it, or ``None`` if it is used otherwise.

    ``settings.REGION`` and ``settings.LIMITS["x"]`` read ``REGION`` and ``LIMITS``; ``f(settings)``
    or ``settings.REGION = 1`` is another use.
    """
    parents: dict[int, ast.AST] = {}
    for root in nodes:
        for parent in ast.walk(root):
            for child in ast.iter_child_nodes(parent):
                parents[id(child)] = parent
    found: dict[str, set[str] | None] = {}
    for root in nodes:
        for node in ast.walk(root):
            if not isinstance(node, ast.Name) or not isinstance(node.ctx, ast.Load):
                continue
            above = parents.get(id(node))
            seen = found.setdefault(node.id, set())
            if seen is not None and isinstance(above, ast.Attribute) and isinstance(above.ctx, ast.Load):
                seen.add(above.attr)
            else:
                found[node.id] = None
    return {name: None if attrs is None else frozenset(attrs) for name, attrs in found.items()}


def render_namespace(attributes: Mapping[str, str], types_name: str) -> str:
    """``types.SimpleNamespace(A=..., B=...)`` with the attributes sorted by name.

    :param attributes: attribute -> its value as a literal.
    :param types_name: the name the generated module imports ``types`` as.
    """
    arguments = ", ".join(f"{name}={attributes[name]}" for name in sorted(attributes))
    return f"{types_name}.SimpleNamespace({arguments})"
