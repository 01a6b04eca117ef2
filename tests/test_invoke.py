"""testing.invoke: the example app's packaged triggers, run locally as deployed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from cdktf import Testing as CdktfTesting

from cdktf_userpool import Function, NoLocalCodeError, TriggerInvocationError, UserPool, UserPoolOperation
from cdktf_userpool.testing._invoke import invoke
from tests._synth import new_stack
from tests.conftest import ROOT

EVENTS = Path(__file__).resolve().parent / "fixtures" / "events"
STUBS = Path(__file__).resolve().parent / "fixtures" / "stubs"


def sample(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text())


@pytest.fixture(scope="module")
def pool() -> UserPool:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import app as example
    finally:
        sys.path.remove(str(ROOT / "examples"))
    return example.AuthStack(CdktfTesting.app(), "example").pool


def test_pre_sign_up_confirms_company_users(pool: UserPool) -> None:
    result = invoke(pool, "preSignUp", sample("cognitoPreSignUpEvent.json"))
    assert result["response"] == {"autoConfirmUser": True, "autoVerifyEmail": True}


def test_pre_sign_up_refusal_reads_as_cognito_would_say_it(pool: UserPool) -> None:
    event = sample("cognitoPreSignUpEvent.json")
    event["request"]["userAttributes"]["email"] = "mallory@evil.test"
    with pytest.raises(TriggerInvocationError) as err:
        invoke(pool, UserPoolOperation.PRE_SIGN_UP, event)
    assert str(err.value) == "PreSignUp failed with error sign-up is limited to example.com, example.org."
    assert err.value.cognito_exception == "UserLambdaValidationException"
    assert err.value.error_type == "Exception"


@pytest.mark.parametrize(
    ("trigger", "event_file", "response"),
    [
        ("pre_token_generation", "cognitoPreTokenV2GenerationEvent.json", {
            "claimsAndScopeOverrideDetails": {
                "idTokenGeneration": {"claimsToAddOrOverride": {"tenant": "default"}},
                "accessTokenGeneration": {"claimsToAddOrOverride": {"tenant": "default"}},
            }
        }),
        ("defineAuthChallenge", "cognitoDefineAuthChallengeEvent.json", {"issueTokens": True, "failAuthentication": False}),
        ("customMessage", "cognitoCustomMessageEvent.json", {}),
    ],
)
def test_every_packaged_trigger_of_the_example_runs(pool: UserPool, trigger: str, event_file: str, response: dict[str, Any]) -> None:
    event = sample(event_file)
    assert invoke(pool, trigger, event) == {**event, "response": response}


def test_post_confirmation_adds_the_user_to_members_through_a_stubbed_boto3(pool: UserPool, tmp_path: Path) -> None:
    event = sample("cognitoPostConfirmationEvent.json")
    calls = tmp_path / "calls.jsonl"
    result = invoke(pool, "postConfirmation", event, stubs=STUBS, environment={"BOTO3_STUB_CALLS": str(calls)})
    assert result == event
    assert [json.loads(line) for line in calls.read_text().splitlines()] == [
        {
            "service": "cognito-idp",
            "operation": "admin_add_user_to_group",
            "params": {"UserPoolId": event["userPoolId"], "Username": event["userName"], "GroupName": "members"},
        }
    ]


def test_without_stubs_boto3_is_missing_as_in_an_isolated_interpreter(pool: UserPool) -> None:
    with pytest.raises(TriggerInvocationError, match="No module named 'boto3'") as err:
        invoke(pool, "postConfirmation", sample("cognitoPostConfirmationEvent.json"))
    assert err.value.error_type == "ModuleNotFoundError"


@pytest.mark.parametrize("trigger", ["userMigration", "customEmailSender"])
def test_triggers_deployed_elsewhere_have_no_local_code(pool: UserPool, trigger: str) -> None:
    with pytest.raises(NoLocalCodeError, match="did not package"):
        invoke(pool, trigger, {})


def test_missing_trigger_is_reported(pool: UserPool) -> None:
    with pytest.raises(NoLocalCodeError, match="no preAuthentication trigger"):
        invoke(pool, "preAuthentication", {})


def returns_nothing(event, context):  # type: ignore[no-untyped-def]
    return None


def reads_context(event, context):  # type: ignore[no-untyped-def]
    event["response"] = {"fn": context.function_name, "left": context.get_remaining_time_in_millis() > 0}
    return event




def reads_environment(event, context):  # type: ignore[no-untyped-def]
    import os

    event["response"] = {"stage": os.environ.get("STAGE"), "table": os.environ.get("TABLE")}
    return event


def test_output_that_is_not_an_event_is_unrecognizable() -> None:
    fn = Function(new_stack(), "Nothing", returns_nothing)
    with pytest.raises(TriggerInvocationError, match="Unrecognizable lambda output") as err:
        invoke(fn, "postAuthentication", {"response": {}})
    assert err.value.cognito_exception == "InvalidLambdaResponseException"


def test_context_and_environment_reach_the_handler() -> None:
    stack = new_stack()
    assert invoke(Function(stack, "Ctx", reads_context), "preAuthentication", {})["response"] == {"fn": "test-Ctx", "left": True}
    fn = Function(stack, "Env", reads_environment, environment={"STAGE": "prod", "TABLE": "${aws_dynamodb_table.t.name}"})
    assert invoke(fn, "preAuthentication", {})["response"] == {"stage": "prod", "table": None}
    assert invoke(fn, "preAuthentication", {}, environment={"TABLE": "users"})["response"] == {"stage": "prod", "table": "users"}


def test_trigger_on_the_shared_pool_runs_too() -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import app as example
    finally:
        sys.path.remove(str(ROOT / "examples"))
    shared = example.SharedPoolStack(CdktfTesting.app(), "shared").pool
    event = sample("cognitoPreSignUpEvent.json")
    event["request"]["userAttributes"]["email"] = "eve@elsewhere.test"
    with pytest.raises(TriggerInvocationError, match="PreSignUp failed with error sign-up is limited to example.com"):
        invoke(shared, "pre_sign_up", event)
