"""The ``UserPool`` construct: a Cognito user pool and everything its Lambda triggers need.

A ``UserPool`` creates an ``aws_cognito_user_pool`` (or wraps one, or reads one by ID) and, for
every attached trigger, the ``lambda_config`` entry, a scoped ``aws_lambda_permission`` and, for
custom senders, the KMS key wiring. Trigger names and rules come from :data:`TRIGGERS`.
"""

from __future__ import annotations

import difflib
import inspect
import re
import warnings
from collections.abc import Mapping
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any, cast

from typing_extensions import Unpack

from .._core.cdk import (
    CognitoUserPool,
    CognitoUserPoolLambdaConfig,
    DataAwsCognitoUserPool,
    Fn,
    KmsKey,
    LambdaPermission,
    TerraformElement,
    Token,
    check_backend,
)
from constructs import Construct

from .lambda_triggers import LambdaTrigger, LambdaTriggers
from .props import UserPoolProps
from .removal import RemovalPolicy, protect, protect_wrapped, protection
from .._functions.kms import KmsKeyLike, create_sender_key, key_arn
from .cycles import describe, find_cycle
from .._core.blocks import blocks
from .._core.naming import construct_path, physical_name
from .._core.synth_hooks import render_at_synth
from .._core.policy import ROLE_ARN, allow
from .targets import TriggerTarget, resolve_target
from .access import AccessMethods
from .external import ExternalTriggers
from .mfa import check_mfa
from .trigger_methods import TriggerMethods
from ..errors import (
    ArgumentTypeError,
    ConfigurationError,
    ImportedPoolError,
    TriggerConflictError,
    TriggerCycleError,
    UserPoolWarning,
)
from .._functions.function import Function
from .triggers import TRIGGERS, TriggerSpec, UserPoolOperation, resolve_operation

__all__ = ["LambdaTrigger", "UserPool"]

_POOL_ID = re.compile(r"^[\w-]+_[0-9a-zA-Z]+$")
_POOL_ARN = re.compile(r"^arn:(aws[a-z-]*):cognito-idp:([a-z0-9-]+):(\d{12}):userpool/([\w-]+_[0-9a-zA-Z]+)$")
COGNITO_PRINCIPAL = "cognito-idp.amazonaws.com"
SYNCHRONOUS_TRIGGER_TIMEOUT = 5


_NO_TRIGGERS = cast("LambdaTriggers", MappingProxyType({}))
"""The default of ``lambda_triggers``: a read-only empty mapping (a shared ``{}`` could be mutated)."""


@cache
def _lambda_config_fields() -> tuple[str, ...]:
    return tuple(n for n in inspect.signature(CognitoUserPoolLambdaConfig.__init__).parameters if n != "self")


@cache
def _pool_props() -> tuple[str, ...]:
    names = inspect.signature(CognitoUserPool.__init__).parameters
    return tuple(n for n in names if n not in ("self", "scope", "id_", "lambda_config"))


