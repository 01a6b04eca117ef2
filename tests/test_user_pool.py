"""UserPool: every trigger through every way of attaching, permissions, versions, and the pool itself."""

from __future__ import annotations

from typing import Any

import pytest
from tests._framework import LambdaFunction

from cdktf_userpool import TRIGGERS, UserPool, UserPoolOperation
from tests._synth import build, new_stack, only, ref, synth

OPS = list(UserPoolOperation)
ROLE_ARN = "arn:aws:iam::123456789012:role/service-role/trigger-role"
WAYS = ("lambda_triggers", "method", "on_docs_name", "on_snake_name", "on_enum")


def provider_function(stack: Any, op: UserPoolOperation) -> LambdaFunction:
    spec = TRIGGERS[op]
    return LambdaFunction(
        stack,
        f"{spec.api_name}Fn",
        function_name=spec.snake_name.replace("_", "-"),
        role=ROLE_ARN,
        runtime="python3.13",
        handler="index.handler",
        s3_bucket="artifacts",
        s3_key=f"{spec.snake_name}.zip",
    )


def attach_all(way: str) -> dict[str, Any]:
    stack = new_stack()
    functions = {op: provider_function(stack, op) for op in OPS}
    if way == "lambda_triggers":
        UserPool(stack, "Pool", lambda_triggers={TRIGGERS[op].snake_name: fn for op, fn in functions.items()})
        return synth(stack)
    pool = UserPool(stack, "Pool")
    for op, fn in functions.items():
        spec = TRIGGERS[op]
        if way == "method":
            assert getattr(pool, spec.method_name)(fn) is fn
        elif way == "on_docs_name":
            assert pool.on(spec.docs_name, fn) is fn
        elif way == "on_snake_name":
            assert pool.on(spec.snake_name, fn) is fn
        else:
            assert pool.on(op, fn) is fn
    return synth(stack)


@pytest.fixture(scope="module")
def by_way() -> dict[str, dict[str, Any]]:
    return {way: attach_all(way) for way in WAYS}


