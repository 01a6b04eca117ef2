"""Pre token generation versions, and the custom senders' KMS key wiring."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from tests._framework import TerraformOutput
from tests._framework import DataAwsKmsKey
from tests._framework import KmsAlias
from tests._framework import KmsKey
from tests._framework import LambdaFunction

from cdktf_userpool import ArgumentTypeError, ConfigurationError, LambdaTrigger, UserPool, UserPoolOperation
from tests._synth import new_stack, only, ref, synth

ARN = "arn:aws:lambda:us-east-1:123456789012:function:trigger"
KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def lambda_config(doc: dict[str, Any]) -> dict[str, Any]:
    return only(doc, "aws_cognito_user_pool")[1]["lambda_config"]


# -- pre token generation -----------------------------------------------------------------------


@pytest.mark.parametrize("version", ["V1_0", "V2_0", "V3_0"])
@pytest.mark.parametrize("way", ["method", "on", "lambda_triggers"])
def test_pre_token_generation_versions(version: str, way: str) -> None:
    stack = new_stack()
    if way == "lambda_triggers":
        UserPool(stack, "Pool", user_pool_tier="ESSENTIALS", lambda_triggers={"pre_token_generation": LambdaTrigger(ARN, version)})
    elif way == "on":
        UserPool(stack, "Pool", user_pool_tier="ESSENTIALS").on("preTokenGeneration", ARN, lambda_version=version)
    else:
        UserPool(stack, "Pool", user_pool_tier="ESSENTIALS").on_pre_token_generation(ARN, lambda_version=version)  # type: ignore[arg-type]
    config = lambda_config(synth(stack))
    assert config == {"pre_token_generation_config": {"lambda_arn": ARN, "lambda_version": version}}


def test_pre_token_generation_defaults_to_v1() -> None:
    stack = new_stack()
    UserPool(stack, "Pool").on_pre_token_generation(ARN)
    assert lambda_config(synth(stack))["pre_token_generation_config"]["lambda_version"] == "V1_0"


@pytest.mark.parametrize("version", ["V2_0", "V3_0"])
def test_v2_and_v3_are_refused_on_a_lite_pool(version: str) -> None:
    pool = UserPool(new_stack(), "Pool", user_pool_tier="LITE")
    with pytest.raises(ConfigurationError, match="Essentials or Plus.*user_pool_tier='ESSENTIALS'") as err:
        pool.on_pre_token_generation(ARN, lambda_version=version)  # type: ignore[arg-type]
    assert err.value.argument == "lambda_version"
    assert err.value.value == version


def test_v1_is_fine_on_a_lite_pool() -> None:
    UserPool(new_stack(), "Pool", user_pool_tier="LITE").on_pre_token_generation(ARN)


@pytest.mark.parametrize(
    ("operation", "version", "fragment"),
    [
        ("preTokenGeneration", "V4_0", "takes only 'V1_0', 'V2_0', 'V3_0'"),
        ("preSignUp", "V1_0", "takes no lambda_version"),
        ("customEmailSender", "V2_0", "takes only 'V1_0'"),
    ],
)
def test_versions_a_trigger_does_not_take(operation: str, version: str, fragment: str) -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.raises(ConfigurationError, match=re.escape(fragment)) as err:
        pool.on(operation, ARN, lambda_version=version)
    assert err.value.argument == "lambda_version"


# -- custom senders -----------------------------------------------------------------------------


def sender_stack(**pool_kwargs: Any) -> tuple[dict[str, Any], UserPool]:
    stack = new_stack()
    fn = LambdaFunction(
        stack, "Mailer", function_name="mailer", role="arn:aws:iam::123456789012:role/app/mailer-role",
        runtime="python3.13", handler="m.h", s3_bucket="b", s3_key="k",
    )
    pool = UserPool(stack, "Pool", **pool_kwargs)
    pool.on_custom_email_sender(fn)
    pool.on(UserPoolOperation.CUSTOM_SMS_SENDER, fn)
    return synth(stack), pool


@pytest.fixture(scope="module")
def created_key() -> dict[str, Any]:
    return sender_stack()[0]


def decoded_policy(expression: str) -> dict[str, Any]:
    """Turn cdktf's ``${jsonencode({...})}`` back into data (references become strings)."""
    body = expression[len("${jsonencode(") : -len(")}")]
    body = re.sub(r'"(\w+(?::\w+)?)" = ', r'"\1": ', body)
    body = re.sub(r":\s*((?:data\.)?aws_[\w.]+)", r': "${\1}"', body)
    return json.loads(body)


def test_created_key_is_symmetric_rotating_and_shared_by_both_senders(created_key: dict[str, Any]) -> None:
    key_name, key = only(created_key, "aws_kms_key")
    assert key["enable_key_rotation"] is True
    assert key["customer_master_key_spec"] == "SYMMETRIC_DEFAULT"
    assert key["key_usage"] == "ENCRYPT_DECRYPT"
    config = lambda_config(created_key)
    assert config["kms_key_id"] == ref("aws_kms_key", key_name, "arn")
    for block in ("custom_email_sender", "custom_sms_sender"):
        assert config[block] == {"lambda_arn": ref("aws_lambda_function", "Mailer", "arn"), "lambda_version": "V1_0"}


