"""A stack applied to the emulator: its outputs, resources and user pools; a second plan; a re-apply; destroy."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigurationError, LocalDeployError
from ..plan import PlannedChange, resource_changes
from ._code import hand_over, override_resources, packages
from ._manifest import stack_dependencies, stack_names
from ._protection import protected_pools, write_unprotect
from ._terraform import Terraform, state_resources
from ._update import UPDATE_PLAN, plan_failure, plan_update, planned_changes
from ._workdir import (
    check_services,
    copy_stack,
    override_document,
    pinned_provider_version,
    service_of,
    same_synth,
    stack_region,
    write_working_copy,
)
from .login import domain_url

if TYPE_CHECKING:
    from ._emulator import LocalAws, Prepare

_POOL = "aws_cognito_user_pool"
_CLIENT = "aws_cognito_user_pool_client"
_DRIFT_PLAN = "drift.tfplan"


@dataclass(frozen=True)
class DeployedClient:
    """An app client of a deployed pool.

    :ivar name: the client's name.
    :ivar id: its client ID.
    :ivar secret: its secret, or ``None`` for a public client.
    :ivar address: its Terraform address.
    """

    name: str
    id: str
    secret: str | None
    address: str


@dataclass(frozen=True)
class DeployedUserPool:
    """A user pool of a deployed stack, as the emulator holds it.

    :ivar path: the construct path, e.g. ``"example/Pool"``.
    :ivar address: the Terraform address (``data.aws_cognito_user_pool.<x>`` for a pool read by ID).
    :ivar id: the pool's ID.
    :ivar arn: its ARN.
    :ivar name: its name.
    :ivar managed: ``True`` when the stack creates the pool, ``False`` when it reads one made elsewhere.
    :ivar clients: its app clients created by the stack.
    :ivar triggers: the emulator's ``LambdaConfig``: trigger (``"PreSignUp"``, ``"PreTokenGeneration"``,
        ``"CustomEmailSender"``...) -> Lambda ARN, read right after apply.
    :ivar domain_url: the base URL of the pool's domain on the emulator, the local stand-in for
        ``https://<prefix>.auth.<region>.amazoncognito.com`` (or the custom domain):
        ``http://127.0.0.1:<port>/_domain/<that host>``, serving managed login (``/oauth2/authorize``,
        ``/login``...). ``None`` when the pool has no domain.
    """

    path: str
    address: str
    id: str
    arn: str
    name: str
    managed: bool
    clients: tuple[DeployedClient, ...] = ()
    triggers: Mapping[str, str] = field(default_factory=dict)
    domain_url: str | None = None

    def client(self, name: str | None = None) -> DeployedClient:
        """The app client named ``name``. Default: the only one.

        :raises ConfigurationError: if there is no such client (or several, with no name given).
        """
        matches = [c for c in self.clients if name is None or c.name == name or c.address.endswith(f".{name}")]
        if len(matches) == 1:
            return matches[0]
        names = [c.name for c in self.clients]
        raise ConfigurationError(
            f"name={name!r} does not pick one client of pool {self.path!r}; its clients: {names or 'none'}.",
            argument="name", value=name, choices=names,
        )


def _metadata_paths(doc: Mapping[str, Any]) -> dict[str, str]:
    """Terraform address -> construct path (without the trailing ``/Resource``), from the synthesized JSON."""
    paths = {}
    for kind, prefix in (("resource", ""), ("data", "data.")):
        for rtype, blocks in (doc.get(kind) or {}).items():
            for name, block in blocks.items():
                path = ((block.get("//") or {}).get("metadata") or {}).get("path", "")
                paths[f"{prefix}{rtype}.{name}"] = path.removesuffix("/Resource")
    return paths


def triggers_of(lambda_config: Mapping[str, Any]) -> dict[str, str]:
    """``LambdaConfig`` as trigger -> Lambda ARN (``PreTokenGenerationConfig`` as ``PreTokenGeneration``)."""
    found: dict[str, str] = {}
    for key, value in sorted(lambda_config.items()):
        if isinstance(value, str) and key != "KMSKeyID":
            found[key] = value
        elif isinstance(value, Mapping) and value.get("LambdaArn"):
            found[key.removesuffix("Config")] = str(value["LambdaArn"])
    return found


def _inventory(aws: LocalAws, services: set[str], regions: set[str]) -> set[str]:
    """What the emulator holds, for the services and regions a stack uses, as ``kind:name@region`` strings."""
    held: set[str] = set()

    def add(kind: str, names: Any, region: str) -> None:
        held.update(f"{kind}:{n}@{region}" for n in names)

    if "iam" in services:
        iam = aws.client("iam")
        add("iam:role", (r["RoleName"] for p in iam.get_paginator("list_roles").paginate() for r in p["Roles"]), "global")
        add("iam:policy", (x["Arn"] for p in iam.get_paginator("list_policies").paginate(Scope="Local") for x in p["Policies"]), "global")
        add("iam:user", (u["UserName"] for p in iam.get_paginator("list_users").paginate() for u in p["Users"]), "global")
    if "s3" in services:
        add("s3:bucket", (b["Name"] for b in aws.client("s3").list_buckets().get("Buckets", [])), "global")
    for region in sorted(regions):
        if "cognitoidp" in services:
            idp = aws.client("cognito-idp", region=region)
            add("cognito-idp:pool", (p["Id"] for p in idp.list_user_pools(MaxResults=60)["UserPools"]), region)
        if "cognitoidentity" in services:
            pools = aws.client("cognito-identity", region=region).list_identity_pools(MaxResults=60)
            add("cognito-identity:pool", (p["IdentityPoolId"] for p in pools["IdentityPools"]), region)
        if "lambda" in services:
            lam = aws.client("lambda", region=region)
            add("lambda:function", (f["FunctionName"] for p in lam.get_paginator("list_functions").paginate() for f in p["Functions"]), region)
        if "kms" in services:
            kms = aws.client("kms", region=region)
            keys = [k["KeyId"] for p in kms.get_paginator("list_keys").paginate() for k in p["Keys"]]
            add("kms:key", (k for k in keys if kms.describe_key(KeyId=k)["KeyMetadata"]["KeyState"] != "PendingDeletion"), region)
        if "logs" in services:
            logs = aws.client("logs", region=region)
            add("logs:group", (g["logGroupName"] for p in logs.get_paginator("describe_log_groups").paginate() for g in p["logGroups"]), region)
        if "dynamodb" in services:
            add("dynamodb:table", aws.client("dynamodb", region=region).list_tables().get("TableNames", []), region)
    return held


def _services(doc: Mapping[str, Any]) -> set[str]:
    found = set()
    for kind in ("resource", "data"):
        for rtype in doc.get(kind) or {}:
            if rtype.startswith("aws_"):
                service = service_of(rtype)
                if service:
                    found.add(service)
    return found


class Deployment:
    """A stack applied to the local emulator; made by :meth:`LocalAws.deploy`.

    :ivar stack: the stack's name.
    :ivar region: the stack's region (of its default provider).
    :ivar workdir: the private working copy Terraform ran in (run your own ``terraform`` there with
        :meth:`terraform_environment`).
    :ivar outputs: the stack's Terraform outputs, name -> value.
    :ivar addresses: every resource address in the state (data sources included), sorted.
    :ivar user_pools: the stack's user pools (created or read by ID), with clients and triggers.
    :ivar timings: seconds taken by ``init`` and ``apply`` (then ``plan`` and ``destroy`` when run).
    :ivar destroyed: whether :meth:`destroy` has run.
    """

    def __init__(self, aws: LocalAws, stack: str, doc: Mapping[str, Any], terraform: Terraform, *, region: str,
                 made: set[str], timings: dict[str, float], log: str, variables: Mapping[str, Any] | None = None) -> None:
        self._aws = aws
        self._doc = doc
        self._terraform = terraform
        self._made = made  # what appeared in the emulator during the applies: destroy must remove all of it
        self._variables = dict(variables) if variables else None
        self._in_sync = True  # the state is the whole of the synth in _applied (an apply finished)
        self.stack = stack
        self.region = region
        self.workdir: Path = terraform.workdir
        self.timings = timings
        self.destroyed = False
        self.log = log
        """Terraform's log of the last apply (its UI messages as text)."""
        self._read_state()

    def _read_state(self) -> None:
        state = self._terraform.state()
        self.outputs: dict[str, Any] = {k: v.get("value") for k, v in (state.get("outputs") or {}).items()}
        resources = state_resources(state)
        self._values = {r["address"]: dict(r.get("values") or {}) for r in resources}
        self.addresses: tuple[str, ...] = tuple(sorted(self._values))
        self.user_pools: tuple[DeployedUserPool, ...] = self._pools(resources)

    def _pools(self, resources: list[dict[str, Any]]) -> tuple[DeployedUserPool, ...]:
        paths = _metadata_paths(self._doc)
        clients = [r for r in resources if r["type"] == _CLIENT and r["mode"] == "managed"]
        pools = []
        for resource in resources:
            if resource["type"] != _POOL:
                continue
            values = resource["values"]
            pool_id = values["id"]
            described = self.client("cognito-idp").describe_user_pool(UserPoolId=pool_id)["UserPool"]
            own = tuple(
                DeployedClient(c["values"]["name"], c["values"]["id"], c["values"].get("client_secret") or None, c["address"])
                for c in clients
                if c["values"].get("user_pool_id") == pool_id
            )
            pools.append(
                DeployedUserPool(
                    path=paths.get(resource["address"], resource["address"]),
                    address=resource["address"],
                    id=pool_id,
                    arn=values.get("arn") or described.get("Arn", ""),
                    name=values.get("name") or described.get("Name", ""),
                    managed=resource["mode"] == "managed",
                    clients=own,
                    triggers=triggers_of(described.get("LambdaConfig") or {}),
                    domain_url=domain_url(self._aws.endpoint_url, described["Domain"], pool_id.split("_")[0])
                    if described.get("Domain") else None,
                )
            )
        return tuple(sorted(pools, key=lambda p: p.path))

    def user_pool(self, name: str | None = None) -> DeployedUserPool:
        """The pool whose construct path is ``name`` or ends with ``/<name>``. Default: the only pool.

        :raises ConfigurationError: if ``name`` picks no pool (or several).
        """
        matches = [p for p in self.user_pools if name is None or p.path == name or p.path.endswith(f"/{name}")]
        if len(matches) == 1:
            return matches[0]
        paths = [p.path for p in self.user_pools]
        raise ConfigurationError(
            f"name={name!r} does not pick one user pool of stack {self.stack!r}; its pools: {paths or 'none'}.",
            argument="name", value=name, choices=paths,
        )

    def resource(self, address: str) -> dict[str, Any]:
        """The attribute values Terraform recorded for ``address`` after apply (``terraform show -json``).

        :raises ConfigurationError: if the state has no such address.
        """
        if address not in self._values:
            raise ConfigurationError(
                f"address={address!r} is not in the state of stack {self.stack!r}; see Deployment.addresses.",
                argument="address", value=address,
            )
        return dict(self._values[address])

    def terraform_environment(self) -> dict[str, str]:
        """The environment the deployment's Terraform commands run with, for one of your own in :attr:`workdir`
        (``terraform state list``, ``terraform plan -target=...``): the emulator as every AWS service's endpoint
        (``AWS_ENDPOINT_URL``), the offline provider's CLI config, no AWS variable or shared file of yours.
        Without it, the working copy's provider would reach for AWS itself (and fail: its credentials are the
        emulator's)."""
        return dict(self._terraform.env)

    def client(self, service: str) -> Any:
        """A boto3 client for ``service`` on the emulator, in the stack's region (see :meth:`LocalAws.client`)."""
        return self._aws.client(service, region=self.region)

    def plan(
        self,
        outdir: str | os.PathLike[str] | None = None,
        *,
        save: str | os.PathLike[str] | None = None,
        timeout: float = 300.0,
    ) -> list[PlannedChange]:
        """The changes a plan would make, applying nothing.

        :param outdir: plan a new synth of this stack (a changed app, as :meth:`apply` takes it) onto the
            deployment; the working copy holds what is deployed again afterwards. Default: ``None``: plan
            what is deployed (a second plan: an empty list means no drift).
        :param save: also write the plan as ``terraform show -json`` gives it to this path, what
            ``python -m cdktf_userpool check-plan`` reads. Default: not written.
        :param timeout: seconds the plan may take. Default: ``300``.
        :raises ConfigurationError: if ``outdir`` is not a synth holding this stack.
        :raises LocalDeployError: if the plan fails (for a retained pool the change would delete or
            replace: naming the pool and the attributes that force it, as Terraform refuses it).
        """
        self._check_live()
        started = time.monotonic()
        if outdir is not None:
            stack_dir, doc = _load_synth(Path(outdir), self.stack)
            self._use_synth(stack_dir, doc)
        try:
            run = self._terraform.save_plan(_DRIFT_PLAN, timeout=timeout)
            if run.returncode == 1:
                raise plan_failure(self._terraform, run, stack=self.stack, timeout=timeout)
            if run.returncode not in (0, 2):
                raise self._terraform.failure(run, "plan")
            document = self._terraform.show(_DRIFT_PLAN)
            if save is not None:
                Path(save).write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
        finally:
            if outdir is not None:
                self._use_synth(self._applied, self._doc)
        self.timings["plan"] = time.monotonic() - started
        return resource_changes(document) if run.returncode == 2 else []

    def apply(
        self,
        outdir: str | os.PathLike[str],
        *,
        variables: Mapping[str, Any] | None = None,
        timeout: float = 300.0,
    ) -> list[PlannedChange]:
        """Apply a new synth of this stack onto its state and emulator, as ``cdktf deploy`` of a changed app does.

        The synth replaces the working copy's (the state, the providers and their lock are kept; a
        changed provider requirement runs ``init`` again), Terraform saves a plan, and that plan is
        applied only if it deletes or replaces no user pool that retains its users: one with
        ``removal_policy="retain"`` (the default: ``prevent_destroy``) or a deployed deletion protection
        of ``ACTIVE``. A pool with ``removal_policy="destroy"`` (applied before) is replaced as asked,
        and the changes returned say so. Outputs, addresses and pools are read again afterwards.

        :param outdir: the synthesized app (what ``cdktf synth`` writes) holding this deployment's stack.
        :param variables: values for the stack's Terraform variables. Default: those of the deploy.
        :param timeout: seconds the plan, and then the apply, may each take. Default: ``300``.
        :returns: each change applied (address, Terraform's actions, the attributes changed and, for a
            replacement, the ones that force it); empty when nothing changed. A synth byte for byte the one
            applied last (its ``cdk.tf.json`` and assets), with the same variables, after an apply that
            finished, returns ``[]`` without running Terraform; :meth:`plan` is what reports drift.
        :raises ConfigurationError: if ``outdir`` is not a synth holding this stack (the state untouched).
        :raises LocalDeployError: if a retained pool would be deleted or replaced (naming the pool and the
            attributes that force it; nothing is applied, the users intact), or Terraform fails.
        """
        self._check_live()
        folder = Path(outdir)
        stack_dir, doc = _load_synth(folder, self.stack)
        previous = self._variables
        if variables is not None:
            self._variables = dict(variables)
        started = time.monotonic()
        if self._in_sync and self._variables == previous and same_synth(stack_dir, self._applied):
            self.timings["update"] = time.monotonic() - started
            return []  # what is deployed is this synth, applied in full: nothing to plan
        try:
            self._use_synth(stack_dir, doc)
            changed = plan_update(self._terraform, stack=self.stack, values=self._values, timeout=timeout)
        except BaseException:
            self._variables = previous
            self._use_synth(self._applied, self._doc)  # the working copy holds what is deployed again
            raise
        services = _services(doc) | _services(self._doc)
        self._doc = doc
        self._keep_applied(stack_dir)
        changes: list[PlannedChange] = []
        if changed:
            baseline = _inventory(self._aws, services, {self.region, self._aws.region})
            self._in_sync = False  # until the apply finishes: a failed one is planned again next time
            with ThreadPoolExecutor(max_workers=1) as reader:  # the plan's details, read while it applies
                reading = reader.submit(planned_changes, self._terraform)
                self.log = self._terraform.apply_plan(UPDATE_PLAN, timeout=timeout).log
                changes = reading.result()
            self._in_sync = True
            self._made |= _inventory(self._aws, services, {self.region, self._aws.region}) - baseline
            self._read_state()
        self.timings["update"] = time.monotonic() - started
        return changes

    @property
    def _applied(self) -> Path:
        """A copy of the stack's synth that is deployed now (the user's ``cdktf.out`` may have moved on)."""
        return self.workdir.parent / "applied"

    def _keep_applied(self, stack_dir: Path) -> None:
        if self._applied.exists():
            shutil.rmtree(self._applied)
        copy_stack(stack_dir, self._applied)

    def _use_synth(self, stack_dir: Path, doc: Mapping[str, Any]) -> None:
        """Put ``stack_dir``'s synth in the working copy, keeping its state; ``init`` again if the providers changed."""
        current = self._terraform.workdir / "cdk.tf.json"
        before = json.loads(current.read_text()).get("terraform") if current.is_file() else None
        override = _override(self._aws, doc, self.region, stack_dir, self.stack)
        write_working_copy(stack_dir, self.workdir, override=override, variables=self._variables)
        wanted = {k: v for k, v in (doc.get("terraform") or {}).items() if k != "backend"}
        if before is None or wanted != {k: v for k, v in before.items() if k != "backend"}:
            self._terraform.init()

    def _check_live(self) -> None:
        if self.destroyed:
            raise LocalDeployError(
                f"Stack {self.stack!r} was destroyed; deploy it again with LocalAws.deploy().", stack=self.stack,
            )

    def destroy(self, *, unprotect: bool = False, timeout: float = 300.0) -> None:
        """Destroy the stack, then check the emulator holds nothing of it (nothing that appeared during its apply).

        :param unprotect: first lift the protection of the stack's retained pools (``removal_policy="retain"``,
            the default, or a deployed ``deletion_protection`` of ``ACTIVE``): an in-place apply of an
            override in the working copy (``cdktf.out`` is not touched), as a person retiring the pools
            would deploy ``removal_policy="destroy"`` first. Default: ``False``: a stack with a retained
            pool is refused, before anything runs.
        :param timeout: seconds the destroy (and the unprotecting apply) may each take. Default: ``300``.
        :raises LocalDeployError: if the stack has a retained pool and ``unprotect`` is false (its users
            intact), if destroy fails, or something the stack made is still in the emulator.
        """
        self._check_live()
        protected = protected_pools(self._doc, self._values)
        if protected and not unprotect:
            raise LocalDeployError(
                f"Refused to destroy stack {self.stack!r}: it retains its user pool{'s' if len(protected) > 1 else ''} "
                f"({', '.join(protected)}: removal_policy='retain', the default), so Terraform would refuse the "
                "plan (prevent_destroy) and Cognito the delete (deletion protection). Nothing was changed; the users "
                "are intact. To tear it down, synthesize the pools with removal_policy='destroy', apply that, then "
                "destroy; here, destroy(unprotect=True) does both.",
                stack=self.stack,
                command="destroy",
                address=protected[0],
            )
        started = time.monotonic()
        if protected:
            write_unprotect(self.workdir, protected)
            self._terraform.apply(timeout=timeout)
        self._terraform.destroy(timeout=timeout)
        self.timings["destroy"] = time.monotonic() - started
        self.destroyed = True
        left = sorted(_inventory(self._aws, _services(self._doc), {self.region, self._aws.region}) & self._made)
        if left:
            raise LocalDeployError(
                f"terraform destroy of stack {self.stack!r} left {len(left)} things in the emulator: {', '.join(left)}.",
                stack=self.stack,
                command="destroy",
            )


