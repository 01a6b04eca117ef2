"""A re-apply that never loses a user: plan the changed synth, refuse what would delete a retained pool, apply.

:meth:`Deployment.apply` writes a new synth of the stack into the working copy (its state kept), saves
a plan and applies that plan only if no user pool that holds its users would be deleted or replaced:

- a pool with ``lifecycle.prevent_destroy`` (``removal_policy="retain"``, the default): Terraform
  refuses the plan itself; a second plan with ``prevent_destroy`` lifted (saved, never applied) reads
  the attributes that force the replacement (``replace_paths``), for the error;
- a pool whose deployed ``deletion_protection`` is ``ACTIVE``: Cognito would refuse the delete half way
  through the apply (after the pool's dependents were gone), so the plan is refused before;
- a pool with neither (``removal_policy="destroy"``, applied): the replacement goes ahead, and the
  changes returned say so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import LocalDeployError
from ..plan import PlannedChange, resource_changes
from ..plan._addresses import Address, parse
from ._protection import POOL
from ._terraform import Run, Terraform

__all__ = ["UPDATE_PLAN", "plan_failure", "plan_update", "planned_changes"]

UPDATE_PLAN = "update.tfplan"
_DIAGNOSE_FILE = "zz_local_diagnose_override.tf.json"
_DIAGNOSE_PLAN = "diagnose.tfplan"
_PREVENTED = re.compile(r"Resource (\S+) has lifecycle\.prevent_destroy set")
_NOWHERE = Address((("?", None),), "", "")
_KEEP = (
    "Revert that change, or build a new pool beside this one and move the users over (a user migration "
    "trigger). To let this pool and its users go on purpose, apply it with removal_policy='destroy' first (an "
    "in-place update), then this change."
)


def _prevented(run: Run) -> list[str]:
    """The addresses Terraform refused to destroy because of ``prevent_destroy``, sorted."""
    found = []
    for message in run.messages:
        diagnostic = message.get("diagnostic") or {}
        match = _PREVENTED.search(str(diagnostic.get("detail") or ""))
        if match:
            found.append(str(diagnostic.get("address") or match.group(1)))
    return sorted(dict.fromkeys(found))


def _diagnose(terraform: Terraform, addresses: Iterable[str], *, timeout: float) -> dict[str, PlannedChange]:
    """What the refused plan would do to ``addresses``: a plan with their ``prevent_destroy`` lifted, never applied."""
    wanted = list(addresses)
    blocks: dict[str, dict[str, Any]] = {}
    for address in wanted:
        parsed = parse(address)
        if parsed is not None:
            blocks.setdefault(parsed.type, {})[parsed.name] = {"lifecycle": {"prevent_destroy": False}}
    override = terraform.workdir / _DIAGNOSE_FILE
    override.write_text(json.dumps({"resource": blocks}, indent=2, sort_keys=True) + "\n")
    try:
        run = terraform.save_plan(_DIAGNOSE_PLAN, timeout=timeout)
        if run.returncode != 2:
            return {}
        return {c.address: c for c in resource_changes(terraform.show(_DIAGNOSE_PLAN)) if c.address in wanted}
    finally:
        override.unlink(missing_ok=True)
        (terraform.workdir / _DIAGNOSE_PLAN).unlink(missing_ok=True)


def _what(change: PlannedChange | None) -> str:
    if change is None:
        return "deleted or replaced"
    if change.deleted:
        return "deleted"
    forced = ", ".join(change.forced_by) or "an attribute the provider cannot update in place"
    return f"replaced by a new, empty pool (forced by {forced})"


def _refused(stack: str, address: str, change: PlannedChange | None, why: str) -> LocalDeployError:
    return LocalDeployError(
        f"Refused to apply the change of stack {stack!r}: user pool {address} would be {_what(change)}, losing "
        f"every user, and {why}. Nothing was applied; the pool and its users are intact. {_KEEP}",
        stack=stack,
        command="plan",
        address=address,
        provider_message=", ".join(change.forced_by) if change is not None else "",
    )


def plan_failure(terraform: Terraform, run: Run, *, stack: str, timeout: float) -> LocalDeployError:
    """The error for a failed plan: for a pool Terraform refuses to destroy (``prevent_destroy``), one naming
    the pool and the attributes that force its replacement; else Terraform's own."""
    prevented = [a for a in _prevented(run) if (parsed := parse(a)) is not None and parsed.type == POOL]
    if not prevented:
        return terraform.failure(run, "plan")
    at_root = [a for a in prevented if not (parse(a) or _NOWHERE).modules]  # an override reaches the root module only
    change = _diagnose(terraform, at_root, timeout=timeout).get(prevented[0]) if prevented[0] in at_root else None
    return _refused(stack, prevented[0], change, "it has lifecycle.prevent_destroy (removal_policy='retain', the default)")


def _lost_pools(run: Run) -> list[str]:
    """The pools the saved plan deletes or replaces, from Terraform's UI messages (``planned_change``), in order."""
    found = []
    for message in run.messages:
        change = message.get("change") or {}
        resource = change.get("resource") or {}
        if message.get("type") == "planned_change" and resource.get("resource_type") == POOL \
                and change.get("action") in ("replace", "delete"):
            found.append(str(resource.get("addr")))
    return found


def plan_update(terraform: Terraform, *, stack: str, values: Mapping[str, Mapping[str, Any]], timeout: float) -> bool:
    """Plan the working copy's synth onto its state into :data:`UPDATE_PLAN`; whether there is anything to apply.

    The check for lost pools reads the plan's UI messages, so no ``terraform show`` (a provider start) stands
    between the plan and its apply; :func:`planned_changes` reads the details, beside the apply.

    :param values: the deployed attribute values by address (for ``deletion_protection``).
    :raises LocalDeployError: if the plan fails, or would delete or replace a retained pool (naming the pool
        and the attributes that force it).
    """
    run = terraform.save_plan(UPDATE_PLAN, timeout=timeout)
    if run.returncode == 1:
        raise plan_failure(terraform, run, stack=stack, timeout=timeout)
    if run.returncode == 0:
        return False
    for address in _lost_pools(run):
        if (values.get(address) or {}).get("deletion_protection") == "ACTIVE":
            change = next((c for c in planned_changes(terraform) if c.address == address), None)
            raise _refused(stack, address, change, "its deletion protection is ACTIVE: Cognito would refuse the "
                           "delete half way through the apply, after the pool's clients and domain were gone")
    return True


def planned_changes(terraform: Terraform) -> list[PlannedChange]:
    """The changes of the plan :func:`plan_update` saved (``terraform show -json``): attributes, ``forced_by``."""
    return resource_changes(terraform.show(UPDATE_PLAN))
