"""SMS and email codes as a second factor on the local pool, and the choice between factors: SMS_MFA and
EMAIL_OTP after the password (the code shaped by CustomMessage_Authentication on the Flows pool, handed to
the custom senders on the Senders pool), SELECT_MFA_TYPE for a user with several factors and no preference,
MFA required with a code to the phone or address the user has (the Required pool), email set up while
signing in, and Cognito's errors. Shares the package's deployment of tests/local/apps/triggers.py."""

from __future__ import annotations

import json
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError

from .conftest import Pool
from .test_mfa import error, next_code
from .test_senders import printed
from .test_signin import PASSWORD, SIGN_IN, confirmed_user, password_sign_in

PHONE = "+15555550142"


@pytest.fixture(autouse=True)
def fresh(cognito_aws: Any, flows: Pool, required: Pool, senders: Pool) -> None:
    for pool in (flows, required, senders):
        cognito_aws.trace(pool.id, clear=True)
        cognito_aws.outbox(pool.id, clear=True)


def signed_in(aws: Any, pool: Pool, idp: Any, email: str, **settings: Any) -> str:
    """A confirmed user of ``pool`` with a phone number and the MFA ``settings`` given; their access token."""
    confirmed_user(aws, pool, idp, email)
    access = password_sign_in(idp, pool, email)["AuthenticationResult"]["AccessToken"]
    idp.update_user_attributes(AccessToken=access, UserAttributes=[{"Name": "phone_number", "Value": PHONE}])
    if settings:
        idp.set_user_mfa_preference(AccessToken=access, **settings)
    aws.trace(pool.id, clear=True)
    aws.outbox(pool.id, clear=True)
    return str(access)


def answer(idp: Any, pool: Pool, asked: dict[str, Any], name: str, **responses: str) -> dict[str, Any]:
    return dict(idp.respond_to_auth_challenge(ClientId=pool.client_id, ChallengeName=asked["ChallengeName"],
                                              Session=asked["Session"], ChallengeResponses={"USERNAME": name, **responses}))


def test_an_sms_code_after_the_password(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    signed_in(cognito_aws, flows, public_idp, "sms-sam@example.com",
              SMSMfaSettings={"Enabled": True, "PreferredMfa": True})
    asked = password_sign_in(public_idp, flows, "sms-sam@example.com")
    assert asked["ChallengeName"] == "SMS_MFA" and "AuthenticationResult" not in asked
    assert asked["ChallengeParameters"] == {"CODE_DELIVERY_DELIVERY_MEDIUM": "SMS",
                                            "CODE_DELIVERY_DESTINATION": "+*******0142"}
    (sent,) = cognito_aws.outbox(flows.id)
    assert (sent.kind, sent.medium, sent.destination, sent.trigger_source) == (
        "Authentication", "SMS", PHONE, "CustomMessage_Authentication")
    assert sent.body == f"Your authentication code is {sent.code}. "  # the trigger shapes email only
    assert cognito_aws.trace_sources(flows.id) == ["PreAuthentication_Authentication", "CustomMessage_Authentication"]
    wrong = "000000" if sent.code != "000000" else "111111"
    with pytest.raises(ClientError) as refused:
        answer(public_idp, flows, asked, "sms-sam@example.com", SMS_MFA_CODE=wrong)
    assert error(refused) == ("CodeMismatchException", "Invalid code or auth state for the user.")
    done = answer(public_idp, flows, asked, "sms-sam@example.com", SMS_MFA_CODE=sent.code)
    assert done["AuthenticationResult"]["AccessToken"]
    assert cognito_aws.trace_sources(flows.id)[-2:] == SIGN_IN[1:]
    with pytest.raises(ClientError) as reused:  # the code went with its session
        answer(public_idp, flows, asked, "sms-sam@example.com", SMS_MFA_CODE=sent.code)
    assert error(reused) == ("NotAuthorizedException", "Invalid session for the user.")


def test_an_email_code_shaped_by_the_custom_message_trigger(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    access = signed_in(cognito_aws, flows, public_idp, "mail-mo@example.com",
                       EmailMfaSettings={"Enabled": True, "PreferredMfa": True})
    me = public_idp.get_user(AccessToken=access)
    assert me["UserMFASettingList"] == ["EMAIL_OTP"] and me["PreferredMfaSetting"] == "EMAIL_OTP"
    asked = public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "mail-mo@example.com", "PASSWORD": PASSWORD})
    assert asked["ChallengeName"] == "EMAIL_OTP"
    assert asked["ChallengeParameters"] == {"CODE_DELIVERY_DELIVERY_MEDIUM": "EMAIL",
                                            "CODE_DELIVERY_DESTINATION": "m***@e***"}
    (sent,) = cognito_aws.outbox(flows.id)
    assert (sent.subject, sent.body) == ("Code for Authentication", f"Your code is {sent.code}.")
    event = cognito_aws.trace(flows.id)[-1].event
    assert event["triggerSource"] == "CustomMessage_Authentication" and event["request"]["codeParameter"] == "{####}"
    done = answer(public_idp, flows, asked, "mail-mo@example.com", EMAIL_OTP_CODE=sent.code)
    assert done["AuthenticationResult"]["IdToken"]


