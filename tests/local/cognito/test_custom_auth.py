"""CUSTOM_AUTH: the define → create → respond → verify → define loop, with the session Cognito builds,
public and private challenge parameters, challenge metadata, issueTokens and failAuthentication."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from ._tokens import verified
from .conftest import Pool

PASSWORD = "Custom-Pass-1"
ROUND = ["DefineAuthChallenge_Authentication", "CreateAuthChallenge_Authentication"]
ANSWER = ["VerifyAuthChallengeResponse_Authentication", "DefineAuthChallenge_Authentication"]


@pytest.fixture(scope="module")
def user(flows: Pool, public_idp: Any) -> str:
    return str(public_idp.sign_up(ClientId=flows.client_id, Username="auto-cat@example.com", Password=PASSWORD)["UserSub"])


@pytest.fixture(autouse=True)
def fresh(cognito_aws: Any, flows: Pool, user: str) -> None:
    cognito_aws.trace(flows.id, clear=True)


def start(idp: Any, pool: Pool, **kwargs: Any) -> dict[str, Any]:
    return idp.initiate_auth(ClientId=pool.client_id, AuthFlow="CUSTOM_AUTH",
                             AuthParameters={"USERNAME": "auto-cat@example.com"}, **kwargs)


def answer(idp: Any, pool: Pool, challenge: dict[str, Any], text: str, **kwargs: Any) -> dict[str, Any]:
    return idp.respond_to_auth_challenge(
        ClientId=pool.client_id, ChallengeName="CUSTOM_CHALLENGE", Session=challenge["Session"],
        ChallengeResponses={"USERNAME": challenge["ChallengeParameters"]["USERNAME"], "ANSWER": text}, **kwargs)


def test_the_loop_until_a_right_answer(cognito_aws: Any, flows: Pool, public_idp: Any, user: str) -> None:
    first = start(public_idp, flows, ClientMetadata={"ignored": "yes"})
    assert first["ChallengeName"] == "CUSTOM_CHALLENGE" and first["Session"]
    assert first["ChallengeParameters"] == {"question": "2 + 2 = ?", "round": "1", "USERNAME": user}
    trace = cognito_aws.trace(flows.id, clear=True)
    assert [e.trigger_source for e in trace] == ROUND  # no pre authentication in custom auth
    define, create = (e.event for e in trace)
    assert define["request"]["session"] == [] and "clientMetadata" not in define["request"]
    assert define["response"] == {"challengeName": None, "issueTokens": None, "failAuthentication": None}
    assert create["request"]["challengeName"] == "CUSTOM_CHALLENGE" and create["request"]["session"] == []

    second = answer(public_idp, flows, first, "5")
    assert second["ChallengeParameters"]["round"] == "2" and second["Session"] != first["Session"]
    trace = cognito_aws.trace(flows.id, clear=True)
    assert [e.trigger_source for e in trace] == [*ANSWER, "CreateAuthChallenge_Authentication"]
    assert trace[0].event["request"]["privateChallengeParameters"] == {"answer": "4"}
    assert trace[0].event["request"]["challengeAnswer"] == "5"
    assert trace[1].event["request"]["session"] == [
        {"challengeName": "CUSTOM_CHALLENGE", "challengeResult": False, "challengeMetadata": "ROUND-1"}]

    done = answer(public_idp, flows, second, "4", ClientMetadata={"app": "kiosk"})
    trace = cognito_aws.trace(flows.id)
    assert [e.trigger_source for e in trace] == [*ANSWER, "TokenGeneration_Authentication", "PostAuthentication_Authentication"]
    assert all(e.event["request"]["clientMetadata"] == {"app": "kiosk"} for e in trace)
    assert trace[1].event["request"]["session"][-1] == {
        "challengeName": "CUSTOM_CHALLENGE", "challengeResult": True, "challengeMetadata": "ROUND-2"}
    claims = verified(cognito_aws, flows.id, done["AuthenticationResult"]["IdToken"], audience=flows.client_id)
    assert claims["sub"] == user and claims["tenant"] == "acme"
    with pytest.raises(ClientError) as reused:
        answer(public_idp, flows, second, "4")
    assert reused.value.response["Error"]["Code"] == "NotAuthorizedException"


def test_fail_authentication_after_three_wrong_answers(cognito_aws: Any, flows: Pool, public_idp: Any) -> None:
    challenge = start(public_idp, flows)
    challenge = answer(public_idp, flows, challenge, "1")
    challenge = answer(public_idp, flows, challenge, "2")
    with pytest.raises(ClientError) as refused:
        answer(public_idp, flows, challenge, "3")
    assert refused.value.response["Error"]["Code"] == "NotAuthorizedException"
    assert cognito_aws.trace_sources(flows.id) == [*ROUND, *ANSWER, ROUND[1], *ANSWER, ROUND[1], *ANSWER]


def test_custom_auth_after_an_srp_password_check(cognito_aws: Any, flows: Pool, public_idp: Any, user: str) -> None:
    from pycognito.aws_srp import AWSSRP

    srp = AWSSRP(username="auto-cat@example.com", password=PASSWORD, pool_id=flows.id, client_id=flows.client_id,
                 client=public_idp)
    parameters = {**srp.get_auth_params(), "CHALLENGE_NAME": "SRP_A"}
    verifier = public_idp.initiate_auth(ClientId=flows.client_id, AuthFlow="CUSTOM_AUTH", AuthParameters=parameters)
    assert verifier["ChallengeName"] == "PASSWORD_VERIFIER"
    (define,) = cognito_aws.trace(flows.id, clear=True)
    assert define.event["request"]["session"] == [{"challengeName": "SRP_A", "challengeResult": True, "challengeMetadata": None}]
    responses = srp.process_challenge(verifier["ChallengeParameters"], parameters)
    challenge = public_idp.respond_to_auth_challenge(ClientId=flows.client_id, ChallengeName="PASSWORD_VERIFIER",
                                                     ChallengeResponses=responses)
    assert challenge["ChallengeName"] == "CUSTOM_CHALLENGE"
    trace = cognito_aws.trace(flows.id, clear=True)
    assert [e.trigger_source for e in trace] == ROUND
    assert [s["challengeName"] for s in trace[0].event["request"]["session"]] == ["SRP_A", "PASSWORD_VERIFIER"]
    done = answer(public_idp, flows, challenge, "4")
    assert "IdToken" in done["AuthenticationResult"]