@dataclass
class _Staged:
    """A stack ready to apply: its working copy written and initialized, what it reads prepared."""

    stack: str
    stack_dir: Path
    doc: dict[str, Any]
    region: str
    terraform: Terraform
    variables: Mapping[str, Any] | None
    timings: dict[str, float] = field(default_factory=dict)


def _check_stack(outdir: Path, stack: str | None) -> str:
    names = stack_names(outdir)
    if stack is None and len(names) == 1:
        stack = names[0]
    if stack not in names:
        raise ConfigurationError(
            f"stack={stack!r} is not a stack synthesized into {str(outdir)!r} (stacks: {names or 'none'}). "
            + ("Pass one of them." if names else "Synthesize the app first (cdktf synth, or run the app)."),
            argument="stack", value=stack, choices=names,
        )
    return stack


def _stage(aws: LocalAws, outdir: Path, stack: str, *, variables: Mapping[str, Any] | None,
           prepare: Prepare | None) -> _Staged:
    """Write ``stack``'s working copy (its code handed over), ``terraform init`` it, run ``prepare``."""
    stack_dir, doc = _load_synth(outdir, stack)
    region = stack_region(doc, aws.region)
    override = _override(aws, doc, region, stack_dir, stack)
    workdir = write_working_copy(stack_dir, aws._workdir(stack), override=override, variables=variables)
    staged = _Staged(stack, stack_dir, doc, region, Terraform(aws.toolchain(), workdir, stack=stack,
                                                               emulator_log=lambda: aws.log,
                                                               endpoint_url=aws.endpoint_url), variables)
    started = time.monotonic()
    staged.terraform.init()
    staged.timings["init"] = time.monotonic() - started
    if prepare is not None:
        prepare(aws, stack)
    return staged


