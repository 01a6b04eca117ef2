"""``python -m cdktf_userpool check-plan PLAN.json``: what a plan does to each user pool, for a pipeline step.

Reads ``terraform show -json PLANFILE``; prints per pool its own change (above all a delete or a
replacement, with the attributes that force it), its triggers, permissions, clients, domains, groups
and identity-pool roles (``--format text``, ``json`` or ``markdown`` for a pull-request comment); exits
``1`` when a pool would be deleted or replaced, or a client deleted or replaced, wherever in the module
tree, unless each such address is given with ``--allow-replace``, and when an entry that may be a pool
or client cannot be read; ``2`` when the file is not a usable plan (one line, no traceback);
``0`` otherwise.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from ._changes import PlannedChange
from ._report import CLIENT, POOL, PlanReport, PoolReport, report

OK, BLOCKED, UNUSABLE = 0, 1, 2
FORMATS = ("text", "json", "markdown")
_HOW = "give it `terraform show -json PLANFILE` of a saved plan (terraform plan -out=PLANFILE)"


class UnusablePlan(Exception):
    """The file is not a plan this command can read; the message is one line for the user."""


def add_arguments(commands: Any) -> None:
    """Add ``check-plan`` to the command line's subcommands."""
    check = commands.add_parser(
        "check-plan",
        help="say what a Terraform plan does to each user pool; exit 1 if one would be deleted or replaced",
        description="Read `terraform show -json PLANFILE` and print, per user pool, its replacement or deletion "
        "(with the attribute that forces it), its triggers, permissions and clients, in every module. Exit 1 when a "
        "pool would be deleted or replaced, or an app client deleted or replaced, unless allowed with --allow-replace, "
        "or when a change that may be one cannot be read; 2 when the file is not a plan.",
    )
    check.add_argument("plan", type=Path, help="the plan as JSON (terraform show -json PLANFILE > plan.json)")
    check.add_argument(
        "--allow-replace", action="append", default=[], metavar="ADDRESS",
        help="the full address, as Terraform prints it, of a pool or client whose deletion or replacement is intended "
        "(repeatable)",
    )
    check.add_argument(
        "--format", choices=FORMATS, default="text",
        help="text (default: for a pipeline's log), json (for a program) or markdown (a pull-request comment)",
    )


