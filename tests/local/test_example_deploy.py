"""The example app's ``example`` stack, applied for real to the emulator: what it made, its code, drift, destroy.

One deployment for the module (about a minute: the AWS provider creates packaged functions one at a
time); the last test destroys it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import TRIGGERS
from cdktf_userpool.errors import LocalDeployError
from cdktf_userpool.local import Deployment, LocalAws
from cdktf_userpool.local._cli import load_function
from cdktf_userpool.local._code import BUCKET
from cdktf_userpool.testing import events

from .conftest import ROOT, deploy

PREPARE = f"{ROOT / 'examples' / 'prepare_local.py'}:prepare"
_REF = re.compile(r"\$\{(aws_\w+\.[\w-]+)\.(\w+)\}")


def synth_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synth_before(example_outdir: Path) -> dict[str, bytes]:
    """The example stack's folder, as the synth wrote it, before the local deploy."""
    return synth_bytes(example_outdir / "stacks" / "example")


@pytest.fixture(scope="module")
def example(aws: LocalAws, toolchain: Any, example_outdir: Path, synth_before: dict[str, bytes]) -> Deployment:
    return deploy(aws, example_outdir, "example", prepare=load_function(PREPARE))


@pytest.fixture(scope="module")
def doc(example_outdir: Path) -> dict[str, Any]:
    return json.loads((example_outdir / "stacks" / "example" / "cdk.tf.json").read_text())


def resolve(deployment: Deployment, value: Any) -> Any:
    """A synthesized value with its ``${type.name.attr}`` references replaced by the applied values."""
    if not isinstance(value, str):
        return value
    return _REF.sub(lambda found: str(deployment.resource(found.group(1))[found.group(2)]), value)


def test_apply_made_every_resource_of_the_stack(example: Deployment, doc: dict[str, Any]) -> None:
    declared = {f"{t}.{n}" for t, blocks in doc["resource"].items() for n in blocks}
    declared |= {f"data.{t}.{n}" for t, blocks in doc["data"].items() for n in blocks}
    assert declared <= set(example.addresses)
    assert len(declared) >= 45
    assert example.timings["apply"] > 0 and example.timings["init"] > 0


def test_each_function_runs_the_synthesized_archive(example: Deployment, doc: dict[str, Any], example_outdir: Path,
                                                    synth_before: dict[str, bytes]) -> None:
    """The code travels through the emulator's S3 (the provider's unlocked path), the bytes unchanged: Lambda's
    CodeSha256 is the synthesized archive's hash; the user's synth is left byte for byte as it was."""
    folder = example_outdir / "stacks" / "example"
    lam = example.client("lambda")
    packaged = {name: block for name, block in doc["resource"]["aws_lambda_function"].items() if "filename" in block}
    assert len(packaged) == 5
    for name, block in packaged.items():
        archive = (folder / block["filename"]).read_bytes()
        digest = hashlib.sha256(archive)
        code = lam.get_function(FunctionName=resolve(example, block["function_name"]))
        assert code["Configuration"]["CodeSha256"] == block["source_code_hash"] == base64.b64encode(digest.digest()).decode()
        state = example.resource(f"aws_lambda_function.{name}")
        assert (state["s3_bucket"], state["s3_key"], state["filename"]) == (BUCKET, f"{digest.hexdigest()}.zip", None)
        assert state["source_code_hash"] == block["source_code_hash"]
    assert synth_bytes(folder) == synth_before


def test_the_pool_in_the_emulator_has_the_declared_triggers(example: Deployment, doc: dict[str, Any]) -> None:
    (pool_block,) = doc["resource"]["aws_cognito_user_pool"].values()
    (config,) = pool_block["lambda_config"] if isinstance(pool_block["lambda_config"], list) else [pool_block["lambda_config"]]
    by_key = {spec.config_key: spec.api_name for spec in TRIGGERS.values()}
    expected = {}
    for key, value in config.items():
        if key == "kms_key_id":
            continue
        arn = value["lambda_arn"] if isinstance(value, dict) else value
        expected[by_key[key]] = resolve(example, arn)
    pool = example.user_pool("Pool")
    assert pool.managed and pool.path == "example/Pool"
    assert dict(pool.triggers) == expected
    assert len(expected) == 7
    described = example.client("cognito-idp").describe_user_pool(UserPoolId=pool.id)["UserPool"]
    assert described["LambdaConfig"]["PreTokenGenerationConfig"]["LambdaVersion"] == "V2_0"
    assert described["LambdaConfig"]["KMSKeyID"] == resolve(example, config["kms_key_id"])
    assert described["UserPoolTier"] == "ESSENTIALS" and described["DeletionProtection"] == "ACTIVE"


def test_each_trigger_may_be_invoked_by_this_pool_only(example: Deployment, doc: dict[str, Any]) -> None:
    pool = example.user_pool("Pool")
    functions = example.client("lambda")
    for block in doc["resource"]["aws_lambda_permission"].values():
        policy = json.loads(
            functions.get_policy(FunctionName=resolve(example, block["function_name"]), **(
                {"Qualifier": block["qualifier"]} if "qualifier" in block else {}))["Policy"]
        )
        (statement,) = [s for s in policy["Statement"] if s["Sid"] == block["statement_id"]]
        assert statement["Principal"] == {"Service": "cognito-idp.amazonaws.com"}
        assert statement["Action"] == "lambda:InvokeFunction"
        assert statement["Condition"]["ArnLike"]["AWS:SourceArn"] == pool.arn
    assert len(doc["resource"]["aws_lambda_permission"]) == 7


