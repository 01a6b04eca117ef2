"""A list of nested blocks given as dicts (``schema=[{...}]``, ``refresh_token_rotation=[{...}]``) reaches
Terraform whole, and a wrong key is this library's error, not jsii's (or nothing at all)."""

from __future__ import annotations

from typing import Any

import pytest

from cdktf_userpool import UserPool
from cdktf_userpool.errors import ConfigurationError
from tests._synth import new_stack, only, synth

TENANT = {"name": "tenant", "attribute_data_type": "String", "mutable": True,
          "string_attribute_constraints": {"min_length": "1", "max_length": "64"}}


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    stack = new_stack()
    pool = UserPool(stack, "Pool", removal_policy="destroy", schema=[TENANT])
    pool.add_client("Web", refresh_token_rotation=[{"feature": "ENABLED", "retry_grace_period_seconds": 8}])
    return synth(stack)


def test_every_key_of_a_list_of_dicts_reaches_terraform(doc: dict[str, Any]) -> None:
    _, pool = only(doc, "aws_cognito_user_pool")
    assert pool["schema"] == [{**TENANT, "mutable": True}]
    _, client = only(doc, "aws_cognito_user_pool_client")
    assert client["refresh_token_rotation"] == [{"feature": "ENABLED", "retry_grace_period_seconds": 8}]


@pytest.mark.parametrize(
    ("kwargs", "argument", "words"),
    [
        ({"schema": [{**TENANT, "data_type": "String"}]}, "schema", "the key(s) 'data_type', which CognitoUserPoolSchema does not take"),
        ({"schema": [{"name": "tenant"}]}, "schema", "no 'attribute_data_type', which CognitoUserPoolSchema requires"),
    ],
)
def test_a_wrong_key_of_a_pool_block_is_refused_naming_it(kwargs: dict[str, Any], argument: str, words: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        UserPool(new_stack(), "Pool", removal_policy="destroy", **kwargs)
    assert words in str(caught.value) and "attribute_data_type" in str(caught.value)
    assert caught.value.argument == argument and "attribute_data_type" in caught.value.choices


def test_a_wrong_key_of_a_client_block_is_refused_naming_it() -> None:
    pool = UserPool(new_stack(), "Pool", removal_policy="destroy")
    with pytest.raises(ConfigurationError, match=r"refresh_token_rotation\[0\]=.*'grace_period'.*retry_grace_period_seconds"):
        pool.add_client("Web", refresh_token_rotation=[{"feature": "ENABLED", "grace_period": 8}])
