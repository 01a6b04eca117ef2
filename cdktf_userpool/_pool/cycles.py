"""Find the dependency cycle a trigger would close: pool -> function (``lambda_config``) -> ... -> pool.

The pool refers to each trigger function's ARN, so a function that refers back to the pool, directly
(``environment={"POOL_ID": pool.user_pool_id}``, a captured ``pool.user_pool_id`` in the handler) or
through something that does (an app client's ID: the client refers to the pool), makes a graph
Terraform refuses at plan time. This module follows the references of the function's configuration
through the stack's resources and reports the path back to the pool, so the mistake fails when the
trigger is attached, with the fix, instead of at ``terraform plan``.

References are read from the resolved Terraform configuration (``${aws_x.name.attr}``) and
``depends_on``. A ``Function`` made by this library only refers to what its handler captured and its
``environment`` (its role, log group and policies are its own), so only those values are resolved;
other functions are resolved whole.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from .._core.cdk import (
    DefaultTokenResolver,
    StringConcat,
    TerraformDataSource,
    TerraformElement,
    TerraformResource,
    TerraformStack,
    Tokenization,
)

__all__ = ["address_of", "describe", "find_cycle", "references"]

_REFERENCE = re.compile(r"(?<![\w.])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)")
_NOT_RESOURCES = ("var.", "local.", "each.", "count.", "path.", "self.", "module.", "terraform.")
_TOKEN_MARK = "${"


def _resolve(stack: TerraformStack, value: Any) -> Any:
    return Tokenization.resolve(value, scope=stack, preparing=False, resolver=DefaultTokenResolver(StringConcat()))


def references(resolved: Any) -> set[str]:
    """Resource and data source addresses (``aws_x.name``, ``data.aws_x.name``) a resolved value refers to.

    Both ``${...}`` expressions and bare ``depends_on`` entries count.
    """
    found: set[str] = set()

    def visit(value: Any, in_depends_on: bool = False) -> None:
        if isinstance(value, str):
            if in_depends_on:
                found.add(value.removeprefix("${").removesuffix("}"))
                return
            if _TOKEN_MARK in value:  # words like "example.com" in a literal are filtered by the caller's lookup
                found.update(m for m in _REFERENCE.findall(value) if not m.startswith(_NOT_RESOURCES))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                visit(item, in_depends_on=key == "depends_on")
        elif isinstance(value, (list, tuple)):
            for item in value:
                visit(item, in_depends_on)

    visit(resolved)
    return found


def address_of(stack: TerraformStack, element: TerraformElement) -> str:
    """``type.logical_id`` of a resource, ``data.type.logical_id`` of a data source."""
    if isinstance(element, TerraformDataSource):
        return f"data.{element.terraform_resource_type}.{stack.get_logical_id(element)}"
    if isinstance(element, TerraformResource):
        return f"{element.terraform_resource_type}.{stack.get_logical_id(element)}"
    return stack.get_logical_id(element)


def _elements(stack: TerraformStack) -> dict[str, TerraformElement]:
    return {
        address_of(stack, node): node
        for node in stack.node.find_all()
        if isinstance(node, (TerraformResource, TerraformDataSource))
    }


def find_cycle(
    pool_resource: TerraformElement, start: TerraformElement, values: Mapping[str, Any] | None = None
) -> tuple[list[str], str] | None:
    """The path from ``start`` back to ``pool_resource``, if there is one.

    :param pool_resource: the pool's resource (its ``lambda_config`` refers to ``start``).
    :param start: the trigger function's resource (or alias, or data source).
    :param values: when given, only these named values of ``start`` are followed (a library
        ``Function``: its environment variables), instead of its whole configuration.
    :returns: ``(addresses from start to the pool, the name of the value that starts it)``, or ``None``.
    """
    stack = TerraformStack.of(pool_resource)
    if values is not None:
        tokens = {name: value for name, value in values.items() if isinstance(value, str) and _TOKEN_MARK in value}
        if not tokens:
            return None  # literal values refer to nothing: no jsii call needed
        first = {name: references(_resolve(stack, value)) for name, value in sorted(tokens.items())}
    else:
        first = {"": references(_resolve(stack, start.to_terraform()))}
    target = address_of(stack, pool_resource)
    origin = address_of(stack, start)
    elements: dict[str, TerraformElement] | None = None
    for name, refs in first.items():
        parents: dict[str, str] = {ref: origin for ref in refs}
        queue = deque(sorted(refs))
        while queue:
            address = queue.popleft()
            if address == target:
                return _path(parents, origin, target), name
            if elements is None:
                elements = _elements(stack)
            element = elements.get(address)
            if element is None or address == origin:
                continue
            for ref in sorted(references(_resolve(stack, element.to_terraform()))):
                if ref not in parents:
                    parents[ref] = address
                    queue.append(ref)
    return None


def _path(parents: Mapping[str, str], origin: str, target: str) -> list[str]:
    path = [target]
    while path[-1] != origin:
        path.append(parents[path[-1]])
    return list(reversed(path))


def describe(path: Iterable[str]) -> str:
    """``a -> b -> c``."""
    return " -> ".join(path)
