"""``ProviderFunction``: the type checkers' view of a provider Lambda function, from either backend.

The trigger APIs take a ``LambdaFunction``, ``LambdaAlias`` or ``DataAwsLambdaFunction`` from the AWS
provider bindings of cdktf or of CDK Terrain, whichever the app uses. Naming those classes in a
signature would make a checker resolve both backends' packages; with one installed, the other's
names become ``Any``, and ``Any`` in the union of trigger forms lets any lambda match it, hiding the
event type. This protocol names what the three classes share (and a Python handler lacks), so the
same signature holds whichever backend is installed. Standard library only.
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["ProviderFunction"]


class ProviderFunction(Protocol):
    """A provider ``LambdaFunction``, ``LambdaAlias`` or ``DataAwsLambdaFunction`` (cdktf or CDK Terrain)."""

    @property
    def arn(self) -> str:
        """The function's (or alias's) ARN, a Terraform reference."""
        ...

    @property
    def function_name(self) -> str:
        """The function's name, a Terraform reference."""
        ...

    @property
    def terraform_resource_type(self) -> str:
        """``"aws_lambda_function"``, ``"aws_lambda_alias"`` or ``"aws_lambda_function"`` (data)."""
        ...
