"""UserPool(removal_policy=...): pools keep their users by default (deletion protection and prevent_destroy)."""

from __future__ import annotations

from typing import Any

import pytest

from cdktf_userpool import UserPool
from cdktf_userpool.errors import ConfigurationError
from tests._synth import new_stack, synth


@pytest.fixture(scope="module")
def pools() -> dict[str, dict[str, Any]]:
    """One stack: the default, removal_policy="destroy", an explicit ACTIVE, a user lifecycle merged with ours."""
    stack = new_stack()
    UserPool(stack, "Default")
    UserPool(stack, "Throwaway", removal_policy="destroy")
    UserPool(stack, "Explicit", deletion_protection="ACTIVE")
    UserPool(stack, "Ignoring", lifecycle={"ignore_changes": ["schema"]})
    blocks = synth(stack)["resource"]["aws_cognito_user_pool"]
    return {block["name"].removeprefix("test-"): block for block in blocks.values()}


def test_the_default_protects_the_pool_twice(pools: dict[str, dict[str, Any]]) -> None:
    assert pools["Default"]["deletion_protection"] == "ACTIVE"
    assert pools["Default"]["lifecycle"] == {"prevent_destroy": True}


def test_removal_destroy_sets_neither(pools: dict[str, dict[str, Any]]) -> None:
    assert "deletion_protection" not in pools["Throwaway"]
    assert "lifecycle" not in pools["Throwaway"]


def test_an_explicit_active_and_a_user_lifecycle_are_kept(pools: dict[str, dict[str, Any]]) -> None:
    assert pools["Explicit"]["deletion_protection"] == "ACTIVE"
    assert pools["Ignoring"]["lifecycle"] == {"ignore_changes": ["schema"], "prevent_destroy": True}


def test_the_removal_attribute() -> None:
    stack = new_stack()
    assert UserPool(stack, "A").removal_policy == "retain"
    assert UserPool(stack, "B", removal_policy="destroy").removal_policy == "destroy"
    assert UserPool.from_user_pool_id(stack, "C", "eu-west-1_abcDEF123").removal_policy is None


@pytest.mark.parametrize(
    ("kwargs", "argument", "words"),
    [
        ({"removal_policy": "delete"}, "removal_policy", ["'delete'", "'retain' or 'destroy'"]),
        ({"removal_policy": True}, "removal_policy", ["True", "'retain' or 'destroy'"]),
        ({"deletion_protection": "ON"}, "deletion_protection", ["'ON'", "'ACTIVE' or 'INACTIVE'"]),
        ({"deletion_protection": "INACTIVE"}, "deletion_protection", ["removal_policy='destroy' instead"]),
        ({"lifecycle": {"prevent_destroy": False}}, "lifecycle", ["removal_policy='destroy' instead"]),
        ({"removal_policy": "destroy", "deletion_protection": "ACTIVE"}, "removal_policy", ["contradict", "drop deletion_protection"]),
        ({"removal_policy": "destroy", "lifecycle": {"prevent_destroy": True}}, "removal_policy", ["contradict", "drop lifecycle"]),
    ],
)
def test_contradictions_and_bad_values_fail_at_construction(kwargs: dict[str, Any], argument: str, words: list[str]) -> None:
    with pytest.raises(ConfigurationError) as raised:
        UserPool(new_stack(), "Pool", **kwargs)
    error = raised.value
    assert error.argument == argument and error.construct_path == "test/Pool"
    for word in words:
        assert word in str(error)


def test_a_misspelt_removal_is_suggested() -> None:
    with pytest.raises(ConfigurationError, match="Did you mean 'removal_policy'"):
        UserPool(new_stack(), "Pool", removal_polcy="destroy")  # type: ignore[call-arg]


def test_a_wrapped_pool_is_retained_the_same_way() -> None:
    from tests._framework import CognitoUserPool

    stack = new_stack()
    kept = CognitoUserPool(stack, "Kept", name="kept", lifecycle={"ignore_changes": ["schema"]})
    throwaway = CognitoUserPool(stack, "Throwaway", name="throwaway")
    assert UserPool.from_(kept).removal_policy == "retain"
    assert UserPool.from_(throwaway, removal_policy="destroy").removal_policy == "destroy"
    blocks = synth(stack)["resource"]["aws_cognito_user_pool"]
    assert blocks["Kept"]["deletion_protection"] == "ACTIVE"
    assert blocks["Kept"]["lifecycle"] == {"ignore_changes": ["schema"], "prevent_destroy": True}
    assert "deletion_protection" not in blocks["Throwaway"] and "lifecycle" not in blocks["Throwaway"]


def test_a_wrapped_pool_that_opts_out_is_refused_naming_it() -> None:
    from tests._framework import CognitoUserPool

    stack = new_stack()
    raw = CognitoUserPool(stack, "Raw", name="raw", deletion_protection="INACTIVE")
    with pytest.raises(ConfigurationError, match="UserPool 'test/Raw' got deletion_protection='INACTIVE'") as refused:
        UserPool.from_(raw)
    assert refused.value.construct_path == "test/Raw" and "removal_policy='destroy'" in str(refused.value)
    with pytest.raises(ConfigurationError, match="removal_policy='delete'"):
        UserPool.from_(CognitoUserPool(stack, "Other", name="other"), removal_policy="delete")  # type: ignore[arg-type]


def test_a_taken_over_pool_is_retained() -> None:
    stack = new_stack()
    UserPool(stack, "Existing", name="existing", import_existing="eu-west-1_abcDEF123")
    (block,) = synth(stack)["resource"]["aws_cognito_user_pool"].values()
    assert block["deletion_protection"] == "ACTIVE" and block["lifecycle"] == {"prevent_destroy": True}
