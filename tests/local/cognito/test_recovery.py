"""ForgotPassword / ConfirmForgotPassword (user migration for unknown users), AdminResetUserPassword,
and attribute changes: UpdateUserAttributes, AdminUpdateUserAttributes, GetUserAttributeVerificationCode,
VerifyUserAttribute, with their message triggers."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from .conftest import Pool

PASSWORD = "Recover-Pass-1"
NEW_PASSWORD = "Recovered-Pass-2"


@pytest.fixture(autouse=True)
def fresh(cognito_aws: Any, flows: Pool) -> None:
    cognito_aws.trace(flows.id, clear=True)
    cognito_aws.outbox(flows.id, clear=True)


def signed_in(aws: Any, pool: Pool, idp: Any, email: str) -> dict[str, Any]:
    idp.sign_up(ClientId=pool.client_id, Username=email, Password=PASSWORD)
    answer = idp.initiate_auth(ClientId=pool.client_id, AuthFlow="USER_PASSWORD_AUTH",
                               AuthParameters={"USERNAME": email, "PASSWORD": PASSWORD})
    aws.trace(pool.id, clear=True)
    aws.outbox(pool.id, clear=True)
    return dict(answer["AuthenticationResult"])


def test_forgot_then_confirm_forgot_password(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    public_idp.sign_up(ClientId=flows.client_id, Username="auto-rae@example.com", Password=PASSWORD)
    cognito_aws.trace(flows.id, clear=True)
    answer = public_idp.forgot_password(ClientId=flows.client_id, Username="auto-rae@example.com",
                                        ClientMetadata={"flow": "reset"})
    assert answer["CodeDeliveryDetails"] == {"Destination": "a***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    (message,) = cognito_aws.trace(flows.id, clear=True)
    assert message.trigger_source == "CustomMessage_ForgotPassword"
    assert message.event["request"]["clientMetadata"] == {"flow": "reset"}
    (mail,) = cognito_aws.outbox(flows.id)
    assert (mail.kind, mail.subject, mail.body) == ("ForgotPassword", "Code for ForgotPassword", f"Your code is {mail.code}.")
    with pytest.raises(ClientError) as wrong:
        public_idp.confirm_forgot_password(ClientId=flows.client_id, Username="auto-rae@example.com",
                                           ConfirmationCode="not-it", Password=NEW_PASSWORD)
    assert wrong.value.response["Error"]["Code"] == "CodeMismatchException"
    public_idp.confirm_forgot_password(ClientId=flows.client_id, Username="auto-rae@example.com",
                                       ConfirmationCode=mail.code, Password=NEW_PASSWORD)
    (post,) = cognito_aws.trace(flows.id, clear=True)
    assert post.trigger_source == "PostConfirmation_ConfirmForgotPassword"
    public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": "auto-rae@example.com", "PASSWORD": NEW_PASSWORD})


def test_forgot_password_migrates_an_unknown_user_without_a_password(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    public_idp.forgot_password(ClientId=flows.client_id, Username="legacy-sam@example.com", ClientMetadata={"k": "v"})
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == ["UserMigration_ForgotPassword", "CustomMessage_ForgotPassword"]
    assert trace[0].event["request"] == {"clientMetadata": {"k": "v"}}  # no password field
    assert idp.admin_get_user(UserPoolId=flows.id, Username="legacy-sam@example.com")["UserStatus"] == "CONFIRMED"
    (mail,) = cognito_aws.outbox(flows.id)
    public_idp.confirm_forgot_password(ClientId=flows.client_id, Username="legacy-sam@example.com",
                                       ConfirmationCode=mail.code, Password=NEW_PASSWORD)
    with pytest.raises(ClientError) as unknown:
        public_idp.forgot_password(ClientId=flows.client_id, Username="nobody@example.com")
    assert unknown.value.response["Error"]["Code"] == "UserNotFoundException"


def test_admin_reset_user_password_sends_the_reset_code(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    public_idp.sign_up(ClientId=flows.client_id, Username="auto-ty@example.com", Password=PASSWORD)
    cognito_aws.trace(flows.id, clear=True)
    idp.admin_reset_user_password(UserPoolId=flows.id, Username="auto-ty@example.com")
    assert cognito_aws.trace_sources(flows.id) == ["CustomMessage_ForgotPassword"]
    assert idp.admin_get_user(UserPoolId=flows.id, Username="auto-ty@example.com")["UserStatus"] == "RESET_REQUIRED"
    with pytest.raises(ClientError) as reset:
        public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="USER_PASSWORD_AUTH",
                                 AuthParameters={"USERNAME": "auto-ty@example.com", "PASSWORD": PASSWORD})
    assert reset.value.response["Error"]["Code"] == "PasswordResetRequiredException"


def test_changing_the_email_sends_a_code_to_the_new_address(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    tokens = signed_in(cognito_aws, flows, public_idp, "auto-uma@example.com")
    answer = public_idp.update_user_attributes(AccessToken=tokens["AccessToken"], ClientMetadata={"why": "moved"},
                                               UserAttributes=[{"Name": "email", "Value": "auto-uma@example.org"}])
    assert answer["CodeDeliveryDetailsList"][0]["Destination"] == "a***@e***"
    (message,) = cognito_aws.trace(flows.id)
    assert message.trigger_source == "CustomMessage_UpdateUserAttribute"
    assert message.event["request"]["userAttributes"]["email"] == "auto-uma@example.org"
    assert message.event["request"]["userAttributes"]["email_verified"] == "false"
    (mail,) = cognito_aws.outbox(flows.id)
    assert mail.destination == "auto-uma@example.org" and mail.kind == "UpdateUserAttribute"
    public_idp.verify_user_attribute(AccessToken=tokens["AccessToken"], AttributeName="email", Code=mail.code)
    assert cognito_aws.trace_sources(flows.id) == ["CustomMessage_UpdateUserAttribute"]  # verifying runs no trigger
    user = idp.admin_get_user(UserPoolId=flows.id, Username="auto-uma@example.org")
    assert {a["Name"]: a["Value"] for a in user["UserAttributes"]}["email_verified"] == "true"


def test_get_user_attribute_verification_code(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    tokens = signed_in(cognito_aws, flows, public_idp, "auto-vi@example.com")
    public_idp.get_user_attribute_verification_code(AccessToken=tokens["AccessToken"], AttributeName="email")
    assert cognito_aws.trace_sources(flows.id) == ["CustomMessage_VerifyUserAttribute"]
    (mail,) = cognito_aws.outbox(flows.id)
    assert mail.kind == "VerifyUserAttribute" and mail.subject == "Code for VerifyUserAttribute"
    with pytest.raises(ClientError) as wrong:
        public_idp.verify_user_attribute(AccessToken=tokens["AccessToken"], AttributeName="email", Code="x")
    assert wrong.value.response["Error"]["Code"] == "CodeMismatchException"
    public_idp.verify_user_attribute(AccessToken=tokens["AccessToken"], AttributeName="email", Code=mail.code)


def test_a_refused_custom_message_leaves_the_attributes_unchanged(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    tokens = signed_in(cognito_aws, flows, public_idp, "auto-wes@example.com")
    with pytest.raises(ClientError) as refused:
        public_idp.update_user_attributes(AccessToken=tokens["AccessToken"],
                                          UserAttributes=[{"Name": "email", "Value": "msg-nocode@example.org"}])
    assert refused.value.response["Error"]["Code"] == "InvalidLambdaResponseException"
    user = idp.admin_get_user(UserPoolId=flows.id, Username="auto-wes@example.com")
    assert {a["Name"]: a["Value"] for a in user["UserAttributes"]}["email"] == "auto-wes@example.com"


def test_admin_update_user_attributes_sends_the_code_too(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    signed_in(cognito_aws, flows, public_idp, "auto-xi@example.com")
    idp.admin_update_user_attributes(UserPoolId=flows.id, Username="auto-xi@example.com",
                                     UserAttributes=[{"Name": "email", "Value": "auto-xi@example.net"}])
    assert cognito_aws.trace_sources(flows.id, clear=True) == ["CustomMessage_UpdateUserAttribute"]
    idp.admin_update_user_attributes(UserPoolId=flows.id, Username="auto-xi@example.net", UserAttributes=[
        {"Name": "email", "Value": "auto-xi@example.com"}, {"Name": "email_verified", "Value": "true"}])
    assert cognito_aws.trace_sources(flows.id) == []  # marked verified by the admin: no code
