"""Lambda functions managed elsewhere, known by their ARN (``Function.from_function_arn``)."""

from __future__ import annotations

import re

from constructs import Construct

from .._core.cdk import Token, check_backend
from ..errors import ConfigurationError

__all__ = ["ImportedFunction", "split_function_arn"]

_LAMBDA_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?$")


class ImportedFunction(Construct):
    """A Lambda function managed elsewhere, known by its ARN. Create with :meth:`Function.from_function_arn`.

    :ivar arn: the ARN as given (qualified or not).
    :ivar function_name: the unqualified function ARN, as ``aws_lambda_permission`` takes it.
    :ivar qualifier: the alias or version, or ``None``.
    """

    def __init__(self, scope: Construct, id: str, arn: str) -> None:
        check_backend(scope, argument="scope", where=f"Function.from_function_arn({id!r})")
        super().__init__(scope, id)
        self.arn = arn
        self.function_name, self.qualifier = split_function_arn(arn, argument="arn", where=self.node.path)


def split_function_arn(arn: str, *, argument: str, where: str) -> tuple[str, str | None]:
    """Split a Lambda ARN into the unqualified ARN and its qualifier (alias or version).

    Unresolved Terraform tokens are taken as unqualified ARNs.

    :raises ConfigurationError: if ``arn`` is not a Lambda function ARN.
    """
    if Token.is_unresolved(arn):
        return arn, None
    if not _LAMBDA_ARN.match(arn):
        raise ConfigurationError(
            f"{argument}={arn!r} on {where!r} is not a Lambda function ARN. Cognito needs the full ARN, "
            "like 'arn:aws:lambda:us-east-1:123456789012:function:my-function' (optionally ending in "
            "':alias' or ':version').",
            construct_path=where,
            argument=argument,
            value=arn,
        )
    parts = arn.split(":")
    if len(parts) == 8:
        return ":".join(parts[:7]), parts[7]
    return arn, None