def test_five_wrong_codes_end_the_session_and_another_user_cannot_answer(cognito_aws: Any, flows: Pool,
                                                                        public_idp: Any) -> None:
    signed_in(cognito_aws, flows, public_idp, "mail-max@example.com", EmailMfaSettings={"Enabled": True})
    asked = password_sign_in(public_idp, flows, "mail-max@example.com")
    code = cognito_aws.outbox(flows.id)[-1].code
    with pytest.raises(ClientError) as foreign:
        answer(public_idp, flows, asked, "someone-else@example.com", EMAIL_OTP_CODE=code)
    assert error(foreign) == ("NotAuthorizedException", "Invalid session for the user.")
    asked = password_sign_in(public_idp, flows, "mail-max@example.com")
    code = cognito_aws.outbox(flows.id)[-1].code
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        with pytest.raises(ClientError) as refused:
            answer(public_idp, flows, asked, "mail-max@example.com", EMAIL_OTP_CODE=wrong)
        assert error(refused)[0] == "CodeMismatchException"
    with pytest.raises(ClientError) as ended:
        answer(public_idp, flows, asked, "mail-max@example.com", EMAIL_OTP_CODE=code)
    assert error(ended) == ("NotAuthorizedException", "Invalid session for the user.")
    assert "TokenGeneration_Authentication" not in cognito_aws.trace_sources(flows.id)


