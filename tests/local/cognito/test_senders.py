"""Custom email and SMS senders: Cognito hands them the code encrypted with the pool's KMS key in the
AWS Encryption SDK's format, and the sender's real decryption code (aws-encryption-sdk, its role's
kms:Decrypt) reads it against the emulator. Pre token generation V3_0 on the same pool."""

from __future__ import annotations

import base64
import time
from typing import Any

from ._tokens import verified
from .conftest import Pool

PASSWORD = "Sender-Pass-1"


def printed(aws: Any, stack: Any, trigger: str, needle: str) -> str:
    """The sender's log line containing ``needle`` (its function printed it)."""
    name = stack.user_pool("Senders").triggers[trigger].split(":")[6]
    logs = stack.client("logs")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for event in logs.filter_log_events(logGroupName=f"/aws/lambda/{name}")["events"]:
            if needle in event["message"]:
                return str(event["message"])
        time.sleep(0.2)
    raise AssertionError(f"the sender printed no line with {needle!r}")


def test_the_email_sender_decrypts_the_sign_up_code(cognito_aws: Any, senders: Pool, senders_stack: Any, public_idp: Any) -> None:
    answer = public_idp.sign_up(ClientId=senders.client_id, Username="zoe@example.com", Password=PASSWORD)
    assert answer["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    (entry,) = cognito_aws.trace(senders.id)
    assert entry.trigger_source == "CustomEmailSender_SignUp" and entry.error is None, entry.error
    request = entry.event["request"]
    assert request["type"] == "customEmailSenderRequestV1" and request["userAttributes"]["email"] == "zoe@example.com"
    assert "response" not in entry.event
    (mail,) = cognito_aws.outbox(senders.id)
    assert mail.sender == "CustomEmailSender" and mail.body is None
    assert request["code"] != mail.code
    line = printed(cognito_aws, senders_stack, "CustomEmailSender", f"CustomEmailSender_SignUp {mail.code}")
    assert f"CustomEmailSender_SignUp {mail.code} TO zoe@example.com" in line
    public_idp.confirm_sign_up(ClientId=senders.client_id, Username="zoe@example.com", ConfirmationCode=mail.code)


def test_the_sms_sender_gets_the_temporary_password(cognito_aws: Any, senders: Pool, senders_stack: Any, idp: Any) -> None:
    idp.admin_create_user(UserPoolId=senders.id, Username="yan@example.com", DesiredDeliveryMediums=["SMS"],
                          UserAttributes=[{"Name": "phone_number", "Value": "+15555550123"}])
    trace = cognito_aws.trace(senders.id, clear=True)
    assert [e.trigger_source for e in trace][-1] == "CustomSMSSender_AdminCreateUser"
    assert trace[-1].event["request"]["type"] == "customSMSSenderRequestV1" and trace[-1].error is None
    mail = cognito_aws.outbox(senders.id)[-1]
    assert (mail.medium, mail.destination, mail.sender) == ("SMS", "+15555550123", "CustomSMSSender")
    line = printed(cognito_aws, senders_stack, "CustomSMSSender", f"CustomSMSSender_AdminCreateUser {mail.code}")
    assert f"{mail.code} TO +15555550123" in line


def test_pre_token_generation_v3(cognito_aws: Any, senders: Pool, idp: Any) -> None:
    idp.admin_create_user(UserPoolId=senders.id, Username="xavi@example.com", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=senders.id, Username="xavi@example.com", Password=PASSWORD, Permanent=True)
    cognito_aws.trace(senders.id, clear=True)
    result = idp.admin_initiate_auth(UserPoolId=senders.id, ClientId=senders.client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "xavi@example.com", "PASSWORD": PASSWORD})
    (entry,) = cognito_aws.trace(senders.id)
    assert entry.trigger_source == "TokenGeneration_Authentication" and entry.event["version"] == "3"
    access = verified(cognito_aws, senders.id, result["AuthenticationResult"]["AccessToken"])
    assert access["caller"] == "TokenGeneration_Authentication"


def token(aws: Any, client_id: str, secret: str, **form: str) -> tuple[int, dict[str, Any]]:
    import json
    import urllib.error
    import urllib.parse
    import urllib.request

    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    request = urllib.request.Request(
        f"{aws.endpoint_url}/oauth2/token", method="POST",
        data=urllib.parse.urlencode({"grant_type": "client_credentials", **form}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Authorization": f"Basic {basic}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def test_client_credentials_run_pre_token_generation_v3(cognito_aws: Any, senders: Pool, senders_stack: Any) -> None:
    machine = senders_stack.user_pool("Senders").client("senders-Senders-Machine")
    cognito_aws.trace(senders.id, clear=True)
    status, answer = token(cognito_aws, machine.id, machine.secret)
    assert status == 200 and answer["token_type"] == "Bearer"
    (entry,) = cognito_aws.trace(senders.id)
    assert entry.trigger_source == "TokenGeneration_ClientCredentials" and entry.event["version"] == "3"
    assert "userName" not in entry.event and entry.event["callerContext"]["clientId"] == machine.id
    assert entry.event["request"]["scopes"] == ["https://api.example.com/read", "https://api.example.com/write"]
    claims = verified(cognito_aws, senders.id, answer["access_token"])
    assert claims["sub"] == machine.id and claims["caller"] == "TokenGeneration_ClientCredentials"
    assert claims["scope"] == "https://api.example.com/read"  # write suppressed by the trigger
    assert token(cognito_aws, machine.id, "wrong")[1] == {"error": "invalid_client"}
    assert token(cognito_aws, machine.id, machine.secret, scope="openid")[1] == {"error": "invalid_scope"}
