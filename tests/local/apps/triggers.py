"""A stack for the local pool's flow tests: all twelve triggers, on pools built for the purpose.

- ``Flows``: email as username, codes by email, ten triggers (pre token generation ``V2_0``), MFA optional
  (an authenticator app, SMS and email codes), a
  public client allowing every flow and a confidential one; post confirmation adds the user to
  ``members`` (with its grant).
  Its domain ``flows-local`` serves managed login to the ``Web`` (public: code with PKCE, implicit)
  and ``WebServer`` (confidential) clients.
- ``Classic``: pre sign-up and pre token generation ``V1_0``; managed login on ``classic-local``.
- ``Senders`` (stack ``senders``): the custom email and SMS senders (one function, with the
  Encryption SDK, and the pool's KMS key; MFA codes by SMS and email go to them too) and pre token
  ``V3_0``; managed login on ``senders-local``
  with an API scope.

The functions misbehave on request, as the tests need: an email whose local part contains a
keyword (``presignup-raise``, ``presignup-junk``, ``presignup-slow``, ``postconfirm-raise``,
``preauth-raise``, ``postauth-raise``, ``msg-nocode``...) makes the matching trigger raise, answer
something that is not the event, sleep past its timeout, or break Cognito's rules.
"""

from __future__ import annotations

import json

from cdktf import App, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.cognito_user_pool_client import (
    CognitoUserPoolClientRefreshTokenRotation as RefreshTokenRotation,
)
from cdktf_cdktf_provider_aws.iam_role import IamRole, IamRoleInlinePolicy
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from cdktf_userpool import Function, LambdaTrigger, UserPool

REGION = "eu-west-1"
GROUP = "members"
LEGACY_PASSWORD = "Legacy-Pass-1"
CALLBACK = "http://localhost:3000/callback"
"""The managed-login clients' callback URL (a page no server serves: tests read the code from the redirect)."""
SIGNED_OUT = "http://localhost:3000/signed-out"
ALL_FLOWS = [
    "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
]  # fmt: skip


def _mode(event):
    attributes = event["request"].get("userAttributes") or {}
    return (attributes.get("email") or event.get("userName") or "").split("@")[0]


def pre_sign_up(event, context):
    """Auto-confirms ``auto...`` addresses; raises, answers junk or hangs on request."""
    import time

    mode = _mode(event)
    if "presignup-raise" in mode:
        raise ValueError(f"no sign-ups for {mode}")
    if "presignup-junk" in mode:
        return "not an event"
    if "presignup-slow" in mode:
        time.sleep(30)
    if mode.startswith("auto"):
        event["response"]["autoConfirmUser"] = True
        event["response"]["autoVerifyEmail"] = True
    return event


def post_confirmation(event, context):
    """Adds the user to ``members`` (needs cognito-idp:AdminAddUserToGroup); raises on request."""
    import boto3

    boto3.client("cognito-idp").admin_add_user_to_group(
        UserPoolId=event["userPoolId"], Username=event["userName"], GroupName=GROUP
    )
    if "postconfirm-raise" in _mode(event):
        raise RuntimeError("welcome mail failed")
    return event


def pre_authentication(event, context):
    if "preauth-raise" in _mode(event):
        raise PermissionError("sign-in blocked")
    return event


def post_authentication(event, context):
    if "postauth-raise" in _mode(event):
        raise RuntimeError("audit log unavailable")
    return event


def add_claims_v2(event, context):
    """Pre token generation V2_0: claims in both tokens, a scope, and an attempt at reserved claims."""
    event["response"]["claimsAndScopeOverrideDetails"] = {
        "idTokenGeneration": {
            "claimsToAddOrOverride": {"tenant": "acme", "sub": "forged", "flags": ["a", "b"]},
            "claimsToSuppress": ["email_verified"],
        },
        "accessTokenGeneration": {
            "claimsToAddOrOverride": {"tenant": "acme", "token_use": "id"},
            "scopesToAdd": ["api/read"],
        },
        "groupOverrideDetails": event["request"]["groupConfiguration"],
    }
    return event


def add_claims_v1(event, context):
    """Pre token generation V1_0: the ID token only; groups replaced."""
    event["response"]["claimsOverrideDetails"] = {
        "claimsToAddOrOverride": {"tenant": "classic", "iss": "forged"},
        "claimsToSuppress": ["email"],
        "groupOverrideDetails": {"groupsToOverride": ["vip"], "iamRolesToOverride": [], "preferredRole": None},
    }
    return event


