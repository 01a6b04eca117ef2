"""``python -m cdktf_userpool check-plan``: bad input gives one line and exit 2; small plans read right.

Real plans made by Terraform against the local emulator are checked in tests/local/test_update.py;
these are the edge cases: files that are not plans, an empty plan, a deleted pool, a moved one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.__main__ import main
from cdktf_userpool.plan import report

POOL = "aws_cognito_user_pool.Pool_D3F588B8"


def plan(*changes: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"format_version": "1.2", "terraform_version": "1.11.0", "planned_values": {}, "resource_changes": list(changes), **extra}


def change(address: str, actions: list[str], before: Any = None, after: Any = None, **extra: Any) -> dict[str, Any]:
    rtype, name = address.split(".")
    body = {"actions": actions, "before": before, "after": after, "after_unknown": {}, **extra}
    return {"address": address, "mode": "managed", "type": rtype, "name": name, "change": body}


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "plan.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    status = main(["check-plan", str(path), *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "is empty"),
        ("not json {", "is not JSON"),
        (b"PK\x03\x04binary", "is not JSON (it looks like the plan file itself"),
        (b"\xff\xfe\x00", "cannot be read"),
        ("[1, 2]", "holds a JSON list"),
        ('{"resource": {"aws_s3_bucket": {}}, "terraform": {}}', "synthesized configuration (cdk.tf.json)"),
        ('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', "not a Terraform plan (no format_version)"),
        ('{"format_version": "1.0", "values": {"root_module": {}}}', "is a state"),
        ('{"format_version": "1.0", "checks": []}', "not a Terraform plan"),
        (json.dumps(plan(errored=True)), "plan that errored"),
    ],
)
def test_what_is_not_a_plan_gets_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: Any, words: str) -> None:
    status, out, err = run(tmp_path, capsys, content)
    assert status == 2 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "terraform show -json" in err or "errored" in err


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-plan", str(tmp_path / "absent.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_an_empty_plan_is_no_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    no_op = change(POOL, ["no-op"], {"id": "p"}, {"id": "p"})
    for document in (plan(), plan(no_op), {"format_version": "1.2", "planned_values": {}}):
        status, out, err = run(tmp_path, capsys, json.dumps(document))
        assert (status, err) == (0, "") and out.strip().endswith(": no changes")


def test_a_deleted_pool_is_blocked_and_allowed_by_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.dumps(plan(change(POOL, ["delete"], {"id": "eu-west-1_abc", "arn": "arn:pool"}, None)))
    status, out, _ = run(tmp_path, capsys, document)
    assert status == 1
    assert f"{POOL}: DELETE: the pool and every user in it are lost" in out
    assert out.splitlines()[-1].startswith(f"BLOCKED: 1 deletion or replacement would lose users or client IDs: {POOL}.")
    status, out, _ = run(tmp_path, capsys, document, "--allow-replace", POOL)
    assert status == 0 and out.splitlines()[-1] == "OK: no user pool is deleted or replaced (except those allowed)"


def test_an_allow_replace_that_matches_nothing_is_noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.dumps(plan(change(POOL, ["update"], {"mfa_configuration": "OFF"}, {"mfa_configuration": "ON"})))
    status, out, _ = run(tmp_path, capsys, document, "--allow-replace", "aws_cognito_user_pool.Typo")
    assert status == 0
    assert f"{POOL}: updated in place (mfa_configuration)" in out
    assert "note: --allow-replace aws_cognito_user_pool.Typo matches no deletion or replacement" in out


def test_a_moved_pool_is_a_move_not_a_replacement() -> None:
    moved = change(POOL, ["no-op"], {"id": "p"}, {"id": "p"})
    moved["previous_address"] = "aws_cognito_user_pool.Old_12345678"
    found = report(plan(moved))
    assert [c.kind for c in found.changes.values()] == ["move"]
    assert not found.blocked() and found.pools[0].change is not None
    assert found.pools[0].change.previous_address == "aws_cognito_user_pool.Old_12345678"


def test_the_command_line_never_shows_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": ')
    done = subprocess.run([sys.executable, "-m", "cdktf_userpool", "check-plan", str(bad)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.startswith("check-plan: ")


# -- a pool with its triggers and what hangs on it, in every format ------------------------------------------

FN = "aws_lambda_function.Pool_PreSignUp_2E0C2FBC"


def configured(address: str, **expressions: list[str]) -> dict[str, Any]:
    """A configuration resource whose arguments refer to ``expressions``' references."""
    return {"address": address, "expressions": {k: {"references": refs} for k, refs in expressions.items()}}


