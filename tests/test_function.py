"""Function: the resources made for a Python callable, its options, and its use as a trigger."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from cdktf_userpool import ArgumentTypeError, ConfigurationError, Function, UserPool, UserPoolOperation, UserPoolWarning
from tests._synth import new_stack, only, ref, synth

PLAIN_DATA = {"greeting": "hello"}


def handler(event, context):  # type: ignore[no-untyped-def]
    event["response"]["greeting"] = PLAIN_DATA["greeting"]
    return event


def decoded(expression: str) -> Any:
    body = expression[len("${jsonencode(") : -len(")}")]
    body = re.sub(r'"([\w:]+)" = ', r'"\1": ', body)
    body = re.sub(r":\s*((?:data\.)?aws_[\w.]+)", r': "${\1}"', body)
    return json.loads(body)


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    stack = new_stack()
    Function(stack, "Greeter", handler)
    return synth(stack)


def test_lambda_function_settings(doc: dict[str, Any]) -> None:
    name, fn = only(doc, "aws_lambda_function")
    assert fn["function_name"] == "test-Greeter"
    assert fn["handler"] == "cdktf_userpool_entry.handler"
    assert fn["runtime"] == "python3.13"
    assert fn["architectures"] == ["arm64"]
    assert fn["timeout"] == 5
    assert fn["memory_size"] == 128
    assert fn["tracing_config"] == {"mode": "Active"}
    assert re.fullmatch(r"assets/[\w-]+/[0-9a-f]{64}/package.zip", fn["filename"])
    assert re.fullmatch(r"[A-Za-z0-9+/]{43}=", fn["source_code_hash"])
    assert "environment" not in fn
    role_name, _ = only(doc, "aws_iam_role")
    assert fn["role"] == ref("aws_iam_role", role_name, "arn")
    log_name, _ = only(doc, "aws_cloudwatch_log_group")
    policy_name, _ = only(doc, "aws_iam_role_policy")
    assert fn["depends_on"] == [f"aws_cloudwatch_log_group.{log_name}", f"aws_iam_role_policy.{policy_name}"]


def test_log_group_has_the_function_name_and_retention(doc: dict[str, Any]) -> None:
    _, group = only(doc, "aws_cloudwatch_log_group")
    assert group == {"name": "/aws/lambda/test-Greeter", "retention_in_days": 365}


def test_role_trusts_lambda_only(doc: dict[str, Any]) -> None:
    _, role = only(doc, "aws_iam_role")
    assert json.loads(role["assume_role_policy"]) == {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }


def test_role_writes_only_to_its_own_log_group(doc: dict[str, Any]) -> None:
    log_name, _ = only(doc, "aws_cloudwatch_log_group")
    role_name, _ = only(doc, "aws_iam_role")
    _, policy = only(doc, "aws_iam_role_policy")
    assert policy["role"] == ref("aws_iam_role", role_name, "name")
    logs, tracing = decoded(policy["policy"])["Statement"]
    assert logs["Action"] == ["logs:CreateLogStream", "logs:PutLogEvents"]
    assert logs["Resource"] == ref("aws_cloudwatch_log_group", log_name, "arn").replace("}", "}:*")
    assert tracing["Action"] == ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    assert not any(a.startswith("logs:CreateLogGroup") for a in logs["Action"])


def test_options_are_passed_through() -> None:
    stack = new_stack()
    Function(
        stack,
        "Tuned",
        handler,
        runtime="python3.12",
        architecture="x86_64",
        memory_size=256,
        timeout=3,
        environment={"STAGE": "prod"},
        reserved_concurrent_executions=10,
        log_retention_days=30,
        description="greets",
        policy_statements=[{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}],
    )
    doc = synth(stack)
    _, fn = only(doc, "aws_lambda_function")
    assert (fn["runtime"], fn["architectures"], fn["memory_size"], fn["timeout"]) == ("python3.12", ["x86_64"], 256, 3)
    assert fn["environment"] == {"variables": {"STAGE": "prod"}}
    assert fn["reserved_concurrent_executions"] == 10
    assert fn["description"] == "greets"
    assert only(doc, "aws_cloudwatch_log_group")[1]["retention_in_days"] == 30
    extra = [p for p in doc["resource"]["aws_iam_role_policy"].values() if "ses:SendEmail" in p["policy"]]
    assert len(extra) == 1


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"runtime": "python3.8"}, "runtime"),
        ({"runtime": "nodejs20.x"}, "runtime"),
        ({"architecture": "arm"}, "architecture"),
        ({"memory_size": 64}, "memory_size"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": 901}, "timeout"),
        ({"timeout": 2.5}, "timeout"),
        ({"log_retention_days": 10}, "log_retention_days"),
        ({"reserved_concurrent_executions": -1}, "reserved_concurrent_executions"),
    ],
)
def test_bad_options_are_refused(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(ConfigurationError, match=argument) as err:
        Function(new_stack(), "Fn", handler, **kwargs)
    assert err.value.argument == argument
    assert err.value.value == kwargs[argument]


def test_handler_must_be_callable() -> None:
    with pytest.raises(ArgumentTypeError, match="not a Python function"):
        Function(new_stack(), "Fn", "index.handler")  # type: ignore[arg-type]


def test_long_paths_give_names_within_lambda_limits() -> None:
    from constructs import Construct

    stack = new_stack()
    deep: Any = stack
    for i in range(6):
        deep = Construct(deep, f"AVeryLongConstructIdNumber{i}")
    Function(deep, "A", handler)
    Function(deep, "B", handler)
    doc = synth(stack)
    names = [f["function_name"] for f in doc["resource"]["aws_lambda_function"].values()]
    roles = [r["name"] for r in doc["resource"]["aws_iam_role"].values()]
    assert len(set(names)) == 2 and all(len(n) <= 64 for n in names)
    assert len(set(roles)) == 2 and all(len(n) <= 64 for n in roles)


def test_callable_trigger_becomes_a_function_named_after_the_trigger() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    assert pool.on_pre_sign_up(handler) is handler
    doc = synth(stack)
    name, fn = only(doc, "aws_lambda_function")
    assert fn["function_name"] == "test-Pool-PreSignUp"
    assert only(doc, "aws_cognito_user_pool")[1]["lambda_config"]["pre_sign_up"] == ref("aws_lambda_function", name, "arn")
    assert only(doc, "aws_lambda_permission")[1]["function_name"] == "test-Pool-PreSignUp"
    assert pool.triggers == {UserPoolOperation.PRE_SIGN_UP: handler}


def test_long_timeout_on_a_synchronous_trigger_warns() -> None:
    stack = new_stack()
    slow = Function(stack, "Slow", handler, timeout=30)
    with pytest.warns(UserPoolWarning, match="timeout=30.*at most 5 s for preSignUp"):
        UserPool(stack, "Pool").on_pre_sign_up(slow)


def test_long_timeout_on_a_custom_sender_is_fine() -> None:
    stack = new_stack()
    slow = Function(stack, "Slow", handler, timeout=30)
    UserPool(stack, "Pool").on_custom_sms_sender(slow)  # asynchronous: no warning (warnings are errors here)


def test_sender_function_role_gets_decrypt() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    pool.on_custom_email_sender(handler)
    doc = synth(stack)
    key_name, _ = only(doc, "aws_kms_key")
    role_name, _ = only(doc, "aws_iam_role")
    grants = [p for p in doc["resource"]["aws_iam_role_policy"].values() if "kms:Decrypt" in p["policy"]]
    assert len(grants) == 1
    assert grants[0]["role"] == ref("aws_iam_role", role_name, "name")
    (statement,) = decoded(grants[0]["policy"])["Statement"]
    assert statement["Resource"] == ref("aws_kms_key", key_name, "arn")
    # the grant is a separate policy the function does not depend on: no cycle through the key
    _, fn = only(doc, "aws_lambda_function")
    assert all("KmsDecrypt" not in dep for dep in fn["depends_on"])


def test_paths_computed_without_jsii_match_the_construct_tree() -> None:
    from constructs import Construct

    stack = new_stack()
    pool = UserPool(Construct(stack, "Auth"), "Pool")
    pool.on_pre_sign_up(handler)
    fn = next(c for c in pool.node.children if isinstance(c, Function))
    assert fn.path == fn.node.path == "test/Auth/Pool/PreSignUp"
    nested = Function(fn, "Nested", handler)
    assert nested.path == nested.node.path


def reads_captured_table(event, context):  # type: ignore[no-untyped-def]
    return {"table": table_name}


def test_environment_may_not_shadow_a_captured_terraform_value() -> None:
    global table_name
    stack = new_stack()
    from tests._framework import DynamodbTable

    table_name = DynamodbTable(stack, "T", name="t", hash_key="id", attribute=[{"name": "id", "type": "S"}]).name
    fn = Function(stack, "Ok", reads_captured_table)
    assert list(fn.environment) == ["TABLE_NAME"]
    with pytest.raises(ConfigurationError, match="already reads TABLE_NAME") as err:
        Function(stack, "Clash", reads_captured_table, environment={"TABLE_NAME": "other"})
    assert err.value.argument == "environment"


table_name = "placeholder"