def add_claims_v3(event, context):
    """Pre token generation V3_0: also machine-to-machine tokens (there, write access is withheld)."""
    access = {"claimsToAddOrOverride": {"caller": event["triggerSource"]}}
    if event["triggerSource"] == "TokenGeneration_ClientCredentials":
        access["scopesToSuppress"] = ["https://api.example.com/write"]
    event["response"]["claimsAndScopeOverrideDetails"] = {"accessTokenGeneration": access}
    return event


def migrate_user(event, context):
    """Knows ``legacy-...`` users: with their old password at sign-in, without one for a reset."""
    name = event["userName"]
    if not name.startswith("legacy-"):
        return event
    if event["triggerSource"] == "UserMigration_Authentication" and event["request"]["password"] != LEGACY_PASSWORD:
        raise ValueError("bad password")
    event["response"]["userAttributes"] = {"email": name, "email_verified": "true", "locale": "en-GB"}
    event["response"]["finalUserStatus"] = "CONFIRMED"
    event["response"]["messageAction"] = "SUPPRESS"
    return event


def define_challenge(event, context):
    """Custom auth: the SRP password check when the client starts with it, then one question (for a
    ``define-mfa`` user, an emailed code instead); tokens after a right answer, failure after three wrong ones."""
    session = event["request"]["session"]
    last = session[-1] if session else {}
    asked = [s for s in session if s["challengeName"] == "CUSTOM_CHALLENGE"]
    if last.get("challengeName") == "SRP_A":
        event["response"].update(challengeName="PASSWORD_VERIFIER", issueTokens=False, failAuthentication=False)
    elif "define-mfa" in _mode(event) and not session:
        event["response"].update(challengeName="EMAIL_OTP", issueTokens=False, failAuthentication=False)
    elif last.get("challengeName") in ("CUSTOM_CHALLENGE", "EMAIL_OTP") and last["challengeResult"]:
        event["response"].update(issueTokens=True, failAuthentication=False)
    elif len(asked) >= 3:
        event["response"].update(issueTokens=False, failAuthentication=True)
    else:
        event["response"].update(challengeName="CUSTOM_CHALLENGE", issueTokens=False, failAuthentication=False)
    return event


def create_challenge(event, context):
    round_number = len([s for s in event["request"]["session"] if s["challengeName"] == "CUSTOM_CHALLENGE"]) + 1
    event["response"]["publicChallengeParameters"] = {"question": "2 + 2 = ?", "round": str(round_number)}
    event["response"]["privateChallengeParameters"] = {"answer": "4"}
    event["response"]["challengeMetadata"] = f"ROUND-{round_number}"
    return event


def verify_challenge(event, context):
    expected = event["request"]["privateChallengeParameters"]["answer"]
    event["response"]["answerCorrect"] = event["request"]["challengeAnswer"] == expected
    return event


def custom_message(event, context):
    """Branded messages; one without the code on request (Cognito refuses it)."""
    code = event["request"]["codeParameter"]
    source = event["triggerSource"]
    if "msg-nocode" in _mode(event):
        event["response"]["emailMessage"] = "Welcome, but no code here."
        return event
    if source == "CustomMessage_AdminCreateUser":
        event["response"]["emailSubject"] = "Your new account"
        event["response"]["emailMessage"] = f"User {event['request']['usernameParameter']}, password {code}."
    else:
        event["response"]["emailSubject"] = f"Code for {source.split('_', 1)[1]}"
        event["response"]["emailMessage"] = f"Your code is {code}."
    return event


def send_code(event, context):
    """Custom sender: decrypts the code with the Encryption SDK and the pool's key, then prints it."""
    import base64
    import os

    import aws_encryption_sdk
    from aws_encryption_sdk.identifiers import CommitmentPolicy

    client = aws_encryption_sdk.EncryptionSDKClient(commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT)
    # the key ARN comes with the message: passing it in the environment would make a cycle (key -> pool -> function)
    provider = aws_encryption_sdk.DiscoveryAwsKmsMasterKeyProvider(region_names=[os.environ["AWS_REGION"]])
    plaintext, _ = client.decrypt(source=base64.b64decode(event["request"]["code"]), key_provider=provider)
    attributes = event["request"]["userAttributes"]
    to = attributes.get("phone_number") if event["triggerSource"].startswith("CustomSMSSender") else attributes.get("email")
    print(f"DELIVERED {event['triggerSource']} {plaintext.decode()} TO {to}")


