"""Turn the forms a trigger function may take into what ``lambda_config`` and permissions need.

A trigger may be given as this library's ``Function`` (or a plain Python callable, which becomes
one), a ``Function.from_function_arn`` reference, a provider ``LambdaFunction``, ``LambdaAlias`` or
``DataAwsLambdaFunction``, or a Lambda ARN string.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .._core.cdk import DataAwsLambdaFunction, Fn, IamRolePolicy, LambdaAlias, LambdaFunction, Token, check_backend
from constructs import Construct

from .._core.policy import Statement, policy_document
from ..errors import ArgumentTypeError
from .._functions.function import Function, ImportedFunction, split_function_arn

ACCEPTED_FORMS = (
    "a Python function",
    "cdktf_userpool.Function",
    "Function.from_function_arn(...)",
    "LambdaFunction",
    "LambdaAlias",
    "DataAwsLambdaFunction",
    "a Lambda ARN string",
)

Grant = Callable[[Construct, str, list[Statement]], bool]
"""Gives the function's role statements: ``grant(scope, id, statements)``; ``False`` if it cannot."""


@dataclass(frozen=True)
class TriggerTarget:
    """A trigger function, reduced to what the pool's configuration needs.

    :ivar given: what the user passed.
    :ivar arn: the ARN that goes into ``lambda_config`` (qualified when a qualifier was given, or when a
        ``Function`` has an alias for provisioned concurrency or SnapStart).
    :ivar function_name: the function name or unqualified ARN for ``aws_lambda_permission``.
    :ivar qualifier: the alias or version for ``aws_lambda_permission``, or ``None``.
    :ivar kind: what the function is, for messages (``"Function"``, ``"LambdaFunction"``, ``"ARN"``...).
    :ivar grant: adds IAM statements to the function's role, when the library can reach it.
    :ivar function: the library ``Function`` behind it, if any.
    """

    given: Any
    arn: str
    function_name: str
    qualifier: str | None
    kind: str
    grant: Grant
    function: Function | None = None

    @property
    def label(self) -> str:
        """How error messages name the function, e.g. ``Function 'app/Pool/PreSignUp'``."""
        if self.function is not None:
            return f"Function {self.function.path!r}"
        if isinstance(self.given, Construct):
            return f"{self.kind} {self.given.node.path!r}"
        if Token.is_unresolved(self.arn):
            return "a Terraform reference"
        return f"{self.kind} {self.arn!r}"


def _cannot_grant(scope: Construct, id: str, statements: list[Statement]) -> bool:
    return False


def _grant_to_role_arn(role_arn: str) -> Grant:
    def grant(scope: Construct, id: str, statements: list[Statement]) -> bool:
        # the role name is the last segment of its ARN (paths included)
        IamRolePolicy(scope, id, role=Fn.regex("[^/]+$", role_arn), policy=policy_document(statements))
        return True

    return grant


def _grant_to_function(fn: Function) -> Grant:
    def grant(scope: Construct, id: str, statements: list[Statement]) -> bool:
        fn.add_to_role_policy(id, statements)
        return True

    return grant


def resolve_target(value: Any, *, argument: str, where: str, make_function: Callable[[Callable[..., Any]], Function]) -> TriggerTarget:
    """Describe ``value`` as a trigger target.

    :param argument: the argument ``value`` came from, for error messages.
    :param where: the construct path of the pool, for error messages.
    :param make_function: creates the ``Function`` for a plain Python callable.
    :raises ArgumentTypeError: if ``value`` is none of the accepted forms.
    :raises ConfigurationError: if an ARN string is not a Lambda function ARN.
    """
    check_backend(value, argument=argument, where=repr(where), root=False)  # a provider resource of the other backend
    if isinstance(value, Function):
        # a cold-start option's alias is what Cognito must invoke: lambda_config and the permission name it
        # (by reference, so that Terraform creates the permission after the alias)
        qualifier = value.alias.name if value.alias is not None else None
        return TriggerTarget(
            value, value.qualified_arn, value.function_name, qualifier, "Function", _grant_to_function(value), value
        )
    if isinstance(value, ImportedFunction):
        return TriggerTarget(value, value.arn, value.function_name, value.qualifier, "function", _cannot_grant)
    if isinstance(value, LambdaFunction):
        return TriggerTarget(value, value.arn, value.function_name, None, "LambdaFunction", _grant_to_role_arn(value.role))
    if isinstance(value, LambdaAlias):
        return TriggerTarget(value, value.arn, value.function_name, value.name, "LambdaAlias", _cannot_grant)
    if isinstance(value, DataAwsLambdaFunction):
        qualifier = value.qualifier_input
        arn = value.qualified_arn if qualifier else value.arn
        return TriggerTarget(
            value, arn, value.function_name, qualifier, "DataAwsLambdaFunction", _grant_to_role_arn(value.role)
        )
    if isinstance(value, str):
        function_name, qualifier = split_function_arn(value, argument=argument, where=where)
        return TriggerTarget(value, value, function_name, qualifier, "ARN", _cannot_grant)
    if callable(value) and not isinstance(value, (Construct, type)):
        target = resolve_target(make_function(value), argument=argument, where=where, make_function=make_function)
        return replace(target, given=value)
    raise ArgumentTypeError(
        f"{argument} on {where!r} got {value!r} of type {type(value).__name__}, which is not a function. "
        f"Pass one of: {', '.join(ACCEPTED_FORMS)}.",
        argument=argument,
        value=value,
        expected=ACCEPTED_FORMS,
    )