def _apply(staged: _Staged, timeout: float) -> str:
    """``terraform apply`` of a staged stack; Terraform's log."""
    started = time.monotonic()
    log = staged.terraform.apply(timeout=timeout).log
    staged.timings["apply"] = time.monotonic() - started
    return log


def _finish(aws: LocalAws, staged: _Staged, log: str, made: set[str]) -> Deployment:
    deployment = Deployment(aws, staged.stack, staged.doc, staged.terraform, region=staged.region, made=made,
                            timings=staged.timings, log=log, variables=staged.variables)
    deployment._keep_applied(staged.stack_dir)
    return deployment


def deploy(
    aws: LocalAws,
    outdir: Path,
    stack: str | None,
    *,
    variables: Mapping[str, Any] | None,
    prepare: Prepare | None,
    timeout: float,
) -> Deployment:
    """See :meth:`LocalAws.deploy`."""
    staged = _stage(aws, outdir, _check_stack(outdir, stack), variables=variables, prepare=prepare)
    services, regions = _services(staged.doc), {staged.region, aws.region}
    baseline = _inventory(aws, services, regions)
    log = _apply(staged, timeout)
    return _finish(aws, staged, log, _inventory(aws, services, regions) - baseline)


def deploy_together(
    aws: LocalAws, outdir: Path, stacks: Sequence[str], *, prepare: Prepare | None, timeout: float
) -> list[Deployment]:
    """Apply ``stacks`` side by side, each once the stacks of the batch it depends on (the synth's manifest) are
    applied: what ``local up`` does. Working copies, ``init`` and ``prepare`` run first, one stack at a time.

    What appeared in the emulator during the applies is each deployment's when its state names it (a role,
    a function, a pool...); what no state names is nobody's, so :meth:`Deployment.destroy` checks a stack of
    the batch for what it made and named. Returns the deployments in the order of ``stacks``.

    :raises ConfigurationError: if a stack is not in ``outdir``.
    :raises LocalDeployError: the first stack's failure (the others of its wave finish first).
    """
    names = [_check_stack(outdir, stack) for stack in stacks]
    staged = {name: _stage(aws, outdir, name, variables=None, prepare=prepare) for name in names}
    services = set().union(*(_services(s.doc) for s in staged.values()))
    regions = {aws.region} | {s.region for s in staged.values()}
    baseline = _inventory(aws, services, regions)
    needs = {name: [d for d in stack_dependencies(outdir, name) if d in staged] for name in names}
    logs: dict[str, str] = {}
    while len(logs) < len(names):
        wave = [n for n in names if n not in logs and all(d in logs for d in needs[n])]
        if not wave:  # a cycle: the manifest's order is impossible; apply what is left one by one
            wave = [next(n for n in names if n not in logs)]
        with ThreadPoolExecutor(max_workers=len(wave)) as pool:
            running = {n: pool.submit(_apply, staged[n], timeout) for n in wave}
        for name in wave:
            logs[name] = running[name].result()  # raises the first failure, in the order of stacks
    made = _inventory(aws, services, regions) - baseline
    deployments = [_finish(aws, staged[name], logs[name], set()) for name in names]
    for deployment in deployments:
        deployment._made = named_in(made, deployment._values)
    return deployments