class UserPool(TriggerMethods, AccessMethods, Construct):
    """A Cognito user pool with Lambda triggers.

    Attach triggers in any of three equivalent ways: ``lambda_triggers={"pre_sign_up": fn}``,
    ``pool.on_pre_sign_up(fn)``, or ``pool.on("preSignUp", fn)``.

    :param scope: the parent construct.
    :param id: the construct id.
    :param lambda_triggers: trigger functions by snake_case trigger name, typed by
        :class:`LambdaTriggers` so checkers infer each inline handler's event (values may be
        :class:`LambdaTrigger` to set a ``lambda_version``). Default: none.
    :param kms_key: the key custom senders encrypt with (``KmsKey``, ``DataAwsKmsKey`` or key ARN).
        Default: a rotating symmetric key is created when a custom sender is attached.
    :param import_existing: ID of an existing pool to take over: Terraform imports it into this
        resource (an ``import`` block) instead of creating a new one. Requires ``name``, which must
        match the existing pool's. Default: none (create a new pool).
    :param removal_policy: what may happen to the pool, and so to its users, when a plan would delete or
        replace it. Default: ``"retain"``: ``deletion_protection = "ACTIVE"`` (Cognito refuses
        ``DeleteUserPool``, whoever calls it) and ``lifecycle { prevent_destroy = true }`` (Terraform
        refuses any plan that deletes or replaces the pool, before changing anything). ``"destroy"``
        sets neither, for throwaway stacks (previews, tests).
    :param props: every other argument of the provider's ``CognitoUserPool`` (``name``,
        ``password_policy``, ``user_pool_tier``, ...; typed by :class:`UserPoolProps`), passed through unchanged. ``name`` defaults
        to a unique name derived from the construct path. ``lambda_config`` is owned by this
        construct and refused.
    """

    resource: CognitoUserPool | DataAwsCognitoUserPool
    """The provider object: the managed pool, or the data source for an imported one."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        lambda_triggers: LambdaTriggers = _NO_TRIGGERS,
        kms_key: KmsKeyLike | None = None,
        import_existing: str | None = None,
        removal_policy: RemovalPolicy = "retain",
        **props: Unpack[UserPoolProps],
    ) -> None:
        check_backend(scope, argument="scope", where=f"UserPool {id!r}")
        super().__init__(scope, id)
        self._path = construct_path(self, scope, id)
        self._check_props(props)
        protected = protection(removal_policy, props, path=self._path)
        explicit_name = props.pop("name", None)
        if import_existing is not None:
            self._check_pool_id(import_existing, "import_existing")
            if explicit_name is None:
                raise ConfigurationError(
                    f"UserPool {self._path!r} got import_existing={import_existing!r} without name. "
                    "Pass name= with the existing pool's exact name: a different name would make Terraform "
                    "replace the pool, deleting its users.",
                    construct_path=self._path,
                    argument="name",
                    value=None,
                )
        name = explicit_name or physical_name(self._path, max_length=128, allowed=r"\w\s+=,.@-")
        options: dict[str, Any] = {**props, **protected, "name": name}  # the provider's arguments, as decided here
        resource = CognitoUserPool(self, "Resource", **blocks(CognitoUserPool, options, what="UserPool", where=self._path))
        protect(resource, removal_policy)
        self.removal_policy: RemovalPolicy | None = removal_policy
        """``"retain"`` or ``"destroy"`` (see the constructor); ``None`` for a pool read by ID or ARN, which this
        stack does not manage."""
        if import_existing is not None:
            resource.import_from(import_existing)
        self._setup(resource, name=name, tier=props.get("user_pool_tier"), region=props.get("region"), kms_key=kms_key)
        self._attach_map(lambda_triggers)

    # -- other ways in ---------------------------------------------------------------------------

    @classmethod
    def from_user_pool_id(
        cls,
        scope: Construct,
        id: str,
        user_pool_id: str,
        *,
        manage_triggers: bool = False,
        lambda_triggers: LambdaTriggers | None = None,
        force: bool = False,
        kms_key: KmsKeyLike | None = None,
        sms_role_arn: str | None = None,
    ) -> UserPool:
        """Read an existing pool by ID through the ``aws_cognito_user_pool`` data source.

        By default the pool is only read: attaching triggers is refused (a data source cannot change
        ``lambda_config``). With ``manage_triggers=True`` the triggers you attach are set on the pool
        by an updater Lambda that Terraform invokes (``aws_lambda_invocation``, CRUD lifecycle): it
        changes only this stack's triggers, keeps every other setting, and on destroy restores what
        the pool had before.

        :param manage_triggers: manage this stack's triggers on the pool. Default: ``False``.
        :param lambda_triggers: with ``manage_triggers``, triggers to attach now, as for the
            constructor. Default: none.
        :param force: with ``manage_triggers``, overwrite a trigger someone else changed since this
            stack set it (the updater refuses otherwise). Default: ``False``.
        :param kms_key: with ``manage_triggers``, the key for custom senders. Default: one is created
            when a custom sender is attached.
        :param sms_role_arn: with ``manage_triggers``, the IAM role the pool sends SMS with, if it has
            one: ``UpdateUserPool`` passes it again, which needs ``iam:PassRole`` on it. Default: none.
        :raises ConfigurationError: if ``user_pool_id`` is not a pool ID (like ``us-east-1_AbC123``),
            or an option that needs ``manage_triggers`` is given without it.
        """
        pool = cls._bare(scope, id)
        pool._check_pool_id(user_pool_id, "user_pool_id")
        if not manage_triggers:
            options = (("lambda_triggers", lambda_triggers), ("force", force), ("kms_key", kms_key),
                       ("sms_role_arn", sms_role_arn))
            for name, value in options:
                if value:
                    raise ConfigurationError(
                        f"UserPool.from_user_pool_id({user_pool_id!r}) got {name}={value!r} without "
                        "manage_triggers=True, so it would do nothing. Pass manage_triggers=True to set this "
                        f"stack's triggers on the pool, or drop {name}.",
                        construct_path=pool._path,
                        argument=name,
                        value=value,
                    )
        if sms_role_arn is not None and not (Token.is_unresolved(sms_role_arn) or ROLE_ARN.match(sms_role_arn)):
            raise ConfigurationError(
                f"UserPool.from_user_pool_id({user_pool_id!r}) got sms_role_arn={sms_role_arn!r}, which is not an "
                "IAM role ARN. Pass the SnsCallerArn of the pool's SMS configuration "
                "(arn:aws:iam::<account>:role/<name>).",
                construct_path=pool._path,
                argument="sms_role_arn",
                value=sms_role_arn,
            )
        data = DataAwsCognitoUserPool(pool, "Resource", user_pool_id=user_pool_id)
        pool._setup(data, name=data.name, tier=None, region=None, kms_key=kms_key, imported=True)
        if manage_triggers:
            pool._external = ExternalTriggers(pool, data, force=force, sms_role_arn=sms_role_arn)
            pool._attach_map(lambda_triggers)
        return pool

    @classmethod
    def from_user_pool_arn(cls, scope: Construct, id: str, user_pool_arn: str, **options: Any) -> UserPool:
        """Read an existing pool by ARN; see :meth:`from_user_pool_id` (``options`` are its keywords).

        :raises ConfigurationError: if ``user_pool_arn`` is not a user pool ARN.
        """
        match = _POOL_ARN.match(user_pool_arn)
        if Token.is_unresolved(user_pool_arn):
            pool_id = Fn.element(Fn.split("/", user_pool_arn), 1)
        elif match:
            pool_id = match.group(4)
        else:
            raise ConfigurationError(
                f"user_pool_arn={user_pool_arn!r} is not a Cognito user pool ARN. Pass an ARN like "
                "'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123'.",
                construct_path=f"{scope.node.path}/{id}",
                argument="user_pool_arn",
                value=user_pool_arn,
            )
        return cls.from_user_pool_id(scope, id, pool_id, **options)

    @classmethod
    def from_(
        cls, user_pool: CognitoUserPool, *, kms_key: KmsKeyLike | None = None, removal_policy: RemovalPolicy = "retain"
    ) -> UserPool:
        """Wrap a provider ``CognitoUserPool`` of this stack so triggers can be attached to it.

        Attached triggers merge into its ``lambda_config``; a trigger already set on it directly is
        never overwritten (attaching another is a :class:`TriggerConflictError`). Calling this twice
        on the same pool returns the same wrapper (its first ``removal_policy`` holds).

        :param kms_key: the custom senders' key. Default: the pool's own ``kms_key_id`` if set,
            else a key is created when a custom sender is attached.
        :param removal_policy: as for the constructor, applied to the wrapped pool: ``"retain"`` sets
            its ``deletion_protection`` to ``"ACTIVE"`` (unless it has one) and ``lifecycle.prevent_destroy``
            (merged with its own ``lifecycle``). Default: ``"retain"``.
        :raises ArgumentTypeError: if ``user_pool`` is not a ``CognitoUserPool``.
        :raises ConfigurationError: if ``removal_policy`` is not ``"retain"`` or ``"destroy"``, or contradicts
            the pool's own ``deletion_protection`` or ``lifecycle.prevent_destroy``.
        """
        check_backend(user_pool, argument="user_pool", where="UserPool.from_()")
        if not isinstance(user_pool, CognitoUserPool):
            raise ArgumentTypeError(
                f"UserPool.from_() got {user_pool!r} of type {type(user_pool).__name__}, which is not a "
                "CognitoUserPool. Pass the provider's CognitoUserPool; for a pool of another stack use "
                "UserPool.from_user_pool_id().",
                argument="user_pool",
                value=user_pool,
                expected=("CognitoUserPool",),
            )
        scope, wrapper_id = user_pool.node.scope, f"{user_pool.node.id}Triggers"
        assert isinstance(scope, Construct)  # a resource always has a parent
        existing = scope.node.try_find_child(wrapper_id)
        if isinstance(existing, UserPool):
            return existing
        pool = cls._bare(scope, wrapper_id)
        protect_wrapped(user_pool, removal_policy, path=user_pool.node.path)
        pool.removal_policy = removal_policy
        config = user_pool.lambda_config_input
        own_key = getattr(config, "kms_key_id", None) if config is not None else None
        pool._setup(
            user_pool,
            name=user_pool.name_input or user_pool.name,
            tier=user_pool.user_pool_tier_input,
            region=user_pool.region_input,
            kms_key=kms_key if kms_key is not None else own_key,
        )
        pool._preset = config
        return pool

    @classmethod
    def _bare(cls, scope: Construct, id: str) -> UserPool:
        pool = cls.__new__(cls)
        Construct.__init__(pool, scope, id)
        pool._path = construct_path(pool, scope, id)
        pool.removal_policy = None
        return pool

    def _setup(
        self,
        resource: CognitoUserPool | DataAwsCognitoUserPool,
        *,
        name: str,
        tier: str | None,
        region: str | None,
        kms_key: KmsKeyLike | None,
        imported: bool = False,
    ) -> None:
        self.resource = resource
        self._name = name
        self._tier = tier
        self._region = region
        self._imported = imported
        self._external: Any = None
        self._permissions: list[LambdaPermission] = []
        self._preset: CognitoUserPoolLambdaConfig | None = None
        self._targets: dict[UserPoolOperation, tuple[TriggerTarget, str | None]] = {}
        self._kms_key_arn = key_arn(kms_key, where=self._path) if kms_key is not None else None
        if not imported:
            # lambda_config is written once, at synth, from every trigger attached by then
            render_at_synth(resource, self._render)
        self.kms_key: KmsKey | None = None
        """The key this construct created for custom senders, if any."""

    # -- attributes ------------------------------------------------------------------------------

    @property
    def user_pool_id(self) -> str:
        """The pool's ID, like ``us-east-1_AbC123``."""
        return self.resource.id

    @cached_property
    def arn(self) -> str:
        """The pool's ARN."""
        return self.resource.arn

    @property
    def name(self) -> str:
        """The pool's name."""
        return self._name

    @property
    def endpoint(self) -> str:
        """The pool's endpoint, like ``cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123``."""
        if isinstance(self.resource, CognitoUserPool):
            return self.resource.endpoint
        # the data source has no endpoint: a pool ID starts with its region
        region = Fn.element(Fn.split("_", self.resource.id), 0)
        return Token.as_string(Fn.format("cognito-idp.%s.amazonaws.com/%s", [region, self.resource.id]))

    @property
    def kms_key_arn(self) -> str | None:
        """The ARN of the custom senders' key; ``None`` until one is given or needed."""
        return self._kms_key_arn

    @property
    def triggers(self) -> Mapping[UserPoolOperation, Any]:
        """The attached trigger functions, as given, by trigger."""
        return MappingProxyType({op: target.given for op, (target, _) in self._targets.items()})

    def trigger_function(self, operation: UserPoolOperation | str) -> Function | None:
        """The library ``Function`` that runs ``operation``; ``None`` if none, or if it runs elsewhere (an ARN...).

        :param operation: as for :meth:`on`.
        :raises UnknownTriggerError: if ``operation`` names no trigger.
        """
        op = resolve_operation(operation, argument="operation", construct_path=self._path)
        attached = self._targets.get(op)
        return attached[0].function if attached else None

    # -- attaching triggers ----------------------------------------------------------------------

    def _attach_map(self, lambda_triggers: Any) -> None:
        """Attach every entry of a ``lambda_triggers`` argument (``None`` means none)."""
        if lambda_triggers is None:  # not in the constructor's signature (checkers report key errors better), but harmless
            return
        if not isinstance(lambda_triggers, Mapping):
            raise ArgumentTypeError(
                f"UserPool {self._path!r} got lambda_triggers={lambda_triggers!r} of type "
                f"{type(lambda_triggers).__name__}, which is not a mapping. Pass a dict of trigger functions by "
                "snake_case trigger name, e.g. lambda_triggers={'pre_sign_up': fn}.",
                argument="lambda_triggers",
                value=lambda_triggers,
                expected=("dict",),
            )
        for key, value in lambda_triggers.items():
            self._attach_from_map(key, value)

    def _attach_from_map(self, key: Any, value: Any) -> None:
        op = resolve_operation(key, argument="lambda_triggers", snake_case_only=True, construct_path=self._path)
        if isinstance(value, LambdaTrigger):
            self._attach(op, value.function, value.lambda_version, argument=f"lambda_triggers[{key!r}]")
        else:
            self._attach(op, value, None, argument=f"lambda_triggers[{key!r}]")

    def _attach(self, op: UserPoolOperation, fn: Any, lambda_version: str | None, *, argument: str) -> Any:
        spec = TRIGGERS[op]
        path = self._path
        if self._imported and self._external is None:
            raise ImportedPoolError(
                f"UserPool {path!r} was imported by ID, so {spec.docs_name} cannot be attached: a data source "
                "cannot change lambda_config. Pass manage_triggers=True to UserPool.from_user_pool_id to set "
                "this stack's triggers on the pool with an updater Lambda (other settings stay as they are), or "
                "manage the whole pool here: UserPool(scope, id, import_existing='<pool id>', name='<its name>', "
                "...) takes it over with Terraform's import.",
                construct_path=path,
                argument=argument,
                value=fn,
            )
        version = self._check_version(op, lambda_version)
        existing = self._existing(op)
        if existing is not None:
            raise TriggerConflictError(
                f"{spec.docs_name} already has a function on UserPool {path!r} (existing: {existing}). "
                f"Remove one of the two; a trigger runs exactly one function.",
                operation=op,
                existing=existing,
                construct_path=path,
                argument=argument,
                value=fn,
            )
        target = resolve_target(
            fn, argument=argument, where=path, make_function=lambda handler: Function(self, spec.construct_id, handler)
        )
        if target.function is not None and spec.synchronous and target.function.timeout > SYNCHRONOUS_TRIGGER_TIMEOUT:
            warnings.warn(
                f"{target.label} has timeout={target.function.timeout}, but Cognito waits at most "
                f"{SYNCHRONOUS_TRIGGER_TIMEOUT} s for {spec.docs_name}. Use timeout={SYNCHRONOUS_TRIGGER_TIMEOUT} or less.",
                UserPoolWarning,
                stacklevel=3,
            )
        self._check_no_cycle(spec, target, argument)
        if spec.needs_kms_key:
            self._grant_decrypt(spec.construct_id, target)
        permission_id = f"{spec.construct_id}Permission"
        permission = LambdaPermission(
            self,
            permission_id,
            # unique per pool and trigger, so one function can serve several pools
            statement_id=physical_name(f"{path}/{spec.api_name}", max_length=100),
            action="lambda:InvokeFunction",
            principal=COGNITO_PRINCIPAL,
            function_name=target.function_name,
            qualifier=target.qualifier,
            source_arn=self.arn,
        )
        self._permissions.append(permission)
        self._targets[op] = (target, version)
        return fn

    def _check_no_cycle(self, spec: TriggerSpec, target: TriggerTarget, argument: str) -> None:
        if not isinstance(self.resource, CognitoUserPool):
            return
        if target.function is not None:
            start: TerraformElement = target.function.resource
            values: dict[str, Any] | None = {
                f"environment variable {k}": v for k, v in target.function.environment.items()
            }
        elif isinstance(target.given, TerraformElement):
            start, values = target.given, None
        else:
            return
        found = find_cycle(self.resource, start, values)
        if found is None:
            return
        path, via = found
        through = f" (its {via})" if via else ""
        raise TriggerCycleError(
            f"{target.label} cannot be the {spec.docs_name} trigger of UserPool {self._path!r}: it refers back to "
            f"the pool{through}: {describe(path)}, while the pool refers to the function's ARN in lambda_config. "
            "Terraform refuses this dependency cycle at plan time. Read the pool's ID at run time from "
            "event['userPoolId'] (and the region from event['region']) instead of passing it in, and give the "
            "function permissions on the pool with pool.grant(function, ...) (or pool.grant_manage_users / "
            "grant_read_users), which adds a separate aws_iam_role_policy the function does not depend on.",
            cycle=[*path, path[0]],
            construct_path=self._path,
            argument=argument,
            value=target.given,
        )

    def _render(self) -> None:
        """Write the triggers into the pool's ``lambda_config`` (left absent while there is none).

        Provider functions can change after they are attached, so their cycle check runs again here;
        raised from synth, the error reaches the app as jsii's ``RuntimeError`` with the same message.
        """
        if self._targets and isinstance(self.resource, CognitoUserPool):
            for op, (target, _) in self._targets.items():
                if target.function is None:
                    self._check_no_cycle(TRIGGERS[op], target, "synth")
            self.resource.put_lambda_config(**self._lambda_config())

    def _check_version(self, op: UserPoolOperation, lambda_version: str | None) -> str | None:
        spec = TRIGGERS[op]
        if lambda_version is None:
            return spec.versions[0] if spec.versions else None
        if lambda_version not in spec.versions:
            takes = f"takes only {', '.join(map(repr, spec.versions))}" if spec.versions else "takes no lambda_version"
            raise ConfigurationError(
                f"{spec.docs_name} on UserPool {self._path!r} got lambda_version={lambda_version!r}, but it "
                f"{takes}. " + ("Use one of those." if spec.versions else "Leave lambda_version out."),
                construct_path=self._path,
                argument="lambda_version",
                value=lambda_version,
                choices=spec.versions,
            )
        if lambda_version in ("V2_0", "V3_0") and isinstance(self._tier, str) and self._tier.upper() == "LITE":
            raise ConfigurationError(
                f"{spec.docs_name} lambda_version={lambda_version!r} needs the Essentials or Plus feature tier, "
                f"but UserPool {self._path!r} has user_pool_tier='LITE'. Set user_pool_tier='ESSENTIALS' "
                "(or 'PLUS'), or use lambda_version='V1_0'.",
                construct_path=self._path,
                argument="lambda_version",
                value=lambda_version,
                choices=("V1_0",),
            )
        return lambda_version

    def _existing(self, op: UserPoolOperation) -> str | None:
        if op in self._targets:
            return self._targets[op][0].label
        spec = TRIGGERS[op]
        keys = (spec.config_key, "pre_token_generation") if op is UserPoolOperation.PRE_TOKEN_GENERATION else (spec.config_key,)
        for key in keys:
            value = getattr(self._preset, key, None) if self._preset is not None else None
            if value is not None:
                return f"lambda_config.{key} set directly on the CognitoUserPool"
        return None

    def _grant_decrypt(self, construct_id: str, target: TriggerTarget) -> None:
        if self._kms_key_arn is None:
            self.kms_key = create_sender_key(self, "CustomSenderKey", pool_path=self._path, region=self._region)
            self._kms_key_arn = self.kms_key.arn
        statement = allow("DecryptCustomSenderCodes", ["kms:Decrypt"], self._kms_key_arn)
        if not target.grant(self, f"{construct_id}KmsDecrypt", [statement]):
            warnings.warn(
                f"{target.label} cannot be given kms:Decrypt by UserPool {self._path!r}: its role is not "
                f"known here. Grant its role kms:Decrypt on the pool's kms_key_arn yourself.",
                UserPoolWarning,
                stacklevel=4,
            )

    def _lambda_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {}
        if self._preset is not None:
            for key in _lambda_config_fields():
                value = getattr(self._preset, key, None)
                if value is not None:
                    config[key] = value
        for op in sorted(self._targets, key=lambda o: TRIGGERS[o].config_key):
            target, version = self._targets[op]
            spec = TRIGGERS[op]
            config[spec.config_key] = {"lambda_arn": target.arn, "lambda_version": version} if version else target.arn
        if any(TRIGGERS[op].needs_kms_key for op in self._targets):
            config["kms_key_id"] = self._kms_key_arn
        return config

    # -- validation ------------------------------------------------------------------------------

    def _check_props(self, props: Mapping[str, object]) -> None:
        path = self._path
        if "lambda_config" in props:
            raise ConfigurationError(
                f"UserPool {path!r} owns lambda_config and refuses it as an argument. Pass the functions with "
                "lambda_triggers={'pre_sign_up': fn, ...} or the on_<trigger>() methods; for custom senders' "
                "key use kms_key=.",
                construct_path=path,
                argument="lambda_config",
                value=props["lambda_config"],
            )
        known = _pool_props()
        for key in props:
            if key not in known:
                own = ("lambda_triggers", "kms_key", "import_existing", "removal_policy")
                close = difflib.get_close_matches(key, known + own, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                raise ConfigurationError(
                    f"UserPool {path!r} got an unknown argument {key!r}.{hint} It takes lambda_triggers, kms_key, "
                    "import_existing, removal_policy and the arguments of the provider's CognitoUserPool.",
                    construct_path=path,
                    argument=key,
                    value=props[key],
                    choices=known,
                )
        check_mfa(props, path)

    def _check_pool_id(self, value: Any, argument: str) -> None:
        if isinstance(value, str) and (Token.is_unresolved(value) or _POOL_ID.match(value)):
            return
        raise ConfigurationError(
            f"{argument}={value!r} on {self._path!r} is not a Cognito user pool ID. Pass an ID like "
            "'us-east-1_AbC123' (the region, an underscore, then letters and digits).",
            construct_path=self._path,
            argument=argument,
            value=value,
        )

    def _on(self, operation: UserPoolOperation | str, fn: Any, lambda_version: str | None) -> Any:
        op = resolve_operation(operation, argument="operation", construct_path=self._path)
        return self._attach(op, fn, lambda_version, argument=f"on({operation!r})")
