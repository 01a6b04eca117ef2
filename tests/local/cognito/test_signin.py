"""Password sign-in (InitiateAuth, AdminInitiateAuth), user migration, refresh, NEW_PASSWORD_REQUIRED,
and pre token generation V1/V2 applied to tokens that PyJWT verifies against the pool's JWKS."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError

from ._tokens import verified
from .conftest import Pool


def _app_constant(name: str) -> Any:
    """A module-level constant of apps/triggers.py, read from its source: importing it would import the
    framework it is written for (cdktf), which the cdktn suite does not have."""
    tree = ast.parse((Path(__file__).resolve().parents[1] / "apps" / "triggers.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(name)


LEGACY_PASSWORD = _app_constant("LEGACY_PASSWORD")

PASSWORD = "Sign-in-Pass-1"
SIGN_IN = ["PreAuthentication_Authentication", "TokenGeneration_Authentication", "PostAuthentication_Authentication"]


@pytest.fixture(autouse=True)
def fresh(cognito_aws: Any, flows: Pool, classic: Pool) -> None:
    for pool in (flows, classic):
        cognito_aws.trace(pool.id, clear=True)
        cognito_aws.outbox(pool.id, clear=True)


def confirmed_user(aws: Any, pool: Pool, idp: Any, email: str) -> str:
    """A confirmed user (through sign-up and the emailed code); their username (the sub)."""
    sub = idp.sign_up(ClientId=pool.client_id, Username=email, Password=PASSWORD)["UserSub"]
    code = aws.outbox(pool.id, clear=True)[-1].code
    idp.confirm_sign_up(ClientId=pool.client_id, Username=email, ConfirmationCode=code)
    aws.trace(pool.id, clear=True)
    return str(sub)


def password_sign_in(idp: Any, pool: Pool, email: str, password: str = PASSWORD, **kwargs: Any) -> dict[str, Any]:
    return idp.initiate_auth(ClientId=pool.client_id, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": email, "PASSWORD": password}, **kwargs)


def test_user_password_auth_runs_pre_auth_token_generation_then_post_auth(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    sub = confirmed_user(cognito_aws, flows, public_idp, "ida@example.com")
    answer = password_sign_in(public_idp, flows, "ida@example.com", ClientMetadata={"device": "kiosk"})
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == SIGN_IN
    pre, tokens, post = (e.event for e in trace)
    assert pre["request"]["validationData"] == {"device": "kiosk"}  # InitiateAuth's metadata, as validationData
    assert "clientMetadata" not in tokens["request"] and "clientMetadata" not in post["request"]
    assert tokens["version"] == "2" and tokens["request"]["scopes"] == ["aws.cognito.signin.user.admin"]
    assert tokens["request"]["groupConfiguration"]["groupsToOverride"] == ["members"]
    assert post["request"]["newDeviceUsed"] is False and post["userName"] == sub
    result = answer["AuthenticationResult"]
    id_claims = verified(cognito_aws, flows.id, result["IdToken"], audience=flows.client_id)
    access = verified(cognito_aws, flows.id, result["AccessToken"])
    assert id_claims["token_use"] == "id" and id_claims["sub"] == sub  # the override of sub was refused
    assert id_claims["tenant"] == "acme" and id_claims["flags"] == ["a", "b"]
    assert id_claims["cognito:groups"] == ["members"] and id_claims["email"] == "ida@example.com"
    assert "email_verified" not in id_claims  # suppressed by the trigger
    assert access["token_use"] == "access" and access["tenant"] == "acme"  # token_use override refused
    assert access["scope"].split() == ["aws.cognito.signin.user.admin", "api/read"]
    assert access["client_id"] == flows.client_id and access["username"] == sub
    assert access["origin_jti"] == id_claims["origin_jti"]
    user = public_idp.get_user(AccessToken=result["AccessToken"])  # moto accepts the layer's tokens
    assert user["Username"] == sub


def test_admin_user_password_auth_runs_the_same_triggers(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "jo@example.com")
    answer = idp.admin_initiate_auth(UserPoolId=flows.id, ClientId=flows.client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "jo@example.com", "PASSWORD": PASSWORD})
    assert "IdToken" in answer["AuthenticationResult"]
    assert cognito_aws.trace_sources(flows.id) == SIGN_IN


def test_a_wrong_password_is_refused_after_pre_authentication(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "kai@example.com")
    with pytest.raises(ClientError) as refused:
        password_sign_in(public_idp, flows, "kai@example.com", "Wrong-Pass-9")
    assert refused.value.response["Error"] == {"Code": "NotAuthorizedException", "Message": "Incorrect username or password."}
    assert cognito_aws.trace_sources(flows.id) == ["PreAuthentication_Authentication"]


def test_pre_authentication_can_refuse_the_sign_in(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "preauth-raise@example.com")
    with pytest.raises(ClientError) as refused:
        password_sign_in(public_idp, flows, "preauth-raise@example.com")
    assert refused.value.response["Error"] == {
        "Code": "UserLambdaValidationException", "Message": "PreAuthentication failed with error sign-in blocked."}
    assert cognito_aws.trace_sources(flows.id) == ["PreAuthentication_Authentication"]


def test_a_failing_post_authentication_withholds_the_tokens(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "postauth-raise@example.com")
    with pytest.raises(ClientError) as refused:
        password_sign_in(public_idp, flows, "postauth-raise@example.com")
    assert refused.value.response["Error"]["Message"] == "PostAuthentication failed with error audit log unavailable."
    assert cognito_aws.trace_sources(flows.id) == SIGN_IN


def test_an_unconfirmed_user_is_told_so(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    public_idp.sign_up(ClientId=flows.client_id, Username="lou@example.com", Password=PASSWORD)
    cognito_aws.trace(flows.id, clear=True)
    with pytest.raises(ClientError) as refused:
        password_sign_in(public_idp, flows, "lou@example.com")
    assert refused.value.response["Error"]["Code"] == "UserNotConfirmedException"


def test_an_unknown_user_is_migrated_with_the_password_they_typed(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    answer = password_sign_in(public_idp, flows, "legacy-max@example.com", LEGACY_PASSWORD, ClientMetadata={"from": "v1"})
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == ["UserMigration_Authentication", *SIGN_IN]
    migration = trace[0].event
    assert migration["userName"] == "legacy-max@example.com"
    assert migration["request"] == {"password": LEGACY_PASSWORD, "validationData": {"from": "v1"}}
    assert migration["response"] == {}
    user = idp.admin_get_user(UserPoolId=flows.id, Username="legacy-max@example.com")
    assert user["UserStatus"] == "CONFIRMED"
    assert {a["Name"]: a["Value"] for a in user["UserAttributes"]}["locale"] == "en-GB"
    claims = verified(cognito_aws, flows.id, answer["AuthenticationResult"]["IdToken"])
    assert claims["email"] == "legacy-max@example.com" and claims["locale"] == "en-GB"
    cognito_aws.trace(flows.id, clear=True)
    password_sign_in(public_idp, flows, "legacy-max@example.com", LEGACY_PASSWORD)  # now a pool user
    assert cognito_aws.trace_sources(flows.id) == SIGN_IN


def test_migration_failures_are_cognitos_answers(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    with pytest.raises(ClientError) as refused:
        password_sign_in(public_idp, flows, "legacy-ned@example.com", "Not-His-Pass-1")
    assert refused.value.response["Error"]["Message"] == "UserMigration failed with error bad password."
    with pytest.raises(ClientError) as unknown:
        password_sign_in(public_idp, flows, "stranger@example.com", PASSWORD)
    assert unknown.value.response["Error"] == {
        "Code": "UserNotFoundException", "Message": f"Exception migrating user in app client {flows.client_id}"}
    assert cognito_aws.trace_sources(flows.id) == ["UserMigration_Authentication"] * 2
    with pytest.raises(ClientError):
        idp.admin_get_user(UserPoolId=flows.id, Username="legacy-ned@example.com")


def test_refresh_runs_token_generation_only(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    sub = confirmed_user(cognito_aws, flows, public_idp, "oli@example.com")
    first = password_sign_in(public_idp, flows, "oli@example.com")["AuthenticationResult"]
    cognito_aws.trace(flows.id, clear=True)
    answer = public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                      AuthParameters={"REFRESH_TOKEN": first["RefreshToken"]})
    (entry,) = cognito_aws.trace(flows.id)
    assert entry.trigger_source == "TokenGeneration_RefreshTokens" and entry.event["userName"] == sub
    result = answer["AuthenticationResult"]
    assert "RefreshToken" not in result
    claims = verified(cognito_aws, flows.id, result["IdToken"])
    assert claims["tenant"] == "acme"
    assert claims["origin_jti"] == verified(cognito_aws, flows.id, first["IdToken"])["origin_jti"]
    with pytest.raises(ClientError) as bad:
        public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                 AuthParameters={"REFRESH_TOKEN": "not-a-token"})
    assert bad.value.response["Error"]["Code"] == "NotAuthorizedException"


def test_new_password_required_then_tokens_from_the_challenge(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    idp.admin_create_user(UserPoolId=flows.id, Username="pia@example.com", TemporaryPassword="Temp-Pass-123",
                          MessageAction="SUPPRESS")
    cognito_aws.trace(flows.id, clear=True)
    challenge = password_sign_in(public_idp, flows, "pia@example.com", "Temp-Pass-123")
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED" and challenge["Session"]
    assert cognito_aws.trace_sources(flows.id, clear=True) == ["PreAuthentication_Authentication"]
    answer = public_idp.respond_to_auth_challenge(
        ClientId=flows.client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=challenge["Session"],
        ChallengeResponses={"USERNAME": challenge["ChallengeParameters"]["USER_ID_FOR_SRP"], "NEW_PASSWORD": PASSWORD},
        ClientMetadata={"step": "first-login"})
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == ["TokenGeneration_NewPasswordChallenge", "PostAuthentication_Authentication"]
    assert trace[0].event["request"]["clientMetadata"] == {"step": "first-login"}
    assert "IdToken" in answer["AuthenticationResult"]
    assert idp.admin_get_user(UserPoolId=flows.id, Username="pia@example.com")["UserStatus"] == "CONFIRMED"
    with pytest.raises(ClientError):  # the session is used up
        public_idp.respond_to_auth_challenge(
            ClientId=flows.client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=challenge["Session"],
            ChallengeResponses={"USERNAME": "pia@example.com", "NEW_PASSWORD": PASSWORD})


def test_pre_token_generation_v1_changes_the_id_token_and_the_groups(cognito_aws: Any, classic: Pool, public_idp: Any, idp: Any) -> None:
    public_idp.sign_up(ClientId=classic.client_id, Username="auto-quinn@example.com", Password=PASSWORD)
    idp.admin_add_user_to_group(UserPoolId=classic.id, Username="auto-quinn@example.com", GroupName="staff")
    cognito_aws.trace(classic.id, clear=True)
    result = password_sign_in(public_idp, classic, "auto-quinn@example.com")["AuthenticationResult"]
    (entry,) = cognito_aws.trace(classic.id)
    assert entry.trigger_source == "TokenGeneration_Authentication"
    assert entry.event["version"] == "1" and "scopes" not in entry.event["request"]
    assert entry.event["request"]["groupConfiguration"] == {"groupsToOverride": ["staff"], "iamRolesToOverride": [],
                                                             "preferredRole": None}
    id_claims = verified(cognito_aws, classic.id, result["IdToken"], audience=classic.client_id)
    access = verified(cognito_aws, classic.id, result["AccessToken"])
    assert id_claims["tenant"] == "classic" and "email" not in id_claims
    assert id_claims["cognito:groups"] == ["vip"] and access["cognito:groups"] == ["vip"]
    assert "tenant" not in access and access["scope"] == "aws.cognito.signin.user.admin"
