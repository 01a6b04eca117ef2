"""``check-plan`` fails closed: pools and clients anywhere in the module tree, and whatever it cannot read.

Hand-written plans in Terraform's documented JSON format (``resource_changes`` entries with ``address``,
``module_address``, ``type``, ``name``, ``index``; ``configuration.root_module.module_calls.*.module``
with module-relative references). Real plans Terraform made for a stack with a module holding a pool
are checked in tests/local/test_update.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.__main__ import main
from cdktf_userpool.plan import report
from cdktf_userpool.plan._addresses import parse

POOL, CLIENT = "aws_cognito_user_pool", "aws_cognito_user_pool_client"


def plan(*changes: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"format_version": "1.2", "terraform_version": "1.11.0", "planned_values": {}, "resource_changes": list(changes), **extra}


def change(address: str, rtype: str, actions: list[str], before: Any = None, after: Any = None, **extra: Any) -> dict[str, Any]:
    """A ``resource_changes`` entry as Terraform writes it (module_address, type, name, index)."""
    body = {"actions": actions, "before": before, "after": after, "after_unknown": {}, **extra}
    module, _, rest = address.rpartition(f"{rtype}.")
    name, _, index = rest.partition("[")
    entry: dict[str, Any] = {"address": address, "mode": "managed", "type": rtype, "name": name,
                             "provider_name": "registry.terraform.io/hashicorp/aws", "change": body}
    if module:
        entry["module_address"] = module.rstrip(".")
    if index:
        key = index.rstrip("]")
        entry["index"] = json.loads(key)
    return entry


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any, *args: str) -> tuple[int, list[str]]:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document))
    status = main(["check-plan", str(path), *args])
    out, err = capsys.readouterr()
    assert err == ""
    return status, out.splitlines()


def ref(*references: str) -> dict[str, list[str]]:
    return {"references": list(references)}


# -- the three plans of the issue: each passed before ----------------------------------------------------------


def test_a_pool_deleted_inside_a_module_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    address = f"module.auth.{POOL}.users"
    document = plan(change(address, POOL, ["delete"], {"id": "eu-west-1_abc", "arn": "arn:pool"}, None))
    status, lines = run(tmp_path, capsys, document)
    assert status == 1
    assert f"{address}: DELETE: the pool and every user in it are lost" in lines
    assert lines[-1].startswith(f"BLOCKED: 1 deletion or replacement would lose users or client IDs: {address}.")
    assert f"--allow-replace {address}" in lines[-1]
    status, lines = run(tmp_path, capsys, document, "--allow-replace", address)
    assert status == 0 and lines[-1] == "OK: no user pool is deleted or replaced (except those allowed)"


def test_a_pool_replaced_inside_a_module_blocks_naming_what_forces_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    address = f"module.auth.{POOL}.users"
    document = plan(change(address, POOL, ["delete", "create"], {"id": "eu-west-1_abc"}, {"id": None},
                           replace_paths=[["username_attributes"]]))
    status, lines = run(tmp_path, capsys, document)
    assert status == 1
    assert f"{address}: REPLACE (forced by username_attributes): a new, empty pool: every user is lost" in lines


def test_a_client_no_pool_ties_to_blocks_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pool, client = f"{POOL}.users", f"{CLIENT}.web"
    document = plan(change(pool, POOL, ["no-op"], {"id": "eu-west-1_abc"}, {"id": "eu-west-1_abc"}),
                    change(client, CLIENT, ["delete", "create"], {"id": "c1", "user_pool_id": "elsewhere"},
                           {"id": None, "user_pool_id": "elsewhere"}, replace_paths=[["generate_secret"]]))
    status, lines = run(tmp_path, capsys, document)
    assert status == 1
    (line,) = [line for line in lines if client in line and "REPLACE" in line]
    assert line.startswith(f"client {client} (not tied to a pool: neither the plan's configuration nor its prior "
                           "state ties its user_pool_id to a pool): REPLACE (forced by generate_secret): a new client ID")
    assert lines[-1].startswith(f"BLOCKED: 1 deletion or replacement would lose users or client IDs: {client}.")
    assert run(tmp_path, capsys, document, "--allow-replace", client)[0] == 0


# -- every address form ----------------------------------------------------------------------------------------

ADDRESSES = [
    f"{POOL}.p",
    f"{POOL}.p[0]",
    f'{POOL}.p["eu"]',
    f"module.a.{POOL}.p",
    f"module.a[1].{POOL}.p[0]",
    f'module.a.module.b["x"].{POOL}.p[0]',
    f'module.a["k.with.dots"].module.b.{POOL}.p["tenant.one"]',
]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("actions", [["delete"], ["delete", "create"], ["create", "delete"], ["create", "forget"]])
def test_every_pool_address_form_blocks_and_is_allowed_by_its_full_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str, actions: list[str]
) -> None:
    document = plan(change(address, POOL, actions, {"id": "eu-west-1_abc"}, None if actions == ["delete"] else {"id": None}))
    status, lines = run(tmp_path, capsys, document)
    assert status == 1 and lines[-1].startswith("BLOCKED: 1 deletion or replacement") and address in lines[-1]
    bare = address.rsplit("[", 1)[0] if address.endswith("]") else address + "[0]"
    assert run(tmp_path, capsys, document, "--allow-replace", bare)[0] == 1  # another instance's address allows nothing
    status, lines = run(tmp_path, capsys, document, "--allow-replace", address)
    assert status == 0 and lines[-1].endswith("(except those allowed)")


@pytest.mark.parametrize("address", [a.replace(f"{POOL}.p", f"{CLIENT}.c") for a in ADDRESSES])
@pytest.mark.parametrize("actions", [["delete"], ["delete", "create"]])
def test_every_client_deletion_or_replacement_blocks_wherever_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str, actions: list[str]
) -> None:
    document = plan(change(address, CLIENT, actions, {"id": "c1", "user_pool_id": "eu-west-1_abc"}, None))
    status, lines = run(tmp_path, capsys, document)
    assert status == 1 and address in lines[-1]
    what = "DELETE: the client ID is gone" if actions == ["delete"] else "a new client ID"
    assert any(line.startswith(f"client {address} (not tied to a pool") and what in line for line in lines), lines
    assert run(tmp_path, capsys, document, "--allow-replace", address)[0] == 0


def test_address_parts() -> None:
    parsed = parse('module.a["k.with.dots"].module.b.aws_cognito_user_pool.p["tenant.one"]')
    assert parsed is not None and parsed.type == POOL and parsed.name == "p" and parsed.index == '"tenant.one"'
    assert parsed.module == 'module.a["k.with.dots"].module.b' and parsed.config_key == (("a", "b"), f"{POOL}.p")
    assert str(parsed) == 'module.a["k.with.dots"].module.b.aws_cognito_user_pool.p["tenant.one"]'
    data = parse("module.m.data.aws_cognito_user_pool.x")
    assert data is not None and data.data and data.resource == "data.aws_cognito_user_pool.x"
    for bad in ("", "aws_cognito_user_pool", "module.a", 'aws_x.y["open', "aws_x.y.z", "module..aws_x.y", 42, None):
        assert parse(bad) is None, bad


# -- grouping inside modules -----------------------------------------------------------------------------------


def module_plan() -> dict[str, Any]:
    """Module ``auth`` holds a pool with a trigger, a client and the trigger's permission; the root holds a
    client of that pool (through the module's output) and a pool whose client sits in module ``apps``
    (through its input variable). Two instances of module ``tenant`` each hold a pool and a client."""
    auth = f"module.auth.{POOL}.users"
    fn = "module.auth.aws_lambda_function.greeter"
    prior = {"values": {"root_module": {"child_modules": [
        {"address": "module.auth", "resources": [
            {"address": auth, "mode": "managed", "type": POOL, "name": "users",
             "values": {"id": "eu-west-1_auth", "arn": "arn:auth", "lambda_config": [{"pre_sign_up": "arn:greeter"}]}},
            {"address": fn, "mode": "managed", "type": "aws_lambda_function", "name": "greeter", "values": {"arn": "arn:greeter"}},
        ]},
    ]}}}
    tenant_module = {"resources": [
        {"address": f"{POOL}.p", "expressions": {"name": ref("var.name")}},
        {"address": f"{CLIENT}.c", "expressions": {"user_pool_id": ref(f"{POOL}.p.id", f"{POOL}.p")}},
    ], "variables": {"name": {}}}
    configuration = {"root_module": {
        "resources": [
            {"address": f"{CLIENT}.root", "expressions": {"user_pool_id": ref("module.auth.user_pool_id", "module.auth")}},
            {"address": f"{POOL}.main", "expressions": {}},
        ],
        "module_calls": {
            "auth": {"source": "./modules/auth", "module": {
                "resources": [
                    {"address": f"{POOL}.users", "expressions": {"lambda_config": [
                        {"pre_sign_up": ref("aws_lambda_function.greeter.arn", "aws_lambda_function.greeter")}]}},
                    {"address": f"{CLIENT}.web", "expressions": {"user_pool_id": ref(f"{POOL}.users.id", f"{POOL}.users")}},
                    {"address": "aws_lambda_permission.cognito",
                     "expressions": {"source_arn": ref(f"{POOL}.users.arn", f"{POOL}.users")}},
                    {"address": "aws_lambda_function.greeter", "expressions": {}},
                ],
                "outputs": {"user_pool_id": {"expression": ref(f"{POOL}.users.id", f"{POOL}.users")}},
            }},
            "apps": {"source": "./modules/apps", "expressions": {"pool_id": ref(f"{POOL}.main.id", f"{POOL}.main")},
                     "module": {"resources": [
                         {"address": f"{CLIENT}.mobile", "expressions": {"user_pool_id": ref("var.pool_id")}},
                     ]}},
            "tenant": {"source": "./modules/tenant", "for_each_expression": {"constant_value": ["a", "b"]},
                       "module": tenant_module},
        },
    }}
    return plan(
        change(auth, POOL, ["no-op"], *[{"id": "eu-west-1_auth", "lambda_config": [{"pre_sign_up": "arn:greeter"}]}] * 2),
        change(fn, "aws_lambda_function", ["update"], {"source_code_hash": "a"}, {"source_code_hash": "b"}),
        change(f"module.auth.{CLIENT}.web", CLIENT, ["delete", "create"], {"id": "w"}, {"id": None},
               replace_paths=[["generate_secret"]]),
        change("module.auth.aws_lambda_permission.cognito", "aws_lambda_permission", ["create"], None, {}),
        change(f"{CLIENT}.root", CLIENT, ["update"], {"name": "a"}, {"name": "b"}),
        change(f"{POOL}.main", POOL, ["no-op"], {"id": "eu-west-1_main"}, {"id": "eu-west-1_main"}),
        change(f"module.apps.{CLIENT}.mobile", CLIENT, ["create"], None, {"id": None}),
        *(change(f'module.tenant["{k}"].{POOL}.p', POOL, ["no-op"], {"id": k}, {"id": k}) for k in "ab"),
        change(f'module.tenant["b"].{CLIENT}.c', CLIENT, ["delete"], {"id": "cb", "user_pool_id": "b"}, None),
        prior_state=prior, configuration=configuration,
    )


def test_a_module_s_pool_gathers_its_triggers_permissions_and_clients(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = {pool.address: pool for pool in report(module_plan()).pools}
    auth = found[f"module.auth.{POOL}.users"]
    assert [(t.trigger, t.kind, t.after) for t in auth.triggers] == [("pre_sign_up", "code", "module.auth.aws_lambda_function.greeter")]
    assert [c.address for c in auth.permissions] == ["module.auth.aws_lambda_permission.cognito"]
    assert [c.address for c in auth.clients] == [f"{CLIENT}.root", f"module.auth.{CLIENT}.web"]  # the root's, by the output
    assert [c.address for c in found[f"{POOL}.main"].clients] == [f"module.apps.{CLIENT}.mobile"]  # by the variable
    assert [c.address for c in found[f'module.tenant["b"].{POOL}.p'].clients] == [f'module.tenant["b"].{CLIENT}.c']
    assert found[f'module.tenant["a"].{POOL}.p'].unchanged  # the other instance of the module
    status, lines = run(tmp_path, capsys, module_plan())
    assert status == 1
    assert f"  trigger pre_sign_up: module.auth.aws_lambda_function.greeter: new code or configuration (source_code_hash)" in lines
    assert (f"  client module.auth.{CLIENT}.web: REPLACE (forced by generate_secret): a new client ID; apps holding the "
            "old one stop signing in") in lines
    assert f'  client module.tenant["b"].{CLIENT}.c: DELETE: the client ID is gone; apps holding it stop signing in' in lines
    assert not [line for line in lines if "not tied" in line or line.startswith("other changes")]
    assert lines[-1].startswith("BLOCKED: 2 deletions or replacements would lose users or client IDs: "
                                f'module.auth.{CLIENT}.web, module.tenant["b"].{CLIENT}.c.')


def test_count_instances_tie_by_their_index() -> None:
    prior = {"values": {"root_module": {"resources": [
        {"address": f"{POOL}.p[{i}]", "mode": "managed", "type": POOL, "name": "p", "index": i, "values": {"id": f"id{i}"}}
        for i in (0, 1)]}}}
    configuration = {"root_module": {"resources": [
        {"address": f"{POOL}.p", "expressions": {}},
        {"address": f"{CLIENT}.c", "expressions": {"user_pool_id": ref(f"{POOL}.p", "count.index")}},
    ]}}
    document = plan(*(change(f"{CLIENT}.c[{i}]", CLIENT, ["delete", "create"], {"id": f"c{i}", "user_pool_id": f"id{i}"},
                             {"id": None}) for i in (0, 1)), prior_state=prior, configuration=configuration)
    assert {p.address: [c.address for c in p.clients] for p in report(document).pools} == {
        f"{POOL}.p[0]": [f"{CLIENT}.c[0]"], f"{POOL}.p[1]": [f"{CLIENT}.c[1]"]}


# -- what check-plan does not understand blocks ----------------------------------------------------------------


@pytest.mark.parametrize("rtype", [POOL, CLIENT])
def test_actions_terraform_does_not_document_block_a_pool_or_client(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rtype: str
) -> None:
    address = f"module.m.{rtype}.x"
    document = plan(change(address, rtype, ["open"], {"id": "a"}, {"id": "a"}),
                    change("aws_s3_bucket.b", "aws_s3_bucket", ["transmogrify"], {}, {}))
    status, lines = run(tmp_path, capsys, document)
    assert status == 1
    assert any(f"{address}" in line and "UNKNOWN ACTIONS ['open']: Terraform does not document them" in line for line in lines)
    assert "other changes: aws_s3_bucket.b (unknown)" in lines  # another type's oddity never blocks
    assert "1 change of a pool or client with actions check-plan does not know" in lines[-1]
    assert run(tmp_path, capsys, document, "--allow-replace", address)[0] == 0


def test_a_forgotten_pool_is_reported_and_keeps_its_users(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = plan(change(f"module.old.{POOL}.p", POOL, ["forget"], {"id": "a"}, None))
    status, lines = run(tmp_path, capsys, document)
    assert status == 0
    assert f"module.old.{POOL}.p: FORGET: removed from Terraform's state, left in AWS as it is (no longer managed here)" in lines


def test_a_deposed_pool_object_deleted_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    current = change(f"{POOL}.p", POOL, ["no-op"], {"id": "new"}, {"id": "new"})
    deposed = {**change(f"{POOL}.p", POOL, ["delete"], {"id": "old"}, None), "deposed": "8f3c2a"}
    status, lines = run(tmp_path, capsys, plan(current, deposed))
    assert status == 1
    assert any(line.startswith(f"pool {POOL}.p (not tied to a pool: a deposed object (8f3c2a)") and "DELETE: the pool and every "
               "user in it are lost" in line for line in lines), lines


UNREADABLE = [
    ("an entry that is not an object", ["a string"], "resource_changes[0]: is a JSON str, not a resource change"),
    ("no type, no address", [{"change": {"actions": ["delete"]}}], "resource_changes[0]: has no type and no readable address"),
    ("a pool whose address is not one", [{"type": POOL, "address": "users!", "change": {"actions": ["delete"]}}],
     "users!: is a aws_cognito_user_pool whose address 'users!' is not a Terraform address"),
    ("a pool without a change", [{"type": POOL, "address": f"{POOL}.p"}], f"{POOL}.p: has no readable change.actions"),
    ("a client whose actions are not a list", [{"type": CLIENT, "address": f"{CLIENT}.c", "change": {"actions": "delete"}}],
     f"{CLIENT}.c: has no readable change.actions"),
    ("a type the address contradicts", [{"type": "aws_s3_bucket", "address": f"{POOL}.p", "change": {"actions": ["delete"]}}],
     f"{POOL}.p: has type 'aws_s3_bucket' but its address names 'aws_cognito_user_pool'"),
    ("a pool of an unknown mode", [{"type": POOL, "address": f"{POOL}.p", "mode": "ephemeral", "change": {"actions": ["delete"]}}],
     f"{POOL}.p: has mode 'ephemeral'"),
]


@pytest.mark.parametrize(("entries", "line"), [case[1:] for case in UNREADABLE], ids=[case[0] for case in UNREADABLE])
def test_what_it_cannot_read_blocks_and_cannot_be_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entries: list[Any], line: str
) -> None:
    document = plan()
    document["resource_changes"] = entries
    for args in ((), ("--allow-replace", f"{POOL}.p"), ("--allow-replace", f"{CLIENT}.c")):
        status, lines = run(tmp_path, capsys, document, *args)
        assert status == 1, lines
        assert any(text.startswith(f"UNREADABLE {line}") for text in lines), lines
        assert "of the plan it cannot read, which may be pools or clients" in lines[-1]


def test_resource_changes_that_are_not_a_list_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run(tmp_path, capsys, {**plan(), "resource_changes": {POOL: "deleted"}})
    assert status == 1 and "UNREADABLE resource_changes: is a JSON dict, not a list" in lines


def test_json_lists_ungrouped_and_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = plan(change(f"{CLIENT}.c", CLIENT, ["delete"], {"id": "c"}, None), "garbage")
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document))
    status = main(["check-plan", str(path), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert status == 1 == result["exit_code"] and result["status"] == "blocked"
    assert [(u["address"], u["type"], u["kind"]) for u in result["ungrouped"]] == [(f"{CLIENT}.c", CLIENT, "delete")]
    assert result["unreadable"] == [{"where": "resource_changes[1]", "reason": "is a JSON str, not a resource change"}]
    assert result["blocked"] == [f"{CLIENT}.c", "resource_changes[1]"]
    status = main(["check-plan", str(path), "--format", "markdown", "--allow-replace", f"{CLIENT}.c"])
    assert status == 1 and capsys.readouterr().out.startswith("### :no_entry: User pools: BLOCKED")
