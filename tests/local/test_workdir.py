"""The working copy and the override, the functions' code handed to the emulator, and finding providers: no terraform
needed, moto in process for the upload."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cdktf_userpool import LocalDeployError
from cdktf_userpool.local._code import BUCKET, Package, hand_over, override_resources, packages
from cdktf_userpool.local._toolchain import AWS_PROVIDER, Toolchain, cli_config, find_toolchain, mirror_contents
from cdktf_userpool.local._workdir import (
    ENDPOINTS,
    OVERRIDE_FILE,
    check_services,
    override_document,
    pinned_provider_version,
    service_of,
    stack_region,
    write_working_copy,
)

from .test_mirrors import fake_mirror as one_provider

DOC = {
    "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "edge", "region": "us-east-1", "profile": "prod"}]},
    "terraform": {"required_providers": {"aws": {"source": "aws", "version": "6.25.0"}}, "backend": {"s3": {"bucket": "state"}}},
    "resource": {"aws_cognito_user_pool": {"Pool": {}}, "aws_lambda_function": {"Fn": {}}},
    "data": {"aws_region": {"Here": {}}, "aws_caller_identity": {"Me": {}}},
}


def override(version: str | None = "5.100.0") -> dict:
    return override_document(DOC, endpoint_url="http://127.0.0.1:1234", access_key_id="AKIA1", secret_access_key="s",
                             region="eu-west-1", provider_version=version)


def test_every_provider_block_points_at_the_emulator_with_fake_credentials() -> None:
    default, edge = override()["provider"]["aws"]
    assert "alias" not in default and edge["alias"] == "edge"
    for block in (default, edge):
        assert "endpoints" not in block  # the emulator comes from Terraform's environment (AWS_ENDPOINT_URL)
        assert (block["access_key"], block["secret_key"], block["profile"]) == ("AKIA1", "s", None)
        assert block["shared_config_files"] is None and block["shared_credentials_files"] is None
        assert block["skip_credentials_validation"] and block["skip_metadata_api_check"]
        assert block["max_retries"] == 2 and block["s3_use_path_style"] is True
    assert "region" not in default  # the stack's own region stays
    assert {"cognitoidp", "cognitoidentity", "lambda", "iam", "sts", "kms", "logs", "s3"} <= set(ENDPOINTS)


def test_a_block_with_its_own_endpoints_gets_the_emulators() -> None:
    """A stack's own ``endpoints`` would win over ``AWS_ENDPOINT_URL``: the override replaces each routed one."""
    doc = {**DOC, "provider": {"aws": [{"region": "eu-west-1", "endpoints": [{"s3": "https://s3.example.com"}]}]}}
    (block,) = override_document(doc, endpoint_url="http://127.0.0.1:1234", access_key_id="AKIA1", secret_access_key="s",
                                 region="eu-west-1", provider_version=None)["provider"]["aws"]
    assert block["endpoints"] == [{name: "http://127.0.0.1:1234" for name in ENDPOINTS}]


