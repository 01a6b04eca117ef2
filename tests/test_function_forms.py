"""Every form a trigger function may take, and the permission each one gets."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from tests._framework import DataAwsLambdaFunction
from tests._framework import LambdaAlias
from tests._framework import LambdaFunction

from cdktf_userpool import ArgumentTypeError, ConfigurationError, Function, UserPool
from tests._synth import new_stack, only, ref, synth

ARN = "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up"


def permission(doc: dict[str, Any]) -> dict[str, Any]:
    return only(doc, "aws_lambda_permission")[1]


def pre_sign_up(doc: dict[str, Any]) -> Any:
    return only(doc, "aws_cognito_user_pool")[1]["lambda_config"]["pre_sign_up"]


@pytest.mark.parametrize(
    ("arn", "function_name", "qualifier"),
    [
        (ARN, ARN, None),
        (f"{ARN}:live", ARN, "live"),
        (f"{ARN}:42", ARN, "42"),
        (f"{ARN}:$LATEST", ARN, "$LATEST"),
        ("arn:aws-cn:lambda:cn-north-1:123456789012:function:f", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f", None),
    ],
)
def test_arn_strings_keep_their_qualifier(arn: str, function_name: str, qualifier: str | None) -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    assert pool.on_pre_sign_up(arn) == arn
    doc = synth(stack)
    assert pre_sign_up(doc) == arn
    perm = permission(doc)
    assert perm["function_name"] == function_name
    assert perm.get("qualifier") == qualifier


def test_imported_function_reference() -> None:
    stack = new_stack()
    fn = Function.from_function_arn(stack, "Legacy", f"{ARN}:prod")
    pool = UserPool(stack, "Pool")
    assert pool.on("pre_sign_up", fn) is fn
    doc = synth(stack)
    assert pre_sign_up(doc) == f"{ARN}:prod"
    assert permission(doc)["qualifier"] == "prod"
    assert permission(doc)["function_name"] == ARN


def test_token_arn_from_another_resource() -> None:
    stack = new_stack()
    fn = LambdaFunction(stack, "Fn", function_name="f", role="arn:aws:iam::123456789012:role/r", runtime="python3.13", handler="a.h", s3_bucket="b", s3_key="k")
    UserPool(stack, "Pool", lambda_triggers={"pre_sign_up": fn.qualified_arn})
    doc = synth(stack)
    assert pre_sign_up(doc) == ref("aws_lambda_function", "Fn", "qualified_arn")


def test_lambda_alias_permission_names_the_alias() -> None:
    stack = new_stack()
    alias = LambdaAlias(stack, "Live", name="live", function_name="pre-sign-up", function_version="3")
    UserPool(stack, "Pool").on_pre_sign_up(alias)
    doc = synth(stack)
    assert pre_sign_up(doc) == ref("aws_lambda_alias", "Live", "arn")
    perm = permission(doc)
    assert perm["function_name"] == ref("aws_lambda_alias", "Live", "function_name")
    assert perm["qualifier"] == ref("aws_lambda_alias", "Live", "name")


def test_data_source_function() -> None:
    stack = new_stack()
    data = DataAwsLambdaFunction(stack, "Existing", function_name="pre-sign-up")
    UserPool(stack, "Pool").on_pre_sign_up(data)
    doc = synth(stack)
    assert pre_sign_up(doc) == ref("aws_lambda_function", "Existing", "arn", kind="data")
    assert permission(doc)["function_name"] == ref("aws_lambda_function", "Existing", "function_name", kind="data")
    assert "qualifier" not in permission(doc)


def test_qualified_data_source_function() -> None:
    stack = new_stack()
    data = DataAwsLambdaFunction(stack, "Existing", function_name="pre-sign-up", qualifier="live")
    UserPool(stack, "Pool").on_pre_sign_up(data)
    doc = synth(stack)
    assert pre_sign_up(doc) == ref("aws_lambda_function", "Existing", "qualified_arn", kind="data")
    assert permission(doc)["qualifier"] == "live"


@pytest.mark.parametrize(
    "value",
    [42, None, {"arn": ARN}, object(), UserPool],
    ids=["int", "none", "dict", "object", "class"],
)
def test_values_that_are_not_functions_are_refused(value: Any) -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.raises(ArgumentTypeError, match="on_pre_sign_up.*not a function.*Lambda ARN string") as err:
        pool.on_pre_sign_up(value)
    assert err.value.argument == "on_pre_sign_up()"
    assert err.value.value is value
    assert "LambdaFunction" in err.value.expected


@pytest.mark.parametrize(
    "value",
    [
        "pre-sign-up",
        "arn:aws:lambda:us-east-1:123456789012:layer:x",
        "arn:aws:s3:::bucket",
        "arn:aws:lambda:us-east-1:1234:function:f",
    ],
)
def test_strings_that_are_not_lambda_arns_are_refused(value: str) -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.raises(ConfigurationError, match="not a Lambda function ARN") as err:
        pool.on("preSignUp", value)
    assert err.value.value == value


def test_sender_given_as_arn_warns_that_decrypt_must_be_granted_by_hand() -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.warns(UserWarning, match="kms:Decrypt"):
        pool.on_custom_sms_sender(ARN)


def test_construct_passed_as_a_function_is_refused() -> None:
    stack = new_stack()
    other = UserPool(stack, "Other")
    with pytest.raises(ArgumentTypeError, match="not a function"):
        UserPool(stack, "Pool").on_pre_sign_up(other)


def test_methods_return_what_they_were_given_for_warning_free_forms() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stack = new_stack()
        pool = UserPool(stack, "Pool")
        alias = LambdaAlias(stack, "Live", name="live", function_name="f", function_version="1")
        assert pool.on_post_confirmation(alias) is alias
        assert pool.on("userMigration", ARN) is ARN
