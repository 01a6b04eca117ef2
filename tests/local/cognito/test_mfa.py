"""TOTP MFA on the local pool (the Flows pool: MFA OPTIONAL, authenticator apps allowed; the Strict pool: MFA ON):
each user's own secret, real codes (computed with pyotp, as an authenticator app does), the SOFTWARE_TOKEN_MFA
challenge after the password, MFA_SETUP for a user who has no factor where MFA is required, and Cognito's errors
for the wrong ones. Shares the package's deployment of tests/local/apps/triggers.py."""

from __future__ import annotations

import time
from typing import Any

import pyotp
import pytest
from botocore.exceptions import ClientError

from .conftest import Pool
from .test_signin import PASSWORD, SIGN_IN, confirmed_user, password_sign_in


@pytest.fixture(autouse=True)
def fresh(cognito_aws: Any, flows: Pool) -> None:
    cognito_aws.trace(flows.id, clear=True)
    cognito_aws.outbox(flows.id, clear=True)


def next_code(secret: str, steps: int = 1) -> str:
    """The authenticator's code ``steps`` 30-second steps from now (within the step of clock skew allowed)."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def error(raised: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    return raised.value.response["Error"]["Code"], raised.value.response["Error"]["Message"]


def enrolled(aws: Any, pool: Pool, idp: Any, email: str) -> tuple[str, str, str]:
    """A confirmed user with TOTP verified and enabled as preferred: (username, secret, access token)."""
    sub = confirmed_user(aws, pool, idp, email)
    access = password_sign_in(idp, pool, email)["AuthenticationResult"]["AccessToken"]
    secret = idp.associate_software_token(AccessToken=access)["SecretCode"]
    assert idp.verify_software_token(AccessToken=access, UserCode=pyotp.TOTP(secret).now(),
                                     FriendlyDeviceName="phone")["Status"] == "SUCCESS"
    idp.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
    aws.trace(pool.id, clear=True)
    return sub, secret, access


def test_a_user_enrols_and_then_signs_in_with_a_code(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    sub, secret, access = enrolled(cognito_aws, flows, public_idp, "totp-ann@example.com")
    me = public_idp.get_user(AccessToken=access)
    assert me["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"] and me["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"
    asked = password_sign_in(public_idp, flows, "totp-ann@example.com")
    assert asked["ChallengeName"] == "SOFTWARE_TOKEN_MFA" and "AuthenticationResult" not in asked
    assert [e.trigger_source for e in cognito_aws.trace(flows.id)] == ["PreAuthentication_Authentication"]
    done = public_idp.respond_to_auth_challenge(
        ClientId=flows.client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=asked["Session"],
        ChallengeResponses={"USERNAME": "totp-ann@example.com", "SOFTWARE_TOKEN_MFA_CODE": next_code(secret)})
    assert done["AuthenticationResult"]["AccessToken"]
    assert [e.trigger_source for e in cognito_aws.trace(flows.id)] == SIGN_IN  # tokens only after the code
    admin = cognito_aws.client("cognito-idp").admin_get_user(UserPoolId=flows.id, Username=sub)
    assert admin["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"] and admin["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"


def test_each_user_has_a_secret_of_their_own(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    _, first, _ = enrolled(cognito_aws, flows, public_idp, "totp-bo@example.com")
    _, second, _ = enrolled(cognito_aws, flows, public_idp, "totp-cy@example.com")
    assert first != second and len(first) == len(second) == 32
    asked = password_sign_in(public_idp, flows, "totp-bo@example.com")
    with pytest.raises(ClientError) as refused:  # a code of another user's authenticator
        public_idp.respond_to_auth_challenge(
            ClientId=flows.client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=asked["Session"],
            ChallengeResponses={"USERNAME": "totp-bo@example.com", "SOFTWARE_TOKEN_MFA_CODE": next_code(second)})
    assert error(refused) == ("CodeMismatchException", "Invalid code received for user")
    done = public_idp.respond_to_auth_challenge(  # the session answers again with the right code
        ClientId=flows.client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=asked["Session"],
        ChallengeResponses={"USERNAME": "totp-bo@example.com", "SOFTWARE_TOKEN_MFA_CODE": next_code(first)})
    assert "AuthenticationResult" in done


def test_a_code_is_used_once_and_too_many_wrong_codes_end_the_session(cognito_aws: Any, flows: Pool,
                                                                       public_idp: Any) -> None:
    _, secret, _ = enrolled(cognito_aws, flows, public_idp, "totp-di@example.com")
    code = next_code(secret)
    asked = password_sign_in(public_idp, flows, "totp-di@example.com")
    answer = {"ClientId": flows.client_id, "ChallengeName": "SOFTWARE_TOKEN_MFA", "Session": asked["Session"]}
    public_idp.respond_to_auth_challenge(**answer, ChallengeResponses={"USERNAME": "totp-di@example.com",
                                                                      "SOFTWARE_TOKEN_MFA_CODE": code})
    again = password_sign_in(public_idp, flows, "totp-di@example.com")
    with pytest.raises(ClientError) as reused:
        public_idp.respond_to_auth_challenge(**{**answer, "Session": again["Session"]}, ChallengeResponses={
            "USERNAME": "totp-di@example.com", "SOFTWARE_TOKEN_MFA_CODE": code})
    assert error(reused)[0] == "CodeMismatchException"
    for _ in range(4):  # five wrong answers in all
        with pytest.raises(ClientError) as wrong:
            public_idp.respond_to_auth_challenge(**{**answer, "Session": again["Session"]}, ChallengeResponses={
                "USERNAME": "totp-di@example.com", "SOFTWARE_TOKEN_MFA_CODE": "000000"})
        assert error(wrong)[0] == "CodeMismatchException"
    with pytest.raises(ClientError) as ended:
        public_idp.respond_to_auth_challenge(**{**answer, "Session": again["Session"]}, ChallengeResponses={
            "USERNAME": "totp-di@example.com", "SOFTWARE_TOKEN_MFA_CODE": next_code(secret, 0)})
    assert error(ended) == ("NotAuthorizedException", "Invalid session for the user.")
    assert [e.trigger_source for e in cognito_aws.trace(flows.id)].count("TokenGeneration_Authentication") == 1


def test_another_users_session_is_refused_and_issues_nothing(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    _, secret, _ = enrolled(cognito_aws, flows, public_idp, "totp-ed@example.com")
    asked = password_sign_in(public_idp, flows, "totp-ed@example.com")
    with pytest.raises(ClientError) as refused:
        public_idp.respond_to_auth_challenge(
            ClientId=flows.client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=asked["Session"],
            ChallengeResponses={"USERNAME": "totp-bo@example.com", "SOFTWARE_TOKEN_MFA_CODE": next_code(secret)})
    assert error(refused) == ("NotAuthorizedException", "Invalid session for the user.")
    assert "TokenGeneration_Authentication" not in [e.trigger_source for e in cognito_aws.trace(flows.id)]


def test_enrolment_refuses_a_wrong_code_and_an_unverified_authenticator(cognito_aws: Any, flows: Pool,
                                                                         public_idp: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "totp-fay@example.com")
    access = password_sign_in(public_idp, flows, "totp-fay@example.com")["AuthenticationResult"]["AccessToken"]
    with pytest.raises(ClientError) as unverified:
        public_idp.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True})
    assert error(unverified) == ("InvalidParameterException", "User has not set up software token mfa")
    secret = public_idp.associate_software_token(AccessToken=access)["SecretCode"]
    with pytest.raises(ClientError) as mismatch:
        public_idp.verify_software_token(AccessToken=access, UserCode="123456" if pyotp.TOTP(secret).now() != "123456"
                                         else "654321")
    assert error(mismatch) == ("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA")
    with pytest.raises(ClientError) as unverified_again:
        public_idp.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True})
    assert error(unverified_again)[0] == "InvalidParameterException"
    me = public_idp.get_user(AccessToken=access)
    assert me.get("UserMFASettingList", []) == [] and not me.get("PreferredMfaSetting")
    assert "AuthenticationResult" in password_sign_in(public_idp, flows, "totp-fay@example.com")  # no MFA yet


def test_the_administrator_enables_only_a_verified_authenticator(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    idp = cognito_aws.client("cognito-idp")
    plain = confirmed_user(cognito_aws, flows, public_idp, "totp-gus@example.com")
    with pytest.raises(ClientError) as refused:
        idp.admin_set_user_mfa_preference(UserPoolId=flows.id, Username=plain,
                                          SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
    assert error(refused) == ("InvalidParameterException",
                              "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA")
    sub, _, _ = enrolled(cognito_aws, flows, public_idp, "totp-hal@example.com")
    idp.admin_set_user_mfa_preference(UserPoolId=flows.id, Username=sub,
                                      SoftwareTokenMfaSettings={"Enabled": False, "PreferredMfa": False})
    described = idp.admin_get_user(UserPoolId=flows.id, Username=sub)
    assert described.get("UserMFASettingList", []) == [] and not described.get("PreferredMfaSetting")
    assert "AuthenticationResult" in password_sign_in(public_idp, flows, "totp-hal@example.com")
    idp.admin_set_user_mfa_preference(UserPoolId=flows.id, Username=sub,
                                      SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
    assert idp.admin_get_user(UserPoolId=flows.id, Username=sub)["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"]
    assert password_sign_in(public_idp, flows, "totp-hal@example.com")["ChallengeName"] == "SOFTWARE_TOKEN_MFA"


def strict_user(aws: Any, pool: Pool, name: str) -> None:
    idp = aws.client("cognito-idp")
    idp.admin_create_user(UserPoolId=pool.id, Username=name, MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool.id, Username=name, Password=PASSWORD, Permanent=True)


def test_where_mfa_is_required_a_user_sets_up_an_authenticator_while_signing_in(cognito_aws: Any, strict: Pool,
                                                                                public_idp: Any) -> None:
    import json

    strict_user(cognito_aws, strict, "setup-ivy")
    cognito_aws.trace(strict.id, clear=True)
    asked = password_sign_in(public_idp, strict, "setup-ivy")
    assert asked["ChallengeName"] == "MFA_SETUP" and "AuthenticationResult" not in asked
    assert json.loads(asked["ChallengeParameters"]["MFAS_CAN_SETUP"]) == ["SOFTWARE_TOKEN_MFA"]  # a JSON string
    associated = public_idp.associate_software_token(Session=asked["Session"])
    secret = associated["SecretCode"]
    with pytest.raises(ClientError) as mismatch:
        public_idp.verify_software_token(Session=associated["Session"], UserCode="000000"
                                         if pyotp.TOTP(secret).now() != "000000" else "111111")
    assert error(mismatch)[0] == "EnableSoftwareTokenMFAException"
    verified = public_idp.verify_software_token(Session=associated["Session"], UserCode=pyotp.TOTP(secret).now())
    assert verified["Status"] == "SUCCESS" and verified["Session"] != associated["Session"]
    with pytest.raises(ClientError) as early:  # the associate step's session cannot finish the setup
        public_idp.respond_to_auth_challenge(ClientId=strict.client_id, ChallengeName="MFA_SETUP",
                                             Session=associated["Session"], ChallengeResponses={"USERNAME": "setup-ivy"})
    assert error(early)[0] == "NotAuthorizedException"
    done = public_idp.respond_to_auth_challenge(ClientId=strict.client_id, ChallengeName="MFA_SETUP",
                                                Session=verified["Session"], ChallengeResponses={"USERNAME": "setup-ivy"})
    assert done["AuthenticationResult"]["AccessToken"]
    assert [e.trigger_source for e in cognito_aws.trace(strict.id)] == ["TokenGeneration_Authentication"]
    me = public_idp.get_user(AccessToken=done["AuthenticationResult"]["AccessToken"])
    assert me["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"] and me["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"
    again = password_sign_in(public_idp, strict, "setup-ivy")  # from now on, a code
    assert again["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    answered = public_idp.respond_to_auth_challenge(
        ClientId=strict.client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=again["Session"],
        ChallengeResponses={"USERNAME": "setup-ivy", "SOFTWARE_TOKEN_MFA_CODE": next_code(secret)})
    assert "AuthenticationResult" in answered


def test_a_setup_session_is_of_one_sign_in_only(cognito_aws: Any, strict: Pool, public_idp: Any) -> None:
    strict_user(cognito_aws, strict, "setup-jo")
    with pytest.raises(ClientError) as unknown:
        public_idp.associate_software_token(Session="not-a-session-of-any-pool-here")
    assert error(unknown) == ("NotAuthorizedException", "Invalid session for the user.")
    asked = password_sign_in(public_idp, strict, "setup-jo")
    associated = public_idp.associate_software_token(Session=asked["Session"])
    with pytest.raises(ClientError) as used:  # the challenge's session was used up by the association
        public_idp.associate_software_token(Session=asked["Session"])
    assert error(used)[0] == "NotAuthorizedException"
    assert associated["SecretCode"]


def test_the_readmes_totp_example_runs_on_a_pool_with_mfa_required(cognito_aws: Any, triggers_stack: Any) -> None:
    """The five-line TOTP test of the site's Deploy locally guide, read from the page, on the Strict pool (MFA ON): add_user sets the
    authenticator up through MFA_SETUP there."""
    from tests.test_docs import page_snippets

    (snippet,) = [s for s in page_snippets("guides/local.md") if "totp_code()" in s]
    namespace: dict[str, Any] = {}
    exec(compile(snippet, "docs/guides/local.md", "exec"), namespace)
    pool = triggers_stack.user_pool("Strict")
    namespace["test_a_totp_user_signs_in_with_a_code"](cognito_aws, pool, pool.client("triggers-Strict-App"))


def test_add_user_with_an_authenticator_where_mfa_is_optional(cognito_aws: Any, flows: Pool, public_idp: Any,
                                                              idp: Any) -> None:
    from cdktf_userpool.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="pass client_id=") as several:
        cognito_aws.add_user(flows.id, "add-ann@example.com", PASSWORD, totp=True)  # the Flows pool has six clients
    assert several.value.argument == "client_id" and flows.client_id in several.value.choices
    ben = cognito_aws.add_user(flows.id, "add-ben@example.com", PASSWORD, totp=True, client_id=flows.client_id,
                               attributes={"email": "add-ben@example.com", "email_verified": "true"})
    assert idp.admin_get_user(UserPoolId=flows.id, Username="add-ben@example.com")["PreferredMfaSetting"] == \
        "SOFTWARE_TOKEN_MFA"
    asked = password_sign_in(public_idp, flows, "add-ben@example.com")
    done = public_idp.respond_to_auth_challenge(
        ClientId=flows.client_id, ChallengeName="SOFTWARE_TOKEN_MFA", Session=asked["Session"],
        ChallengeResponses={"USERNAME": "add-ben@example.com", "SOFTWARE_TOKEN_MFA_CODE": ben.totp_code()})
    assert "AuthenticationResult" in done
    plain = cognito_aws.add_user(flows.id, "add-cy@example.com", PASSWORD, attributes={"email": "add-cy@example.com"})
    with pytest.raises(ConfigurationError, match="no authenticator app"):
        plain.totp_code()
    assert "AuthenticationResult" in password_sign_in(public_idp, flows, "add-cy@example.com")
