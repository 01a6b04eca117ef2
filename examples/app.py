"""Example app: a Cognito user pool whose triggers are attached the three ways, side by side.

Run ``make synth`` (or ``cdktf synth``) to write the Terraform to ``cdktf.out/``; no AWS account or
network is needed.
"""

from __future__ import annotations

from cdktf import App, LocalBackend, TerraformStack
from cdktf_cdktf_provider_aws.iam_role import IamRole
from cdktf_cdktf_provider_aws.lambda_function import LambdaFunction
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from cdktf_userpool import Function, LambdaTrigger, UserPool, UserPoolOperation

ALLOWED_DOMAINS = ("example.com", "example.org")
MEMBERS_GROUP = "members"


def auto_confirm_company_users(event, context):
    """Pre sign-up: confirm users of the company's own domains, refuse everybody else."""
    email = event["request"]["userAttributes"].get("email", "")
    if email.rsplit("@", 1)[-1] not in ALLOWED_DOMAINS:
        raise Exception(f"sign-up is limited to {', '.join(ALLOWED_DOMAINS)}")
    event["response"]["autoConfirmUser"] = True
    event["response"]["autoVerifyEmail"] = True
    return event


def add_tenant_claim(event, context):
    """Pre token generation (V2_0): put the user's tenant in both tokens."""
    tenant = event["request"]["userAttributes"].get("custom:tenant", "default")
    claims = {"tenant": tenant}
    event["response"]["claimsAndScopeOverrideDetails"] = {
        "idTokenGeneration": {"claimsToAddOrOverride": claims},
        "accessTokenGeneration": {"claimsToAddOrOverride": claims},
    }
    return event


def add_to_members(event, context):
    """Post confirmation: put every new user in the members group.

    The pool's ID comes from the event: passing it in through the environment would make a dependency
    cycle (the pool refers to this function). The permission comes from ``pool.grant``.
    """
    import boto3

    boto3.client("cognito-idp").admin_add_user_to_group(
        UserPoolId=event["userPoolId"], Username=event["userName"], GroupName=MEMBERS_GROUP
    )
    return event


class AuthStack(TerraformStack):
    """One user pool with seven triggers (three attached at construction, two by decorator, two with on()),
    a web client on a Cognito domain, an API scope, groups, and an identity pool."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="eu-west-1")
        # cdktf's implicit local backend writes an absolute state path; a relative one keeps output portable
        LocalBackend(self, path=f"terraform.{id}.tfstate")

        # 1. lambda_triggers= at construction (snake_case keys).
        pool = UserPool(
            self,
            "Pool",
            user_pool_tier="ESSENTIALS",
            auto_verified_attributes=["email"],
            username_attributes=["email"],
            # the default, said out loud: deletion protection, and Terraform refuses any plan that would
            # delete or replace the pool (and so its users); "destroy" is for throwaway stacks
            removal_policy="retain",
            lambda_triggers={
                "pre_sign_up": auto_confirm_company_users,
                "pre_token_generation": LambdaTrigger(add_tenant_claim, lambda_version="V2_0"),
                # a function deployed elsewhere, by (alias-qualified) ARN
                "user_migration": "arn:aws:lambda:eu-west-1:123456789012:function:legacy-directory-migration:live",
            },
        )

        self.pool = pool

        # 2. one method per trigger, here as decorators: the functions stay plain and testable.
        @pool.on_custom_message
        def branded_messages(event, context):
            if event["triggerSource"] == "CustomMessage_SignUp":
                code = event["request"]["codeParameter"]
                event["response"]["emailSubject"] = "Welcome to Example"
                event["response"]["emailMessage"] = f"Your verification code is {code}."
            return event

        @pool.on_define_auth_challenge
        async def define_challenge(event):
            session = event["request"]["session"]
            if session and session[-1]["challengeResult"]:
                event["response"].update(issueTokens=True, failAuthentication=False)
            elif len(session) >= 3:
                event["response"].update(issueTokens=False, failAuthentication=True)
            else:
                event["response"].update(challengeName="CUSTOM_CHALLENGE", issueTokens=False, failAuthentication=False)
            return event

        # 3. on(operation, fn) with the documentation name, the snake_case name or the enum.
        members = Function(self, "AddToMembers", add_to_members)
        pool.on("postConfirmation", members)
        pool.grant(members, "AdminAddUserToGroup")  # a separate policy: no pool -> function -> pool cycle
        mailer_role = IamRole(
            self,
            "MailerRole",
            name="example-mailer",
            assume_role_policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
            '"Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
        )
        mailer = LambdaFunction(
            self,
            "Mailer",
            function_name="example-mailer",
            role=mailer_role.arn,
            runtime="python3.13",
            handler="mailer.handler",
            s3_bucket="example-artifacts",
            s3_key="mailer/1.4.2.zip",
            tracing_config={"mode": "Active"},
        )
        # a custom sender: the pool gets a KMS key, the mailer's role gets kms:Decrypt on it
        pool.on(UserPoolOperation.CUSTOM_EMAIL_SENDER, mailer)

        # Sign-in: a public web client (code flow with PKCE) on a Cognito-hosted domain, with an API scope.
        api = pool.add_resource_server("https://api.example.com", scopes={"read": "Read the API"})
        self.web = pool.add_client(
            "Web",
            allowed_oauth_flows=["code"],
            allowed_oauth_scopes=["openid", "email", api.scope("read")],
            callback_urls=["https://app.example.com/callback", "http://localhost:3000/callback"],
            logout_urls=["https://app.example.com/"],
        )
        self.domain = pool.add_domain(prefix="example-auth")

        # Access control: signed-in users get AWS credentials; administrators get their group's role.
        identity_pool = pool.add_identity_pool()
        identity_pool.grant_authenticated(["s3:GetObject"], ["arn:aws:s3:::example-user-content/public/*"])
        admins_role = identity_pool.create_role("AdminsRole", description="Administrators of Example")
        admins_role.grant(["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::example-user-content/*"])
        pool.add_group("admins", precedence=1, role=admins_role, description="Administrators")
        pool.add_group(MEMBERS_GROUP, precedence=10, description="Every confirmed user")


def only_company_addresses(event, context):
    """Pre sign-up on the shared pool: refuse addresses outside the company's domains."""
    email = event["request"]["userAttributes"].get("email", "")
    if email.rsplit("@", 1)[-1] not in ALLOWED_DOMAINS:
        raise Exception(f"sign-up is limited to {', '.join(ALLOWED_DOMAINS)}")
    return event


class SharedPoolStack(TerraformStack):
    """Triggers on a pool another team owns: this stack sets only its own triggers and restores theirs on destroy."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="eu-west-1")
        LocalBackend(self, path=f"terraform.{id}.tfstate")
        self.pool = UserPool.from_user_pool_id(
            self,
            "Shared",
            "eu-west-1_SharedPool1",
            manage_triggers=True,
            lambda_triggers={"pre_sign_up": only_company_addresses},
        )


def main() -> None:
    """Synthesize the example app into ``cdktf.out`` (or ``$CDKTF_OUTDIR``)."""
    app = App()
    AuthStack(app, "example")
    SharedPoolStack(app, "shared")
    app.synth()


if __name__ == "__main__":
    main()