def pool_plan() -> dict[str, Any]:
    """A pool with a trigger whose code changes, and a domain, a group and an identity pool's roles changing."""
    prior = {"values": {"root_module": {"resources": [
        {"address": POOL, "values": {"id": "eu-west-1_abc", "arn": "arn:pool", "endpoint": "cognito-idp/eu-west-1_abc",
                                     "lambda_config": [{"pre_sign_up": "arn:fn"}]}},
        {"address": FN, "values": {"arn": "arn:fn"}},
    ]}}}
    configuration = {"root_module": {"resources": [
        {"address": POOL, "expressions": {"lambda_config": [{"pre_sign_up": {"references": [f"{FN}.arn", FN]}}]}},
        configured("aws_cognito_user_pool_domain.Domain", user_pool_id=[f"{POOL}.id", POOL]),
        configured("aws_cognito_user_group.Admins", user_pool_id=[f"{POOL}.id", POOL]),
        configured("aws_cognito_identity_pool.Identity", cognito_identity_providers=[f"{POOL}.endpoint", POOL]),
        configured("aws_cognito_identity_pool_roles_attachment.Roles", identity_pool_id=["aws_cognito_identity_pool.Identity.id"],
                   roles=["aws_iam_role.Authenticated.arn", "aws_iam_role.Authenticated"]),
    ]}}
    return plan(
        change(FN, ["update"], {"source_code_hash": "a"}, {"source_code_hash": "b"}),
        change("aws_cognito_user_pool_domain.Domain", ["delete", "create"], {"domain": "old"}, {"domain": "new"},
               replace_paths=[["domain"]]),
        change("aws_cognito_user_group.Admins", ["update"], {"precedence": 1}, {"precedence": 2}),
        change("aws_iam_role.Authenticated", ["update"], {"assume_role_policy": "a"}, {"assume_role_policy": "b"}),
        change("aws_s3_bucket.Unrelated", ["create"], None, {"bucket": "b"}),
        prior_state=prior, configuration=configuration,
    )


def test_a_pool_s_trigger_code_domain_group_and_identity_roles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(tmp_path, capsys, json.dumps(pool_plan()))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert f"{POOL}: the pool itself unchanged" in lines
    assert f"  trigger pre_sign_up: {FN}: new code or configuration (source_code_hash)" in lines
    assert ("  domain aws_cognito_user_pool_domain.Domain: REPLACE (forced by domain): the sign-in URL is deleted and "
            "made again") in lines
    assert "  group aws_cognito_user_group.Admins: update: precedence" in lines
    assert "  identity aws_iam_role.Authenticated: update: assume_role_policy" in lines
    assert "other changes: aws_s3_bucket.Unrelated (create)" in lines
    assert lines[-1] == "OK: no user pool is deleted or replaced"


def test_json_format_for_programs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replaced = pool_plan()
    replaced["resource_changes"].append(change(POOL, ["delete", "create"], {"id": "eu-west-1_abc"},
                                               {"id": None, "lambda_config": [{"pre_sign_up": "arn:fn"}]},
                                               replace_paths=[["username_attributes"]]))
    status, out, err = run(tmp_path, capsys, json.dumps(replaced), "--format", "json")
    document = json.loads(out)
    assert status == 1 == document["exit_code"] and document["status"] == "blocked" and err == ""
    (pool,) = document["pools"]
    assert pool["loses_users"] is True and pool["change"]["forced_by"] == ["username_attributes"]
    assert [t["kind"] for t in pool["triggers"]] == ["code"] and document["blocked"] == [POOL]
    assert [c["address"] for c in pool["identity"]] == ["aws_iam_role.Authenticated"]
    status, out, _ = run(tmp_path, capsys, json.dumps(replaced), "--format", "json", "--allow-replace", POOL)
    assert status == 0 and json.loads(out)["allowed"] == [POOL]
    status, out, _ = run(tmp_path, capsys, json.dumps(plan()), "--format", "json")
    assert status == 0 and json.loads(out)["changes"] == 0


def test_markdown_format_is_a_pull_request_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deleted = plan(change(POOL, ["delete"], {"id": "eu-west-1_abc", "arn": "arn:pool"}, None))
    status, out, _ = run(tmp_path, capsys, json.dumps(deleted), "--format", "markdown")
    lines = out.splitlines()
    assert status == 1 and lines[0].startswith("### :no_entry: User pools: BLOCKED: 1 deletion")
    assert "```text" in lines and f"{POOL}: DELETE: the pool and every user in it are lost" in lines
    status, out, _ = run(tmp_path, capsys, json.dumps(pool_plan()), "--format", "markdown")
    assert status == 0 and out.startswith("### :white_check_mark: User pools: OK")
    status, out, _ = run(tmp_path, capsys, json.dumps(plan()), "--format", "markdown")
    assert status == 0 and out.strip().endswith("no changes")


def test_a_plan_without_resource_changes_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = {"format_version": "0.1", "terraform_version": "0.11.14",
           "planned_values": {"root_module": {"resources": [{"address": POOL}]}}}
    status, out, err = run(tmp_path, capsys, json.dumps(old))
    assert status == 2 and out == "" and "without resource_changes (made by Terraform 0.11.14)" in err
    assert len(err.strip().splitlines()) == 1
