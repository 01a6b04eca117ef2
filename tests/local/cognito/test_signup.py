"""SignUp, ConfirmSignUp, AdminConfirmSignUp, ResendConfirmationCode, AdminCreateUser: the triggers
they run, in Cognito's order, with the events Cognito sends; and Cognito's answers when one fails."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from .conftest import Pool

PASSWORD = "Sign-up-Pass-1"


def sources(aws: Any, pool: Pool) -> list[str]:
    return aws.trace_sources(pool.id, clear=True)


@pytest.fixture(autouse=True)
def fresh(cognito_aws: Any, flows: Pool) -> None:
    cognito_aws.trace(flows.id, clear=True)
    cognito_aws.outbox(flows.id, clear=True)


def test_sign_up_sends_the_code_through_the_custom_message_trigger(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    answer = public_idp.sign_up(ClientId=flows.client_id, Username="ann@example.com", Password=PASSWORD,
                                ValidationData=[{"Name": "invite", "Value": "x1"}], ClientMetadata={"app": "web"})
    assert answer["UserConfirmed"] is False
    assert answer["CodeDeliveryDetails"] == {"Destination": "a***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == ["PreSignUp_SignUp", "CustomMessage_SignUp"]
    pre = trace[0].event
    assert pre["userName"] == answer["UserSub"] and pre["userPoolId"] == flows.id
    assert pre["callerContext"]["clientId"] == flows.client_id
    assert pre["request"]["userAttributes"]["email"] == "ann@example.com"
    assert pre["request"]["validationData"] == {"invite": "x1"}
    assert pre["request"]["clientMetadata"] == {"app": "web"}
    assert pre["response"] == {"autoConfirmUser": False, "autoVerifyEmail": False, "autoVerifyPhone": False}
    message = trace[1].event
    assert message["request"]["codeParameter"] == "{####}"
    assert message["request"]["userAttributes"]["cognito:user_status"] == "UNCONFIRMED"
    (mail,) = cognito_aws.outbox(flows.id)
    assert (mail.destination, mail.medium, mail.subject, mail.kind) == ("ann@example.com", "EMAIL", "Code for SignUp", "SignUp")
    assert mail.body == f"Your code is {mail.code}." and len(mail.code) == 6


def test_confirm_sign_up_checks_the_code_then_runs_post_confirmation(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    sub = public_idp.sign_up(ClientId=flows.client_id, Username="bea@example.com", Password=PASSWORD)["UserSub"]
    (mail,) = cognito_aws.outbox(flows.id)
    cognito_aws.trace(flows.id, clear=True)
    wrong = "000000" if mail.code != "000000" else "111111"
    with pytest.raises(ClientError) as refused:
        public_idp.confirm_sign_up(ClientId=flows.client_id, Username="bea@example.com", ConfirmationCode=wrong)
    assert refused.value.response["Error"]["Code"] == "CodeMismatchException"
    assert cognito_aws.trace(flows.id) == []
    public_idp.confirm_sign_up(ClientId=flows.client_id, Username="bea@example.com", ConfirmationCode=mail.code,
                               ClientMetadata={"source": "email-link"})
    (post,) = cognito_aws.trace(flows.id)
    assert post.trigger_source == "PostConfirmation_ConfirmSignUp" and post.error is None
    assert post.event["userName"] == sub
    assert post.event["request"]["clientMetadata"] == {"source": "email-link"}
    assert post.event["request"]["userAttributes"]["cognito:user_status"] == "CONFIRMED"
    assert post.event["request"]["userAttributes"]["email_verified"] == "true"
    user = idp.admin_get_user(UserPoolId=flows.id, Username="bea@example.com")
    assert user["UserStatus"] == "CONFIRMED"
    groups = idp.admin_list_groups_for_user(UserPoolId=flows.id, Username=sub)["Groups"]
    assert [g["GroupName"] for g in groups] == ["members"]  # the trigger's own call, as its role
    with pytest.raises(ClientError) as again:  # the code is used up
        public_idp.confirm_sign_up(ClientId=flows.client_id, Username="bea@example.com", ConfirmationCode=mail.code)
    assert again.value.response["Error"]["Code"] == "NotAuthorizedException"


def test_auto_confirmed_sign_up_runs_post_confirmation_and_sends_no_code(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    answer = public_idp.sign_up(ClientId=flows.client_id, Username="auto-cy@example.com", Password=PASSWORD)
    assert answer["UserConfirmed"] is True and "CodeDeliveryDetails" not in answer
    assert sources(cognito_aws, flows) == ["PreSignUp_SignUp", "PostConfirmation_ConfirmSignUp"]
    assert cognito_aws.outbox(flows.id) == []
    user = idp.admin_get_user(UserPoolId=flows.id, Username="auto-cy@example.com")
    assert user["UserStatus"] == "CONFIRMED"
    assert {a["Name"]: a["Value"] for a in user["UserAttributes"]}["email_verified"] == "true"


@pytest.mark.parametrize(("mode", "code", "message"), [
    ("presignup-raise", "UserLambdaValidationException", "PreSignUp failed with error no sign-ups for presignup-raise."),
    ("presignup-junk", "InvalidLambdaResponseException", "Unrecognizable lambda output"),
])
def test_a_failing_pre_sign_up_refuses_the_sign_up_and_creates_no_user(
    cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any, mode: str, code: str, message: str
) -> None:
    with pytest.raises(ClientError) as refused:
        public_idp.sign_up(ClientId=flows.client_id, Username=f"{mode}@example.com", Password=PASSWORD)
    assert refused.value.response["Error"] == {"Code": code, "Message": message}
    (entry,) = cognito_aws.trace(flows.id)
    assert entry.trigger_source == "PreSignUp_SignUp" and entry.error["exception"] == code
    with pytest.raises(ClientError) as missing:
        idp.admin_get_user(UserPoolId=flows.id, Username=f"{mode}@example.com")
    assert missing.value.response["Error"]["Code"] == "UserNotFoundException"
    assert cognito_aws.outbox(flows.id) == []


def test_a_pre_sign_up_past_its_timeout_is_tried_three_times(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    with pytest.raises(ClientError) as refused:
        public_idp.sign_up(ClientId=flows.client_id, Username="presignup-slow@example.com", Password=PASSWORD)
    assert refused.value.response["Error"] == {
        "Code": "UnexpectedLambdaException",
        "Message": "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.",
    }
    trace = cognito_aws.trace(flows.id)
    assert [(e.trigger_source, e.attempt) for e in trace] == [("PreSignUp_SignUp", n) for n in (1, 2, 3)]
    assert all(e.error["exception"] == "UnexpectedLambdaException" for e in trace)
    with pytest.raises(ClientError):
        idp.admin_get_user(UserPoolId=flows.id, Username="presignup-slow@example.com")


def test_a_custom_message_without_the_code_is_refused_and_creates_no_user(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    with pytest.raises(ClientError) as refused:
        public_idp.sign_up(ClientId=flows.client_id, Username="msg-nocode@example.com", Password=PASSWORD)
    assert refused.value.response["Error"] == {"Code": "InvalidLambdaResponseException", "Message": "Unrecognizable lambda output"}
    assert sources(cognito_aws, flows) == ["PreSignUp_SignUp", "CustomMessage_SignUp"]
    assert cognito_aws.outbox(flows.id) == []
    with pytest.raises(ClientError):
        idp.admin_get_user(UserPoolId=flows.id, Username="msg-nocode@example.com")


def test_a_failing_post_confirmation_is_answered_but_the_user_stays_confirmed(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    public_idp.sign_up(ClientId=flows.client_id, Username="postconfirm-raise@example.com", Password=PASSWORD)
    (mail,) = cognito_aws.outbox(flows.id)
    with pytest.raises(ClientError) as refused:
        public_idp.confirm_sign_up(ClientId=flows.client_id, Username=mail.destination, ConfirmationCode=mail.code)
    assert refused.value.response["Error"] == {
        "Code": "UserLambdaValidationException", "Message": "PostConfirmation failed with error welcome mail failed."}
    assert idp.admin_get_user(UserPoolId=flows.id, Username=mail.destination)["UserStatus"] == "CONFIRMED"


def test_resend_sends_a_new_code_and_only_it_confirms(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    public_idp.sign_up(ClientId=flows.client_id, Username="dee@example.com", Password=PASSWORD)
    answer = public_idp.resend_confirmation_code(ClientId=flows.client_id, Username="dee@example.com",
                                                 ClientMetadata={"why": "lost"})
    assert answer["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    first, second = cognito_aws.outbox(flows.id)
    assert (first.kind, second.kind) == ("SignUp", "ResendCode")
    assert second.subject == "Code for ResendCode"
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == ["PreSignUp_SignUp", "CustomMessage_SignUp", "CustomMessage_ResendCode"]
    assert trace[-1].event["request"]["clientMetadata"] == {"why": "lost"}
    if first.code != second.code:
        with pytest.raises(ClientError):
            public_idp.confirm_sign_up(ClientId=flows.client_id, Username="dee@example.com", ConfirmationCode=first.code)
    public_idp.confirm_sign_up(ClientId=flows.client_id, Username="dee@example.com", ConfirmationCode=second.code)
    with pytest.raises(ClientError) as confirmed:
        public_idp.resend_confirmation_code(ClientId=flows.client_id, Username="dee@example.com")
    assert confirmed.value.response["Error"]["Code"] == "InvalidParameterException"


def test_admin_confirm_sign_up_runs_post_confirmation(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    sub = public_idp.sign_up(ClientId=flows.client_id, Username="eve@example.com", Password=PASSWORD)["UserSub"]
    cognito_aws.trace(flows.id, clear=True)
    idp.admin_confirm_sign_up(UserPoolId=flows.id, Username="eve@example.com", ClientMetadata={"by": "support"})
    (post,) = cognito_aws.trace(flows.id)
    assert post.trigger_source == "PostConfirmation_ConfirmSignUp"
    assert post.event["userName"] == sub and post.event["callerContext"]["clientId"] == "CLIENT_ID_NOT_APPLICABLE"
    assert post.event["request"]["clientMetadata"] == {"by": "support"}
    with pytest.raises(ClientError) as twice:
        idp.admin_confirm_sign_up(UserPoolId=flows.id, Username="eve@example.com")
    assert twice.value.response["Error"]["Message"] == "User cannot be confirmed. Current status is CONFIRMED"


def test_admin_create_user_ignores_the_flags_and_sends_the_temporary_password(cognito_aws: Any, flows: Pool, idp: Any) -> None:
    user = idp.admin_create_user(UserPoolId=flows.id, Username="auto-fay@example.com", DesiredDeliveryMediums=["EMAIL"],
                                 ClientMetadata={"invite": "hr"})["User"]
    assert user["UserStatus"] == "FORCE_CHANGE_PASSWORD"  # autoConfirmUser was ignored
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == ["PreSignUp_AdminCreateUser", "CustomMessage_AdminCreateUser"]
    assert trace[0].response["response"]["autoConfirmUser"] is True
    assert trace[1].event["request"]["usernameParameter"] == "{username}"
    (mail,) = cognito_aws.outbox(flows.id)
    assert mail.kind == "AdminCreateUser" and mail.subject == "Your new account"
    assert mail.body == f"User {user['Username']}, password {mail.code}."
    attributes = {a["Name"]: a["Value"] for a in user["Attributes"]}
    assert "email_verified" not in attributes


def test_admin_create_user_with_suppress_sends_nothing(cognito_aws: Any, flows: Pool, idp: Any) -> None:
    idp.admin_create_user(UserPoolId=flows.id, Username="gus@example.com", MessageAction="SUPPRESS",
                          TemporaryPassword="Temp-Pass-123")
    assert sources(cognito_aws, flows) == ["PreSignUp_AdminCreateUser"]
    assert cognito_aws.outbox(flows.id) == []


def test_admin_create_user_refused_by_pre_sign_up_creates_no_user(cognito_aws: Any, flows: Pool, idp: Any) -> None:
    with pytest.raises(ClientError) as refused:
        idp.admin_create_user(UserPoolId=flows.id, Username="presignup-raise-2@example.com", MessageAction="SUPPRESS")
    assert refused.value.response["Error"]["Message"] == "PreSignUp failed with error no sign-ups for presignup-raise-2."
    with pytest.raises(ClientError):
        idp.admin_get_user(UserPoolId=flows.id, Username="presignup-raise-2@example.com")


def test_a_client_secret_is_required_from_a_confidential_client(flows: Pool, public_idp: Any) -> None:
    from cdktf_userpool.local.cognito._pools import secret_hash

    with pytest.raises(ClientError) as refused:
        public_idp.sign_up(ClientId=flows.server_client_id, Username="hal@example.com", Password=PASSWORD)
    assert refused.value.response["Error"]["Code"] == "NotAuthorizedException"
    answer = public_idp.sign_up(ClientId=flows.server_client_id, Username="hal@example.com", Password=PASSWORD,
                                SecretHash=secret_hash(flows.server_secret, "hal@example.com", flows.server_client_id))
    assert answer["UserConfirmed"] is False
