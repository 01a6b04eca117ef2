"""Triggers on a pool managed elsewhere: the synthesized updater, its invocation, input and least-privilege role."""

from __future__ import annotations

import copy
import importlib.util
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import ConfigurationError, Function, ImportedPoolError, LambdaTrigger, UserPool
from cdktf_userpool._core.expressions import decode_jsonencode
from tests._graph import dependency_graph, find_cycle
from tests._synth import new_stack, only, ref, synth

POOL_ID = "eu-west-1_AbC123xyz"
ARN = "arn:aws:lambda:eu-west-1:123456789012:function:"
SMS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms"


def confirm(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return event


def send_email(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return event


@pytest.fixture(scope="module")
def built() -> tuple[dict[str, Any], UserPool]:
    stack = new_stack("external")
    pool = UserPool.from_user_pool_id(
        stack,
        "Shared",
        POOL_ID,
        manage_triggers=True,
        sms_role_arn=SMS_ROLE,
        lambda_triggers={"pre_token_generation": LambdaTrigger(ARN + "tokens", "V2_0")},
    )
    pool.on_post_confirmation(confirm)
    pool.on("customEmailSender", Function(stack, "Mailer", send_email))
    return synth(stack), pool


@pytest.fixture(scope="module")
def doc(built: tuple[dict[str, Any], UserPool]) -> dict[str, Any]:
    return built[0]


def data_ref(doc: dict[str, Any], attr: str) -> str:
    name, _ = only(doc, "aws_cognito_user_pool", kind="data")
    return ref("aws_cognito_user_pool", name, attr, kind="data")


def test_no_pool_is_created(doc: dict[str, Any]) -> None:
    assert "aws_cognito_user_pool" not in doc["resource"]
    _, data = only(doc, "aws_cognito_user_pool", kind="data")
    assert data["user_pool_id"] == POOL_ID


def test_invocation_runs_the_updater_on_every_lifecycle_event(doc: dict[str, Any]) -> None:
    _, invocation = only(doc, "aws_lambda_invocation")
    updater_name = next(n for n in doc["resource"]["aws_lambda_function"] if n.startswith("Shared_TriggerUpdater"))
    assert invocation["function_name"] == ref("aws_lambda_function", updater_name, "function_name")
    assert invocation["lifecycle_scope"] == "CRUD"
    # plain addresses: Terraform refuses interpolation ("${...}") in depends_on
    permissions = {f"aws_lambda_permission.{n}" for n in doc["resource"]["aws_lambda_permission"]}
    policy = next(n for n in doc["resource"]["aws_iam_role_policy"] if n.startswith("Shared_TriggerUpdater_ManageTriggers"))
    assert set(invocation["depends_on"]) == permissions | {f"aws_iam_role_policy.{policy}"}
    assert len(permissions) == 3


def test_invocation_input_names_owned_triggers_and_the_snapshot(doc: dict[str, Any]) -> None:
    _, invocation = only(doc, "aws_lambda_invocation")
    body = decode_jsonencode(invocation["input"])
    confirm_fn = next(n for n in doc["resource"]["aws_lambda_function"] if n.startswith("Shared_PostConfirmation"))
    mailer = next(n for n in doc["resource"]["aws_lambda_function"] if n.startswith("Mailer"))
    key_name, _ = only(doc, "aws_kms_key")
    snapshot_name, snapshot = only(doc, "terraform_data")
    assert body == {
        "userPoolId": data_ref(doc, "id"),
        "triggers": {
            "CustomEmailSender": {"LambdaArn": ref("aws_lambda_function", mailer, "arn"), "LambdaVersion": "V1_0"},
            "PostConfirmation": ref("aws_lambda_function", confirm_fn, "arn"),
            "PreTokenGenerationConfig": {"LambdaArn": ARN + "tokens", "LambdaVersion": "V2_0"},
        },
        "previous": "${terraform_data." + snapshot_name + ".output}",
        "force": False,
        "kmsKeyId": ref("aws_kms_key", key_name, "arn"),
    }
    assert {k: v for k, v in snapshot.items() if k != "//"} == {
        "input": {"lambda_config": data_ref(doc, "lambda_config")},
        "lifecycle": {"ignore_changes": ["input"]},  # taken once: what to restore when the stack goes
    }


def test_updater_role_may_only_read_and_update_this_pool(doc: dict[str, Any]) -> None:
    name = next(n for n in doc["resource"]["aws_iam_role_policy"] if n.startswith("Shared_TriggerUpdater_ManageTriggers"))
    statements = decode_jsonencode(doc["resource"]["aws_iam_role_policy"][name]["policy"])["Statement"]
    assert statements == [
        {"Sid": "ManageTriggersOfThisPool", "Effect": "Allow",
         "Action": ["cognito-idp:DescribeUserPool", "cognito-idp:UpdateUserPool"], "Resource": data_ref(doc, "arn")},
        {"Sid": "PassThePoolsSmsRole", "Effect": "Allow", "Action": "iam:PassRole", "Resource": SMS_ROLE,
         "Condition": {"StringEquals": {"iam:PassedToService": "cognito-idp.amazonaws.com"}}},
    ]
    role_policies = [
        p for n, p in doc["resource"]["aws_iam_role_policy"].items() if n.startswith("Shared_TriggerUpdater")
    ]
    actions = {a for p in role_policies for s in decode_jsonencode(p["policy"])["Statement"]
               for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])}
    assert {a for a in actions if a.startswith(("cognito-idp:", "iam:"))} == {
        "cognito-idp:DescribeUserPool", "cognito-idp:UpdateUserPool", "iam:PassRole"}


