"""A plan's ``configuration``: which resources an argument refers to, across modules.

Terraform writes each module's resources with module-relative addresses and references
(``configuration.root_module.module_calls.<name>.module``). A reference may reach a resource through
a child module's output (``module.auth.user_pool_id``) or, inside a module, through one of its input
variables (``var.user_pool_id``, given by the module call's expressions): both are followed, so a
client at the root is tied to a pool inside a module, and the other way round. Locals are not in the
plan's JSON, so a reference through a local is not followed (the prior state still ties it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ._addresses import ConfigKey, split, step

__all__ = ["Configuration", "Target", "references"]

Target = tuple[ConfigKey, str | None]
"""A resource an expression refers to, and the instance key the reference names (``None``: any)."""

_MAX_DEPTH = 32
_NOT_RESOURCES = frozenset({"count", "each", "path", "self", "terraform", "local"})


def references(expression: Any) -> Iterator[str]:
    """Every reference in a configuration expression (nested blocks included)."""
    if isinstance(expression, list):
        for item in expression:
            yield from references(item)
    elif isinstance(expression, Mapping):
        refs = expression.get("references")
        if isinstance(refs, list):
            yield from (r for r in refs if isinstance(r, str))
        for key, value in expression.items():
            if key not in ("references", "constant_value"):
                yield from references(value)


class Configuration:
    """The resources and module calls of a plan's ``configuration``, by their place in the module tree."""

    def __init__(self, plan: Mapping[str, Any]) -> None:
        self.resources: dict[ConfigKey, Mapping[str, Any]] = {}
        self._modules: dict[tuple[str, ...], Mapping[str, Any]] = {}
        self._calls: dict[tuple[str, ...], Mapping[str, Any]] = {}
        configuration = plan.get("configuration")
        root = configuration.get("root_module") if isinstance(configuration, Mapping) else None
        pending: list[tuple[tuple[str, ...], Any]] = [((), root)]
        while pending:
            path, module = pending.pop()
            if not isinstance(module, Mapping):
                continue
            self._modules[path] = module
            for resource in module.get("resources") or ():
                if isinstance(resource, Mapping) and isinstance(resource.get("address"), str):
                    expressions = resource.get("expressions")
                    self.resources[(path, resource["address"])] = expressions if isinstance(expressions, Mapping) else {}
            calls = module.get("module_calls")
            for name, call in (calls.items() if isinstance(calls, Mapping) else ()):
                if isinstance(call, Mapping):
                    self._calls[(*path, name)] = call
                    pending.append(((*path, name), call.get("module")))

    def expressions(self, key: ConfigKey) -> Mapping[str, Any] | None:
        """The expressions of the resource at ``key``, or ``None`` if the configuration does not have it."""
        return self.resources.get(key)

    def targets(self, scope: tuple[str, ...], expression: Any, _depth: int = 0) -> set[Target]:
        """The resources ``expression`` (written in module ``scope``) refers to, through module outputs and
        input variables."""
        found: set[Target] = set()
        if _depth > _MAX_DEPTH:
            return found
        for reference in references(expression):
            found |= self._resolve(scope, reference, _depth)
        return found

    def _resolve(self, scope: tuple[str, ...], reference: str, depth: int) -> set[Target]:
        parts = split(reference)
        if not parts or len(parts) < 2 or parts[0] in _NOT_RESOURCES:
            return set()
        head = parts[0]
        if head == "var":
            call = self._calls.get(scope) if scope else None
            argument = (call.get("expressions") or {}).get(parts[1]) if call is not None else None
            return self.targets(scope[:-1], argument, depth + 1) if argument is not None else set()
        if head == "module":
            if len(parts) < 3:
                return set()
            child = (*scope, step(parts[1])[0])
            outputs = (self._modules.get(child) or {}).get("outputs") or {}
            output = outputs.get(parts[2]) if isinstance(outputs, Mapping) else None
            expression = output.get("expression") if isinstance(output, Mapping) else None
            return self.targets(child, expression, depth + 1) if expression is not None else set()
        if head == "data":
            if len(parts) < 3:
                return set()
            name, key = step(parts[2])
            return {((scope, f"data.{parts[1]}.{name}"), key)}
        name, key = step(parts[1])
        return {((scope, f"{head}.{name}"), key)}