def load(path: Path) -> dict[str, Any]:
    """The plan in ``path``, checked to be a plan.

    :raises UnusablePlan: if it is missing, not JSON, or a state, a configuration, an errored plan or
        another tool's JSON.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnusablePlan(f"{path}: no such file; {_HOW}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UnusablePlan(f"{path}: cannot be read ({exc.__class__.__name__}: {exc}); {_HOW}") from None
    if not text.strip():
        raise UnusablePlan(f"{path}: is empty; {_HOW}")
    try:
        document = json.loads(text)
    except ValueError as exc:
        hint = " (it looks like the plan file itself, which is binary)" if text.startswith("PK") else ""
        raise UnusablePlan(f"{path}: is not JSON{hint} ({exc}); {_HOW}") from None
    if not isinstance(document, dict):
        raise UnusablePlan(f"{path}: holds a JSON {type(document).__name__}, not a plan; {_HOW}")
    if "format_version" not in document:
        what = "a synthesized configuration (cdk.tf.json), not a plan" if "resource" in document or "terraform" in document else "not a Terraform plan (no format_version)"
        raise UnusablePlan(f"{path}: is {what}; {_HOW}")
    if "planned_values" not in document and "resource_changes" not in document:
        what = "a state (terraform show -json without a plan file)" if "values" in document else "not a Terraform plan"
        raise UnusablePlan(f"{path}: is {what}; {_HOW}")
    planned = ((document.get("planned_values") or {}).get("root_module") or {})
    if "resource_changes" not in document and (planned.get("resources") or planned.get("child_modules")):
        made_by = document.get("terraform_version", "an unknown version")
        raise UnusablePlan(
            f"{path}: is a plan without resource_changes (made by Terraform {made_by}), so what changes cannot be read; "
            "make the plan and its JSON with Terraform 0.12 or later"
        )
    if document.get("errored"):
        raise UnusablePlan(f"{path}: is a plan that errored (Terraform could not finish it); fix the plan's errors first")
    return document


_POOL_LOST = ("a new, empty pool: every user is lost", "the pool and every user in it are lost")
_CLIENT_LOST = ("a new client ID; apps holding the old one stop signing in",
                "the client ID is gone; apps holding it stop signing in")
_LOST = {POOL: _POOL_LOST, CLIENT: _CLIENT_LOST}


def _change_line(change: PlannedChange, *, what: str, deleted: str | None = None) -> str:
    """One change in words: ``what`` is lost by a replacement (and by a deletion, unless ``deleted`` says)."""
    kind = change.kind
    if kind == "unknown":
        return (f"UNKNOWN ACTIONS {list(change.actions)}: Terraform does not document them, so check-plan cannot "
                "tell what they do to it")
    if kind == "replace":
        forced = ", ".join(change.forced_by) or "an attribute that cannot change in place"
        left = " (the old one is left in AWS, no longer managed: forget)" if "forget" in change.actions else ""
        return f"REPLACE (forced by {forced}): {what}{left}"
    if kind == "delete":
        return f"DELETE: {deleted or what}"
    if kind == "forget":
        return "FORGET: removed from Terraform's state, left in AWS as it is (no longer managed here)"
    if kind == "move":
        return f"moved from {change.previous_address}"
    if kind == "update":
        return "update: " + (", ".join(change.attributes) or "(attributes known after apply)")
    return kind


def _guarded_line(change: PlannedChange) -> str:
    replaced, deleted = _LOST.get(change.type, _CLIENT_LOST)
    return _change_line(change, what=replaced, deleted=deleted)


def _pool_lines(pool: PoolReport) -> list[str]:
    if pool.unchanged:
        return [f"{pool.address}: unchanged"]
    change = pool.change
    lines = []
    if change is None:
        lines.append(f"{pool.address}: the pool itself unchanged")
    elif change.kind == "update":
        settings = [a for a in change.attributes if a != "lambda_config"]
        lines.append(f"{pool.address}: updated in place" + (f" ({', '.join(settings)})" if settings else ""))
    else:
        lines.append(f"{pool.address}: {_guarded_line(change)}")
    for trigger in pool.triggers:
        text = {
            "added": f"added ({trigger.after})",
            "removed": f"removed (was {trigger.before})",
            "changed": f"now {trigger.after} (was {trigger.before})",
            "code": f"{trigger.after}: new code or configuration ({', '.join(trigger.detail)})",
        }[trigger.kind]
        lines.append(f"  trigger {trigger.trigger}: {text}")
    for permission in pool.permissions:
        lines.append(f"  permission {permission.address}: {permission.kind}")
    for client in pool.clients:
        lines.append(f"  client {client.address}: " + _guarded_line(client))
    for label, changes, lost in (
        ("domain", pool.domains, "the sign-in URL is deleted and made again"),
        ("group", pool.groups, "its members lose the group"),
        ("identity", pool.identity, "signed-in users' AWS access is made again"),
    ):
        for change in changes:
            lines.append(f"  {label} {change.address}: " + _change_line(change, what=lost))
    return lines


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _verdict(plan: PlanReport, allow: set[str], blocked: list[PlannedChange]) -> str:
    if not blocked and not plan.unreadable:
        allowed = allow & {c.address for c in plan.lossy()}
        return "OK: no user pool is deleted or replaced" + (" (except those allowed)" if allowed else "")
    parts, fixes = [], []
    lossy = [c for c in blocked if c.kind != "unknown"]
    unknown = [c for c in blocked if c.kind == "unknown"]
    if lossy:
        parts.append(_plural(len(lossy), "deletion or replacement", "deletions or replacements")
                     + f" would lose users or client IDs: {', '.join(c.address for c in lossy)}")
        fixes.append("change the stack so they update in place")
    if unknown:
        parts.append(_plural(len(unknown), "change", "changes") + " of a pool or client with actions check-plan "
                     f"does not know: {', '.join(c.address for c in unknown)}")
        fixes.append("read them in `terraform show` and update check-plan")
    if blocked:
        fixes.append(f"if intended, rerun with {' '.join(f'--allow-replace {c.address}' for c in blocked)}")
    if plan.unreadable:
        parts.append(_plural(len(plan.unreadable), "entry", "entries") + " of the plan it cannot read, which may be "
                     f"pools or clients: {', '.join(u.where for u in plan.unreadable)}")
        fixes.append("give it the unedited output of `terraform show -json PLANFILE` (unreadable entries cannot be allowed)")
    what, how = "; ".join(parts), "; or, ".join(fixes)
    return f"BLOCKED: {what}. {how[0].upper()}{how[1:]}."


def render(plan: PlanReport, allow: set[str], *, name: str) -> tuple[list[str], list[PlannedChange]]:
    """The lines to print for ``plan``, and the changes it blocks."""
    pools = [p for p in plan.pools if not p.unchanged]
    lines = [f"check-plan: {name}: {len(plan.changes)} changes; {len(pools)} of {len(plan.pools)} user pools changed"]
    for pool in plan.pools:
        lines.extend(_pool_lines(pool))
    for alone in plan.ungrouped:
        label = "pool" if alone.change.type == POOL else "client"
        lines.append(f"{label} {alone.change.address} (not tied to a pool: {alone.reason}): {_guarded_line(alone.change)}")
    for unreadable in plan.unreadable:
        lines.append(f"UNREADABLE {unreadable.where}: {unreadable.reason}")
    if plan.other:
        shown = ", ".join(f"{c.address} ({c.kind})" for c in plan.other[:10])
        more = f" and {len(plan.other) - 10} more" if len(plan.other) > 10 else ""
        lines.append(f"other changes: {shown}{more}")
    blocked = plan.blocked(allow)
    unused = sorted(allow - {c.address for c in plan.lossy()})
    if unused:
        lines.append(f"note: --allow-replace {', '.join(unused)} matches no deletion or replacement in this plan")
    lines.append(_verdict(plan, allow, blocked))
    return lines, blocked


def _change_json(change: PlannedChange) -> dict[str, Any]:
    return {"address": change.address, "type": change.type, "kind": change.kind, "actions": list(change.actions),
            "attributes": list(change.attributes), "forced_by": list(change.forced_by),
            "previous_address": change.previous_address}


def as_json(plan: PlanReport, allow: set[str]) -> dict[str, Any]:
    """``plan`` as one JSON document: per pool its change and related changes, the blocked ones, the verdict."""
    blocked = plan.blocked(allow)
    pools = []
    for pool in plan.pools:
        pools.append({
            "address": pool.address,
            "change": _change_json(pool.change) if pool.change is not None else None,
            "loses_users": pool.loses_users,
            "triggers": [{"trigger": t.trigger, "kind": t.kind, "before": t.before, "after": t.after,
                          "detail": list(t.detail)} for t in pool.triggers],
            **{name: [_change_json(c) for c in getattr(pool, name)]
               for name in ("permissions", "clients", "domains", "groups", "identity")},
        })
    passes = plan.passes(allow)
    return {
        "status": "ok" if passes else "blocked",
        "exit_code": OK if passes else BLOCKED,
        "changes": len(plan.changes),
        "pools": pools,
        "ungrouped": [{**_change_json(u.change), "reason": u.reason} for u in plan.ungrouped],
        "unreadable": [{"where": u.where, "reason": u.reason} for u in plan.unreadable],
        "blocked": [c.address for c in blocked] + [u.where for u in plan.unreadable],
        "allowed": sorted(allow & {c.address for c in plan.lossy()}),
        "other": [_change_json(c) for c in plan.other],
    }


def as_markdown(plan: PlanReport, allow: set[str], *, name: str) -> list[str]:
    """``plan`` as a pull-request comment: the verdict first, then each changed pool's lines."""
    lines, _ = render(plan, allow, name=name)
    verdict = lines[-1]
    passes = plan.passes(allow)
    head = f"### :white_check_mark: User pools: {verdict}" if passes else f"### :no_entry: User pools: {verdict}"
    return [head, "", lines[0].removeprefix("check-plan: "), "", "```text", *lines[1:-1], "```"]


