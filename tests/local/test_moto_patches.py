"""Each addition of the emulator's gap-filling layer, over HTTP, checked against botocore's service model.

Requests go through boto3 (which checks them against the model's input shapes); raw answers are
checked against the output shapes by :mod:`tests.local._shapes`. Needs moto only, no terraform.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from botocore.exceptions import ClientError

from cdktf_userpool.local import LocalAws
from cdktf_userpool.local._moto_patches import ADDITIONS, MOTO_VERSION
from cdktf_userpool.local._server import ADMIN_USER

from ._shapes import RawAnswers, output_shape, problems

REGION = "eu-west-1"
ACCOUNT = "123456789012"


def error_code(exc: pytest.ExceptionInfo[ClientError]) -> str:
    return str(exc.value.response["Error"]["Code"])


def test_the_layer_is_pinned_to_the_installed_moto() -> None:
    import moto

    assert moto.__version__ == MOTO_VERSION
    assert len(ADDITIONS) == len({a.__name__ for a in ADDITIONS}) >= 7


def test_shape_check_finds_unknown_and_missing_members() -> None:
    shape = output_shape("cognito-identity", "GetIdentityPoolRoles")
    assert shape is not None
    assert list(problems({"IdentityPoolId": "eu-west-1:x", "Roles": {"authenticated": "arn"}}, shape)) == []
    found = list(problems({"IdentityPoolID": "x", "RoleMappings": {"p": {"Type": "Nope"}}}, shape))
    assert any("IdentityPoolID" in p for p in found) and any("Nope" in p for p in found)


# -- cognito-identity: SetIdentityPoolRoles / GetIdentityPoolRoles --------------------------------


@pytest.fixture(scope="module")
def identity(aws: LocalAws) -> tuple[Any, RawAnswers, str]:
    client = aws.client("cognito-identity", region=REGION)
    raw = RawAnswers(client)
    pool = client.create_identity_pool(IdentityPoolName="roles", AllowUnauthenticatedIdentities=False)
    return client, raw, pool["IdentityPoolId"]


def test_identity_pool_roles_round_trip(identity: tuple[Any, RawAnswers, str]) -> None:
    client, raw, pool_id = identity
    provider = f"cognito-idp.{REGION}.amazonaws.com/{REGION}_Abc:client"
    roles = {"authenticated": f"arn:aws:iam::{ACCOUNT}:role/signed-in"}
    mappings = {
        provider: {
            "Type": "Rules",
            "AmbiguousRoleResolution": "AuthenticatedRole",
            "RulesConfiguration": {
                "Rules": [{"Claim": "cognito:groups", "MatchType": "Contains", "Value": "admins",
                           "RoleARN": f"arn:aws:iam::{ACCOUNT}:role/admins"}]
            },
        }
    }
    client.set_identity_pool_roles(IdentityPoolId=pool_id, Roles=roles, RoleMappings=mappings)
    raw.check("SetIdentityPoolRoles")
    answer = client.get_identity_pool_roles(IdentityPoolId=pool_id)
    assert raw.check("GetIdentityPoolRoles") == {"IdentityPoolId": pool_id, "Roles": roles, "RoleMappings": mappings}
    assert answer["Roles"] == roles and answer["RoleMappings"] == mappings

    # what the AWS provider does on destroy: empty roles
    client.set_identity_pool_roles(IdentityPoolId=pool_id, Roles={})
    client.get_identity_pool_roles(IdentityPoolId=pool_id)
    assert raw.check("GetIdentityPoolRoles") == {"IdentityPoolId": pool_id}


def test_identity_pool_roles_refusals(identity: tuple[Any, RawAnswers, str]) -> None:
    client, _, pool_id = identity
    with pytest.raises(ClientError) as missing:
        client.get_identity_pool_roles(IdentityPoolId=f"{REGION}:00000000-0000-0000-0000-000000000000")
    assert error_code(missing) == "ResourceNotFoundException"
    with pytest.raises(ClientError) as bad:
        client.set_identity_pool_roles(
            IdentityPoolId=pool_id, Roles={}, RoleMappings={"p": {"Type": "Sometimes"}}  # enums are not checked client-side
        )
    assert error_code(bad) == "InvalidParameterException" and "Token, Rules" in str(bad.value)
    with pytest.raises(ClientError) as unknown_role:
        client.set_identity_pool_roles(IdentityPoolId=pool_id, Roles={"admin": f"arn:aws:iam::{ACCOUNT}:role/x"})
    assert error_code(unknown_role) == "InvalidParameterException"


# -- cognito-idp: UserPoolTier, resource servers, tags, chosen IDs ---------------------------------


@pytest.fixture(scope="module")
def idp(aws: LocalAws) -> tuple[Any, RawAnswers]:
    client = aws.client("cognito-idp", region=REGION)
    return client, RawAnswers(client)


def test_a_pool_created_without_a_tier_is_essentials(idp: tuple[Any, RawAnswers]) -> None:
    client, raw = idp
    pool_id = client.create_user_pool(PoolName="tierless")["UserPool"]["Id"]
    client.describe_user_pool(UserPoolId=pool_id)
    assert raw.check("DescribeUserPool")["UserPool"]["UserPoolTier"] == "ESSENTIALS"


def test_update_without_a_tier_keeps_it(idp: tuple[Any, RawAnswers]) -> None:
    client, _ = idp
    pool_id = client.create_user_pool(PoolName="plus", UserPoolTier="PLUS")["UserPool"]["Id"]
    client.update_user_pool(UserPoolId=pool_id, AutoVerifiedAttributes=["email"])
    described = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert described["UserPoolTier"] == "PLUS" and described["AutoVerifiedAttributes"] == ["email"]
    client.update_user_pool(UserPoolId=pool_id, UserPoolTier="LITE")
    assert client.describe_user_pool(UserPoolId=pool_id)["UserPool"]["UserPoolTier"] == "LITE"


def test_a_protected_pool_cannot_be_deleted_until_protection_is_lifted(idp: tuple[Any, RawAnswers]) -> None:
    import botocore.session

    from cdktf_userpool.local._moto_patches import PROTECTED_MESSAGE

    client, raw = idp
    pool_id = client.create_user_pool(PoolName="kept", DeletionProtection="ACTIVE")["UserPool"]["Id"]
    client.admin_create_user(UserPoolId=pool_id, Username="alice", MessageAction="SUPPRESS")
    client.describe_user_pool(UserPoolId=pool_id)
    assert raw.check("DescribeUserPool")["UserPool"]["DeletionProtection"] == "ACTIVE"
    with pytest.raises(ClientError) as refused:
        client.delete_user_pool(UserPoolId=pool_id)
    model = botocore.session.get_session().get_service_model("cognito-idp").operation_model("DeleteUserPool")
    assert error_code(refused) == "InvalidParameterException" in [shape.name for shape in model.error_shapes]
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert refused.value.response["Error"]["Message"] == PROTECTED_MESSAGE == (
        "The user pool cannot be deleted because deletion protection is activated. "
        "Deletion protection must be inactivated first.")  # Cognito's words
    assert client.admin_get_user(UserPoolId=pool_id, Username="alice")["Username"] == "alice"
    client.update_user_pool(UserPoolId=pool_id, DeletionProtection="INACTIVE")
    client.delete_user_pool(UserPoolId=pool_id)
    with pytest.raises(ClientError) as gone:
        client.describe_user_pool(UserPoolId=pool_id)
    assert error_code(gone) == "ResourceNotFoundException"


def test_resource_servers_update_and_delete(idp: tuple[Any, RawAnswers]) -> None:
    client, raw = idp
    pool_id = client.create_user_pool(PoolName="servers")["UserPool"]["Id"]
    client.create_resource_server(UserPoolId=pool_id, Identifier="https://api", Name="api",
                                  Scopes=[{"ScopeName": "read", "ScopeDescription": "Read"}])
    client.update_resource_server(UserPoolId=pool_id, Identifier="https://api", Name="API",
                                  Scopes=[{"ScopeName": "write", "ScopeDescription": "Write"}])
    updated = raw.check("UpdateResourceServer")["ResourceServer"]
    assert updated["Name"] == "API" and updated["Scopes"] == [{"ScopeName": "write", "ScopeDescription": "Write"}]
    assert client.describe_resource_server(UserPoolId=pool_id, Identifier="https://api")["ResourceServer"]["Name"] == "API"
    client.delete_resource_server(UserPoolId=pool_id, Identifier="https://api")
    raw.check("DeleteResourceServer")
    for call in (client.describe_resource_server, client.delete_resource_server):
        with pytest.raises(ClientError) as gone:
            call(UserPoolId=pool_id, Identifier="https://api")
        assert error_code(gone) == "ResourceNotFoundException"


def test_user_pool_tags(idp: tuple[Any, RawAnswers]) -> None:
    client, raw = idp
    pool = client.create_user_pool(PoolName="tagged", UserPoolTags={"team": "identity"})["UserPool"]
    client.tag_resource(ResourceArn=pool["Arn"], Tags={"cost": "auth"})
    client.untag_resource(ResourceArn=pool["Arn"], TagKeys=["team"])
    raw.check("TagResource"), raw.check("UntagResource")
    client.list_tags_for_resource(ResourceArn=pool["Arn"])
    assert raw.check("ListTagsForResource") == {"Tags": {"cost": "auth"}}
    assert client.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]["UserPoolTags"] == {"cost": "auth"}
    with pytest.raises(ClientError) as unknown:
        client.list_tags_for_resource(ResourceArn=pool["Arn"] + "x")
    assert error_code(unknown) == "ResourceNotFoundException"


def test_create_user_pool_with_a_chosen_id(aws: LocalAws, idp: tuple[Any, RawAnswers]) -> None:
    client, _ = idp
    pool = aws.create_user_pool(f"{REGION}_Chosen1", name="theirs", UserPoolTags={"owner": "them"})
    assert pool["Id"] == f"{REGION}_Chosen1"
    assert pool["Arn"] == f"arn:aws:cognito-idp:{REGION}:{ACCOUNT}:userpool/{REGION}_Chosen1"
    described = client.describe_user_pool(UserPoolId=f"{REGION}_Chosen1")["UserPool"]
    assert described["Name"] == "theirs" and described["UserPoolTags"] == {"owner": "them"}  # the ID tag is gone
    with pytest.raises(ClientError, match="exists already"):
        aws.create_user_pool(f"{REGION}_Chosen1")
    with pytest.raises(ClientError, match="not a user pool ID of region"):
        client.create_user_pool(PoolName="x", UserPoolTags={"_custom_id_": "us-east-1_Elsewhere"})


# -- IAM authorization ----------------------------------------------------------------------------


def _role_session(aws: LocalAws, name: str, statements: list[dict[str, Any]]) -> Any:
    """A boto3 session with the credentials of a new role allowed ``statements``."""
    import boto3

    iam = aws.client("iam")
    admin = f"arn:aws:iam::{ACCOUNT}:user/{ADMIN_USER}"  # moto does not read ":root" as the whole account
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": admin}, "Action": "sts:AssumeRole"}]}
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.put_role_policy(RoleName=name, PolicyName="p", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": statements}))
    credentials = aws.client("sts").assume_role(RoleArn=arn, RoleSessionName=name)["Credentials"]
    return boto3.session.Session(
        aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"], region_name=REGION,
    )


def test_get_requests_pass_the_signature_check(aws: LocalAws) -> None:
    import boto3

    assert aws.enforce_iam
    aws.client("lambda", region=REGION).list_functions()  # a GET without a body
    key, _ = aws.credentials
    forged = boto3.session.Session(aws_access_key_id=key, aws_secret_access_key="wrong", region_name=REGION)
    with pytest.raises(ClientError) as refused:
        forged.client("lambda", endpoint_url=aws.endpoint_url).list_functions()
    assert error_code(refused) == "InvalidSignatureException"  # Lambda's code, in JSON (moto's is XML)


def test_cognito_calls_are_authorized_against_the_pool_arn(aws: LocalAws, idp: tuple[Any, RawAnswers]) -> None:
    client, _ = idp
    mine = client.create_user_pool(PoolName="mine")["UserPool"]
    other = client.create_user_pool(PoolName="other")["UserPool"]
    session = _role_session(aws, "reads-mine", [{"Effect": "Allow", "Action": "cognito-idp:DescribeUserPool", "Resource": mine["Arn"]}])
    scoped = session.client("cognito-idp", endpoint_url=aws.endpoint_url)
    assert scoped.describe_user_pool(UserPoolId=mine["Id"])["UserPool"]["Name"] == "mine"
    with pytest.raises(ClientError) as denied:
        scoped.describe_user_pool(UserPoolId=other["Id"])
    assert error_code(denied) == "AccessDeniedException"
    with pytest.raises(ClientError) as not_allowed:
        scoped.delete_user_pool(UserPoolId=mine["Id"])
    assert error_code(not_allowed) == "AccessDeniedException"


# -- APIs moto does not implement ------------------------------------------------------------------


def test_unimplemented_api_fails_fast_and_is_named(aws: LocalAws, idp: tuple[Any, RawAnswers]) -> None:
    client, _ = idp
    pool_id = client.create_user_pool(PoolName="ui")["UserPool"]["Id"]
    started = time.monotonic()
    with pytest.raises(ClientError) as refused:
        client.get_ui_customization(UserPoolId=pool_id)
    assert time.monotonic() - started < 10  # HTTP 501 is not retried
    assert error_code(refused) == "NotImplemented"
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 501
    assert "cognito-idp:GetUICustomization" in str(refused.value)
    assert "UNIMPLEMENTED cognito-idp:GetUICustomization" in aws.log


# -- lambda: LoggingConfig, SnapStart, TracingConfig -------------------------------------------------


def test_lambda_logging_snap_start_and_tracing_are_kept(aws: LocalAws) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", "def handler(event, context):\n    return event\n")
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    role = aws.client("iam").create_role(RoleName="logging-test", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    client = aws.client("lambda", region=REGION)
    raw = RawAnswers(client)
    client.create_function(FunctionName="logs-json", Role=role, Runtime="python3.12", Handler="app.handler",
                           Code={"ZipFile": buffer.getvalue()}, LoggingConfig={"LogFormat": "JSON"},
                           SnapStart={"ApplyOn": "PublishedVersions"}, TracingConfig={"Mode": "Active"})
    created = raw.check("CreateFunction")
    assert created["LoggingConfig"] == {"LogFormat": "JSON", "ApplicationLogLevel": "INFO", "SystemLogLevel": "INFO",
                                        "LogGroup": "/aws/lambda/logs-json"}
    assert created["SnapStart"] == {"ApplyOn": "PublishedVersions", "OptimizationStatus": "Off"}
    client.update_function_configuration(FunctionName="logs-json", LoggingConfig={"LogFormat": "Text"},
                                         TracingConfig={"Mode": "PassThrough"}, SnapStart={"ApplyOn": "None"})
    client.get_function_configuration(FunctionName="logs-json")
    updated = raw.check("GetFunctionConfiguration")
    assert updated["LoggingConfig"] == {"LogFormat": "Text", "LogGroup": "/aws/lambda/logs-json"}
    assert updated["TracingConfig"] == {"Mode": "PassThrough"} and updated["SnapStart"]["ApplyOn"] == "None"
    client.create_function(FunctionName="logs-default", Role=role, Runtime="python3.12", Handler="app.handler",
                           Code={"ZipFile": buffer.getvalue()})
    client.get_function(FunctionName="logs-default")
    assert raw.check("GetFunction")["Configuration"]["LoggingConfig"] == {"LogFormat": "Text", "LogGroup": "/aws/lambda/logs-default"}


def test_a_retried_create_function_answers_the_function_it_made(aws: LocalAws) -> None:
    """The SDK retries ``CreateFunction`` when an answer is lost (a loaded host): the retry, carrying the same
    ``amz-sdk-invocation-id``, gets the function; another call for the same name is still a conflict."""
    import io
    import zipfile

    iam = aws.client("iam")
    role = iam.create_role(RoleName="retried-create", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", "def handler(event, context):\n    return event\n")
    client = aws.client("lambda", region=REGION)
    call = {"id": "7d2c4f1e-0000-4000-8000-000000000001"}

    def same_call(request: Any, **_: Any) -> None:
        del request.headers["amz-sdk-invocation-id"]
        request.headers["amz-sdk-invocation-id"] = call["id"]

    client.meta.events.register("before-send.lambda.CreateFunction", same_call)  # after the SDK sets its own, unsigned
    create = {"FunctionName": "retried", "Role": role, "Runtime": "python3.12", "Handler": "app.handler",
              "Code": {"ZipFile": buffer.getvalue()}}
    first = client.create_function(**create)
    again = client.create_function(**create)  # the same call, retried
    assert again["FunctionArn"] == first["FunctionArn"] and again["CodeSha256"] == first["CodeSha256"]
    call["id"] = "7d2c4f1e-0000-4000-8000-000000000002"
    with pytest.raises(ClientError) as conflict:
        client.create_function(**create)
    assert error_code(conflict) == "ResourceConflictException"


# -- cognito-idp: updates reset what they leave out, keep what they cannot set ----------------------------

RICH_POOL: dict[str, Any] = {
    "PoolName": "rich",
    "UsernameAttributes": ["email"],
    "UsernameConfiguration": {"CaseSensitive": False},
    "Schema": [{"Name": "tenant", "AttributeDataType": "String", "Mutable": True}],
    "AutoVerifiedAttributes": ["email"],
    "Policies": {"PasswordPolicy": {"MinimumLength": 12, "RequireUppercase": False, "RequireLowercase": True,
                                    "RequireNumbers": False, "RequireSymbols": False, "TemporaryPasswordValidityDays": 3}},
    "EmailVerificationSubject": "Your code",
    "EmailVerificationMessage": "Code: {####}",
    "SmsAuthenticationMessage": "Auth code {####}",
    "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True},
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
    "DeletionProtection": "ACTIVE",
    "UserPoolTags": {"team": "auth"},
    "UserPoolTier": "PLUS",
    "LambdaConfig": {"PreSignUp": f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:pre-sign-up"},
}
IDENTITY = ("Id", "Arn", "Name", "CreationDate", "LastModifiedDate", "EstimatedNumberOfUsers", "Status", "Domain",
            "CustomDomain", "EmailConfigurationFailure", "SmsConfigurationFailure")


def test_update_user_pool_resets_what_it_leaves_out_and_keeps_what_it_cannot_set(idp: tuple[Any, RawAnswers]) -> None:
    """Every member of DescribeUserPool's ``UserPool`` (botocore's ``UserPoolType``), after an ``UpdateUserPool``
    that sets only ``EmailVerificationSubject``: members the request cannot set keep their values, members it
    can set but left out are what a pool created without them has (its default), tags and the plan excepted."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("cognito-idp")
    settable = set(model.operation_model("UpdateUserPool").input_shape.members)
    client, raw = idp
    pool_id = client.create_user_pool(**RICH_POOL)["UserPool"]["Id"]
    before = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    default = client.describe_user_pool(
        UserPoolId=client.create_user_pool(PoolName="plain")["UserPool"]["Id"])["UserPool"]
    client.update_user_pool(UserPoolId=pool_id, EmailVerificationSubject="A new subject")
    client.describe_user_pool(UserPoolId=pool_id)
    after = raw.check("DescribeUserPool")["UserPool"]  # checked against the output shape too
    assert before["UsernameAttributes"] == ["email"]  # the case
    for member in model.shape_for("UserPoolType").members:
        if member in IDENTITY:
            continue
        if member == "EmailVerificationSubject":
            expected = "A new subject"
        elif member in ("UserPoolTags", "UserPoolTier") or member not in settable:
            expected = before.get(member)  # kept
        else:
            expected = default.get(member)  # reset
        assert after.get(member) == expected, (member, before.get(member), after.get(member))
    assert after["Name"] == before["Name"] and after["Id"] == pool_id


