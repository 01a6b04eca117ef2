"""Triggers on a user pool this stack does not manage: an updater Lambda run by ``aws_lambda_invocation``.

``UserPool.from_user_pool_id(..., manage_triggers=True)`` reads the pool with the data source and adds:

- ``terraform_data`` holding the pool's ``lambda_config`` as it was when this stack first managed its
  triggers (``ignore_changes = [input]`` freezes it), so removing the stack restores it;
- the updater, a ``Function`` packaged from ``cdktf_userpool._runtime.updater``, whose role may only
  ``cognito-idp:DescribeUserPool`` and ``cognito-idp:UpdateUserPool`` on this pool (and
  ``iam:PassRole`` on the pool's SMS role, when given, for Cognito only);
- ``aws_lambda_invocation`` with ``lifecycle_scope = "CRUD"``, whose input (rendered at synth) names the
  triggers this stack owns; Terraform invokes the updater on create, update and destroy.

The invocation depends on the triggers' invoke permissions and on the updater's policy, so Cognito
may call a trigger as soon as it is set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._core.cdk import DataResource, Fn, LambdaInvocation, TerraformResourceLifecycle

from .._core.policy import allow
from .._core.synth_hooks import render_at_synth
from .._functions.function import Function
from .triggers import TRIGGERS, UserPoolOperation

if TYPE_CHECKING:
    from .._core.cdk import DataAwsCognitoUserPool

    from .user_pool import UserPool

__all__ = ["ExternalTriggers", "UPDATER_ACTIONS"]

UPDATER_ACTIONS = ("cognito-idp:DescribeUserPool", "cognito-idp:UpdateUserPool")
"""All the updater may do on the pool."""


class ExternalTriggers:
    """What ``from_user_pool_id(..., manage_triggers=True)`` adds to manage an external pool's triggers.

    :ivar function: the updater ``Function``.
    :ivar invocation: the ``aws_lambda_invocation`` that runs it.
    :ivar snapshot: the ``terraform_data`` with the pool's ``lambda_config`` from before this stack.
    """

    def __init__(self, pool: UserPool, data: DataAwsCognitoUserPool, *, force: bool, sms_role_arn: str | None) -> None:
        from .._runtime import updater

        self._pool = pool
        self._force = force
        self.snapshot = DataResource(
            pool,
            "TriggersBefore",
            input={"lambda_config": data.lambda_config},
            lifecycle=TerraformResourceLifecycle(ignore_changes=["input"]),
        )
        self.function = Function(
            pool,
            "TriggerUpdater",
            updater.handler,
            timeout=60,
            description=f"Sets the Lambda triggers of {pool._path} on the user pool managed elsewhere",
        )
        statements = [allow("ManageTriggersOfThisPool", list(UPDATER_ACTIONS), pool.arn)]
        if sms_role_arn is not None:
            statements.append(
                allow(
                    "PassThePoolsSmsRole",
                    ["iam:PassRole"],
                    sms_role_arn,
                    Condition={"StringEquals": {"iam:PassedToService": "cognito-idp.amazonaws.com"}},
                )
            )
        self.policy = self.function.add_to_role_policy("ManageTriggers", statements)
        self.invocation = LambdaInvocation(
            pool,
            "ManageTriggers",
            function_name=self.function.resource.function_name,
            input="{}",
            lifecycle_scope="CRUD",
        )
        render_at_synth(self.invocation, self.render)

    def render(self) -> None:
        """Set the invocation's input and dependencies from the pool's triggers."""
        pool = self._pool
        triggers: dict[str, Any] = {}
        for op, (target, version) in sorted(pool._targets.items(), key=lambda item: TRIGGERS[item[0]].api_name):
            spec = TRIGGERS[op]
            if op is UserPoolOperation.PRE_TOKEN_GENERATION:
                triggers["PreTokenGenerationConfig"] = {"LambdaArn": target.arn, "LambdaVersion": version}
            elif spec.needs_kms_key:
                triggers[spec.api_name] = {"LambdaArn": target.arn, "LambdaVersion": version}
            else:
                triggers[spec.api_name] = target.arn
        body: dict[str, Any] = {
            "userPoolId": pool.user_pool_id,
            "triggers": triggers,
            "previous": self.snapshot.output,
            "force": self._force,
        }
        if any(TRIGGERS[op].needs_kms_key for op in pool._targets):
            body["kmsKeyId"] = pool.kms_key_arn
        self.invocation.input = Fn.jsonencode(body)
        # plain addresses: Terraform refuses "${...}" in depends_on (the setter takes strings as written)
        self.invocation.depends_on = [
            f"{r.terraform_resource_type}.{r.friendly_unique_id}" for r in (self.policy, *pool._permissions)
        ]
