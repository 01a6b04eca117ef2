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