def test_update_user_pool_client_resets_what_it_leaves_out(idp: tuple[Any, RawAnswers]) -> None:
    """Every member of ``UserPoolClientType`` after an ``UpdateUserPoolClient`` that sets only the name: what a
    client created without the other members has (moto merged the update into the old settings)."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("cognito-idp")
    client, _ = idp
    pool_id = client.create_user_pool(PoolName="clients")["UserPool"]["Id"]
    rich = client.create_user_pool_client(
        UserPoolId=pool_id, ClientName="web", GenerateSecret=True, RefreshTokenValidity=5,
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], CallbackURLs=["https://app/cb"],
        AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid"], AllowedOAuthFlowsUserPoolClient=True,
        SupportedIdentityProviders=["COGNITO"], PreventUserExistenceErrors="ENABLED", EnableTokenRevocation=False,
    )["UserPoolClient"]
    plain = client.create_user_pool_client(UserPoolId=pool_id, ClientName="plain")["UserPoolClient"]
    client.update_user_pool_client(UserPoolId=pool_id, ClientId=rich["ClientId"], ClientName="renamed")
    after = client.describe_user_pool_client(UserPoolId=pool_id, ClientId=rich["ClientId"])["UserPoolClient"]
    for member in model.shape_for("UserPoolClientType").members:
        if member in ("ClientId", "ClientName", "CreationDate", "LastModifiedDate"):
            continue
        expected = rich.get(member) if member in ("ClientSecret", "ClientSecretArn", "ClientType", "UserPoolId") \
            else plain.get(member)
        assert after.get(member) == expected, (member, rich.get(member), after.get(member))
    assert after["ClientName"] == "renamed" and after["ClientSecret"] == rich["ClientSecret"]


def test_mfa_config_keeps_every_member_of_the_model(idp: tuple[Any, RawAnswers]) -> None:
    """``SetUserPoolMfaConfig`` keeps ``EmailMfaConfiguration`` and ``WebAuthnConfiguration`` (moto dropped them),
    ``GetUserPoolMfaConfig`` answers them in the model's shape, and a call leaving them out clears them."""
    client, raw = idp
    pool_id = client.create_user_pool(PoolName="mfa", UserPoolTier="ESSENTIALS")["UserPool"]["Id"]
    email = {"Message": "Your sign-in code is {####}", "Subject": "Sign-in code"}
    webauthn = {"RelyingPartyId": "auth.example.com", "UserVerification": "required"}
    answer = client.set_user_pool_mfa_config(
        UserPoolId=pool_id, MfaConfiguration="OPTIONAL", SoftwareTokenMfaConfiguration={"Enabled": True},
        EmailMfaConfiguration=email, WebAuthnConfiguration=webauthn)
    assert answer["EmailMfaConfiguration"] == email and answer["WebAuthnConfiguration"] == webauthn
    client.get_user_pool_mfa_config(UserPoolId=pool_id)
    found = raw.check("GetUserPoolMfaConfig")  # checked against the output shape
    assert found["EmailMfaConfiguration"] == email and found["WebAuthnConfiguration"] == webauthn
    assert found["SoftwareTokenMfaConfiguration"] == {"Enabled": True} and found["MfaConfiguration"] == "OPTIONAL"
    client.set_user_pool_mfa_config(UserPoolId=pool_id, MfaConfiguration="OPTIONAL",
                                    SoftwareTokenMfaConfiguration={"Enabled": True})
    cleared = client.get_user_pool_mfa_config(UserPoolId=pool_id)
    assert "EmailMfaConfiguration" not in cleared and "WebAuthnConfiguration" not in cleared