def test_several_factors_and_no_preference_ask_the_user_to_choose(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    access = signed_in(cognito_aws, flows, public_idp, "choose-cy@example.com")
    secret = public_idp.associate_software_token(AccessToken=access)["SecretCode"]
    public_idp.verify_software_token(AccessToken=access, UserCode=pyotp.TOTP(secret).now())
    public_idp.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True},
                                       EmailMfaSettings={"Enabled": True})
    me = public_idp.get_user(AccessToken=access)
    assert me["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] and "PreferredMfaSetting" not in me
    asked = password_sign_in(public_idp, flows, "choose-cy@example.com")
    assert asked["ChallengeName"] == "SELECT_MFA_TYPE"
    assert json.loads(asked["ChallengeParameters"]["MFAS_CAN_CHOOSE"]) == ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]
    with pytest.raises(ClientError) as refused:
        answer(public_idp, flows, asked, "choose-cy@example.com", ANSWER="SMS_MFA")  # not one of the user's
    assert error(refused)[0] == "InvalidParameterException"
    emailed = answer(public_idp, flows, asked, "choose-cy@example.com", ANSWER="EMAIL_OTP")
    assert emailed["ChallengeName"] == "EMAIL_OTP"
    done = answer(public_idp, flows, emailed, "choose-cy@example.com", EMAIL_OTP_CODE=cognito_aws.outbox(flows.id)[-1].code)
    assert done["AuthenticationResult"]["AccessToken"]
    again = password_sign_in(public_idp, flows, "choose-cy@example.com")
    by_app = answer(public_idp, flows, again, "choose-cy@example.com", ANSWER="SOFTWARE_TOKEN_MFA")
    assert by_app["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    done = answer(public_idp, flows, by_app, "choose-cy@example.com", SOFTWARE_TOKEN_MFA_CODE=next_code(secret))
    assert done["AuthenticationResult"]["AccessToken"]


def test_a_factor_that_cannot_reach_the_user_is_refused_and_nothing_changes(cognito_aws: Any, flows: Pool,
                                                                             public_idp: Any, idp: Any) -> None:
    sub = confirmed_user(cognito_aws, flows, public_idp, "no-phone@example.com")
    access = password_sign_in(public_idp, flows, "no-phone@example.com")["AuthenticationResult"]["AccessToken"]
    with pytest.raises(ClientError) as refused:
        public_idp.set_user_mfa_preference(AccessToken=access, EmailMfaSettings={"Enabled": True},
                                           SMSMfaSettings={"Enabled": True, "PreferredMfa": True})
    assert error(refused) == ("InvalidParameterException", "User does not have delivery config set to turn on SMS_MFA")
    assert "UserMFASettingList" not in public_idp.get_user(AccessToken=access)  # email not enabled either
    with pytest.raises(ClientError) as refused:
        idp.admin_set_user_mfa_preference(UserPoolId=flows.id, Username=sub, SMSMfaSettings={"Enabled": True})
    assert error(refused)[0] == "InvalidParameterException"
    assert "AuthenticationResult" in password_sign_in(public_idp, flows, "no-phone@example.com")


def test_the_custom_senders_get_the_mfa_codes(cognito_aws: Any, senders: Pool, senders_stack: Any,
                                              public_idp: Any, idp: Any) -> None:
    admin_user(idp, senders, "send-sue@example.com", email="send-sue@example.com", email_verified="true",
               phone_number=PHONE)
    signed_in_as = Pool(senders.id, senders.client_id)
    access = password_sign_in(public_idp, signed_in_as, "send-sue@example.com")["AuthenticationResult"]["AccessToken"]
    for settings, challenge, sender, to in (
            ({"SMSMfaSettings": {"Enabled": True, "PreferredMfa": True}}, "SMS_MFA", "CustomSMSSender", PHONE),
            ({"EmailMfaSettings": {"Enabled": True, "PreferredMfa": True}}, "EMAIL_OTP", "CustomEmailSender",
             "send-sue@example.com")):
        public_idp.set_user_mfa_preference(AccessToken=access, **settings)
        cognito_aws.trace(senders.id, clear=True)
        cognito_aws.outbox(senders.id, clear=True)
        asked = password_sign_in(public_idp, signed_in_as, "send-sue@example.com")
        assert asked["ChallengeName"] == challenge
        sent = cognito_aws.outbox(senders.id)[-1]
        assert (sent.sender, sent.body, sent.kind) == (sender, None, "Authentication")
        entry = cognito_aws.trace(senders.id)[-1]
        assert entry.trigger_source == f"{sender}_Authentication" and entry.error is None, entry.error
        line = printed(cognito_aws, senders_stack, sender, f"{sender}_Authentication {sent.code}")
        assert f"TO {to}" in line
        key = "SMS_MFA_CODE" if challenge == "SMS_MFA" else "EMAIL_OTP_CODE"
        assert answer(public_idp, signed_in_as, asked, "send-sue@example.com", **{key: sent.code})["AuthenticationResult"]


def admin_user(idp: Any, pool: Pool, name: str, **attributes: str) -> None:
    idp.admin_create_user(UserPoolId=pool.id, Username=name, MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": k, "Value": v} for k, v in attributes.items()])
    idp.admin_set_user_password(UserPoolId=pool.id, Username=name, Password=PASSWORD, Permanent=True)


def test_mfa_required_sends_a_code_to_the_phone_the_user_has(cognito_aws: Any, required: Pool, public_idp: Any,
                                                            idp: Any) -> None:
    admin_user(idp, required, "phoned", phone_number=PHONE)
    asked = password_sign_in(public_idp, required, "phoned")
    assert asked["ChallengeName"] == "SMS_MFA"  # enabled by no one: MFA is required and the phone is there
    sent = cognito_aws.outbox(required.id)[-1]
    assert sent.body == f"Your authentication code is {sent.code}. " and sent.trigger_source is None
    assert answer(public_idp, required, asked, "phoned", SMS_MFA_CODE=sent.code)["AuthenticationResult"]


def test_mfa_required_a_user_with_no_factor_sets_up_email_while_signing_in(cognito_aws: Any, required: Pool,
                                                                          public_idp: Any, idp: Any) -> None:
    admin_user(idp, required, "bare")
    asked = password_sign_in(public_idp, required, "bare")
    assert asked["ChallengeName"] == "MFA_SETUP"
    assert json.loads(asked["ChallengeParameters"]["MFAS_CAN_SETUP"]) == ["SMS_MFA", "EMAIL_OTP"]
    with pytest.raises(ClientError) as refused:
        answer(public_idp, required, asked, "bare", EMAIL="not-an-address")
    assert error(refused)[0] == "InvalidParameterException"
    emailed = answer(public_idp, required, asked, "bare", EMAIL="bare@example.com")
    assert emailed["ChallengeName"] == "EMAIL_OTP"
    assert emailed["ChallengeParameters"]["CODE_DELIVERY_DESTINATION"] == "b***@e***"
    sent = cognito_aws.outbox(required.id)[-1]
    assert (sent.destination, sent.subject, sent.body) == ("bare@example.com", "Code", f"Code {sent.code}")
    assert answer(public_idp, required, emailed, "bare", EMAIL_OTP_CODE=sent.code)["AuthenticationResult"]
    user = idp.admin_get_user(UserPoolId=required.id, Username="bare")
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert (attributes["email"], attributes["email_verified"]) == ("bare@example.com", "true")
    assert user["UserMFASettingList"] == ["EMAIL_OTP"] and user["PreferredMfaSetting"] == "EMAIL_OTP"
    assert password_sign_in(public_idp, required, "bare")["ChallengeName"] == "EMAIL_OTP"


def test_mfa_required_with_no_factor_the_user_can_use_is_refused(cognito_aws: Any, sms_only: Pool, public_idp: Any,
                                                                 idp: Any) -> None:
    admin_user(idp, sms_only, "phoneless")
    with pytest.raises(ClientError) as refused:
        password_sign_in(public_idp, sms_only, "phoneless")
    assert error(refused) == ("MFAMethodNotFoundException", "No MFA mechanism registerd in the account.")
    assert cognito_aws.outbox(sms_only.id) == []


def test_custom_auth_can_ask_for_an_emailed_code(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "define-mfa@example.com")
    cognito_aws.outbox(flows.id, clear=True)
    asked = public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="CUSTOM_AUTH",
                                     AuthParameters={"USERNAME": "define-mfa@example.com"})
    assert asked["ChallengeName"] == "EMAIL_OTP"  # named by define auth challenge
    sent = cognito_aws.outbox(flows.id)[-1]
    done = answer(public_idp, flows, asked, "define-mfa@example.com", EMAIL_OTP_CODE=sent.code)
    assert done["AuthenticationResult"]["AccessToken"]
    defines = [e.event for e in cognito_aws.trace(flows.id) if e.trigger_source == "DefineAuthChallenge_Authentication"]
    assert [d["request"]["session"] for d in defines] == [
        [], [{"challengeName": "EMAIL_OTP", "challengeResult": True, "challengeMetadata": None}]]
