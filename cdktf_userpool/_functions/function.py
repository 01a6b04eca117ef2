"""The ``Function`` construct: a Python callable from the cdktf app, deployed as a Lambda function.

``Function`` packages the callable's source (see ``_packaging``) and creates the resources it
needs to run: the ``aws_lambda_function``, its own IAM role that can write only to its own log
group, and that ``aws_cloudwatch_log_group`` with a retention.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import warnings
from collections.abc import Awaitable, Callable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Literal, overload

from packaging.utils import canonicalize_name
from typing_extensions import TypeVar, Unpack

from .._core.cdk import (
    AssetType,
    CloudwatchLogGroup,
    DataAwsCallerIdentity,
    DataAwsPartition,
    DataAwsRegion,
    IamRole,
    IamRolePolicy,
    LambdaAlias,
    LambdaFunction,
    LambdaProvisionedConcurrencyConfig,
    TerraformAsset,
    Token,
    backend,
    check_backend,
)
from constructs import Construct

from .._version import __version__
from .._core.naming import construct_path, physical_name
from .._packaging._missing import check_provided
from .._packaging.archive import build_zip, content_hash, package_files, write_atomically
from .._core.cache import CACHE_DIR_ENV as CACHE_DIR_ENV
from .._core.cache import cache_dir as _cache_dir
from .._core.cache import PACKAGES, touch
from .._packaging.dependencies import Pinned, install, pin
from .._packaging._closure import parse_requirement
from .._packaging.include import MANIFEST_NAME, add_included, included_files, manifest
from .._packaging.source import GeneratedModule, generate_module
from .._core.policy import Statement, allow, policy_document, static_policy_document
from .options import (
    ALIAS_NAME,
    ApplicationLogLevel,
    LogFormat,
    SystemLogLevel,
    check_cold_start,
    logging_config,
)
from .props import CdktnFunctionProps, FunctionProps, check_props, known_props, provider_arguments
from .kms import _per_stack
from .imported import ImportedFunction as ImportedFunction
from .imported import split_function_arn as split_function_arn
from .requirements import explicit_requirements, lock_path
from .vpc import VpcPlacement, caller_stacklevel, network_statements, resolve_vpc, vpc_warning
from ..errors import ArgumentTypeError, ConfigurationError, DependencyError, UserPoolWarning
from .layer import Layer, ResolvedLayers, resolve_layers

if TYPE_CHECKING:
    from .._core.cdk import LambdaLayerVersion
    from ..events import LambdaContext

    # a class, not a choice between two: a checker sees one backend installed, not which. CDK Terrain's
    # provider takes every argument cdktf's does and one more, which cdktf's refuses at synth (check_props)
    _BackendProps = CdktnFunctionProps
else:  # the running backend's (only annotations read it)
    _BackendProps = CdktnFunctionProps if backend().name == "cdktn" else FunctionProps

__all__ = ["Architecture", "Function", "FunctionOptions", "FunctionProps", "ImportedFunction", "Runtime"]

Runtime = Literal["python3.11", "python3.12", "python3.13", "python3.14"]
"""Lambda Python runtimes a ``Function`` can use."""
Architecture = Literal["arm64", "x86_64"]
"""Lambda instruction set architectures."""

RUNTIMES: tuple[str, ...] = ("python3.11", "python3.12", "python3.13", "python3.14")
ARCHITECTURES: tuple[str, ...] = ("arm64", "x86_64")
LOG_RETENTION_DAYS: tuple[int, ...] = (
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653
)
"""The retentions CloudWatch Logs accepts, in days."""
ENTRY_POINT = "cdktf_userpool_entry.handler"
ARCHIVE_NAME = "package.zip"
SOURCE_NAME = "trigger.py"
_FUNCTION_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


_OWN_OPTIONS = (
    "runtime", "architecture", "memory_size", "timeout", "environment", "reserved_concurrent_executions",
    "policy_statements", "log_retention_days", "description", "requirements", "requirements_lock", "include",
    "layers", "vpc_subnet_ids", "vpc_security_group_ids", "log_format", "application_log_level",
    "system_log_level", "provisioned_concurrency", "snap_start",
)
def _is_infrastructure(value: object) -> bool:
    owner = getattr(value, "__self__", None)  # bound methods such as pool.on_pre_sign_up
    return isinstance(value, Construct) or isinstance(owner, Construct)


EventT = TypeVar("EventT", default=Any)
"""The event type a ``Function``'s handler takes (``Any`` when the checker cannot tell)."""