def test_terraform_reaches_the_emulator_through_its_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every service to the emulator; nothing of the user's AWS set-up (variables, profiles, shared files) gets in."""
    from cdktf_userpool.local._terraform import environment

    monkeypatch.setenv("AWS_PROFILE", "prod")
    monkeypatch.setenv("AWS_ENDPOINT_URL_LAMBDA", "https://lambda.example.com")
    monkeypatch.setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")
    (tmp_path / "work").mkdir()
    env = environment(Toolchain("terraform", "1.11.4", None, (), ()), tmp_path / "work", "http://127.0.0.1:1234")
    assert {k: v for k, v in env.items() if k.startswith("AWS_")} == {
        "AWS_ENDPOINT_URL": "http://127.0.0.1:1234",
        "AWS_CONFIG_FILE": str(tmp_path / "aws-shared-files"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "aws-shared-files"),
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    assert (tmp_path / "aws-shared-files").read_text() == ""


def test_local_backend_and_the_offline_provider_version() -> None:
    terraform = override()["terraform"]
    assert terraform["backend"] == {"local": {"path": "terraform.tfstate"}}
    assert terraform["required_providers"] == {"aws": {"source": "hashicorp/aws", "version": "5.100.0"}}
    assert "required_providers" not in override(None)["terraform"]  # the stack's pin kept


def test_stack_facts() -> None:
    assert stack_region(DOC, "us-west-2") == "eu-west-1"
    assert stack_region({"provider": {"aws": [{"region": "${var.region}"}]}}, "us-west-2") == "us-west-2"
    assert pinned_provider_version(DOC) == "6.25.0"
    assert service_of("aws_cognito_identity_pool") == "cognitoidentity" and service_of("aws_cognito_user_pool") == "cognitoidp"
    assert service_of("aws_iam_policy_document") is None
    check_services(DOC, "app")
    with pytest.raises(LocalDeployError, match="aws_vpc"):
        check_services({"resource": {"aws_vpc": {"Main": {}}}}, "app")


def test_the_working_copy_leaves_terraform_files_and_state_behind(tmp_path: Path) -> None:
    stack = tmp_path / "stacks" / "app"
    (stack / "assets" / "Fn").mkdir(parents=True)
    (stack / "assets" / "Fn" / "package.zip").write_bytes(b"zip")
    (stack / "cdk.tf.json").write_text(json.dumps(DOC))
    for leftover in (".terraform/providers/x", "terraform.app.tfstate", "terraform.app.tfstate.backup", ".terraform.lock.hcl"):
        (stack / leftover).parent.mkdir(parents=True, exist_ok=True)
        (stack / leftover).write_text("real state")
    copy = write_working_copy(stack, tmp_path / "work", override=override(), variables={"stage": "local"})
    assert sorted(str(p.relative_to(copy)) for p in copy.rglob("*") if p.is_file()) == sorted([
        "assets/Fn/package.zip", "cdk.tf.json", OVERRIDE_FILE, "zz_local.auto.tfvars.json"])
    assert json.loads((copy / "zz_local.auto.tfvars.json").read_text()) == {"stage": "local"}
    assert (stack / "terraform.app.tfstate").read_text() == "real state"  # the user's files untouched


def fake_mirror(root: Path, *versions: str) -> Path:
    one_provider(root, *versions)
    (root / "registry.terraform.io" / "hashicorp" / "null" / "3.2.0" / "other_arch").mkdir(parents=True)
    return root


def test_mirror_contents_and_the_version_chosen(scratch: Path) -> None:
    mirror = fake_mirror(scratch / "m", "5.100.0", "6.2.0", "5.9.0")
    assert mirror_contents(mirror) == {AWS_PROVIDER: ("6.2.0", "5.100.0", "5.9.0")}
    chain = Toolchain("terraform", "1.11.4", mirror, (AWS_PROVIDER,), ("6.2.0", "5.100.0"))
    assert chain.provider_version("6.25.0") == "6.2.0"  # not offline: the newest there
    assert chain.provider_version("5.100.0") is None  # the pinned one is there: keep the pin
    assert Toolchain("terraform", "1.11.4", None, (), ()).provider_version("6.25.0") is None
    config = cli_config(chain)
    assert f'path    = "{mirror}"' in config and f'include = ["{AWS_PROVIDER}"]' in config
    assert f'exclude = ["{AWS_PROVIDER}"]' in config


def test_only_supported_provider_versions_count(scratch: Path) -> None:
    import shutil

    if shutil.which("terraform") is None:
        pytest.skip("terraform is not on the PATH")
    old = fake_mirror(scratch / "old", "5.99.0", "7.0.0")
    with pytest.raises(LocalDeployError, match="holds no hashicorp/aws provider from 5.100 to 6.x"):
        find_toolchain(plugin_dir=old)
    good = fake_mirror(scratch / "good", "5.100.0")
    assert find_toolchain(plugin_dir=good).aws_versions == ("5.100.0",)


# -- the functions' code, handed to the emulator's S3 (local/_code.py) --------------------------------


def test_packaged_functions_are_the_root_functions_with_a_file(tmp_path: Path) -> None:
    (tmp_path / "assets" / "a").mkdir(parents=True)
    (tmp_path / "assets" / "a" / "package.zip").write_bytes(b"zip bytes")
    doc = {"resource": {"aws_lambda_function": {
        "Packaged": {"filename": "assets/a/package.zip", "source_code_hash": "x"},
        "FromS3": {"s3_bucket": "b", "s3_key": "k"},
        "Expression": {"filename": "${path.module}/code.zip"},
        "Missing": {"filename": "assets/none/package.zip"},
    }}}
    (found,) = packages(doc, tmp_path)
    assert found == Package("Packaged", tmp_path / "assets" / "a" / "package.zip", hashlib.sha256(b"zip bytes").hexdigest())
    assert found.key == f"{found.sha256}.zip"
    assert override_resources([found]) == {"aws_lambda_function": {
        "Packaged": {"filename": None, "s3_bucket": BUCKET, "s3_key": found.key}}}
    assert override_resources([]) == {}
    with_code = override_document(DOC, endpoint_url="http://127.0.0.1:1", access_key_id="A", secret_access_key="s",
                                  region="eu-west-1", provider_version=None, resources=override_resources([found]))
    assert with_code["resource"]["aws_lambda_function"]["Packaged"]["s3_key"] == found.key
    assert "resource" not in override()


def test_each_package_is_uploaded_once_under_its_hash(tmp_path: Path) -> None:
    moto = pytest.importorskip("moto", reason="local deploy: moto not installed (pip install 'cdktf-userpool[local]')")
    import boto3

    archive = tmp_path / "package.zip"
    archive.write_bytes(b"first")
    first = Package("Fn", archive, hashlib.sha256(b"first").hexdigest())
    with moto.mock_aws():
        s3 = boto3.client("s3", region_name="eu-west-1")
        calls: list[str] = []

        def client() -> object:
            calls.append("s3")
            return s3

        hand_over(client, [first], "eu-west-1", stack="s")
        assert s3.get_object(Bucket=BUCKET, Key=first.key)["Body"].read() == b"first"
        assert s3.get_bucket_location(Bucket=BUCKET)["LocationConstraint"] == "eu-west-1"
        archive.write_bytes(b"changed on disk, same key")  # an object of that key is there: not uploaded again
        hand_over(client, [first], "eu-west-1", stack="s")
        assert s3.get_object(Bucket=BUCKET, Key=first.key)["Body"].read() == b"first"
        hand_over(client, [], "eu-west-1", stack="s")  # nothing to hand over: no client made
        assert calls == ["s3", "s3"]


def test_an_emulator_that_does_not_answer_fails_the_hand_over_naming_the_step(tmp_path: Path) -> None:
    pytest.importorskip("moto", reason="local deploy: moto not installed (pip install 'cdktf-userpool[local]')")
    import socket

    import boto3
    from botocore.config import Config

    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    archive = tmp_path / "package.zip"
    archive.write_bytes(b"code")
    s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name="eu-west-1", aws_access_key_id="a",
                      aws_secret_access_key="s", config=Config(retries={"max_attempts": 1}, connect_timeout=2))
    with pytest.raises(LocalDeployError) as raised:
        hand_over(lambda: s3, [Package("Fn", archive, "ab")], "eu-west-1", stack="example")
    assert str(raised.value).startswith("listing the emulator's buckets for stack 'example' failed: Could not connect")
    assert "Nothing was applied" in str(raised.value) and raised.value.stack == "example"


def test_stacks_deployed_together_each_own_what_their_state_names() -> None:
    from cdktf_userpool.local._deployment import named_in

    held = {"iam:role:a-role@global", "iam:policy:arn:aws:iam::123456789012:policy/a@global",
            "cognito-idp:pool:eu-west-1_b@eu-west-1", "cognito-identity:pool:eu-west-1:1234@eu-west-1",
            "logs:group:/aws/lambda/nobody@eu-west-1"}
    a = {"aws_iam_role.R": {"name": "a-role", "arn": "arn:aws:iam::123456789012:role/a-role"},
         "aws_iam_policy.P": {"arn": "arn:aws:iam::123456789012:policy/a", "tags": {"k": "v"}}}
    b = {"aws_cognito_user_pool.P": {"id": "eu-west-1_b", "lambda_config": [{"pre_sign_up": "x"}]},
         "aws_cognito_identity_pool.I": {"id": "eu-west-1:1234"}}
    assert named_in(held, a) == {"iam:role:a-role@global", "iam:policy:arn:aws:iam::123456789012:policy/a@global"}
    assert named_in(held, b) == {"cognito-idp:pool:eu-west-1_b@eu-west-1", "cognito-identity:pool:eu-west-1:1234@eu-west-1"}