def named_in(held: set[str], values: Mapping[str, Any]) -> set[str]:
    """The things of ``held`` (``kind:name@region``, as the inventory lists them) whose name a state's ``values``
    (address -> attributes) holds: a role's name, a function's, a pool's ID, a policy's ARN..."""
    named = _strings(values)
    return {item for item in held if item.split(":", 2)[2].rsplit("@", 1)[0] in named}


def _strings(value: Any) -> set[str]:
    """Every string in ``value`` (mappings and lists walked)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, Mapping):
        return set().union(*(_strings(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return set()


def _load_synth(outdir: Path, stack: str) -> tuple[Path, dict[str, Any]]:
    """The folder and the parsed ``cdk.tf.json`` of ``stack`` in the synth ``outdir``, its services checked.

    :raises ConfigurationError: if ``outdir`` holds no synth of ``stack`` (naming the stacks it holds).
    """
    names = stack_names(outdir) if outdir.is_dir() else []
    path = outdir / "stacks" / stack / "cdk.tf.json"
    if stack not in names or not path.is_file():
        held = f"it holds the stacks {', '.join(map(repr, names))}" if names else "it holds no synthesized stack"
        raise ConfigurationError(
            f"outdir={str(outdir)!r} is not a synth of stack {stack!r}: {held}. Pass the folder `cdktf synth` wrote "
            f"for the app that has stack {stack!r} (its cdktf.out).",
            argument="outdir", value=str(outdir), choices=names,
        )
    try:
        doc: dict[str, Any] = json.loads(path.read_text())
    except ValueError as exc:
        raise ConfigurationError(
            f"{str(path)!r} is not JSON ({exc}); synthesize the app again.", argument="outdir", value=str(outdir),
        ) from exc
    check_services(doc, stack)
    return path.parent, doc


def _override(aws: LocalAws, doc: Mapping[str, Any], region: str, stack_dir: Path, stack: str) -> dict[str, Any]:
    """The working copy's override: every ``aws`` provider pointed at the emulator (see :func:`override_document`),
    each packaged function's code handed to the emulator's S3 first (see :mod:`._code`)."""
    key, secret = aws.credentials
    found = packages(doc, stack_dir)
    hand_over(lambda: aws.client("s3", region=region), found, region, stack=stack)
    return override_document(
        doc, endpoint_url=aws.endpoint_url, access_key_id=key, secret_access_key=secret, region=region,
        provider_version=aws.toolchain().provider_version(pinned_provider_version(doc)),
        resources=override_resources(found),
    )