SES_IDENTITY = f"arn:aws:ses:{REGION}:123456789012:identity/example.com"
EMAIL_BY_SES = {"email_sending_account": "DEVELOPER", "source_arn": SES_IDENTITY, "from_email_address": "no-reply@example.com"}


def sms_configuration(scope: Construct, id: str) -> dict[str, str]:
    """SMS through SNS: the role Cognito assumes (its external ID checked), allowed to publish (SMS has no ARN)."""
    external_id = f"{id}-sms"
    role = IamRole(scope, id, assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": external_id}}}]}),
        inline_policy=[IamRoleInlinePolicy(name="sms", policy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]}))])
    return {"external_id": external_id, "sns_caller_arn": role.arn, "sns_region": REGION}


class Triggers(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region=REGION)
        flows = UserPool(
            self, "Flows", removal_policy="destroy", username_attributes=["email"], auto_verified_attributes=["email"],
            user_pool_tier="ESSENTIALS",
            # MFA for the users who enable it: an authenticator app (TOTP), SMS and email codes (their messages shaped
            # by the custom message trigger), tests/local/cognito/test_mfa.py and test_mfa_codes.py
            mfa_configuration="OPTIONAL", software_token_mfa_configuration={"enabled": True},
            sms_configuration=sms_configuration(self, "FlowsSms"), email_configuration=EMAIL_BY_SES,
            email_mfa_configuration={"message": "Your sign-in code is {####}", "subject": "Sign-in code"},
            lambda_triggers={
                "pre_sign_up": Function(self, "PreSignUp", pre_sign_up, timeout=2),
                "pre_authentication": pre_authentication,
                "post_authentication": post_authentication,
                "pre_token_generation": LambdaTrigger(add_claims_v2, lambda_version="V2_0"),
                "user_migration": migrate_user,
                "define_auth_challenge": define_challenge,
                "create_auth_challenge": create_challenge,
                "verify_auth_challenge_response": verify_challenge,
                "custom_message": custom_message,
            },
        )
        flows.add_group(GROUP)
        members = Function(self, "PostConfirmation", post_confirmation)
        flows.on("postConfirmation", members)
        flows.grant(members, "AdminAddUserToGroup")
        app = flows.add_client("App", explicit_auth_flows=ALL_FLOWS, prevent_user_existence_errors="LEGACY")
        server = flows.add_client("Server", generate_secret=True, explicit_auth_flows=ALL_FLOWS)
        # the token lifecycle: a client that rotates refresh tokens (8 s of grace), one that cannot revoke
        flows.add_client("Rotating", explicit_auth_flows=ALL_FLOWS,
                         refresh_token_rotation=[RefreshTokenRotation(feature="ENABLED", retry_grace_period_seconds=8)])
        flows.add_client("Unrevocable", explicit_auth_flows=ALL_FLOWS, enable_token_revocation=False)
        # managed login: the pool's domain, a public web client (code with PKCE, and implicit) and a confidential one
        flows.add_domain(prefix="flows-local")
        flows.add_client("Web", allowed_oauth_flows=["code", "implicit"], allow_implicit_flow=True,
                         allowed_oauth_scopes=["openid", "email", "profile"], callback_urls=[CALLBACK],
                         logout_urls=[SIGNED_OUT])
        flows.add_client("WebServer", generate_secret=True, allowed_oauth_flows=["code"],
                         allowed_oauth_scopes=["openid", "email"], callback_urls=[CALLBACK])
        TerraformOutput(self, "FlowsPoolId", value=flows.user_pool_id)
        TerraformOutput(self, "FlowsClientId", value=app.client_id)
        TerraformOutput(self, "ServerClientId", value=server.client_id)

        classic = UserPool(
            self, "Classic", removal_policy="destroy", username_attributes=["email"], auto_verified_attributes=["email"],
            lambda_triggers={"pre_sign_up": pre_sign_up,
                             "pre_token_generation": LambdaTrigger(add_claims_v1, lambda_version="V1_0")},
        )
        classic.add_group("staff")
        classic_client = classic.add_client("App", explicit_auth_flows=ALL_FLOWS)
        classic.add_domain(prefix="classic-local")
        classic.add_client("Web", allowed_oauth_flows=["code"], allowed_oauth_scopes=["openid", "email"],
                           callback_urls=[CALLBACK])
        TerraformOutput(self, "ClassicPoolId", value=classic.user_pool_id)
        TerraformOutput(self, "ClassicClientId", value=classic_client.client_id)

        # MFA required: a user without a second factor sets up an authenticator while signing in (MFA_SETUP)
        # remembered devices (when the user says so) sign in without the code: tests/local/cognito/test_devices.py
        strict = UserPool(
            self, "Strict", removal_policy="destroy", mfa_configuration="ON",
            software_token_mfa_configuration={"enabled": True},
            device_configuration={"challenge_required_on_new_device": True,
                                  "device_only_remembered_on_user_prompt": True},
            lambda_triggers={"pre_token_generation": LambdaTrigger(add_claims_v2, lambda_version="V2_0")},
        )
        strict_client = strict.add_client("App", explicit_auth_flows=ALL_FLOWS)
        # managed login asks for the code, or sets an authenticator up: tests/local/cognito/test_managed_login_mfa.py
        strict.add_domain(prefix="strict-local")
        strict.add_client("Web", allowed_oauth_flows=["code"], allowed_oauth_scopes=["openid"], callback_urls=[CALLBACK])
        TerraformOutput(self, "StrictPoolId", value=strict.user_pool_id)
        TerraformOutput(self, "StrictClientId", value=strict_client.client_id)

        # MFA required by SMS or email: a user with a phone number or an address gets a code; one with neither
        # sets email up while signing in; where SMS is the only factor, a user without a phone cannot sign in
        sms = sms_configuration(self, "RequiredSms")
        required = UserPool(
            self, "Required", removal_policy="destroy", mfa_configuration="ON", sms_configuration=sms,
            email_configuration=EMAIL_BY_SES, email_mfa_configuration={"message": "Code {####}", "subject": "Code"},
        )
        required_client = required.add_client("App", explicit_auth_flows=ALL_FLOWS)
        sms_only = UserPool(self, "SmsOnly", removal_policy="destroy", mfa_configuration="ON", sms_configuration=sms)
        sms_only_client = sms_only.add_client("App", explicit_auth_flows=ALL_FLOWS)
        TerraformOutput(self, "RequiredPoolId", value=required.user_pool_id)
        TerraformOutput(self, "RequiredClientId", value=required_client.client_id)
        TerraformOutput(self, "SmsOnlyPoolId", value=sms_only.user_pool_id)
        TerraformOutput(self, "SmsOnlyClientId", value=sms_only_client.client_id)


