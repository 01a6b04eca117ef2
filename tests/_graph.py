"""The dependency graph of synthesized Terraform JSON, and its cycles.

Nodes are resources (``type.name``) and data sources (``data.type.name``); an edge goes from a block to
every node its configuration refers to (``${type.name.attr}`` anywhere in an expression) or names in
``depends_on``. Terraform refuses a configuration whose graph has a cycle, at plan time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_WORD = re.compile(r"(?<![\w.])((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)")


def nodes(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Every resource and data source block by address."""
    found: dict[str, Any] = {}
    for kind, prefix in (("resource", ""), ("data", "data.")):
        for type_name, blocks in doc.get(kind, {}).items():
            for name, block in blocks.items():
                found[f"{prefix}{type_name}.{name}"] = block
    return found


def _strings(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, Mapping):
        return [s for k, v in value.items() if k != "//" for s in _strings(v, k)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item, key)]
    return []


def dependency_graph(doc: Mapping[str, Any]) -> dict[str, set[str]]:
    """Address -> the addresses it depends on."""
    blocks = nodes(doc)
    graph: dict[str, set[str]] = {address: set() for address in blocks}
    for address, block in blocks.items():
        for key, text in _strings(block):
            if key == "depends_on":
                candidates = {text.removeprefix("${").removesuffix("}")}
            elif "${" in text:
                candidates = set(_WORD.findall(text))
            else:
                continue
            graph[address].update(c for c in candidates if c in blocks and c != address)
    return graph


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One cycle (first node repeated at the end), or ``None`` if the graph is acyclic."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None
