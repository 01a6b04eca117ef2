"""Existing pools: read by ID or ARN, taken over with Terraform's import, or wrapped from the same stack."""

from __future__ import annotations

from typing import Any

import pytest
from tests._framework import TerraformOutput
from tests._framework import CognitoUserPool

from cdktf_userpool import (
    ArgumentTypeError,
    ConfigurationError,
    ImportedPoolError,
    TriggerConflictError,
    UserPool,
    UserPoolError,
    UserPoolOperation,
)
from tests._synth import new_stack, only, ref, synth

POOL_ID = "eu-west-1_AbC123xyz"
POOL_ARN = f"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/{POOL_ID}"
ARN = "arn:aws:lambda:eu-west-1:123456789012:function:trigger"


def outputs(stack: Any, pool: UserPool) -> dict[str, Any]:
    for attr in ("user_pool_id", "arn", "endpoint", "name"):
        TerraformOutput(stack, attr, value=getattr(pool, attr))
    return synth(stack)


# -- read by ID or ARN --------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["id", "arn"])
def test_import_reads_through_the_data_source_and_creates_nothing(how: str) -> None:
    stack = new_stack()
    if how == "id":
        pool = UserPool.from_user_pool_id(stack, "Existing", POOL_ID)
    else:
        pool = UserPool.from_user_pool_arn(stack, "Existing", POOL_ARN)
    doc = outputs(stack, pool)
    name, data = only(doc, "aws_cognito_user_pool", kind="data")
    assert data == {"user_pool_id": POOL_ID}
    assert "aws_cognito_user_pool" not in doc.get("resource", {})
    out = {k: v["value"] for k, v in doc["output"].items()}
    assert out["user_pool_id"] == ref("aws_cognito_user_pool", name, "id", kind="data")
    assert out["arn"] == ref("aws_cognito_user_pool", name, "arn", kind="data")
    assert out["name"] == ref("aws_cognito_user_pool", name, "name", kind="data")
    assert "cognito-idp.%s.amazonaws.com/%s" in out["endpoint"]
    assert f"data.aws_cognito_user_pool.{name}.id" in out["endpoint"]


def test_import_by_token_arn() -> None:
    stack = new_stack()
    other = CognitoUserPool(stack, "Other", name="other")
    pool = UserPool.from_user_pool_arn(stack, "Existing", other.arn)
    doc = outputs(stack, pool)
    _, data = only(doc, "aws_cognito_user_pool", kind="data")
    assert data["user_pool_id"] == '${element(split("/", aws_cognito_user_pool.Other.arn), 1)}'


@pytest.mark.parametrize("op", list(UserPoolOperation), ids=str)
def test_attaching_to_an_imported_pool_is_refused_with_the_way_out(op: UserPoolOperation) -> None:
    pool = UserPool.from_user_pool_id(new_stack(), "Existing", POOL_ID)
    with pytest.raises(ImportedPoolError, match="data source cannot change lambda_config.*import_existing") as err:
        pool.on(op, ARN)
    assert err.value.construct_path == "test/Existing"


@pytest.mark.parametrize("bad", ["", "AbC123", "eu-west-1", "eu west 1_abc", 42])
def test_bad_pool_ids_are_refused(bad: Any) -> None:
    with pytest.raises(ConfigurationError, match="not a Cognito user pool ID") as err:
        UserPool.from_user_pool_id(new_stack(), "Existing", bad)
    assert err.value.argument == "user_pool_id"
    assert err.value.value == bad


@pytest.mark.parametrize("bad", [POOL_ID, "arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/x", "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/"])
def test_bad_pool_arns_are_refused(bad: str) -> None:
    with pytest.raises(ConfigurationError, match="not a Cognito user pool ARN") as err:
        UserPool.from_user_pool_arn(new_stack(), "Existing", bad)
    assert err.value.argument == "user_pool_arn"


# -- take over with Terraform's import ----------------------------------------------------------


def test_import_existing_takes_the_pool_over_with_an_import_block() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool", import_existing=POOL_ID, name="customers", mfa_configuration="OFF")
    pool.on_pre_sign_up(ARN)
    doc = synth(stack)
    name, resource = only(doc, "aws_cognito_user_pool")
    assert doc["import"] == [{"id": POOL_ID, "to": f"aws_cognito_user_pool.{name}"}]
    assert resource["name"] == "customers"
    assert resource["lambda_config"] == {"pre_sign_up": ARN}