class Senders(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region=REGION)
        pool = UserPool(
            self, "Senders", removal_policy="destroy", username_attributes=["email"], auto_verified_attributes=["email"],
            user_pool_tier="ESSENTIALS",
            # MFA by SMS and email: the codes go to the custom senders (..._Authentication)
            mfa_configuration="OPTIONAL", sms_configuration=sms_configuration(self, "SendersSms"),
            email_configuration=EMAIL_BY_SES, email_mfa_configuration={"message": "Code: {####}", "subject": "Code"},
            lambda_triggers={"pre_token_generation": LambdaTrigger(add_claims_v3, lambda_version="V3_0")},
        )
        sender = Function(self, "Sender", send_code, architecture="x86_64", timeout=10,
                          requirements=["aws-encryption-sdk==4.0.7"])
        pool.on("customEmailSender", sender)
        pool.on("customSmsSender", sender)
        client = pool.add_client("App", explicit_auth_flows=ALL_FLOWS)
        api = pool.add_resource_server("https://api.example.com", scopes={"read": "Read", "write": "Write"})
        pool.add_client("Machine", generate_secret=True, allowed_oauth_flows=["client_credentials"],
                        allowed_oauth_scopes=[api.scope("read"), api.scope("write")])
        pool.add_domain(prefix="senders-local")
        pool.add_client("Web", allowed_oauth_flows=["code"], allowed_oauth_scopes=["openid", api.scope("read")],
                        callback_urls=[CALLBACK])
        TerraformOutput(self, "PoolId", value=pool.user_pool_id)
        TerraformOutput(self, "ClientId", value=client.client_id)


def main() -> None:
    app = App()
    Triggers(app, "triggers")
    Senders(app, "senders")
    app.synth()


if __name__ == "__main__":
    main()
