"""Bad input fails before synth with the library's own errors, naming the value, the choices and the fix."""

from __future__ import annotations

from typing import Any

import pytest

from cdktf_userpool import (
    ArgumentTypeError,
    ConfigurationError,
    TriggerConflictError,
    UnknownTriggerError,
    UserPool,
    UserPoolError,
    UserPoolOperation,
)
from cdktf_userpool._pool.triggers import resolve_operation
from tests._synth import new_stack

ARN = "arn:aws:lambda:us-east-1:123456789012:function:trigger"


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("preSignup", "preSignUp"),
        ("PreSignUp", "preSignUp"),
        ("pre_signup", "pre_sign_up"),
        ("customSMSSender", "customSmsSender"),
        ("CustomSMSSender", "customSmsSender"),
        ("preTokenGen", "preTokenGeneration"),
        ("migrateUser", None),
    ],
)
def test_unknown_operation_gets_a_did_you_mean(name: str, suggestion: str | None) -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.raises(UnknownTriggerError, match="not a trigger name") as err:
        pool.on(name, ARN)
    assert err.value.suggestion == suggestion
    assert err.value.value == name
    assert "preSignUp" in err.value.choices and "pre_sign_up" in err.value.choices
    if suggestion:
        assert f"Did you mean {suggestion!r}?" in str(err.value)


def test_unknown_operation_as_decorator_fails_at_once() -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.raises(UnknownTriggerError):
        pool.on("preSignIn")


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [
        ("preSignUp", "pre_sign_up"),
        ("customSmsSender", "custom_sms_sender"),
        ("PreTokenGeneration", "pre_token_generation"),
        ("pre_signup", "pre_sign_up"),
        ("sign_up", "pre_sign_up"),
        ("login", None),
    ],
)
def test_lambda_triggers_keys_must_be_snake_case(key: str, suggestion: str | None) -> None:
    with pytest.raises(UnknownTriggerError, match="lambda_triggers got") as err:
        UserPool(new_stack(), "Pool", lambda_triggers={key: ARN})
    assert err.value.suggestion == suggestion
    assert err.value.argument == "lambda_triggers"
    assert "preSignUp" not in err.value.choices


def test_lambda_triggers_also_takes_enum_members() -> None:
    pool = UserPool(new_stack(), "Pool", lambda_triggers={UserPoolOperation.PRE_SIGN_UP: ARN})
    assert pool.triggers == {UserPoolOperation.PRE_SIGN_UP: ARN}


@pytest.mark.parametrize(
    "second",
    [
        lambda pool: pool.on_pre_sign_up(f"{ARN}-2"),
        lambda pool: pool.on("preSignUp", f"{ARN}-2"),
        lambda pool: pool.on("pre_sign_up", f"{ARN}-2"),
        lambda pool: pool.on(UserPoolOperation.PRE_SIGN_UP, f"{ARN}-2"),
    ],
    ids=["method", "docs", "snake", "enum"],
)
def test_a_second_function_for_a_trigger_is_a_conflict(second: Any) -> None:
    pool = UserPool(new_stack(), "Pool", lambda_triggers={"pre_sign_up": ARN})
    with pytest.raises(TriggerConflictError, match=r"preSignUp already has a function on UserPool 'test/Pool'") as err:
        second(pool)
    assert err.value.operation is UserPoolOperation.PRE_SIGN_UP
    assert ARN in err.value.existing
    assert pool.triggers == {UserPoolOperation.PRE_SIGN_UP: ARN}


@pytest.mark.parametrize("value", [[("pre_sign_up", ARN)], ARN])
def test_lambda_triggers_must_be_a_mapping(value: Any) -> None:
    with pytest.raises(ArgumentTypeError, match=r"lambda_triggers=.* which is not a mapping\. Pass a dict") as err:
        UserPool(new_stack(), "Pool", lambda_triggers=value)
    assert err.value.argument == "lambda_triggers"


def test_lambda_triggers_none_means_no_triggers() -> None:
    pool = UserPool(new_stack(), "Pool", lambda_triggers=None)  # type: ignore[arg-type]
    assert dict(pool.triggers) == {}


def test_lambda_config_argument_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="owns lambda_config.*lambda_triggers") as err:
        UserPool(new_stack(), "Pool", lambda_config={"pre_sign_up": ARN})
    assert err.value.argument == "lambda_config"


@pytest.mark.parametrize(("key", "hint"), [("mfa_config", "mfa_configuration"), ("lambda_trigger", "lambda_triggers"), ("zzz", None)])
def test_unknown_pool_argument_is_refused(key: str, hint: str | None) -> None:
    with pytest.raises(ConfigurationError, match=f"unknown argument {key!r}") as err:
        UserPool(new_stack(), "Pool", **{key: "x"})
    assert err.value.argument == key
    if hint:
        assert f"Did you mean {hint!r}" in str(err.value)


def test_every_error_is_a_user_pool_error() -> None:
    for cls in (ConfigurationError, TriggerConflictError, UnknownTriggerError):
        assert issubclass(cls, UserPoolError)
        assert issubclass(cls, ValueError)


def test_resolve_operation_accepts_the_two_spellings_and_the_enum() -> None:
    for op in UserPoolOperation:
        assert resolve_operation(op, argument="x") is op
        assert resolve_operation(op.spec.docs_name, argument="x") is op
        assert resolve_operation(op.spec.snake_name, argument="x") is op
        assert resolve_operation(op.spec.snake_name, argument="x", snake_case_only=True) is op
