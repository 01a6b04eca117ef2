"""moved_from(construct, old_id): a renamed construct's resources get moved blocks from their old addresses."""

from __future__ import annotations

from typing import Any

import pytest
from constructs import Construct

from cdktf_userpool import Function, UserPool, moved_from
from cdktf_userpool.errors import ConfigurationError, UserPoolError
from tests._synth import new_stack, synth


def greet(event: dict[str, Any], context: object) -> dict[str, Any]:
    """Pre sign-up: nothing to do."""
    return event


def _stack(pool_id: str, wrapper_id: str, *, move: bool) -> dict[str, Any]:
    stack = new_stack()
    pool = UserPool(stack, pool_id, name="kept", removal_policy="destroy")
    if move:
        moved_from(pool, "Kept")  # before the client and the trigger: they move too
    pool.add_client("Web", name="web")
    pool.on_pre_sign_up(greet)
    wrapper = Construct(stack, wrapper_id)  # an app's own construct, two levels above a Function
    inner = Construct(wrapper, "Inner")
    pool.on_post_authentication(Function(inner, "Audit", greet, function_name="audit"))
    if move:
        moved_from(wrapper, "Auth")
    return synth(stack)


def _addresses(doc: dict[str, Any]) -> dict[str, str]:
    """type and readable part of the logical id (the hash of the path cut off) -> address, per resource."""
    return {f"{rtype}.{name.rsplit('_', 1)[0]}": f"{rtype}.{name}"
            for rtype, blocks in doc["resource"].items() for name in blocks}


@pytest.fixture(scope="module")
def before_after() -> tuple[dict[str, Any], dict[str, Any]]:
    return _stack("Kept", "Auth", move=False), _stack("Members", "Identity", move=True)


def test_every_resource_of_a_renamed_construct_moves_from_its_old_address(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    before, after = before_after
    old, new = _addresses(before), _addresses(after)
    moves = {m["from"]: m["to"] for m in after["moved"]}
    renamed = {"Kept": "Members", "Auth": "Identity"}

    def now(key: str) -> str:
        rtype, readable = key.split(".")
        first, _, rest = readable.partition("_")
        return f"{rtype}.{renamed.get(first, first)}" + (f"_{rest}" if rest else "")

    expected = {address: new[now(key)] for key, address in old.items() if now(key) != key}
    assert moves == expected
    assert len(moves) >= 8 and any(a.startswith("aws_cognito_user_pool.Kept_") for a in moves)
    assert any(a.startswith("aws_lambda_function.Auth_Inner_Audit_") for a in moves)
    assert set(new.values()) >= set(moves.values())  # each move ends at a resource of the new synth


def test_nothing_else_moves_and_data_sources_do_not(before_after: tuple[dict[str, Any], dict[str, Any]]) -> None:
    before, after = before_after
    assert "moved" not in before
    assert not any(m["from"].startswith("data.") for m in after["moved"])
    assert len(after["moved"]) == len({m["from"] for m in after["moved"]})


def test_a_resource_whose_logical_id_is_overridden_does_not_move() -> None:
    from tests._framework import DataAwsRegion, KmsKey

    stack = new_stack()
    wrapper = Construct(stack, "New")
    KmsKey(wrapper, "Pinned").override_logical_id("pinned_key")  # its address does not follow the path
    KmsKey(wrapper, "Key")
    DataAwsRegion(wrapper, "Region")  # a data source has no state to move
    moved_from(wrapper, "Old")
    doc = synth(stack)
    assert set(doc["resource"]["aws_kms_key"]) == {"pinned_key", "New_Key_AC4E3C6B"} or "pinned_key" in doc["resource"]["aws_kms_key"]
    assert [m["from"].rsplit("_", 1)[0] for m in doc["moved"]] == ["aws_kms_key.Old_Key"]


def test_the_scratch_constructs_leave_no_trace(before_after: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, after = before_after
    assert not any(key.split(".")[1].startswith(("Kept", "Auth")) for key in _addresses(after))


@pytest.mark.parametrize(
    ("old_id", "words"),
    [
        ("", "not a construct id"),
        ("a/b", "not a construct id"),
        (7, "not a construct id"),
        ("Pool", "its current id"),
        ("Other", "test/Other still exists"),
    ],
)
def test_bad_old_ids_are_refused_naming_the_fix(old_id: Any, words: str) -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool", removal_policy="destroy")
    UserPool(stack, "Other", removal_policy="destroy")
    with pytest.raises(ConfigurationError, match="old_id") as caught:
        moved_from(pool, old_id)
    assert words in str(caught.value) and caught.value.argument == "old_id" and caught.value.value == old_id


def test_a_stack_and_a_second_call_are_refused() -> None:
    stack = new_stack()
    with pytest.raises(ConfigurationError, match="got a stack"):
        moved_from(stack, "Old")
    pool = UserPool(stack, "Pool", removal_policy="destroy")
    moved_from(pool, "Old")
    with pytest.raises(ConfigurationError, match="already called with old_id='Old'; got old_id='Older'"):
        moved_from(pool, "Older")


def test_a_construct_added_at_the_old_id_after_the_call_fails_the_synth() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool", removal_policy="destroy")
    moved_from(pool, "Old")
    UserPool(stack, "Old", removal_policy="destroy")
    with pytest.raises((RuntimeError, UserPoolError), match="but test/Old was added after the call"):
        synth(stack)  # raised from synth: jsii hands it back as a RuntimeError with the same message
