"""Re-applying a changed stack onto the same state and emulator keeps the users (tests/local/apps/versions.py).

One story, run once by a module fixture (each step a real Terraform plan and apply), asserted on by the
tests: deploy v1 and sign alice up; apply v2 (new trigger code: an in-place update, and the new code
runs for bob); apply v2 again (nothing); apply v3 (a replacement of the retained pool: refused, naming
the attribute); destroy (refused: the pool is retained); apply v4 (the pool switched to
``removal_policy="destroy"``, in place); apply v5 (now the replacement goes through: a new, empty pool);
destroy (allowed). Bad input (an empty folder, a synth of another stack) is refused with the state
untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from cdktf_userpool.errors import ConfigurationError, LocalDeployError
from cdktf_userpool.local import PlannedChange

from .conftest import HERE, deploy, synth_app

APP = HERE / "apps" / "versions.py"
PASSWORD = "Versions-Pass-1"


@dataclass
class Story:
    """What happened at each step."""

    changes: dict[str, list[PlannedChange]] = field(default_factory=dict)
    pools: dict[str, str] = field(default_factory=dict)  # step -> Kept's pool id
    users: dict[str, dict[str, str]] = field(default_factory=dict)  # step -> username -> status
    errors: dict[str, BaseException] = field(default_factory=dict)
    drift: dict[str, list[PlannedChange]] = field(default_factory=dict)
    serials: dict[str, int] = field(default_factory=dict)
    protection: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)


def _record(story: Story, step: str, deployment: Any) -> None:
    pool = deployment.user_pool("Kept")
    idp = deployment.client("cognito-idp")
    story.pools[step] = pool.id
    story.users[step] = {u["Username"]: u["UserStatus"] for u in idp.list_users(UserPoolId=pool.id)["Users"]}
    story.protection[step] = idp.describe_user_pool(UserPoolId=pool.id)["UserPool"].get("DeletionProtection", "")
    story.serials[step] = _serial(deployment)
    story.outputs[step] = dict(deployment.outputs)


def _serial(deployment: Any) -> int:
    import json

    return int(json.loads((deployment.workdir / "terraform.tfstate").read_text())["serial"])


def _sign_up(deployment: Any, username: str) -> None:
    pool = deployment.user_pool("Kept")
    deployment.client("cognito-idp").sign_up(ClientId=pool.client().id, Username=username, Password=PASSWORD)


def _attempt(story: Story, step: str, call: Any) -> None:
    try:
        call()
    except (LocalDeployError, ConfigurationError) as exc:
        story.errors[step] = exc


@pytest.fixture(scope="module")
def story(aws: Any, toolchain: Any, tmp_path_factory: pytest.TempPathFactory) -> Story:
    base = synth_app(APP, tmp_path_factory.mktemp("versions-app"))
    story = Story()
    deployment = deploy(aws, base / "v1", "versions")
    _sign_up(deployment, "alice")  # v1's pre sign-up leaves her unconfirmed
    _record(story, "v1", deployment)

    story.changes["v2"] = deployment.apply(base / "v2")
    _sign_up(deployment, "bob")  # v2's code confirms him
    _record(story, "v2", deployment)
    story.changes["v2-again"] = deployment.apply(base / "v2")
    _record(story, "v2-again", deployment)

    _attempt(story, "v3", lambda: deployment.apply(base / "v3"))
    _record(story, "v3", deployment)
    story.drift["v3"] = deployment.plan()  # the working copy holds v2 again
    _attempt(story, "destroy-retained", deployment.destroy)
    _attempt(story, "empty", lambda: deployment.apply(tmp_path_factory.mktemp("empty")))
    _attempt(story, "renamed", lambda: deployment.apply(base / "renamed"))
    _record(story, "refused", deployment)
    story.drift["refused"] = deployment.plan()

    story.changes["v4"] = deployment.apply(base / "v4")
    _record(story, "v4", deployment)
    story.changes["v5"] = deployment.apply(base / "v5")
    _record(story, "v5", deployment)
    story.drift["v5"] = deployment.plan()
    deployment.destroy()  # removal_policy="destroy" now: no unprotect needed
    return story


def _of(changes: list[PlannedChange], prefix: str) -> list[PlannedChange]:
    return [c for c in changes if c.address.startswith(prefix)]


def test_new_trigger_code_updates_the_function_in_place_and_runs(story: Story) -> None:
    functions = _of(story.changes["v2"], "aws_lambda_function.")
    updated = [c for c in functions if c.kind == "update"]
    assert len(updated) == 1 and "Greeter" in updated[0].address and "source_code_hash" in updated[0].attributes
    assert [c.kind for c in functions if "Audit" in c.address] == ["create"]  # the trigger added
    assert not [c for c in story.changes["v2"] if c.replaced or c.deleted]
    assert story.pools["v2"] == story.pools["v1"] and story.outputs["v2"] == story.outputs["v1"]
    assert story.users["v1"] == {"alice": "UNCONFIRMED"}
    assert story.users["v2"] == {"alice": "UNCONFIRMED", "bob": "CONFIRMED"}  # v2's code ran for bob


def test_an_unchanged_synth_applies_nothing(story: Story) -> None:
    assert story.changes["v2-again"] == []
    assert story.serials["v2-again"] == story.serials["v2"]  # the state was not written


def test_a_replacement_of_the_retained_pool_is_refused_naming_the_attribute(story: Story) -> None:
    error = story.errors["v3"]
    assert isinstance(error, LocalDeployError) and error.command == "plan" and error.stack == "versions"
    assert error.address is not None and error.address.startswith("aws_cognito_user_pool.Kept")
    message = str(error)
    assert "forced by username_attributes" in message and "prevent_destroy" in message
    assert "Nothing was applied" in message and "removal_policy='destroy'" in message
    assert error.provider_message == "username_attributes"
    readme = " ".join((HERE.parent.parent / "README.md").read_text().split())
    assert " ".join(message.split(" Nothing was applied")[0].split()) in readme  # the README quotes it
    assert story.pools["v3"] == story.pools["v2"] and story.users["v3"] == story.users["v2"]
    assert story.serials["v3"] == story.serials["v2"]
    assert story.drift["v3"] == []  # refused before any apply; the working copy holds what is deployed


def test_destroy_of_the_retained_stack_is_refused(story: Story) -> None:
    error = story.errors["destroy-retained"]
    assert isinstance(error, LocalDeployError) and error.command == "destroy"
    assert "removal_policy='destroy'" in str(error) and error.address is not None and "Kept" in error.address


def test_bad_input_is_refused_with_the_state_untouched(story: Story) -> None:
    empty, renamed = story.errors["empty"], story.errors["renamed"]
    assert isinstance(empty, ConfigurationError) and "holds no synthesized stack" in str(empty)
    assert isinstance(renamed, ConfigurationError) and "is not a synth of stack 'versions'" in str(renamed)
    assert "'renamed'" in str(renamed) and renamed.argument == "outdir"
    assert story.serials["refused"] == story.serials["v2"] and story.users["refused"] == story.users["v2"]
    assert story.drift["refused"] == []


def test_switching_to_destroy_is_an_update_in_place(story: Story) -> None:
    (pool,) = _of(story.changes["v4"], "aws_cognito_user_pool.")
    assert pool.kind == "update" and "deletion_protection" in pool.attributes
    assert story.protection["v2"] == "ACTIVE" and story.protection["v4"] == "INACTIVE"
    assert story.pools["v4"] == story.pools["v2"] and story.users["v4"] == story.users["v2"]


def test_then_the_replacement_goes_through_and_says_so(story: Story) -> None:
    (pool,) = _of(story.changes["v5"], "aws_cognito_user_pool.")
    assert pool.kind == "replace" and pool.forced_by == ("username_attributes",)
    assert story.pools["v5"] != story.pools["v4"]
    assert story.users["v5"] == {}  # the old users went with the old pool: what removal_policy="destroy" allows
    assert story.outputs["v5"]["PoolId"] == story.pools["v5"]  # outputs read again
    assert story.drift["v5"] == []
