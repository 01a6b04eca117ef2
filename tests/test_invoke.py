"""testing.invoke: the example app's packaged triggers, run locally as deployed."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from tests._framework import Testing as CdktfTesting
from tests._framework import import_app

from cdktf_userpool import (
    Function,
    NoLocalCodeError,
    RuntimeMismatchWarning,
    TriggerInvocationError,
    UserPool,
    UserPoolOperation,
)
from cdktf_userpool.testing._invoke import invoke, invoke_detailed
from tests._synth import new_stack
from tests.conftest import ROOT

EVENTS = Path(__file__).resolve().parent / "fixtures" / "events"
STUBS = Path(__file__).resolve().parent / "fixtures" / "stubs"


def sample(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text())


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> UserPool:
    example = import_app(ROOT / "examples" / "app.py", tmp_path_factory.mktemp("examples"))
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


def test_without_runtime_libraries_boto3_is_missing(pool: UserPool) -> None:
    with pytest.raises(TriggerInvocationError, match="No module named 'boto3'") as err:
        invoke(pool, "postConfirmation", sample("cognitoPostConfirmationEvent.json"), runtime_libraries=False)
    assert err.value.error_type == "ModuleNotFoundError"


def test_with_the_runtimes_boto3_the_call_finds_no_credentials_of_this_machine(pool: UserPool) -> None:
    pytest.importorskip("boto3", reason="boto3 is not installed here, so invoke cannot provide it")
    with pytest.raises(TriggerInvocationError, match="PostConfirmation failed with error Unable to locate credentials.") as err:
        invoke(pool, "postConfirmation", sample("cognitoPostConfirmationEvent.json"))
    assert err.value.error_type == "NoCredentialsError"
    assert "admin_add_user_to_group" in (err.value.traceback or "")


def test_site_packages_of_this_environment_can_stand_in_for_the_runtimes_libraries(pool: UserPool) -> None:
    pytest.importorskip("boto3", reason="boto3 is not installed here")
    with pytest.raises(TriggerInvocationError, match="Unable to locate credentials") as err:
        invoke(pool, "postConfirmation", sample("cognitoPostConfirmationEvent.json"), runtime_libraries=False,
               allow_site_packages=True)
    assert "site-packages" in (err.value.traceback or "")


def reports_python(event, context):  # type: ignore[no-untyped-def]
    import sys

    event["response"] = {"version": list(sys.version_info[:2]), "executable": sys.executable}
    return event


def test_python_option_names_the_interpreter() -> None:
    fn = Function(new_stack(), "Which", reports_python, runtime="python3.12", architecture="x86_64")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeMismatchWarning)  # 3.11 here; the function is 3.12
        got = invoke(fn, "preAuthentication", {}, python=sys.executable)["response"]
    assert got["version"] == list(sys.version_info[:2])


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


def reads_lambda_environment(event, context):  # type: ignore[no-untyped-def]
    import os

    names = ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
             "AWS_LAMBDA_FUNCTION_VERSION", "_HANDLER", "AWS_EXECUTION_ENV", "LAMBDA_TASK_ROOT")
    event["response"] = {name: os.environ.get(name) for name in names}
    event["response"]["cwd"] = os.getcwd()
    event["response"]["memory"] = context.memory_limit_in_mb
    return event


def counts_calls(event, context):  # type: ignore[no-untyped-def]
    import sys

    module = sys.modules[__name__]
    module.CALLS = getattr(module, "CALLS", 0) + 1  # type: ignore[attr-defined]
    event["response"] = {"calls": module.CALLS}  # type: ignore[attr-defined]
    return event


def talks_then_fails(event, context):  # type: ignore[no-untyped-def]
    import logging

    print("checking", event["userName"])
    logging.getLogger().warning("refusing %s", event["userName"])
    return reject(event["userName"])


def reject(name):  # type: ignore[no-untyped-def]
    raise PermissionError(f"{name} may not sign in")


def sleeps(event, context):  # type: ignore[no-untyped-def]
    import time

    time.sleep(30)
    return event


def test_lambda_environment_reaches_the_handler_with_the_stacks_region() -> None:
    fn = Function(new_stack("regional", region="eu-west-2"), "Env", reads_lambda_environment, memory_size=256)
    got = invoke(fn, "preAuthentication", {})["response"]
    assert got["AWS_REGION"] == got["AWS_DEFAULT_REGION"] == "eu-west-2"
    assert got["AWS_LAMBDA_FUNCTION_NAME"] == fn.function_name and got["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST"
    assert got["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == got["memory"] == "256"
    assert got["_HANDLER"] == "cdktf_userpool_entry.handler"
    assert got["AWS_EXECUTION_ENV"] == f"AWS_Lambda_{fn.runtime}"
    assert got["LAMBDA_TASK_ROOT"] == got["cwd"]
    assert invoke(fn, "preAuthentication", {}, region="ap-northeast-1")["response"]["AWS_REGION"] == "ap-northeast-1"


def test_module_globals_persist_across_warm_invocations() -> None:
    fn = Function(new_stack(), "Counter", counts_calls)
    first = invoke_detailed(fn, "preAuthentication", {})
    second = invoke_detailed(fn, "preAuthentication", {})
    assert first.cold and not second.cold
    assert second.result["response"]["calls"] == first.result["response"]["calls"] + 1


def test_a_failing_trigger_shows_why(pool: UserPool) -> None:
    fn = Function(new_stack(), "Refuse", talks_then_fails)
    with pytest.raises(TriggerInvocationError) as err:
        invoke(fn, "preAuthentication", {"userName": "ana"})
    assert str(err.value) == "PreAuthentication failed with error ana may not sign in."  # Cognito's message
    assert err.value.traceback is not None and "in reject" in err.value.traceback
    assert err.value.traceback.rstrip().endswith("PermissionError: ana may not sign in")
    assert err.value.stdout.startswith("checking ana\n")  # then its log line, in the Function's JSON format
    assert json.loads(err.value.stdout.splitlines()[1])["level"] == "WARNING"
    notes = "\n".join(err.value.__notes__)  # pytest prints these under the failing test
    assert "--- handler traceback ---" in notes and "--- handler stdout ---" in notes and "in reject" in notes


def test_the_functions_timeout_is_enforced_and_reads_as_cognitos_socket_timeout() -> None:
    fn = Function(new_stack(), "Sleeper", sleeps, timeout=1)
    with pytest.raises(TriggerInvocationError) as err:
        invoke(fn, "preSignUp", {})
    assert str(err.value) == "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function."
    assert (err.value.error_type, err.value.cognito_exception) == ("Sandbox.Timedout", "UnexpectedLambdaException")
    assert err.value.error_message.endswith("Task timed out after 1.00 seconds")


def test_invoke_detailed_returns_the_output_of_a_successful_run(pool: UserPool) -> None:
    done = invoke_detailed(pool, "preSignUp", sample("cognitoPreSignUpEvent.json"))
    assert done.ok and done.result["response"]["autoConfirmUser"] is True
    assert done.error_type is None and done.duration_ms >= 0 and done.stderr == ""


def test_context_and_environment_reach_the_handler() -> None:
    stack = new_stack()
    assert invoke(Function(stack, "Ctx", reads_context), "preAuthentication", {})["response"] == {"fn": "test-Ctx", "left": True}
    fn = Function(stack, "Env", reads_environment, environment={"STAGE": "prod", "TABLE": "${aws_dynamodb_table.t.name}"})
    assert invoke(fn, "preAuthentication", {})["response"] == {"stage": "prod", "table": None}
    assert invoke(fn, "preAuthentication", {}, environment={"TABLE": "users"})["response"] == {"stage": "prod", "table": "users"}


def test_trigger_on_the_shared_pool_runs_too(tmp_path: Path) -> None:
    example = import_app(ROOT / "examples" / "app.py", tmp_path)
    shared = example.SharedPoolStack(CdktfTesting.app(), "shared").pool
    event = sample("cognitoPreSignUpEvent.json")
    event["request"]["userAttributes"]["email"] = "eve@elsewhere.test"
    with pytest.raises(TriggerInvocationError, match="PreSignUp failed with error sign-up is limited to example.com"):
        invoke(shared, "pre_sign_up", event)


def logs_a_line(event, context):  # noqa: ANN001, ANN201
    import logging

    logging.getLogger().info("signing up %s", event["userName"])
    return event


def test_invoke_logs_as_the_deployed_function_does() -> None:
    stack = new_stack("log-formats")
    json_logs = Function(stack, "Json", logs_a_line)  # JSON is the Function default
    text_logs = Function(stack, "Text", logs_a_line, log_format="Text")
    event = {"userName": "ana", "request": {}, "response": {}}
    (line,) = [json.loads(l) for l in invoke_detailed(json_logs, "preSignUp", event).stdout.splitlines() if l.startswith("{")]
    assert (line["level"], line["message"]) == ("INFO", "signing up ana")
    assert "signing up" not in invoke_detailed(text_logs, "preSignUp", event).stdout  # Text: the root logger stays at WARNING