@pytest.fixture(scope="module")
def doc(by_way: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return by_way["lambda_triggers"]


def function_ref(doc: dict[str, Any], op: UserPoolOperation, attr: str) -> str:
    name = next(n for n in doc["resource"]["aws_lambda_function"] if n.startswith(f"{TRIGGERS[op].api_name}Fn"))
    return ref("aws_lambda_function", name, attr)


@pytest.mark.parametrize("way", WAYS[1:])
def test_every_way_gives_identical_terraform(by_way: dict[str, dict[str, Any]], way: str) -> None:
    assert by_way[way] == by_way["lambda_triggers"]


@pytest.mark.parametrize("op", OPS, ids=str)
def test_lambda_config_entry_references_the_function(doc: dict[str, Any], op: UserPoolOperation) -> None:
    _, pool = only(doc, "aws_cognito_user_pool")
    spec = TRIGGERS[op]
    entry = pool["lambda_config"][spec.config_key]
    arn = function_ref(doc, op, "arn")
    if spec.versions:
        assert entry == {"lambda_arn": arn, "lambda_version": "V1_0"}
    else:
        assert entry == arn


def test_lambda_config_holds_exactly_the_twelve_triggers_and_the_key(doc: dict[str, Any]) -> None:
    _, pool = only(doc, "aws_cognito_user_pool")
    expected = {spec.config_key for spec in TRIGGERS.values()} | {"kms_key_id"}
    assert set(pool["lambda_config"]) == expected
    assert "pre_token_generation" not in pool["lambda_config"]  # the legacy attribute stays unset


@pytest.mark.parametrize("op", OPS, ids=str)
def test_one_scoped_permission_per_trigger(doc: dict[str, Any], op: UserPoolOperation) -> None:
    pool_name, _ = only(doc, "aws_cognito_user_pool")
    permissions = [
        p for p in doc["resource"]["aws_lambda_permission"].values() if p["function_name"] == function_ref(doc, op, "function_name")
    ]
    assert len(permissions) == 1
    (permission,) = permissions
    assert permission["action"] == "lambda:InvokeFunction"
    assert permission["principal"] == "cognito-idp.amazonaws.com"
    assert permission["source_arn"] == ref("aws_cognito_user_pool", pool_name, "arn")
    assert "qualifier" not in permission
    assert permission["statement_id"].endswith(TRIGGERS[op].api_name)


def test_permission_count_and_statement_ids_are_unique(doc: dict[str, Any]) -> None:
    permissions = list(doc["resource"]["aws_lambda_permission"].values())
    assert len(permissions) == 12
    ids = [p["statement_id"] for p in permissions]
    assert len(set(ids)) == 12
    assert all(len(i) <= 100 for i in ids)


def test_table_matches_provider_lambda_config_fields() -> None:
    import inspect

    from tests._framework import CognitoUserPoolLambdaConfig

    fields = set(inspect.signature(CognitoUserPoolLambdaConfig.__init__).parameters) - {"self"}
    # every provider field is a trigger, the shared key, or the legacy pre token string
    assert fields == {spec.config_key for spec in TRIGGERS.values()} | {"kms_key_id", "pre_token_generation"}
    for op in OPS:
        assert hasattr(UserPool, TRIGGERS[op].method_name)


def test_no_lambda_config_without_triggers() -> None:
    doc = build(lambda s: UserPool(s, "Pool"))
    _, pool = only(doc, "aws_cognito_user_pool")
    assert "lambda_config" not in pool
    assert "aws_lambda_permission" not in doc.get("resource", {})


def test_pool_props_pass_through_and_name_defaults_to_path() -> None:
    holder: dict[str, UserPool] = {}

    def configure(stack: Any) -> None:
        holder["pool"] = UserPool(
            stack,
            "Pool",
            mfa_configuration="OPTIONAL",
            password_policy={"minimum_length": 12, "require_symbols": True},
            tags={"team": "identity"},
            software_token_mfa_configuration={"enabled": True},
        )

    doc = build(configure, name="auth")
    _, pool = only(doc, "aws_cognito_user_pool")
    assert pool["name"] == "auth-Pool" == holder["pool"].name
    assert pool["mfa_configuration"] == "OPTIONAL"
    assert pool["password_policy"] == {"minimum_length": 12, "require_symbols": True}
    assert pool["tags"] == {"team": "identity"}


def test_explicit_name_is_kept() -> None:
    doc = build(lambda s: UserPool(s, "Pool", name="customers"))
    assert only(doc, "aws_cognito_user_pool")[1]["name"] == "customers"


def test_long_paths_give_unique_names_within_the_limit() -> None:
    from constructs import Construct

    def configure(stack: Any) -> None:
        deep = stack
        for i in range(12):
            deep = Construct(deep, f"Level{i:02d}WithAVeryLongConstructIdentifier")
        UserPool(deep, "PoolA")
        UserPool(deep, "PoolB")

    doc = build(configure)
    names = [p["name"] for p in doc["resource"]["aws_cognito_user_pool"].values()]
    assert len(set(names)) == 2
    assert all(len(n) <= 128 for n in names)


def test_attributes_reference_the_pool() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    from tests._framework import TerraformOutput

    for attr in ("user_pool_id", "arn", "endpoint"):
        TerraformOutput(stack, attr, value=getattr(pool, attr))
    doc = synth(stack)
    name, _ = only(doc, "aws_cognito_user_pool")
    assert doc["output"]["user_pool_id"]["value"] == ref("aws_cognito_user_pool", name, "id")
    assert doc["output"]["arn"]["value"] == ref("aws_cognito_user_pool", name, "arn")
    assert doc["output"]["endpoint"]["value"] == ref("aws_cognito_user_pool", name, "endpoint")
    assert pool.resource.terraform_resource_type == "aws_cognito_user_pool"
    assert pool.triggers == {}