class FunctionOptions(_BackendProps, total=False):
    """The keyword arguments of :class:`Function` after the handler (see its docstring for defaults),
    including the provider ``LambdaFunction``'s other arguments (:class:`FunctionProps`)."""

    runtime: Runtime
    architecture: Architecture
    memory_size: int
    timeout: int
    environment: Mapping[str, str] | None
    reserved_concurrent_executions: int | None
    policy_statements: Sequence[Statement] | None
    log_retention_days: int
    description: str | None
    requirements: Sequence[str] | None
    requirements_lock: str | os.PathLike[str] | None
    include: Sequence[str] | None
    layers: Sequence[str | LambdaLayerVersion | Layer] | None
    vpc_subnet_ids: Sequence[str] | None
    vpc_security_group_ids: Sequence[str] | None
    log_format: LogFormat
    application_log_level: ApplicationLogLevel | None
    system_log_level: SystemLogLevel | None
    provisioned_concurrency: int | None
    snap_start: bool


class Function(Construct, Generic[EventT]):
    """A Lambda function whose code is a Python callable from your cdktf app.

    ``Function`` is generic in the event type its handler takes, so type checkers follow it to the
    trigger it is attached to: ``pool.on_pre_sign_up(Function(self, "SignUp", lambda event, ctx: ...))``
    checks the lambda against ``PreSignUpEvent``, and a ``Function`` whose handler is annotated for
    another trigger is a type error there.

    The callable's source and what it reads from outside are written into a readable module
    (``trigger.py``, kept beside the archive in the synth output for review) and a deterministic
    zip uploaded by ``cdktf deploy``.

    :param scope: the parent construct.
    :param id: the construct id.
    :param handler: the Python callable to run; ``(event, context)``, ``(event)``, and ``async``
        forms all work.
    :param runtime: the Lambda runtime. Default: ``"python3.13"``.
    :param architecture: the instruction set. Default: ``"arm64"``.
    :param memory_size: memory in MB, 128 to 10240. Default: ``128``.
    :param timeout: seconds before Lambda stops the function, 1 to 900. Default: ``5`` (Cognito
        waits at most 5 s for a synchronous trigger).
    :param environment: extra environment variables. Default: none.
    :param reserved_concurrent_executions: reserved concurrency. Default: none (unreserved).
    :param policy_statements: extra IAM statements for the function's role. Default: none.
    :param log_retention_days: retention of the function's log group. Default: ``365``.
    :param description: the function's description. Default: the handler's origin.
    :param requirements: pip requirements to package, added to (and overriding) the third-party
        distributions detected from the handler's imports. Their whole dependency closure is
        pinned to the versions installed here (markers evaluated for the runtime and
        architecture); a requirement that what is installed does not satisfy is resolved by pip
        for the target. boto3, botocore, s3transfer and jmespath are left to the Lambda runtime
        unless listed here. Everything is installed as binary wheels for the runtime and
        architecture and cached (``$CDKTF_USERPOOL_CACHE_DIR``, default
        ``~/.cache/cdktf-userpool``); the result is :attr:`requirements`. Default: none.
    :param requirements_lock: a pip-freeze style file (``name==version`` per line) that pins the
        closure instead of what is installed; relative paths are read from the working directory.
        Every distribution the function needs must be in it; the others are not shipped.
        Default: none.
    :param include: data files to ship, as paths or globs relative to the directory of the
        handler's module (a directory includes all its files). They land at the same relative
        path beside ``trigger.py``, at the package root, so ``Path(__file__).parent / "templates"``
        in the handler's module finds them in Lambda as it does here. Default: none.
    :param layers: Lambda layers, in order (at most 5): layer version ARNs, provider
        ``LambdaLayerVersion`` objects, or :class:`Layer` to say which distributions a layer
        provides (``Layer(arn, provides=["aws-lambda-powertools"])``): those, and what only they need,
        are not packaged. Default: none.
    :param vpc_subnet_ids: subnets to place the function's network interfaces in (with
        ``vpc_security_group_ids``). The role gets the EC2 permissions Lambda needs for them, scoped
        to these subnets and security groups, and a :class:`UserPoolWarning` says that AWS calls
        from the VPC need a NAT gateway or VPC endpoints. Default: none (no VPC).
    :param vpc_security_group_ids: the security groups of those interfaces. Default: none.
    :param log_format: ``"JSON"`` or ``"Text"`` (Lambda's advanced logging controls). Default: ``"JSON"``.
    :param application_log_level: with JSON, the most detailed level of the handler's ``logging``
        records Lambda keeps (``"TRACE"`` to ``"FATAL"``). Default: ``"INFO"``.
    :param system_log_level: with JSON, the same for Lambda's platform logs (``"DEBUG"``, ``"INFO"``,
        ``"WARN"``). Default: ``"INFO"``.
    :param provisioned_concurrency: keep this many execution environments initialized, on an alias
        named ``live`` of a published version; the trigger, its permission and ``lambda_config`` use
        the alias. Default: none.
    :param snap_start: restore new execution environments from a SnapStart snapshot of a published
        version (``python3.12`` and later, not with provisioned concurrency), through the ``live``
        alias as above. Default: ``False``.
    :param props: every other argument of the provider's ``LambdaFunction`` (``ephemeral_storage``,
        ``kms_key_arn``, ``tags``, ``code_signing_config_arn``, ...; typed by :class:`FunctionProps`),
        passed through unchanged. ``function_name`` defaults to a unique name derived from the
        construct path. The arguments this construct sets itself (``role``, ``handler``,
        ``vpc_config``, ``logging_config``, ...) are refused, naming the option to use instead.
    """

    @overload
    def __init__(
        self,
        scope: Construct,
        id: str,
        handler: Callable[[EventT, LambdaContext], EventT | Awaitable[EventT]],
        **options: Unpack[FunctionOptions],
    ) -> None: ...
    @overload
    def __init__(self, scope: Construct, id: str, handler: Callable[[EventT], EventT | Awaitable[EventT]], **options: Unpack[FunctionOptions]) -> None: ...
    def __init__(
        self,
        scope: Construct,
        id: str,
        handler: Callable[..., Any],
        *,
        runtime: Runtime = "python3.13",
        architecture: Architecture = "arm64",
        memory_size: int = 128,
        timeout: int = 5,
        environment: Mapping[str, str] | None = None,
        reserved_concurrent_executions: int | None = None,
        policy_statements: Sequence[Statement] | None = None,
        log_retention_days: int = 365,
        description: str | None = None,
        requirements: Sequence[str] | None = None,
        requirements_lock: str | os.PathLike[str] | None = None,
        include: Sequence[str] | None = None,
        layers: Sequence[str | LambdaLayerVersion | Layer] | None = None,
        vpc_subnet_ids: Sequence[str] | None = None,
        vpc_security_group_ids: Sequence[str] | None = None,
        log_format: LogFormat = "JSON",
        application_log_level: ApplicationLogLevel | None = None,
        system_log_level: SystemLogLevel | None = None,
        provisioned_concurrency: int | None = None,
        snap_start: bool = False,
        **props: Any,
    ) -> None:
        check_backend(scope, argument="scope", where=f"Function {id!r}")
        super().__init__(scope, id)
        self.path: str = construct_path(self, scope, id)
        """This construct's path, read once (each read is a call into jsii)."""
        if not callable(handler) or isinstance(handler, Construct):
            raise ArgumentTypeError(
                f"Function {self.path!r} got handler={handler!r} of type {type(handler).__name__}, "
                "which is not a Python function. Pass a def, async def or lambda.",
                argument="handler",
                value=handler,
                expected=("Python function",),
            )
        check_props(props, known_props(provider_arguments(LambdaFunction)), where=self.path, own=_OWN_OPTIONS)
        self._check_choice("runtime", runtime, RUNTIMES)
        self._check_choice("architecture", architecture, ARCHITECTURES)
        self._check_range("memory_size", memory_size, 128, 10240)
        self._check_range("timeout", timeout, 1, 900)
        self._check_choice("log_retention_days", log_retention_days, LOG_RETENTION_DAYS)
        if reserved_concurrent_executions is not None:
            self._check_range("reserved_concurrent_executions", reserved_concurrent_executions, 0, 1_000_000)
        self._layers: ResolvedLayers = resolve_layers(layers, runtime=runtime, architecture=architecture, where=self.path)
        placement = resolve_vpc(vpc_subnet_ids, vpc_security_group_ids, where=self.path)
        logging = logging_config(log_format, application_log_level, system_log_level, where=self.path)
        self.logging_config: Mapping[str, str] = MappingProxyType(dict(logging))
        """The ``logging_config`` block: ``log_format`` and, for JSON, the two levels (``testing.invoke`` follows it)."""
        needs_alias = check_cold_start(
            provisioned_concurrency,
            snap_start,
            runtime=runtime,
            reserved_concurrent_executions=reserved_concurrent_executions,
            props=props,
            where=self.path,
        )
        self.function_name: str = self._function_name(props.pop("function_name", None))
        """The Lambda function's name."""
        provider, region = props.get("provider"), props.get("region")
        placed = {k: v for k, v in (("provider", provider), ("region", region)) if v is not None}
        self._provider = provider
        self.handler = handler
        """The Python function this Lambda runs."""
        self.timeout = timeout
        """Seconds before Lambda stops the function."""
        self.memory_size = memory_size
        """Memory in MB."""
        self._runtime, self._architecture = runtime, architecture
        self.module: GeneratedModule = generate_module(
            handler, is_token=Token.is_unresolved, is_infrastructure=_is_infrastructure
        )
        self.included: tuple[str, ...] = ()
        """Archive paths of the files shipped by ``include=``, sorted."""
        self._included = included_files(handler, include, construct_path=self.path, module=self.module)
        self.included = tuple(self._included)
        self._pinned = self._pin(requirements, requirements_lock)
        self.requirements: tuple[str, ...] = self._pinned.requirements
        """Every third-party distribution shipped, exactly pinned (``name==version``), sorted by name:
        the whole dependency closure, not only what was imported or asked for."""
        self.layer_provided: tuple[str, ...] = self._pinned.layered
        """Distributions the function needs that its layers provide (so they are not shipped), sorted."""
        folder, self.code_hash = self._write_package(runtime, architecture)
        # one asset folder: the archive Lambda runs and, beside it, the readable source for review
        self._asset = TerraformAsset(self, "Code", path=str(folder), type=AssetType.DIRECTORY, asset_hash=self.code_hash)

        self.log_group = CloudwatchLogGroup(
            self, "LogGroup", name=f"/aws/lambda/{self.function_name}", retention_in_days=log_retention_days, **placed
        )
        self.role = IamRole(
            self,
            "Role",
            name=physical_name(self.path, max_length=64, allowed=r"\w+=,.@-"),
            assume_role_policy=static_policy_document(
                [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "lambda.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                    }
                ]
            ),
            **({"provider": provider} if provider is not None else {}),
        )
        base_statements: list[Statement] = [
            allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], f"{self.log_group.arn}:*"),
            # X-Ray's write actions support no resource scoping: "*" is the narrowest possible.
            allow("Tracing", ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "*"),
        ]
        if placement is not None:
            base_statements += self._network_statements(placement, region)
            warnings.warn(vpc_warning(self.path), UserPoolWarning, stacklevel=caller_stacklevel())
        base_policy = self.add_to_role_policy("Logs", base_statements)
        if policy_statements:
            self.add_to_role_policy("Extra", policy_statements)
        clashes = sorted(set(self.module.environment) & set(environment or {}))
        if clashes:
            raise ConfigurationError(
                f"Function {self.path!r} got environment={{{clashes[0]!r}: ...}}, but the handler already reads "
                f"{clashes[0]} from the environment: it captures a Terraform value under that name. Rename the "
                "environment variable or the captured variable.",
                construct_path=self.path,
                argument="environment",
                value=dict(environment or {}),
            )
        variables = {**self.module.environment, **(environment or {})}
        self.environment: Mapping[str, str] = MappingProxyType(variables)
        """The function's environment variables (values may be Terraform references)."""
        depends_on = [self.log_group, base_policy, *(props.pop("depends_on", None) or ())]
        self.resource = LambdaFunction(
            self,
            "Resource",
            function_name=self.function_name,
            description=description or f"{self.module.origin} ({self.module.handler_name})",
            role=self.role.arn,
            runtime=runtime,
            architectures=[architecture],
            handler=ENTRY_POINT,
            filename=f"{self._asset.path}/{ARCHIVE_NAME}",
            source_code_hash=self.code_hash_base64,
            memory_size=memory_size,
            timeout=timeout,
            reserved_concurrent_executions=reserved_concurrent_executions,
            environment={"variables": variables} if variables else None,
            tracing_config={"mode": "Active"},
            logging_config=logging,
            layers=list(self._layers.arns) or None,
            vpc_config=(
                {"subnet_ids": list(placement.subnet_ids), "security_group_ids": list(placement.security_group_ids)}
                if placement is not None
                else None
            ),
            publish=True if needs_alias else None,
            snap_start={"apply_on": "PublishedVersions"} if snap_start else None,
            depends_on=depends_on,
            **props,
        )
        self.alias: LambdaAlias | None = None
        """The ``live`` alias the cold-start options create (triggers point at it), or ``None``."""
        self.provisioned_concurrency: LambdaProvisionedConcurrencyConfig | None = None
        """The provisioned concurrency of the alias, or ``None``."""
        if needs_alias:
            self.alias = LambdaAlias(
                self,
                "Alias",
                name=ALIAS_NAME,
                description="The published version Cognito invokes",
                function_name=self.resource.function_name,
                function_version=self.resource.version,
                **placed,
            )
            if provisioned_concurrency is not None:
                self.provisioned_concurrency = LambdaProvisionedConcurrencyConfig(
                    self,
                    "ProvisionedConcurrency",
                    function_name=self.resource.function_name,
                    qualifier=self.alias.name,
                    provisioned_concurrent_executions=provisioned_concurrency,
                    **placed,
                )

    @cached_property
    def arn(self) -> str:
        """The function's (unqualified) ARN."""
        return self.resource.arn

    @cached_property
    def qualified_arn(self) -> str:
        """The ARN triggers invoke: the ``live`` alias's when a cold-start option made one, else :attr:`arn`."""
        return self.alias.arn if self.alias is not None else self.arn

    @property
    def qualifier(self) -> str | None:
        """The alias triggers invoke (``"live"``), or ``None`` when they invoke the function itself."""
        return ALIAS_NAME if self.alias is not None else None

    @property
    def layers(self) -> tuple[str, ...]:
        """The ARNs of the function's layers, in order (values may be Terraform references)."""
        return self._layers.arns

    @property
    def runtime(self) -> Runtime:
        """The Lambda runtime, e.g. ``"python3.13"``."""
        return self._runtime

    @property
    def architecture(self) -> Architecture:
        """The instruction set, ``"arm64"`` or ``"x86_64"``."""
        return self._architecture

    @property
    def role_name(self) -> str:
        """The name of the function's IAM role."""
        return self.role.name

    @property
    def source(self) -> str:
        """The generated module that runs in Lambda."""
        return self.module.text

    @property
    def code_hash_base64(self) -> str:
        """The archive's SHA-256 in base64, as Terraform's ``filebase64sha256`` gives it."""
        return base64.b64encode(hashlib.sha256(self._zip).digest()).decode()

    def add_to_role_policy(self, id: str, statements: Sequence[Statement]) -> IamRolePolicy:
        """Give the function's role ``statements``, as a separate ``aws_iam_role_policy``.

        A separate policy resource keeps grants that reference other resources (a user pool, a
        KMS key) out of the function's own dependencies, so they cannot create a cycle.

        :param id: the construct id of the policy; must be unique within this function.
        :returns: the created policy.
        """
        placed = {"provider": self._provider} if self._provider is not None else {}
        return IamRolePolicy(self, f"{id}Policy", role=self.role.name, policy=policy_document(statements), **placed)

    @classmethod
    def from_function_arn(cls, scope: Construct, id: str, arn: str) -> ImportedFunction:
        """Refer to a Lambda function managed elsewhere, by its ARN (optionally alias- or version-qualified).

        :raises ConfigurationError: if ``arn`` is not a Lambda function ARN.
        """
        return ImportedFunction(scope, id, arn)

    def _function_name(self, given: object) -> str:
        if given is None:
            return physical_name(self.path, max_length=64)
        if not isinstance(given, str) or not (Token.is_unresolved(given) or _FUNCTION_NAME.match(given)):
            raise ConfigurationError(
                f"Function {self.path!r} got function_name={given!r}; Lambda takes 1 to 64 letters, digits, "
                "hyphens and underscores. Fix the name, or leave it out for one derived from the construct path.",
                construct_path=self.path,
                argument="function_name",
                value=given,
            )
        return given

    def _network_statements(self, placement: VpcPlacement, region: str | None) -> list[Statement]:
        if self._provider is not None:  # the account and region the function's own provider deploys to
            account = DataAwsCallerIdentity(self, "Account", provider=self._provider).account_id
            partition = DataAwsPartition(self, "Partition", provider=self._provider).partition
            region = region or DataAwsRegion(self, "Region", provider=self._provider).id
        else:  # one set of data sources per stack, shared with the pools' keys
            account = _per_stack(self, DataAwsCallerIdentity, "UserPoolAccount").account_id
            partition = _per_stack(self, DataAwsPartition, "UserPoolPartition").partition
            region = region or _per_stack(self, DataAwsRegion, "UserPoolRegion").id
        return network_statements(placement, partition=partition, region=region, account=account)

    def _pin(self, requirements: Sequence[str] | None, requirements_lock: str | os.PathLike[str] | None) -> Pinned:
        explicit = explicit_requirements(requirements, where=self.path)
        lock = lock_path(requirements_lock, where=self.path)
        provided = self._layers.provided
        for text in explicit:
            name = canonicalize_name(parse_requirement(text).name)
            if name in provided:
                raise ConfigurationError(
                    f"Function {self.path!r} got requirements=[..., {text!r}, ...], but one of its layers provides "
                    f"{name} (Layer(..., provides=[...])). Remove it from one of the two: from requirements= to use "
                    "the layer's copy, from provides= to ship it in the package.",
                    construct_path=self.path,
                    argument="requirements",
                    value=text,
                )
        try:
            return pin(
                self.module.requirements,
                explicit,
                runtime=self._runtime,
                architecture=self._architecture,
                cache_dir=_cache_dir(),
                lock=lock,
                provided=provided,
            )
        except DependencyError as exc:
            raise DependencyError(
                f"Function {self.path!r}: {exc}", requirement=exc.requirement, available=exc.available
            ) from exc

    def _write_package(self, runtime: str, architecture: str) -> tuple[Path, str]:
        dependencies = install(self.requirements, runtime=runtime, architecture=architecture, cache_dir=_cache_dir())
        check_provided(self.module.missing, dependencies, where=f"Function {self.path!r}", layered=self._layers.provided)
        files = dict(sorted({**dependencies, **package_files(self.module)}.items()))
        files = add_included(files, self._included, construct_path=self.path)
        self._zip = build_zip(files)
        salt = {"runtime": runtime, "architecture": architecture, "cdktf-userpool": __version__}
        if self._pinned.skipped:  # shown by review, so part of what the asset folder holds
            salt["runtime-provided"] = ",".join(self._pinned.skipped)
        if self._pinned.layered:
            salt["layer-provided"] = ",".join(self._pinned.layered)
        digest = content_hash(files, salt=salt)
        folder = _cache_dir() / PACKAGES / digest
        folder.mkdir(parents=True, exist_ok=True)
        self.archive_path = folder / ARCHIVE_NAME
        """The package on disk: the same bytes ``cdktf deploy`` uploads."""
        written = [(ARCHIVE_NAME, self._zip), (SOURCE_NAME, files[SOURCE_NAME])]
        facts = manifest(self._pinned.versions, self._pinned.skipped, self.included, self._pinned.layered)
        if facts is not None:
            written.append((MANIFEST_NAME, facts))
        for name, data in written:
            path = folder / name
            if not path.is_file() or path.read_bytes() != data:
                write_atomically(path, data)
        touch(folder, marker=False)
        return folder, digest

    def _check_choice(self, argument: str, value: object, choices: Sequence[object]) -> None:
        if value not in choices:
            raise ConfigurationError(
                f"Function {self.path!r} got {argument}={value!r}, which is not one of "
                f"{', '.join(map(repr, choices))}. Pick one of those.",
                construct_path=self.path,
                argument=argument,
                value=value,
                choices=tuple(map(str, choices)),
            )

    def _check_range(self, argument: str, value: object, low: int, high: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ConfigurationError(
                f"Function {self.path!r} got {argument}={value!r}; Lambda accepts whole numbers "
                f"from {low} to {high}. Use a value in that range.",
                construct_path=self.path,
                argument=argument,
                value=value,
            )
