"""One resource's change in a Terraform plan (``terraform show -json``), as a value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


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
    """

    address: str
    actions: tuple[str, ...]
    attributes: tuple[str, ...] = ()
    forced_by: tuple[str, ...] = ()
    previous_address: str | None = None

    @property
    def replaced(self) -> bool:
        """Whether the resource is deleted and created again (a new ID; for a pool: a new, empty pool)."""
        return "delete" in self.actions and "create" in self.actions

    @property
    def deleted(self) -> bool:
        """Whether the resource is deleted and not created again."""
        return self.actions == ("delete",)

    @property
    def kind(self) -> str:
        """``"create"``, ``"update"``, ``"replace"``, ``"delete"``, ``"move"`` or ``"no-op"``."""
        if self.replaced:
            return "replace"
        if self.actions in (("no-op",), ("read",)):
            return "move" if self.previous_address else "no-op"
        return self.actions[0]

    @classmethod
    def from_plan(cls, change: Mapping[str, Any]) -> PlannedChange:
        """The change of one entry of a plan's ``resource_changes``."""
        body = change.get("change") or {}
        return cls(
            address=str(change.get("address")),
            actions=tuple(body.get("actions") or ("no-op",)),
            attributes=changed_attributes(body),
            forced_by=tuple(_path(p) for p in body.get("replace_paths") or ()),
            previous_address=change.get("previous_address"),
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