def test_key_policy_keeps_admin_and_scopes_cognito(created_key: dict[str, Any]) -> None:
    pool_name, _ = only(created_key, "aws_cognito_user_pool")
    _, key = only(created_key, "aws_kms_key")
    policy = decoded_policy(key["policy"])
    admin, cognito = policy["Statement"]
    assert admin["Principal"]["AWS"].endswith(":root")
    assert admin["Action"] == "kms:*"
    assert cognito["Principal"] == {"Service": "cognito-idp.amazonaws.com"}
    assert cognito["Action"] == ["kms:CreateGrant", "kms:Encrypt"]
    assert "aws_caller_identity" in cognito["Condition"]["StringEquals"]["aws:SourceAccount"]
    assert cognito["Condition"]["ArnLike"]["aws:SourceArn"].endswith(":userpool/*")
    # the provider's region by ``id``: valid on provider 5.x and 6.x (``region`` is 6.x only, ``name``
    # deprecated in 6.x)
    (region_name,) = created_key["data"]["aws_region"]
    assert f":cognito-idp:${{data.aws_region.{region_name}.id}}:" in key["policy"]
    # the pool refers to the key, so the key must not refer to the pool: that would be a cycle
    assert pool_name not in key["policy"]
    assert "aws_cognito_user_pool" not in key["policy"]


def test_sender_role_gets_decrypt_on_that_key_only(created_key: dict[str, Any]) -> None:
    key_name, _ = only(created_key, "aws_kms_key")
    policies = created_key["resource"]["aws_iam_role_policy"]
    assert len(policies) == 2  # one per sender trigger
    for policy in policies.values():
        assert policy["role"] == '${regex("[^/]+$", aws_lambda_function.Mailer.role)}'
        (statement,) = decoded_policy(policy["policy"])["Statement"]
        assert statement["Action"] == "kms:Decrypt"
        assert statement["Resource"] == ref("aws_kms_key", key_name, "arn")


def test_pool_region_is_used_in_the_key_policy() -> None:
    doc, _ = sender_stack(region="eu-central-1")
    _, key = only(doc, "aws_kms_key")
    assert ":cognito-idp:eu-central-1:" in key["policy"]
    assert "aws_region" not in doc.get("data", {})


@pytest.mark.parametrize("form", ["arn", "resource", "data"])
def test_given_key_is_used_and_none_is_created(form: str) -> None:
    stack = new_stack()
    if form == "arn":
        key: Any = KEY_ARN
        expected = KEY_ARN
    elif form == "resource":
        key = KmsKey(stack, "Key", enable_key_rotation=True)
        expected = ref("aws_kms_key", "Key", "arn")
    else:
        key = DataAwsKmsKey(stack, "Key", key_id="alias/senders")
        expected = ref("aws_kms_key", "Key", "arn", kind="data")
    pool = UserPool(stack, "Pool", kms_key=key)
    fn = LambdaFunction(stack, "Sms", function_name="sms", role="arn:aws:iam::123456789012:role/sms", runtime="python3.13", handler="a.h", s3_bucket="b", s3_key="k")
    pool.on_custom_sms_sender(fn)
    TerraformOutput(stack, "key", value=pool.kms_key_arn)
    doc = synth(stack)
    assert lambda_config(doc)["kms_key_id"] == expected
    assert doc["output"]["key"]["value"] == expected
    assert pool.kms_key is None
    assert len(doc["resource"].get("aws_kms_key", {})) == (1 if form == "resource" else 0)
    (grant,) = doc["resource"]["aws_iam_role_policy"].values()
    assert decoded_policy(grant["policy"])["Statement"][0]["Resource"] == expected


def test_no_key_without_a_sender() -> None:
    stack = new_stack()
    UserPool(stack, "Pool", kms_key=KEY_ARN).on_pre_sign_up(ARN)
    doc = synth(stack)
    assert "kms_key_id" not in lambda_config(doc)
    assert "aws_kms_key" not in doc["resource"]


@pytest.mark.parametrize(
    "value",
    [
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "alias/senders",
        "arn:aws:kms:us-east-1:123456789012:alias/senders",
    ],
)
def test_key_strings_that_are_not_key_arns_are_refused(value: str) -> None:
    with pytest.raises(ConfigurationError, match="not a KMS key ARN") as err:
        UserPool(new_stack(), "Pool", kms_key=value)
    assert err.value.argument == "kms_key"
    assert err.value.value == value


def test_key_objects_that_are_not_keys_are_refused() -> None:
    stack = new_stack()
    alias = KmsAlias(stack, "Alias", name="alias/senders", target_key_id="k")
    with pytest.raises(ArgumentTypeError, match="not a KMS key") as err:
        UserPool(stack, "Pool", kms_key=alias)  # type: ignore[arg-type]
    assert err.value.argument == "kms_key"


def test_pools_of_a_stack_share_one_account_partition_and_region_data_source() -> None:
    stack = new_stack()
    for name in ("One", "Two", "Three"):
        UserPool(stack, name).on_custom_email_sender(lambda event, context: event)
    doc = synth(stack)
    assert len(doc["resource"]["aws_kms_key"]) == 3
    for kind in ("aws_caller_identity", "aws_partition", "aws_region"):
        assert len(doc["data"][kind]) == 1, kind  # read once per stack, not once per pool
    (region,) = doc["data"]["aws_region"]
    assert all(f"data.aws_region.{region}.id" in key["policy"] for key in doc["resource"]["aws_kms_key"].values())
