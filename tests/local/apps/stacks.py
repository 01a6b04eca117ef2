"""Small stacks for the local deploy tests (a cdktf app; the tests rewrite its imports for cdktn).

- ``grants``: two pools whose post-confirmation trigger adds the user to a group; only one has
  ``pool.grant(fn, "AdminAddUserToGroup")``.
- ``s3code``: a function whose code is an S3 object the stack does not own (``prepare`` creates it).
- ``minimal``: a pool tagged with a Terraform variable, a confidential client and outputs (quick to apply).
- ``unimplemented``: a UI customization, whose API the emulator does not implement.
"""

from __future__ import annotations

from cdktf import App, TerraformOutput, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_aws.cognito_user_pool_ui_customization import CognitoUserPoolUiCustomization
from cdktf_cdktf_provider_aws.iam_role import IamRole
from cdktf_cdktf_provider_aws.lambda_function import LambdaFunction
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from cdktf_userpool import Function, UserPool

REGION = "eu-west-1"
GROUP = "members"
ARTIFACTS = "local-test-artifacts"
CODE_KEY = "hello/1.0.zip"
LAMBDA_TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},'
    '"Action":"sts:AssumeRole"}]}'
)


def add_to_group(event, context):
    """Post confirmation: put the new user in the group (needs cognito-idp:AdminAddUserToGroup)."""
    import boto3

    boto3.client("cognito-idp").admin_add_user_to_group(
        UserPoolId=event["userPoolId"], Username=event["userName"], GroupName=GROUP
    )
    return event


class Grants(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region=REGION)
        for name, granted in (("Granted", True), ("Ungranted", False)):
            pool = UserPool(self, name, removal_policy="destroy", username_attributes=["email"])
            pool.add_group(GROUP)
            members = Function(self, f"{name}AddToGroup", add_to_group)
            pool.on("postConfirmation", members)
            if granted:
                pool.grant(members, "AdminAddUserToGroup")


class S3Code(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region=REGION)
        role = IamRole(self, "Role", name="s3code-hello", assume_role_policy=LAMBDA_TRUST)
        hello = LambdaFunction(
            self, "Hello", function_name="s3code-hello", role=role.arn, runtime="python3.12",
            handler="hello.handler", s3_bucket=ARTIFACTS, s3_key=CODE_KEY,
        )
        TerraformOutput(self, "FunctionArn", value=hello.arn)


class Minimal(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region=REGION)
        team = TerraformVariable(self, "team", type="string", default="identity")
        pool = UserPool(self, "Pool", removal_policy="destroy", tags={"team": team.string_value})
        client = pool.add_client("Backend", generate_secret=True)
        TerraformOutput(self, "PoolId", value=pool.user_pool_id)
        TerraformOutput(self, "ClientId", value=client.client_id)


class Unimplemented(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region=REGION)
        pool = UserPool(self, "Pool", removal_policy="destroy")
        CognitoUserPoolUiCustomization(self, "Ui", user_pool_id=pool.user_pool_id, css=".label-customizable {font-weight: 400;}")


def main() -> None:
    app = App()
    Grants(app, "grants")
    S3Code(app, "s3code")
    Minimal(app, "minimal")
    Unimplemented(app, "unimplemented")
    app.synth()


if __name__ == "__main__":
    main()
