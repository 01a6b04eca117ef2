"""One resource's change in a Terraform plan (``terraform show -json``), as a value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._addresses import parse

ACTIONS: frozenset[tuple[str, ...]] = frozenset({
    ("no-op",), ("create",), ("read",), ("update",), ("delete",), ("delete", "create"), ("create", "delete"),
    ("forget",), ("create", "forget"),
})
"""Every ``actions`` list Terraform writes into a plan's ``resource_changes`` (JSON format 1.x, Terraform 1.11)."""


@dataclass(frozen=True)
class PlannedChange:
    """One change a plan would make.

    :ivar address: the resource address, e.g. ``aws_cognito_user_pool.Pool_D3F588B8``.
    :ivar actions: Terraform's actions, e.g. ``("update",)``, ``("delete", "create")`` (a replacement) or
        ``("delete",)``.
    :ivar attributes: the top-level attributes whose values would change (empty for create/delete).
    :ivar forced_by: for a replacement, the attributes that force it (Terraform's ``replace_paths``, as
        ``schema`` or ``schema[0].name``); else empty.
    :ivar previous_address: the address the resource is moved from (a ``moved`` block), else ``None``.
    :ivar type: the resource type (``aws_cognito_user_pool``), from the plan's ``type`` or else the address.
    :ivar deposed: for a change of a deposed object (the old half of an interrupted create-before-destroy
        replacement), its key; else ``None``.
    """

    address: str
    actions: tuple[str, ...]
    attributes: tuple[str, ...] = ()
    forced_by: tuple[str, ...] = ()
    previous_address: str | None = None
    type: str = ""
    deposed: str | None = None

    @property
    def understood(self) -> bool:
        """Whether the actions are ones Terraform documents (:data:`ACTIONS`)."""
        return self.actions in ACTIONS

    @property
    def replaced(self) -> bool:
        """Whether a new object takes the resource's place (a new ID; for a pool: a new, empty pool): deleted
        and created again, or created while the old object is forgotten (left in AWS, no longer managed)."""
        return "create" in self.actions and ("delete" in self.actions or "forget" in self.actions)

    @property
    def deleted(self) -> bool:
        """Whether the resource is deleted and not created again."""
        return self.actions == ("delete",)

    @property
    def kind(self) -> str:
        """``"create"``, ``"update"``, ``"replace"``, ``"delete"``, ``"forget"`` (removed from the state, left in
        AWS), ``"move"``, ``"no-op"``, or ``"unknown"`` for actions Terraform does not document."""
        if not self.understood:
            return "unknown"
        if self.replaced:
            return "replace"
        if self.actions in (("no-op",), ("read",)):
            return "move" if self.previous_address else "no-op"
        return self.actions[0]

    @classmethod
    def from_plan(cls, change: Mapping[str, Any]) -> PlannedChange:
        """The change of one entry of a plan's ``resource_changes``."""
        body = change.get("change") or {}
        address = str(change.get("address"))
        rtype = change.get("type")
        if not isinstance(rtype, str) or not rtype:
            parsed = parse(address)
            rtype = parsed.type if parsed is not None else ""
        deposed = change.get("deposed")
        return cls(
            address=address,
            actions=tuple(str(a) for a in body.get("actions") or ("no-op",)),
            attributes=changed_attributes(body),
            forced_by=tuple(_path(p) for p in body.get("replace_paths") or () if isinstance(p, list)),
            previous_address=change.get("previous_address"),
            type=rtype,
            deposed=str(deposed) if deposed else None,
        )


def changed_attributes(change: Mapping[str, Any]) -> tuple[str, ...]:
    """The top-level attributes whose values differ between ``before`` and ``after`` (or become unknown)."""
    before, after = change.get("before"), change.get("after")
    if not isinstance(before, dict) or not isinstance(after, dict):
        return ()
    unknown = change.get("after_unknown") or {}
    keys = set(before) | set(after)
    return tuple(sorted(k for k in keys if before.get(k) != after.get(k) or unknown.get(k) is True))


def _path(steps: Sequence[Any]) -> str:
    """A ``replace_paths`` entry (``["schema", 0, "name"]``) as ``schema[0].name``."""
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def resource_changes(plan: Mapping[str, Any]) -> list[PlannedChange]:
    """Every change of managed resources in ``plan`` that does something (moves included), in plan order."""
    found = []
    for entry in plan.get("resource_changes") or ():
        if entry.get("mode", "managed") != "managed":
            continue
        change = PlannedChange.from_plan(entry)
        if change.kind != "no-op":
            found.append(change)
    return found