def test_import_existing_needs_the_existing_name() -> None:
    with pytest.raises(ConfigurationError, match="without name.*replace the pool") as err:
        UserPool(new_stack(), "Pool", import_existing=POOL_ID)
    assert err.value.argument == "name"


def test_import_existing_checks_the_id() -> None:
    with pytest.raises(ConfigurationError, match="not a Cognito user pool ID"):
        UserPool(new_stack(), "Pool", import_existing="customers", name="customers")


# -- wrap a provider CognitoUserPool ------------------------------------------------------------


def test_wrap_merges_with_triggers_set_directly() -> None:
    stack = new_stack()
    raw = CognitoUserPool(stack, "Raw", name="raw", lambda_config={"pre_sign_up": ARN, "custom_message": f"{ARN}-msg"})
    pool = UserPool.from_(raw)
    assert pool.resource is raw
    assert UserPool.from_(raw) is pool
    pool.on_post_confirmation(f"{ARN}-confirm")
    pool.on_pre_token_generation(f"{ARN}-token", lambda_version="V2_0")
    doc = synth(stack)
    config = doc["resource"]["aws_cognito_user_pool"]["Raw"]["lambda_config"]
    assert config == {
        "pre_sign_up": ARN,
        "custom_message": f"{ARN}-msg",
        "post_confirmation": f"{ARN}-confirm",
        "pre_token_generation_config": {"lambda_arn": f"{ARN}-token", "lambda_version": "V2_0"},
    }
    sources = {p["source_arn"] for p in doc["resource"]["aws_lambda_permission"].values()}
    assert sources == {ref("aws_cognito_user_pool", "Raw", "arn")}
    assert len(doc["resource"]["aws_lambda_permission"]) == 2  # only for what the wrapper attached


@pytest.mark.parametrize(
    ("preset", "operation", "expected"),
    [
        ({"pre_sign_up": ARN}, "preSignUp", UserPoolOperation.PRE_SIGN_UP),
        ({"pre_token_generation": ARN}, "preTokenGeneration", UserPoolOperation.PRE_TOKEN_GENERATION),
        (
            {"pre_token_generation_config": {"lambda_arn": ARN, "lambda_version": "V1_0"}},
            "pre_token_generation",
            UserPoolOperation.PRE_TOKEN_GENERATION,
        ),
    ],
)
def test_wrap_never_overwrites_a_trigger_set_directly(
    preset: dict[str, Any], operation: str, expected: UserPoolOperation
) -> None:
    stack = new_stack()
    pool = UserPool.from_(CognitoUserPool(stack, "Raw", name="raw", lambda_config=preset))
    with pytest.raises(TriggerConflictError, match="set directly on the CognitoUserPool") as err:
        pool.on(operation, f"{ARN}-other")
    assert err.value.operation is expected
    assert list(synth(stack)["resource"]["aws_cognito_user_pool"]["Raw"]["lambda_config"]) == list(preset)


def test_wrap_uses_the_pools_own_key_for_senders() -> None:
    key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    stack = new_stack()
    raw = CognitoUserPool(stack, "Raw", name="raw", lambda_config={"kms_key_id": key})
    with pytest.warns(UserWarning, match="kms:Decrypt"):
        UserPool.from_(raw).on_custom_email_sender(ARN)
    doc = synth(stack)
    config = doc["resource"]["aws_cognito_user_pool"]["Raw"]["lambda_config"]
    assert config["kms_key_id"] == key
    assert "aws_kms_key" not in doc["resource"]


def test_wrap_checks_the_tier() -> None:
    pool = UserPool.from_(CognitoUserPool(new_stack(), "Raw", name="raw", user_pool_tier="LITE"))
    with pytest.raises(ConfigurationError, match="LITE"):
        pool.on_pre_token_generation(ARN, lambda_version="V3_0")


def test_wrap_refuses_what_is_not_a_pool() -> None:
    with pytest.raises(ArgumentTypeError, match="not a CognitoUserPool") as err:
        UserPool.from_("eu-west-1_abc")  # type: ignore[arg-type]
    assert isinstance(err.value, UserPoolError)
    assert isinstance(err.value, TypeError)
