"""What a plan does to each user pool, for a reviewer: the pool itself, its triggers, permissions and clients.

Everything comes from the plan's JSON (``terraform show -json PLANFILE``): ``resource_changes`` for
what changes, ``configuration`` for which resources refer to which pool (a permission's
``source_arn``, a client's ``user_pool_id``, a trigger's function), ``prior_state`` for what the
pool's triggers pointed at before.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._changes import PlannedChange, resource_changes

POOL = "aws_cognito_user_pool"
CLIENT = "aws_cognito_user_pool_client"
DOMAIN = "aws_cognito_user_pool_domain"
GROUP = "aws_cognito_user_group"
IDENTITY_POOL = "aws_cognito_identity_pool"
ROLES_ATTACHMENT = "aws_cognito_identity_pool_roles_attachment"
ROLE = "aws_iam_role"
PERMISSION = "aws_lambda_permission"
FUNCTION = "aws_lambda_function"
_CODE = ("source_code_hash", "filename", "s3_key", "s3_object_version", "image_uri", "code_sha256")
_UNSET: tuple[Any, ...] = ("", None, [], {})


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
class PlanReport:
    """A plan's changes, grouped by user pool.

    :ivar pools: one report per pool the plan knows (in its configuration or prior state), by address.
    :ivar other: changes of resources that belong to no pool.
    :ivar changes: every change of the plan, by address.
    """

    pools: tuple[PoolReport, ...]
    other: tuple[PlannedChange, ...] = ()
    changes: Mapping[str, PlannedChange] = field(default_factory=dict)

    def blocked(self, allow: frozenset[str] | set[str] = frozenset()) -> list[PlannedChange]:
        """Replacements and deletions of pools, and replacements of clients, whose address is not in ``allow``."""
        found = []
        for pool in self.pools:
            if pool.loses_users and pool.change is not None and pool.address not in allow:
                found.append(pool.change)
            found.extend(c for c in pool.clients if c.replaced and c.address not in allow)
        return found


def _references(expression: Any) -> Iterator[str]:
    """Every reference in a configuration expression (nested blocks included)."""
    if isinstance(expression, list):
        for item in expression:
            yield from _references(item)
    elif isinstance(expression, dict):
        refs = expression.get("references")
        if isinstance(refs, list):
            yield from (r for r in refs if isinstance(r, str))
        for key, value in expression.items():
            if key not in ("references", "constant_value"):
                yield from _references(value)


def _resource_of(reference: str) -> str:
    """``aws_lambda_function.X.arn`` -> ``aws_lambda_function.X``."""
    parts = reference.split(".")
    return ".".join(parts[:3] if parts[0] == "data" else parts[:2])


def _config_resources(plan: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    module = (plan.get("configuration") or {}).get("root_module") or {}
    return {r["address"]: r.get("expressions") or {} for r in module.get("resources") or () if "address" in r}


def _state_resources(document: Mapping[str, Any] | None) -> dict[str, Mapping[str, Any]]:
    found: dict[str, Mapping[str, Any]] = {}
    pending = [((document or {}).get("values") or {}).get("root_module") or {}]
    while pending:
        module = pending.pop()
        for resource in module.get("resources") or ():
            found[resource["address"]] = resource.get("values") or {}
        pending.extend(module.get("child_modules") or ())
    return found


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


class _Plan:
    def __init__(self, plan: Mapping[str, Any]) -> None:
        self.changes = {c.address: c for c in resource_changes(plan)}
        self.raw = {e.get("address"): e.get("change") or {} for e in plan.get("resource_changes") or ()}
        self.config = _config_resources(plan)
        self.prior = _state_resources(plan.get("prior_state"))
        self._by_type: dict[str, list[str]] = {}
        self.function_by_arn = {
            str(v.get(attr)): address for address, v in self.prior.items() if address.startswith(f"{FUNCTION}.")
            for attr in ("arn", "qualified_arn", "invoke_arn") if v.get(attr)
        }

    def pools(self) -> list[str]:
        addresses = [a for a in list(self.config) + list(self.prior) + list(self.changes) if a.startswith(f"{POOL}.")]
        return sorted(dict.fromkeys(addresses))

    def refers_to(self, address: str, argument: str, pool: str, prior_value: str | None) -> bool:
        """Whether ``address``'s ``argument`` refers to ``pool`` (in the configuration, else in the prior state)."""
        expressions = self.config.get(address)
        if expressions is not None and argument in expressions:
            return any(_resource_of(r) == pool for r in _references(expressions[argument]))
        values = self.prior.get(address) or (self.raw.get(address) or {}).get("before") or {}
        return prior_value is not None and prior_value != "" and prior_value in str(values.get(argument) or "")

    def triggers(self, pool: str) -> list[TriggerChange]:
        raw = self.raw.get(pool) or {}
        prior = self.prior.get(pool) or raw.get("before") or {}
        before = {k: self.function_by_arn.get(str(v), str(v)) for k, v in _targets(prior.get("lambda_config")).items()}
        after_values = (raw.get("after") or {}) if raw else prior
        after = {k: self.function_by_arn.get(str(v), str(v)) for k, v in _targets(after_values.get("lambda_config")).items()}
        configured = (self.config.get(pool) or {}).get("lambda_config")
        block = configured[0] if isinstance(configured, list) and configured else {}
        for key in _unknown_triggers(raw.get("after_unknown", {}).get("lambda_config")) | set(after):
            refs = [_resource_of(r) for r in _references(block.get(key))] if isinstance(block, Mapping) else []
            if refs:
                after[key] = refs[0]
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

    def of_type(self, rtype: str) -> list[str]:
        """Every address of ``rtype`` the plan knows (configuration, prior state, changes), once each."""
        if rtype not in self._by_type:
            known = dict.fromkeys([*self.config, *self.prior, *self.changes])
            self._by_type[rtype] = [a for a in known if a.startswith(f"{rtype}.")]
        return self._by_type[rtype]

    def related(self, pool: str, rtype: str, argument: str) -> list[PlannedChange]:
        prior_pool = self.prior.get(pool) or {}
        key = prior_pool.get("arn") if argument == "source_arn" else prior_pool.get("id")
        return [
            self.changes[address] for address in self.of_type(rtype)
            if address in self.changes and self.refers_to(address, argument, pool, key)
        ]


    def identity(self, pool: str) -> list[PlannedChange]:
        """Identity pools trusting ``pool``, their roles attachments and the IAM roles those attach, changed."""
        prior_pool = self.prior.get(pool) or {}
        trusting = [
            address for address in self.of_type(IDENTITY_POOL)
            if self.refers_to(address, "cognito_identity_providers", pool, prior_pool.get("endpoint"))
        ]
        attachments = [
            address for address in self.of_type(ROLES_ATTACHMENT)
            if any(self.refers_to(address, "identity_pool_id", p, (self.prior.get(p) or {}).get("id")) for p in trusting)
        ]
        roles = {
            _resource_of(r) for a in attachments for r in _references(self.config.get(a) or {})
            if _resource_of(r).startswith(f"{ROLE}.")
        }
        wanted = [*trusting, *attachments, *sorted(roles)]
        return [self.changes[a] for a in wanted if a in self.changes]


def report(plan: Mapping[str, Any]) -> PlanReport:
    """Group the plan's changes by user pool (see :class:`PlanReport`)."""
    parsed = _Plan(plan)
    pools, claimed = [], set()
    for address in parsed.pools():
        triggers = parsed.triggers(address)
        permissions = parsed.related(address, PERMISSION, "source_arn")
        clients = parsed.related(address, CLIENT, "user_pool_id")
        domains = parsed.related(address, DOMAIN, "user_pool_id")
        groups = parsed.related(address, GROUP, "user_pool_id")
        identity = parsed.identity(address)
        functions = {f for t in triggers for f in (t.before, t.after) if f}
        claimed.update({address, *functions, *(c.address for c in permissions + clients + domains + groups + identity)})
        pools.append(PoolReport(address, parsed.changes.get(address), tuple(triggers), tuple(permissions),
                                tuple(clients), tuple(domains), tuple(groups), tuple(identity)))
    other = tuple(c for a, c in parsed.changes.items() if a not in claimed)
    return PlanReport(tuple(pools), other, parsed.changes)
