"""``FunctionProps``: the provider ``LambdaFunction`` arguments that ``Function`` passes through.

Typed like ``UserPoolProps``: the fields and their types are the pinned provider's (generated from
its signature; ``tests/test_function_props.py`` fails, printing the fresh text, when the provider
changes), minus the arguments ``Function`` owns, which :func:`check_props` refuses by name with the
argument to use instead. CDK Terrain's newer provider has two more arguments (``CdktnFunctionProps``).
"""

from __future__ import annotations

import difflib
import inspect
import typing
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import ConfigurationError

if TYPE_CHECKING:  # the types of the backend type checkers are told about (see _cdk.CDKTN_TYPES)
    from .._core.cdk import CDKTN_TYPES

    if CDKTN_TYPES:
        import cdktn as cdktf
        from cdktn_provider_aws import lambda_function
    else:
        import cdktf
        from cdktf_cdktf_provider_aws import lambda_function

__all__ = ["OWNED", "CdktnFunctionProps", "FunctionProps", "check_props", "known_props"]

_CODE = "the code is the packaged Python handler"
#: Provider arguments ``Function`` sets itself -> what to use instead (the message's fix).
OWNED: Mapping[str, str] = {
    "architectures": "pass architecture='arm64' or 'x86_64'",
    "code_sha256": _CODE,
    "count": "a Function is one function: create several Functions in a loop",
    "filename": _CODE,
    "for_each": "a Function is one function: create several Functions in a loop",
    "image_config": _CODE,
    "image_uri": _CODE,
    "logging_config": "pass log_format=, application_log_level= and system_log_level=",
    "package_type": _CODE,
    "publish": "versions are published when an alias needs one: pass provisioned_concurrency= or snap_start=True",
    "role": "the function has its own role: give it permissions with policy_statements= or add_to_role_policy()",
    "s3_bucket": _CODE,
    "s3_key": _CODE,
    "s3_object_version": _CODE,
    "source_code_hash": _CODE + ", hashed by the library",
    "tracing_config": "X-Ray tracing is always active",
    "vpc_config": "pass vpc_subnet_ids= and vpc_security_group_ids=",
}
#: Arguments of the provider that are ``Function``'s own parameters, or Terraform's id.
_OWN_PARAMETERS = frozenset(
    {"description", "environment", "handler", "id", "layers", "memory_size", "reserved_concurrent_executions", "runtime",
     "snap_start", "timeout"}
)


class FunctionProps(TypedDict, total=False):
    """The provider's ``LambdaFunction`` arguments that ``Function`` passes through (see its documentation).

    ``function_name`` defaults to a unique name derived from the construct path (the log group follows
    it); ``provider`` and ``region`` apply to the function's log group, alias and provisioned
    concurrency as well; ``depends_on`` adds to the function's own dependencies.
    """

    function_name: str
    capacity_provider_config: typing.Union[lambda_function.LambdaFunctionCapacityProviderConfig, typing.Dict[str, typing.Any], None]
    code_signing_config_arn: typing.Optional[str]
    dead_letter_config: typing.Union[lambda_function.LambdaFunctionDeadLetterConfig, typing.Dict[str, typing.Any], None]
    durable_config: typing.Union[lambda_function.LambdaFunctionDurableConfig, typing.Dict[str, typing.Any], None]
    ephemeral_storage: typing.Union[lambda_function.LambdaFunctionEphemeralStorage, typing.Dict[str, typing.Any], None]
    file_system_config: typing.Union[lambda_function.LambdaFunctionFileSystemConfig, typing.Dict[str, typing.Any], None]
    kms_key_arn: typing.Optional[str]
    publish_to: typing.Optional[str]
    region: typing.Optional[str]
    replacement_security_group_ids: typing.Optional[typing.Sequence[str]]
    replace_security_groups_on_destroy: typing.Union[bool, cdktf.IResolvable, None]
    skip_destroy: typing.Union[bool, cdktf.IResolvable, None]
    source_kms_key_arn: typing.Optional[str]
    tags: typing.Optional[typing.Mapping[str, str]]
    tags_all: typing.Optional[typing.Mapping[str, str]]
    tenancy_config: typing.Union[lambda_function.LambdaFunctionTenancyConfig, typing.Dict[str, typing.Any], None]
    timeouts: typing.Union[lambda_function.LambdaFunctionTimeouts, typing.Dict[str, typing.Any], None]
    connection: typing.Union[cdktf.SSHProvisionerConnection, typing.Dict[str, typing.Any], cdktf.WinrmProvisionerConnection, None]
    depends_on: typing.Optional[typing.Sequence[cdktf.ITerraformDependable]]
    lifecycle: typing.Union[cdktf.TerraformResourceLifecycle, typing.Dict[str, typing.Any], None]
    provider: typing.Optional[cdktf.TerraformProvider]
    provisioners: typing.Optional[typing.Sequence[typing.Union[cdktf.FileProvisioner, typing.Dict[str, typing.Any], cdktf.LocalExecProvisioner, cdktf.RemoteExecProvisioner]]]


class CdktnFunctionProps(FunctionProps, total=False):
    """:class:`FunctionProps` of CDK Terrain's provider, which has two more arguments."""

    use_resource_timeout_for_propagation: typing.Union[bool, cdktf.IResolvable, None]


@cache
def known_props(provider_arguments: tuple[str, ...]) -> tuple[str, ...]:
    """The pass-through arguments among ``provider_arguments`` (the running provider's ``LambdaFunction``'s)."""
    return tuple(n for n in provider_arguments if n not in OWNED and n not in _OWN_PARAMETERS and n not in ("self", "scope", "id_"))


def provider_arguments(cls: Any) -> tuple[str, ...]:
    """The argument names of a provider class's constructor, in order."""
    return tuple(inspect.signature(cls.__init__).parameters)


def check_props(props: Mapping[str, object], known: tuple[str, ...], *, where: str, own: tuple[str, ...]) -> None:
    """Refuse an argument ``Function`` owns (naming what to use instead) or one the provider does not take.

    :param known: the pass-through arguments of the running provider (:func:`known_props`).
    :param where: the function's construct path.
    :param own: ``Function``'s own keyword arguments, for the did-you-mean.
    :raises ConfigurationError: naming the argument and the fix.
    """
    for key, value in props.items():
        if key in OWNED:
            raise ConfigurationError(
                f"Function {where!r} owns the LambdaFunction argument {key!r} and refuses it: {OWNED[key]}.",
                construct_path=where,
                argument=key,
                value=value,
            )
        if key not in known:
            close = difflib.get_close_matches(key, known + own, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise ConfigurationError(
                f"Function {where!r} got an unknown argument {key!r}.{hint} It takes its own options "
                "(runtime, timeout, layers, vpc_subnet_ids, ...) and the provider LambdaFunction's other arguments.",
                construct_path=where,
                argument=key,
                value=value,
                choices=known,
            )
