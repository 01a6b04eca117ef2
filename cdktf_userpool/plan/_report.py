"""What a plan does to each user pool, for a reviewer: the pool itself, its triggers, permissions and clients.

Everything comes from the plan's JSON (``terraform show -json PLANFILE``): ``resource_changes`` for
what changes, ``configuration`` for which resources refer to which pool (a permission's
``source_arn``, a client's ``user_pool_id``, a trigger's function; inside modules too, see
:mod:`._config`), ``prior_state`` for what the pool's triggers pointed at before and for ties the
configuration does not show.

It fails closed: a pool is recognised by its type wherever it is (root, nested modules, ``count`` and
``for_each`` instances); a client is checked whether or not it can be tied to a pool; a change of a
pool or client that cannot be read, or whose actions Terraform does not document, blocks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._addresses import Address, parse
from ._changes import PlannedChange
from ._config import Configuration, Target

POOL = "aws_cognito_user_pool"
CLIENT = "aws_cognito_user_pool_client"
DOMAIN = "aws_cognito_user_pool_domain"
GROUP = "aws_cognito_user_group"
IDENTITY_POOL = "aws_cognito_identity_pool"
ROLES_ATTACHMENT = "aws_cognito_identity_pool_roles_attachment"
ROLE = "aws_iam_role"
PERMISSION = "aws_lambda_permission"
FUNCTION = "aws_lambda_function"
GUARDED = frozenset({POOL, CLIENT})
"""The types whose deletion or replacement loses what cannot be made again: users, client IDs."""
_CODE = ("source_code_hash", "filename", "s3_key", "s3_object_version", "image_uri", "code_sha256")
_UNSET: tuple[Any, ...] = ("", None, [], {})


def blocks(change: PlannedChange) -> bool:
    """Whether ``change`` of a pool or client stops the plan: a deletion, a replacement (a new ID), or actions
    Terraform does not document. Other types never block."""
    return change.type in GUARDED and change.kind in ("delete", "replace", "unknown")


@dataclass(frozen=True)
class TriggerChange:
    """A trigger of a pool that the plan adds, removes or points elsewhere, or whose function's code changes.

    :ivar trigger: the ``lambda_config`` key, e.g. ``pre_sign_up`` or ``custom_email_sender``.
    :ivar kind: ``"added"``, ``"removed"``, ``"changed"`` (another function) or ``"code"`` (same function,
        new code or configuration).
    :ivar before: the function (its address when the plan knows it, else its ARN) before; ``None`` if added.
    :ivar after: the function after; ``None`` if removed.
    :ivar detail: for ``"code"``: the function's changed attributes.
    """

    trigger: str
    kind: str
    before: str | None
    after: str | None
    detail: tuple[str, ...] = ()


@dataclass(frozen=True)
class PoolReport:
    """What a plan does to one user pool.

    :ivar address: the pool's address.
    :ivar change: the pool's own change, or ``None`` when the pool itself is unchanged.
    :ivar triggers: its triggers added, removed, changed.
    :ivar permissions: changes of Lambda permissions scoped to the pool.
    :ivar clients: changes of its app clients.
    :ivar domains: changes of its domains (a replaced domain is a new sign-in URL's certificate and DNS).
    :ivar groups: changes of its groups (their role and precedence decide users' AWS credentials).
    :ivar identity: changes of the identity pools that trust the pool, their roles attachments and the
        IAM roles those attach (what signed-in users may do in AWS).
    """

    address: str
    change: PlannedChange | None
    triggers: tuple[TriggerChange, ...] = ()
    permissions: tuple[PlannedChange, ...] = ()
    clients: tuple[PlannedChange, ...] = ()
    domains: tuple[PlannedChange, ...] = ()
    groups: tuple[PlannedChange, ...] = ()
    identity: tuple[PlannedChange, ...] = ()

    @property
    def loses_users(self) -> bool:
        """Whether the plan deletes or replaces the pool (a replacement is a new, empty pool)."""
        return self.change is not None and (self.change.replaced or self.change.deleted)

    @property
    def unchanged(self) -> bool:
        """Whether nothing of the pool changes."""
        return self.change is None and not (
            self.triggers or self.permissions or self.clients or self.domains or self.groups or self.identity
        )


@dataclass(frozen=True)
class Ungrouped:
    """A change of a pool or client that the plan does not let check-plan place under one pool.

    :ivar change: the change.
    :ivar reason: why it stands alone, e.g. ``"neither the configuration nor the prior state ties it to a
        pool"`` or a deposed object.
    """

    change: PlannedChange
    reason: str


@dataclass(frozen=True)
class Unreadable:
    """An entry of the plan's ``resource_changes`` that check-plan cannot read and that may be a pool or client.

    :ivar where: its address, or ``resource_changes[N]`` when it has none.
    :ivar reason: what cannot be read.
    """

    where: str
    reason: str


@dataclass(frozen=True)
class PlanReport:
    """A plan's changes, grouped by user pool.

    :ivar pools: one report per pool the plan knows (in its changes, prior state or root configuration), by
        address.
    :ivar other: changes of resources that belong to no pool (never blocking).
    :ivar changes: every change of the plan, by address.
    :ivar ungrouped: changes of pools and clients that cannot be placed under one pool (checked all the same).
    :ivar unreadable: entries of the plan that cannot be read and may be pools or clients (each blocks).
    """

    pools: tuple[PoolReport, ...]
    other: tuple[PlannedChange, ...] = ()
    changes: Mapping[str, PlannedChange] = field(default_factory=dict)
    ungrouped: tuple[Ungrouped, ...] = ()
    unreadable: tuple[Unreadable, ...] = ()

    def lossy(self) -> list[PlannedChange]:
        """Every change of a pool or client that blocks unless allowed (see :func:`blocks`), in report order."""
        found = []
        for pool in self.pools:
            if pool.change is not None and blocks(pool.change):
                found.append(pool.change)
            found.extend(c for c in pool.clients if blocks(c))
        found.extend(u.change for u in self.ungrouped if blocks(u.change))
        return found

    def blocked(self, allow: frozenset[str] | set[str] = frozenset()) -> list[PlannedChange]:
        """Deletions, replacements and undocumented actions of pools and clients whose address is not in
        ``allow`` (:meth:`unreadable` entries block as well, and cannot be allowed)."""
        return [c for c in self.lossy() if c.address not in allow]

    def passes(self, allow: frozenset[str] | set[str] = frozenset()) -> bool:
        """Whether nothing blocks: no :meth:`blocked` change and nothing :attr:`unreadable`."""
        return not self.blocked(allow) and not self.unreadable


def _targets(lambda_config: Any) -> dict[str, Any]:
    """``lambda_config`` (a list of one block) as trigger -> its Lambda (ARN), leaving out unset ones and the key."""
    block = lambda_config[0] if isinstance(lambda_config, list) and lambda_config else lambda_config
    if not isinstance(block, Mapping):
        return {}
    found = {}
    for key, value in block.items():
        if key == "kms_key_id":
            continue
        if isinstance(value, list):
            value = value[0].get("lambda_arn") if value and isinstance(value[0], Mapping) else None
        if value not in _UNSET:
            found[key] = value
    return found


def _unknown_triggers(after_unknown: Any) -> set[str]:
    block = after_unknown[0] if isinstance(after_unknown, list) and after_unknown else after_unknown
    if not isinstance(block, Mapping):
        return set()
    return {k for k, v in block.items() if v is True or (isinstance(v, list) and v and v[0] not in (False, {}))}


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _state_resources(document: Any) -> dict[str, Mapping[str, Any]]:
    """Every resource of a state (``prior_state``), nested modules included, by address: its values."""
    found: dict[str, Mapping[str, Any]] = {}
    pending = [_mapping(_mapping(_mapping(document).get("values")).get("root_module"))]
    while pending:
        module = pending.pop()
        for resource in module.get("resources") or ():
            if isinstance(resource, Mapping) and isinstance(resource.get("address"), str) and resource.get("mode", "managed") == "managed":
                found[resource["address"]] = _mapping(resource.get("values"))
        pending.extend(m for m in module.get("child_modules") or () if isinstance(m, Mapping))
    return found


class _Plan:
    """The plan's changes, prior state and configuration, indexed for grouping by pool."""

    def __init__(self, plan: Mapping[str, Any]) -> None:
        self.config = Configuration(plan)
        self.prior = _state_resources(plan.get("prior_state"))
        self.changes: dict[str, PlannedChange] = {}
        self.raw: dict[str, Mapping[str, Any]] = {}
        self.deposed: list[PlannedChange] = []
        self.unreadable: list[Unreadable] = []
        self.parsed: dict[str, Address] = {}
        self.types: dict[str, str] = {}
        self._by_key: dict[Any, list[str]] = {}
        for address in self.prior:
            self._know(address, None)
        entries = plan.get("resource_changes")
        if entries is not None and not isinstance(entries, list):
            self.unreadable.append(Unreadable("resource_changes", f"is a JSON {type(entries).__name__}, not a list"))
        for number, entry in enumerate(entries if isinstance(entries, list) else ()):
            self._read(number, entry)
        for key in self.config.resources:
            if not key[0] and not key[1].startswith("data.") and not self._instances(key):
                self._know(key[1], None)  # configured at the root, no instance known: a pool only the configuration has
        self.function_by_arn = {
            str(values.get(attr)): address for address, values in self.prior.items() if self.types.get(address) == FUNCTION
            for attr in ("arn", "qualified_arn", "invoke_arn") if values.get(attr)
        }
        self._of_type: dict[str, list[str]] = {}
        self._function_types = {t for t in set(self.types.values()) if not t.startswith("aws_cognito")}

    def _know(self, address: str, rtype: str | None) -> Address | None:
        parsed = parse(address)
        if parsed is not None and address not in self.parsed:
            self.parsed[address] = parsed
            self._by_key.setdefault(parsed.config_key, []).append(address)
        kind = rtype or (parsed.type if parsed is not None else None)
        if kind:
            self.types.setdefault(address, kind)
        return parsed

    def _read(self, number: int, entry: Any) -> None:
        """Index one entry of ``resource_changes``, or record why it cannot be read when it may be guarded."""
        where = f"resource_changes[{number}]"
        if not isinstance(entry, Mapping):
            self.unreadable.append(Unreadable(where, f"is a JSON {type(entry).__name__}, not a resource change"))
            return
        address, rtype, mode = entry.get("address"), entry.get("type"), entry.get("mode", "managed")
        parsed = parse(address)
        declared = rtype if isinstance(rtype, str) and rtype else None
        kind = declared or (parsed.type if parsed is not None else None)
        if mode == "data" or (parsed is not None and parsed.data):
            return  # a data source is read, never deleted
        if kind is None:
            self.unreadable.append(Unreadable(
                str(address) if isinstance(address, str) else where,
                "has no type and no readable address, so it may be a user pool or client"))
            return
        guarded = kind in GUARDED or (parsed is not None and parsed.type in GUARDED)
        if mode != "managed":
            if guarded:
                self.unreadable.append(Unreadable(str(address), f"has mode {mode!r}, not 'managed' or 'data'"))
            return
        if parsed is None:
            if guarded:
                self.unreadable.append(Unreadable(str(address) if isinstance(address, str) else where,
                                                  f"is a {kind} whose address {address!r} is not a Terraform address"))
            return
        if declared is not None and declared != parsed.type and guarded:
            self.unreadable.append(Unreadable(str(address), f"has type {declared!r} but its address names {parsed.type!r}"))
            return
        body = _mapping(entry.get("change"))
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions or not all(isinstance(a, str) for a in actions):
            if guarded:
                self.unreadable.append(Unreadable(str(address), "has no readable change.actions (a list of strings)"))
            return
        if guarded and not isinstance(body.get("before"), (Mapping, type(None))):
            self.unreadable.append(Unreadable(str(address), "has a change.before that is not an object"))
            return
        change = PlannedChange.from_plan({**entry, "type": kind})
        self._know(str(address), kind)
        if change.deposed is not None:
            if change.kind != "no-op":
                self.deposed.append(change)
            return
        self.raw[change.address] = body
        if change.kind != "no-op":
            self.changes[change.address] = change

    def _instances(self, key: Any) -> list[str]:
        return self._by_key.get(key, [])

    def of_type(self, rtype: str) -> list[str]:
        """Every address of ``rtype`` the plan knows (changes, prior state, root configuration), sorted."""
        if rtype not in self._of_type:
            self._of_type[rtype] = sorted(a for a, t in self.types.items() if t == rtype)
        return self._of_type[rtype]

    def instances(self, targets: set[Target], rtypes: frozenset[str] | set[str], near: Address | None) -> list[str]:
        """The instances of ``rtypes`` that ``targets`` name, narrowed to those in ``near``'s module instance
        (the one a module-relative reference means) and with its instance key, when that leaves some."""
        found = sorted({
            address for (key, index) in targets for address in self._instances(key)
            if self.types.get(address) in rtypes and (index is None or self.parsed[address].index == index)
        })
        if near is not None and len(found) > 1:
            same_module = [a for a in found if self.parsed[a].modules == near.modules]
            found = same_module or found
            same_index = [a for a in found if self.parsed[a].index == near.index]
            found = same_index if near.index is not None and same_index else found
        return found

    def before(self, address: str) -> Mapping[str, Any]:
        """The resource's values before the plan (prior state, else the change's ``before``)."""
        return self.prior.get(address) or _mapping((self.raw.get(address) or {}).get("before"))

    def owners(self, address: str, argument: str, candidates: list[str], attribute: str, rtype: str) -> tuple[list[str], str]:
        """Which of ``candidates`` (pools, identity pools) ``address``'s ``argument`` refers to, and, when not
        exactly one, why: the configuration's references first, then the value before the plan (``attribute``
        of the candidate: ``id``, ``arn``, ``endpoint``). ``rtype``: the candidates' type."""
        parsed = self.parsed.get(address)
        expressions = self.config.expressions(parsed.config_key) if parsed is not None else None
        configured: list[str] = []
        if parsed is not None and expressions is not None and argument in expressions:
            targets = self.config.targets(parsed.config_key[0], expressions[argument])
            wanted = set(candidates)
            configured = [a for a in self.instances(targets, {rtype}, parsed) if a in wanted]
            if len(configured) == 1:
                return configured, ""
        value = str(self.before(address).get(argument) or "")
        keys = {c: str(self.before(c).get(attribute) or "") for c in (configured or candidates)} if value else {}
        by_value = [c for c, key in keys.items() if key and key in value]
        if len(by_value) == 1:
            return by_value, ""
        several = configured if len(configured) > 1 else by_value
        if len(several) > 1:
            return [], f"its {argument} may refer to any of {', '.join(several)}"
        return [], f"neither the plan's configuration nor its prior state ties its {argument} to a pool"

    def pools(self) -> list[str]:
        return self.of_type(POOL)

    def function_of(self, pool: str, reference: Any) -> str | None:
        """The function a pool's ``lambda_config`` entry refers to in the configuration: its address when one
        instance is known, else the module-prefixed resource; ``None`` without a reference."""
        parsed = self.parsed.get(pool)
        if parsed is None:
            return None
        targets = self.config.targets(parsed.config_key[0], reference)
        if not targets:
            return None
        found = self.instances(targets, self._function_types, parsed)
        if len(found) == 1:
            return found[0]
        (scope, resource), index = sorted(targets, key=str)[0]
        prefix = parsed.module + "." if parsed.modules and scope == parsed.config_key[0] else ""
        return prefix + resource + (f"[{index}]" if index is not None else "")

    def triggers(self, pool: str) -> list[TriggerChange]:
        raw = self.raw.get(pool) or {}
        prior = self.prior.get(pool) or _mapping(raw.get("before"))
        before = {k: self.function_by_arn.get(str(v), str(v)) for k, v in _targets(prior.get("lambda_config")).items()}
        after_values = _mapping(raw.get("after")) if raw else prior
        after = {k: self.function_by_arn.get(str(v), str(v)) for k, v in _targets(after_values.get("lambda_config")).items()}
        parsed = self.parsed.get(pool)
        configured = _mapping(self.config.expressions(parsed.config_key) if parsed is not None else None).get("lambda_config")
        block = configured[0] if isinstance(configured, list) and configured else {}
        for key in _unknown_triggers(_mapping(raw.get("after_unknown")).get("lambda_config")) | set(after):
            function = self.function_of(pool, block.get(key)) if isinstance(block, Mapping) else None
            if function is not None:
                after[key] = function
            elif key not in after:
                after[key] = "(known after apply)"
        if raw.get("actions") == ["delete"]:
            after = {}
        found = []
        for key in sorted(set(before) | set(after)):
            was, now = before.get(key), after.get(key)
            if was is None:
                found.append(TriggerChange(key, "added", None, now))
            elif now is None:
                found.append(TriggerChange(key, "removed", was, None))
            elif was != now:
                found.append(TriggerChange(key, "changed", was, now))
            else:
                fn = self.changes.get(now)
                if fn is not None and fn.kind in ("update", "replace"):
                    detail = tuple(a for a in fn.attributes if a in _CODE) or fn.attributes
                    found.append(TriggerChange(key, "code", was, now, detail))
        return found

    def owned(self, rtype: str, argument: str, pools: list[str], attribute: str) -> tuple[dict[str, list[str]], dict[str, str]]:
        """For each changed resource of ``rtype``: the pool it belongs to (pool -> its addresses), and for those
        tied to none, why."""
        by_pool: dict[str, list[str]] = {p: [] for p in pools}
        alone: dict[str, str] = {}
        for address in self.of_type(rtype):
            if address not in self.changes:
                continue
            owners, reason = self.owners(address, argument, pools, attribute, POOL)
            if owners:
                by_pool[owners[0]].append(address)
            else:
                alone[address] = reason
        return by_pool, alone

    def identity(self, pool: str) -> list[PlannedChange]:
        """Identity pools trusting ``pool``, their roles attachments and the IAM roles those attach, changed."""
        trusting = [
            address for address in self.of_type(IDENTITY_POOL)
            if self.owners(address, "cognito_identity_providers", self.pools(), "endpoint", POOL)[0] == [pool]
        ]
        attachments = [
            address for address in self.of_type(ROLES_ATTACHMENT)
            if trusting and self.owners(address, "identity_pool_id", trusting, "id", IDENTITY_POOL)[0]
        ]
        roles: set[str] = set()
        for attachment in attachments:
            parsed = self.parsed.get(attachment)
            expressions = self.config.expressions(parsed.config_key) if parsed is not None else None
            if parsed is not None and expressions:
                roles.update(self.instances(self.config.targets(parsed.config_key[0], expressions), {ROLE}, parsed))
        wanted = [*trusting, *attachments, *sorted(roles)]
        return [self.changes[a] for a in wanted if a in self.changes]


def report(plan: Mapping[str, Any]) -> PlanReport:
    """Group the plan's changes by user pool (see :class:`PlanReport`)."""
    parsed = _Plan(plan)
    pool_addresses = parsed.pools()
    related = {
        name: parsed.owned(rtype, argument, pool_addresses, attribute)
        for name, rtype, argument, attribute in (
            ("permissions", PERMISSION, "source_arn", "arn"),
            ("clients", CLIENT, "user_pool_id", "id"),
            ("domains", DOMAIN, "user_pool_id", "id"),
            ("groups", GROUP, "user_pool_id", "id"),
        )
    }
    pools, claimed = [], set()
    for address in pool_addresses:
        triggers = parsed.triggers(address)
        mine = {name: tuple(parsed.changes[a] for a in by_pool[address]) for name, (by_pool, _) in related.items()}
        identity = parsed.identity(address)
        functions = {f for t in triggers for f in (t.before, t.after) if f}
        claimed.update({address, *functions, *(c.address for group in mine.values() for c in group),
                        *(c.address for c in identity)})
        pools.append(PoolReport(address, parsed.changes.get(address), tuple(triggers), mine["permissions"],
                                mine["clients"], mine["domains"], mine["groups"], tuple(identity)))
    ungrouped = [Ungrouped(parsed.changes[a], reason) for a, reason in related["clients"][1].items()]
    ungrouped.extend(
        Ungrouped(change, f"a deposed object ({change.deposed}): the old {change.type} an interrupted "
                          "create-before-destroy replacement left behind")
        for change in parsed.deposed if change.type in GUARDED
    )
    claimed.update(u.change.address for u in ungrouped)
    other = [c for a, c in parsed.changes.items() if a not in claimed]
    other.extend(c for c in parsed.deposed if c.type not in GUARDED)
    return PlanReport(tuple(pools), tuple(other), parsed.changes, tuple(ungrouped), tuple(parsed.unreadable))
