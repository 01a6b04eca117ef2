"""Re-applying a changed stack onto the same state and emulator keeps the users (tests/local/apps/versions.py).

One story, run once by a module fixture (each step a real Terraform plan and apply), asserted on by the
tests: deploy v1 and sign alice up; apply v2 (new trigger code: an in-place update, and the new code
runs for bob); apply v2 again (nothing); apply v3 (a replacement of the retained pool: refused, naming
the attribute); destroy (refused: the pool is retained); apply v4 (the pool switched to
``removal_policy="destroy"``, in place); apply v5 (now the replacement goes through: a new, empty pool);
rename the pool's construct with ``moved_from`` (a move of the pool and its client: the users stay);
destroy (allowed). Bad input (an empty folder, a synth of another stack) is refused with the state
untouched. Beside ``Kept``, each version calls a hand-written Terraform module holding a pool with
``for_each`` and ``count`` (see the app): check-plan is also checked on what the plans do to it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.errors import ConfigurationError, LocalDeployError
from cdktf_userpool.local import PlannedChange
from cdktf_userpool.local._update import UPDATE_PLAN

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
    plans: dict[str, Path] = field(default_factory=dict)  # saved plans (terraform show -json), for check-plan
    by_email: dict[str, Any] = field(default_factory=dict)  # step -> ByEmail's UsernameAttributes, as described
    planned_again: bool | None = None  # whether re-applying the synth just applied ran a plan


def _record(story: Story, step: str, deployment: Any, name: str = "Kept") -> None:
    pool = deployment.user_pool(name)
    idp = deployment.client("cognito-idp")
    story.pools[step] = pool.id
    story.users[step] = {u["Username"]: u["UserStatus"] for u in idp.list_users(UserPoolId=pool.id)["Users"]}
    story.protection[step] = idp.describe_user_pool(UserPoolId=pool.id)["UserPool"].get("DeletionProtection", "")
    story.serials[step] = _serial(deployment)
    story.outputs[step] = dict(deployment.outputs)
    by_email = idp.describe_user_pool(UserPoolId=deployment.outputs["ByEmailPoolId"])["UserPool"]
    story.by_email[step] = by_email.get("UsernameAttributes")


def _serial(deployment: Any) -> int:
    import json

    return int(json.loads((deployment.workdir / "terraform.tfstate").read_text())["serial"])


def _sign_up(deployment: Any, username: str, **attributes: str) -> None:
    pool = deployment.user_pool("Kept")
    deployment.client("cognito-idp").sign_up(
        ClientId=pool.client().id, Username=username, Password=PASSWORD,
        UserAttributes=[{"Name": k, "Value": v} for k, v in attributes.items()],
    )


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

    plans = tmp_path_factory.mktemp("plans")
    for name, version in (("trigger", "v2"),):
        story.plans[name] = plans / f"{name}.json"
        deployment.plan(base / version, save=story.plans[name])
    story.changes["v2"] = deployment.apply(base / "v2")
    _sign_up(deployment, "bob")  # v2's code confirms him
    _record(story, "v2", deployment)
    saved = deployment.workdir / UPDATE_PLAN
    before = saved.stat().st_mtime_ns
    story.changes["v2-again"] = deployment.apply(base / "v2")
    story.planned_again = saved.stat().st_mtime_ns != before
    _record(story, "v2-again", deployment)
    story.plans["noop"] = plans / "noop.json"
    deployment.plan(base / "v2", save=story.plans["noop"])
    _attempt(story, "v3-plan", lambda: deployment.plan(base / "v3"))  # what a pipeline's terraform plan meets

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
    for name, version in (("replace", "v5"), ("client", "client"), ("delete", "nopool")):
        story.plans[name] = plans / f"{name}.json"
        deployment.plan(base / version, save=story.plans[name])
    story.drift["v4"] = deployment.plan()  # the plans applied nothing
    story.changes["v5"] = deployment.apply(base / "v5")
    _record(story, "v5", deployment)
    story.drift["v5"] = deployment.plan()
    _sign_up(deployment, "carol@example.com", email="carol@example.com")  # the new pool signs users in by email
    _record(story, "v5-carol", deployment)

    story.plans["moved"] = plans / "moved.json"
    deployment.plan(base / "moved", save=story.plans["moved"])
    story.changes["moved"] = deployment.apply(base / "moved")  # Kept renamed Members, with moved_from
    _record(story, "moved", deployment, "Members")
    story.drift["moved"] = deployment.plan()
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
    """The synth just applied, in full, again: nothing to plan, so Terraform does not run (plan() looks for drift)."""
    assert story.changes["v2-again"] == []
    assert story.planned_again is False
    assert story.serials["v2-again"] == story.serials["v2"]  # the state was not written


def test_a_replacement_of_the_retained_pool_is_refused_naming_the_attribute(story: Story) -> None:
    error = story.errors["v3"]
    assert isinstance(error, LocalDeployError) and error.command == "plan" and error.stack == "versions"
    assert error.address is not None and error.address.startswith("aws_cognito_user_pool.Kept")
    message = str(error)
    assert "forced by username_attributes" in message and "prevent_destroy" in message
    assert "Nothing was applied" in message and "removal_policy='destroy'" in message
    assert error.provider_message == "username_attributes"
    pages = " ".join(" ".join(p.read_text().split()) for p in (HERE.parent.parent / "docs").rglob("*.md"))
    assert " ".join(message.split(" Nothing was applied")[0].split()) in pages  # the site's pages quote it
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
    (pool,) = _of(story.changes["v4"], "aws_cognito_user_pool.Kept")
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


def test_in_place_changes_of_a_pool_signing_in_by_email_keep_it_so(story: Story) -> None:
    """Issue 37: after each in-place change of ``ByEmail`` (``username_attributes=["email"]``) the emulator still
    describes ``UsernameAttributes``, and the second plan is empty: a trigger added (v2); a pool setting, a
    client setting and the pre sign-up function replaced (v4); the pool renamed with ``moved_from``, its post
    authentication function replaced under the new path (moved)."""
    assert story.by_email == {step: ["email"] for step in story.by_email} and len(story.by_email) >= 8
    (added,) = _of(story.changes["v2"], "aws_cognito_user_pool.ByEmail")
    assert added.kind == "update" and "lambda_config" in added.attributes
    (setting,) = _of(story.changes["v4"], "aws_cognito_user_pool.ByEmail")
    assert setting.kind == "update" and {"email_verification_subject", "lambda_config"} <= set(setting.attributes)
    (client,) = _of(story.changes["v4"], "aws_cognito_user_pool_client.ByEmail")
    assert client.kind == "update" and "refresh_token_validity" in client.attributes
    functions = {c.address.split(".")[1].rsplit("_", 1)[0]: c.kind for c in _of(story.changes["v4"], "aws_lambda_function.ByEmail")}
    assert functions == {"ByEmailConfirm": "create", "ByEmail_PreSignUp": "delete"}
    (renamed,) = _of(story.changes["moved"], "aws_cognito_user_pool.Emails")
    assert renamed.previous_address is not None and renamed.previous_address.startswith("aws_cognito_user_pool.ByEmail_")
    assert renamed.kind == "update" and "lambda_config" in renamed.attributes  # moved, and its trigger's ARN updated
    assert story.changes["v2-again"] == [] and story.drift["v4"] == story.drift["v5"] == story.drift["moved"] == []


def test_a_renamed_pool_moves_with_its_users(story: Story) -> None:
    changes = [c for c in story.changes["moved"] if "Emails" not in c.address]  # ByEmail's rename: see below
    (pool,) = _of(changes, "aws_cognito_user_pool.")
    (client,) = _of(changes, "aws_cognito_user_pool_client.")
    assert (pool.kind, pool.address.split(".")[1].split("_")[0]) == ("move", "Members")
    assert pool.previous_address is not None and pool.previous_address.startswith("aws_cognito_user_pool.Kept_")
    assert client.kind == "move" and client.previous_address.startswith("aws_cognito_user_pool_client.Kept_Web_")
    # nothing of the pool is deleted or created: its permissions' statement IDs follow the path (replaced)
    assert {c.kind for c in changes} <= {"move", "replace"}
    assert all(c.address.startswith("aws_lambda_permission.") for c in changes if c.kind == "replace")
    assert story.pools["moved"] == story.pools["v5-carol"] and story.users["moved"] == story.users["v5-carol"]
    assert list(story.users["moved"].values()) == ["CONFIRMED"] and story.drift["moved"] == []  # carol (a UUID: email pool)


# -- check-plan on these real plans ---------------------------------------------------------------------------


def check_plan(story: Story, name: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    from cdktf_userpool.__main__ import main

    status = main(["check-plan", str(story.plans[name]), *args])
    out, err = capsys.readouterr()
    assert err == ""
    return status, out.splitlines()


def test_planning_a_replacement_of_the_retained_pool_fails_naming_it(story: Story) -> None:
    error = story.errors["v3-plan"]
    assert isinstance(error, LocalDeployError) and "forced by username_attributes" in str(error)
    assert story.drift["v4"] == []


TENANT = 'module.Tenants["acme"]'
TENANT_POOL = f"{TENANT}.aws_cognito_user_pool.pool[0]"
TENANT_CLIENT = f"{TENANT}.aws_cognito_user_pool_client.web"


def _section(lines: list[str], pool: str) -> list[str]:
    """The lines check-plan prints for ``pool``: its own line and its indented ones."""
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{pool}:"))
    return [lines[at], *itertools.takewhile(lambda line: line.startswith("  "), lines[at + 1:])]


def test_check_plan_of_a_trigger_change(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check_plan(story, "trigger", capsys)
    assert status == 0 and lines[-1] == "OK: no user pool is deleted or replaced"
    assert any(line.startswith("  trigger pre_sign_up: aws_lambda_function.Greeter") and "source_code_hash" in line
               for line in lines), lines
    # the module's pool takes the same function through the module's variable: its trigger has new code too
    tenant = _section(lines, TENANT_POOL)
    assert tenant[0] == f"{TENANT_POOL}: the pool itself unchanged", lines
    assert tenant[1].startswith("  trigger pre_sign_up: aws_lambda_function.Greeter") and "source_code_hash" in tenant[1]
    assert any(line.startswith("  trigger post_authentication: added (aws_lambda_function.Audit") for line in lines), lines
    assert any(line.startswith("  permission aws_lambda_permission.") and line.endswith(": create") for line in lines)


def test_check_plan_of_a_no_op_plan(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check_plan(story, "noop", capsys)
    assert status == 0 and lines[-1].endswith(": no changes")


def test_check_plan_blocks_a_pool_replacement(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check_plan(story, "replace", capsys)
    pool = next(line for line in lines if line.startswith("aws_cognito_user_pool.Kept"))
    assert status == 1 and "REPLACE (forced by username_attributes): a new, empty pool: every user is lost" in pool
    client = next(line for line in lines if line.startswith("  client aws_cognito_user_pool_client."))
    assert "REPLACE (forced by user_pool_id)" in client  # a new pool takes new clients with it
    tenant = _section(lines, TENANT_POOL)  # the module's pool, replaced in the same plan, with its client
    assert tenant[0] == f"{TENANT_POOL}: REPLACE (forced by username_attributes): a new, empty pool: every user is lost"
    assert f"  client {TENANT_CLIENT}: REPLACE (forced by user_pool_id): a new client ID; apps holding the old one stop " \
           "signing in" in tenant
    assert any(line.startswith(f"  permission {TENANT}.aws_lambda_permission.pre_sign_up: ") for line in tenant), tenant
    assert lines[-1].startswith("BLOCKED: 4 deletions or replacements")
    addresses = [pool.split(":")[0], client.split()[1].rstrip(":"), TENANT_POOL, TENANT_CLIENT]
    assert all(address in lines[-1] for address in addresses)
    status, lines = check_plan(story, "replace", capsys, "--allow-replace", addresses[0])
    assert status == 1 and lines[-1].startswith("BLOCKED: 3 deletions or replacements")  # the clients and the module's pool
    status, lines = check_plan(story, "replace", capsys, *(a for address in addresses for a in ("--allow-replace", address)))
    assert status == 0 and lines[-1] == "OK: no user pool is deleted or replaced (except those allowed)"


def test_the_module_s_pool_is_replaced_on_apply_and_reported_by_type(story: Story) -> None:
    (tenant,) = [c for c in story.changes["v5"] if c.address == TENANT_POOL]
    assert (tenant.type, tenant.kind, tenant.forced_by) == ("aws_cognito_user_pool", "replace", ("username_attributes",))


def test_check_plan_blocks_a_client_replacement(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check_plan(story, "client", capsys)
    client = next(line for line in lines if line.startswith("  client aws_cognito_user_pool_client."))
    assert status == 1 and "REPLACE (forced by generate_secret)" in client and "a new client ID" in client
    tenant = _section(lines, TENANT_POOL)  # the module's client, under the module's pool
    assert tenant[0] == f"{TENANT_POOL}: the pool itself unchanged"
    assert tenant[1:] == [f"  client {TENANT_CLIENT}: REPLACE (forced by generate_secret): a new client ID; apps holding "
                          "the old one stop signing in"]
    assert lines[-1].startswith("BLOCKED: 2 deletions or replacements") and TENANT_CLIENT in lines[-1]
    status, lines = check_plan(story, "client", capsys, "--format", "markdown")
    assert status == 1 and lines[0].startswith("### :no_entry: User pools: BLOCKED")


def test_check_plan_of_a_renamed_pool_says_moved(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check_plan(story, "moved", capsys)
    assert status == 0 and lines[-1] == "OK: no user pool is deleted or replaced"
    pool = next(line for line in lines if line.startswith("aws_cognito_user_pool.Members"))
    assert "moved from aws_cognito_user_pool.Kept_" in pool, lines


def test_check_plan_blocks_a_pool_deletion(story: Story, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = check_plan(story, "delete", capsys)
    pool = next(line for line in lines if line.startswith("aws_cognito_user_pool.Kept"))
    assert status == 1 and "DELETE: the pool and every user in it are lost" in pool
    assert any(line.startswith("  trigger pre_sign_up: removed (was aws_lambda_function.Greeter") for line in lines), lines
    assert any(line.startswith("  client aws_cognito_user_pool_client.") and "DELETE" in line for line in lines)
    tenant = _section(lines, TENANT_POOL)  # the module call removed: its pool, client and permission deleted
    assert tenant[0] == f"{TENANT_POOL}: DELETE: the pool and every user in it are lost"
    assert f"  client {TENANT_CLIENT}: DELETE: the client ID is gone; apps holding it stop signing in" in tenant
    assert f"  permission {TENANT}.aws_lambda_permission.pre_sign_up: delete" in tenant
    assert lines[-1].startswith("BLOCKED: 4 deletions or replacements")
    blocked = run_json(story, "delete", capsys)["blocked"]
    assert len(blocked) == 4 and {TENANT_POOL, TENANT_CLIENT} < set(blocked)


def run_json(story: Story, name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    import json

    from cdktf_userpool.__main__ import main

    main(["check-plan", str(story.plans[name]), "--format", "json"])
    return dict(json.loads(capsys.readouterr().out))