def test_invoke_permissions_are_scoped_to_the_pool(doc: dict[str, Any]) -> None:
    for permission in doc["resource"]["aws_lambda_permission"].values():
        assert permission["source_arn"] == data_ref(doc, "arn")
        assert permission["principal"] == "cognito-idp.amazonaws.com"


def test_graph_is_acyclic(doc: dict[str, Any]) -> None:
    assert find_cycle(dependency_graph(doc)) is None


def test_without_sms_role_there_is_no_pass_role() -> None:
    stack = new_stack()
    pool = UserPool.from_user_pool_id(stack, "Shared", POOL_ID, manage_triggers=True, force=True)
    pool.on_pre_sign_up(ARN + "sign-up")
    doc = synth(stack)
    name = next(n for n in doc["resource"]["aws_iam_role_policy"] if "ManageTriggers" in n)
    statements = decode_jsonencode(doc["resource"]["aws_iam_role_policy"][name]["policy"])["Statement"]
    assert [s["Sid"] for s in statements] == ["ManageTriggersOfThisPool"]
    _, invocation = only(doc, "aws_lambda_invocation")
    body = decode_jsonencode(invocation["input"])
    assert body["force"] is True and "kmsKeyId" not in body


def test_packaged_updater_runs_against_moto(built: tuple[dict[str, Any], UserPool], tmp_path: Path) -> None:
    """The code in the archive (not only its source module) does the read-modify-write."""
    boto3 = pytest.importorskip("boto3")
    moto = pytest.importorskip("moto")
    updater_function = built[1]._external.function
    with zipfile.ZipFile(updater_function.archive_path) as archive:
        archive.extractall(tmp_path)
        assert sorted(archive.namelist()) == ["cdktf_userpool_entry.py", "trigger.py"]
    spec = importlib.util.spec_from_file_location("packaged_updater", tmp_path / "trigger.py")
    assert spec and spec.loader
    packaged = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(packaged)
    with moto.mock_aws():
        client = boto3.client("cognito-idp", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")
        pool_id = client.create_user_pool(PoolName="shared", UserPoolTags={"team": "id"})["UserPool"]["Id"]
        before = copy.deepcopy(client.describe_user_pool(UserPoolId=pool_id)["UserPool"])
        event = {"userPoolId": pool_id, "triggers": {"PreSignUp": ARN + "x"}, "previous": {"lambda_config": []},
                 "force": False, "tf": {"action": "create", "prev_input": None}}
        assert packaged.apply(client, event)["changed"] is True
        after = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
        assert after["LambdaConfig"] == {"PreSignUp": ARN + "x"}
        assert after["UserPoolTags"] == before["UserPoolTags"]
    imports = [line for line in (tmp_path / "trigger.py").read_text().splitlines() if line.startswith(("import ", "from "))]
    # boto3 comes from the runtime; typing stays, for the signatures' annotations
    assert imports == ["from __future__ import annotations", "from typing import Any", "import json"]


def test_reading_only_still_refuses_triggers_and_says_how() -> None:
    pool = UserPool.from_user_pool_id(new_stack(), "Shared", POOL_ID)
    with pytest.raises(ImportedPoolError, match="Pass manage_triggers=True to UserPool.from_user_pool_id"):
        pool.on_pre_sign_up(ARN + "x")


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"force": True}, "force"),
        ({"sms_role_arn": SMS_ROLE}, "sms_role_arn"),
        ({"lambda_triggers": {"pre_sign_up": ARN + "x"}}, "lambda_triggers"),
        ({"kms_key": "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"}, "kms_key"),
    ],
)
def test_options_without_manage_triggers_are_refused(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(ConfigurationError, match="without manage_triggers=True") as err:
        UserPool.from_user_pool_id(new_stack(), "Shared", POOL_ID, **kwargs)
    assert err.value.argument == argument


def test_bad_sms_role_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="not an IAM role ARN") as err:
        UserPool.from_user_pool_id(new_stack(), "Shared", POOL_ID, manage_triggers=True, sms_role_arn="cognito-sms")
    assert err.value.argument == "sms_role_arn"


def test_from_arn_takes_the_same_options() -> None:
    stack = new_stack()
    pool = UserPool.from_user_pool_arn(
        stack, "Shared", f"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/{POOL_ID}", manage_triggers=True
    )
    pool.on_pre_sign_up(ARN + "x")
    assert "aws_lambda_invocation" in synth(stack)["resource"]


def test_summary_names_the_triggers_set_by_the_updater(doc: dict[str, Any], tmp_path: Path) -> None:
    import json

    from cdktf_userpool._review import summarize

    path = tmp_path / "external" / "cdk.tf.json"
    path.parent.mkdir()
    path.write_text(json.dumps(doc))
    (line,) = [line for line in summarize(path) if "imported user pool" in line]
    assert line.endswith("(CRUD): CustomEmailSender, PostConfirmation, PreTokenGenerationConfig")