def test_the_web_client_is_as_declared(example: Deployment, doc: dict[str, Any]) -> None:
    (declared,) = doc["resource"]["aws_cognito_user_pool_client"].values()
    pool = example.user_pool("Pool")
    client = pool.client()
    assert client.secret is None  # a public client
    found = example.client("cognito-idp").describe_user_pool_client(UserPoolId=pool.id, ClientId=client.id)["UserPoolClient"]
    assert found["AllowedOAuthFlows"] == declared["allowed_oauth_flows"] == ["code"]
    assert sorted(found["CallbackURLs"]) == sorted(declared["callback_urls"])
    assert found["LogoutURLs"] == declared["logout_urls"]
    assert sorted(found["AllowedOAuthScopes"]) == sorted(resolve(example, s) for s in declared["allowed_oauth_scopes"])
    assert "https://api.example.com/read" in found["AllowedOAuthScopes"]


def test_groups_and_identity_pool_roles(example: Deployment) -> None:
    pool = example.user_pool("Pool")
    idp = example.client("cognito-idp")
    groups = {g["GroupName"]: g for g in idp.list_groups(UserPoolId=pool.id)["Groups"]}
    assert sorted(groups) == ["admins", "members"]
    assert groups["admins"]["Precedence"] == 1 and groups["admins"]["RoleArn"].endswith(":role/example-Pool-IdentityPool-AdminsRole")
    identity = example.client("cognito-identity")
    (identity_pool,) = identity.list_identity_pools(MaxResults=10)["IdentityPools"]
    roles = identity.get_identity_pool_roles(IdentityPoolId=identity_pool["IdentityPoolId"])
    assert roles["Roles"]["authenticated"].endswith(":role/example-Pool-IdentityPool-AuthenticatedRole")
    (mapping,) = roles["RoleMappings"].values()
    assert mapping == {"Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole"}


def _invoke(example: Deployment, function: str, event: Any) -> tuple[dict[str, Any], Any]:
    answer = example.client("lambda").invoke(FunctionName=function, Payload=json.dumps(event).encode())
    return answer, json.loads(answer["Payload"].read())


def test_the_deployed_pre_sign_up_code_runs(example: Deployment) -> None:
    pool = example.user_pool("Pool")
    function = pool.triggers["PreSignUp"]
    event = events.PreSignUp_SignUp(user_attributes={"email": "ada@example.com"}, user_pool_id=pool.id, region=example.region)
    answer, result = _invoke(example, function, event)
    assert "FunctionError" not in answer, result
    assert result["response"]["autoConfirmUser"] is True
    refused = events.PreSignUp_SignUp(user_attributes={"email": "eve@elsewhere.net"}, user_pool_id=pool.id, region=example.region)
    answer, result = _invoke(example, function, refused)
    assert answer["FunctionError"] == "Unhandled"
    assert result["errorMessage"] == "sign-up is limited to example.com, example.org"


def test_post_confirmation_adds_the_user_to_members_with_its_grant(example: Deployment) -> None:
    pool = example.user_pool("Pool")
    idp = example.client("cognito-idp")
    user = idp.admin_create_user(UserPoolId=pool.id, Username="grace@example.com", MessageAction="SUPPRESS")["User"]
    event = events.PostConfirmation_ConfirmSignUp(user_name=user["Username"], user_pool_id=pool.id, region=example.region)
    answer, result = _invoke(example, pool.triggers["PostConfirmation"], event)
    assert "FunctionError" not in answer, result
    groups = idp.admin_list_groups_for_user(UserPoolId=pool.id, Username=user["Username"])["Groups"]
    assert [g["GroupName"] for g in groups] == ["members"]


def test_second_plan_is_empty(example: Deployment) -> None:
    assert example.plan() == []
    assert example.timings["plan"] > 0


def test_destroy_of_the_retained_pool_is_refused_then_leaves_nothing_when_unprotected(example: Deployment,
                                                                                     toolchain: Any) -> None:
    pool = example.user_pool("Pool")
    idp = example.client("cognito-idp")
    users = idp.list_users(UserPoolId=pool.id)["Users"]
    assert idp.describe_user_pool(UserPoolId=pool.id)["UserPool"]["DeletionProtection"] == "ACTIVE"
    with pytest.raises(LocalDeployError) as refused:
        example.destroy()  # removal_policy="retain": refused before anything runs
    assert refused.value.address == pool.address and refused.value.command == "destroy"
    assert "removal_policy='destroy'" in str(refused.value) and "unprotect=True" in str(refused.value)
    assert not example.destroyed and idp.list_users(UserPoolId=pool.id)["Users"] == users
    # Terraform without prevent_destroy still meets Cognito's refusal (deletion protection), as on AWS
    override = example.workdir / "zz_test_no_prevent_destroy_override.tf.json"
    name = pool.address.split(".", 1)[1]
    override.write_text(json.dumps({"resource": {"aws_cognito_user_pool": {name: {"lifecycle": {"prevent_destroy": False}}}}}))
    env = example.terraform_environment()
    try:
        done = subprocess.run([toolchain.terraform, "destroy", "-auto-approve", "-input=false", "-no-color", "-refresh=false",
                               f"-target={pool.address}"], cwd=example.workdir, env=env, capture_output=True, text=True,
                              timeout=300, check=False)
    finally:
        override.unlink()
    assert done.returncode != 0 and "deletion protection is activated" in done.stdout + done.stderr, done.stdout[-2000:]
    assert idp.list_users(UserPoolId=pool.id)["Users"] == users
    example.destroy(unprotect=True)  # raises LocalDeployError naming anything left behind
    assert example.destroyed
    pools = example.client("cognito-idp").list_user_pools(MaxResults=60)["UserPools"]
    assert pool.id not in [p["Id"] for p in pools]
    names = [f["FunctionName"] for f in example.client("lambda").list_functions()["Functions"]]
    assert names == ["legacy-directory-migration"]  # prepare's, not the stack's