def run(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    """Run ``check-plan`` with parsed ``args``; returns the exit status."""
    try:
        document = load(args.plan)
    except UnusablePlan as exc:
        print(f"check-plan: {exc}", file=err)
        return UNUSABLE
    try:
        plan = report(document)
    except Exception as exc:  # fail closed, in one line: a plan this command cannot read never passes
        print(f"check-plan: {args.plan}: could not be read as a plan ({exc.__class__.__name__}: {exc}); {_HOW}", file=err)
        return UNUSABLE
    allow = set(args.allow_replace)
    form = getattr(args, "format", "text")
    if form == "json":
        result = as_json(plan, allow)
        print(json.dumps(result, indent=2, sort_keys=True), file=out)
        return int(result["exit_code"])
    if not plan.changes and not plan.other and not plan.ungrouped and not plan.unreadable:
        text = f"{args.plan}: no changes"
        print(f"### :white_check_mark: User pools: {text}" if form == "markdown" else f"check-plan: {text}", file=out)
        return OK
    if form == "markdown":
        print("\n".join(as_markdown(plan, allow, name=str(args.plan))), file=out)
        return OK if plan.passes(allow) else BLOCKED
    lines, _ = render(plan, allow, name=str(args.plan))
    print("\n".join(lines), file=out)
    return OK if plan.passes(allow) else BLOCKED

