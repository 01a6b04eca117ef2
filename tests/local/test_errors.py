"""Clear errors before anything hangs: a missing terraform or provider, an unknown stack, a service the
local deploy does not route, and an apply that does not finish in time."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import ConfigurationError, LocalDeployError, LocalToolError
from cdktf_userpool.local import LocalAws
from cdktf_userpool.local._toolchain import AWS_PROVIDER, PLUGIN_DIR_ENV, TERRAFORM_ENV, platform_name

from .conftest import REGION, require_moto


def write_app(outdir: Path, stacks: dict[str, dict[str, Any]]) -> Path:
    """A synthesized app by hand: ``manifest.json`` and one ``cdk.tf.json`` per stack."""
    manifest = {"version": "0.21.0", "stacks": {}}
    for name, doc in stacks.items():
        folder = outdir / "stacks" / name
        folder.mkdir(parents=True)
        (folder / "cdk.tf.json").write_text(json.dumps(doc))
        manifest["stacks"][name] = {"name": name, "workingDirectory": f"stacks/{name}"}  # type: ignore[index]
    (outdir / "manifest.json").write_text(json.dumps(manifest))
    return outdir


EMPTY_STACK = {"provider": {"aws": [{"region": REGION}]}, "terraform": {"required_providers": {"aws": {"source": "aws", "version": "6.25.0"}}}}


@pytest.fixture
def emulator() -> Any:
    require_moto()
    with LocalAws(region=REGION) as aws:
        yield aws


def test_a_missing_terraform_says_what_to_install(emulator: LocalAws, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TERRAFORM_ENV, raising=False)
    outdir = write_app(tmp_path / "out", {"app": EMPTY_STACK})
    emulator.terraform = str(tmp_path / "no" / "terraform")
    with pytest.raises(LocalToolError) as missing:
        emulator.deploy(outdir)
    assert missing.value.tool == "terraform"
    assert "terraform was not found" in str(missing.value)
    assert "https://developer.hashicorp.com/terraform/install" in missing.value.fix and TERRAFORM_ENV in missing.value.fix
    assert isinstance(missing.value, LocalDeployError)


def test_a_plugin_dir_without_the_provider_says_what_to_set(toolchain: Any, emulator: LocalAws, tmp_path: Path) -> None:
    outdir = write_app(tmp_path / "out", {"app": EMPTY_STACK})
    emulator.plugin_dir = tmp_path / "empty-mirror"
    emulator.plugin_dir.mkdir()
    with pytest.raises(LocalToolError) as missing:
        emulator.deploy(outdir)
    assert missing.value.tool == "hashicorp/aws"
    assert "holds no hashicorp/aws provider" in str(missing.value)
    assert f"{AWS_PROVIDER}/<version>/{platform_name()}" in missing.value.fix


def test_no_provider_anywhere_fails_at_init_with_the_fix(
    toolchain: Any, emulator: LocalAws, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No mirror and an installation that cannot reach any provider: init's failure, then what to set."""
    for name in (PLUGIN_DIR_ENV, "TF_PLUGIN_CACHE_DIR", "XDG_DATA_HOME", "XDG_DATA_DIRS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    from cdktf_userpool.local import _toolchain

    monkeypatch.setattr(_toolchain, "_searched", lambda: None)  # a machine without a mirror
    (tmp_path / "nowhere").mkdir()
    config = tmp_path / "terraformrc"
    config.write_text(f'provider_installation {{\n  filesystem_mirror {{\n    path = "{tmp_path / "nowhere"}"\n  }}\n}}\n')
    monkeypatch.setenv("TF_CLI_CONFIG_FILE", str(config))
    outdir = write_app(tmp_path / "out", {"app": EMPTY_STACK})
    with pytest.raises(LocalToolError) as missing:
        emulator.deploy(outdir)
    assert missing.value.tool == "hashicorp/aws" and missing.value.command == "init"
    assert "could not install the AWS provider" in str(missing.value) and PLUGIN_DIR_ENV in str(missing.value)


def test_an_unknown_stack_lists_the_stacks(emulator: LocalAws, tmp_path: Path) -> None:
    outdir = write_app(tmp_path / "out", {"one": EMPTY_STACK, "two": EMPTY_STACK})
    with pytest.raises(ConfigurationError) as unknown:
        emulator.deploy(outdir, "three")
    assert unknown.value.argument == "stack" and unknown.value.choices == ("one", "two")
    with pytest.raises(ConfigurationError, match="stacks: \\['one', 'two'\\]"):
        emulator.deploy(outdir)  # two stacks: say which


def test_a_service_the_local_deploy_does_not_route_is_refused_before_terraform(emulator: LocalAws, tmp_path: Path) -> None:
    stack = {**EMPTY_STACK, "resource": {"aws_instance": {"Web": {"ami": "ami-123", "instance_type": "t3.micro"}}}}
    outdir = write_app(tmp_path / "out", {"app": stack})
    emulator.terraform = str(tmp_path / "never-run")
    with pytest.raises(LocalDeployError) as refused:
        emulator.deploy(outdir)
    assert refused.value.address == "aws_instance.Web"
    assert "aws_instance" in str(refused.value) and "cognitoidp" in str(refused.value)


FAKE_TERRAFORM = """\
#!{python}
import json, sys, time
command = sys.argv[1]
if command == "version":
    print(json.dumps({{"terraform_version": "1.11.4"}}))
elif command == "apply":
    print(json.dumps({{"type": "apply_start", "@message": "aws_kms_key.Stuck: Creating...",
                      "hook": {{"resource": {{"addr": "aws_kms_key.Stuck"}}}}}}), flush=True)
    time.sleep(600)
"""


def test_an_apply_that_does_not_finish_is_stopped_and_names_the_resource(emulator: LocalAws, tmp_path: Path,
                                                                         scratch: Path) -> None:
    fake = tmp_path / "terraform"
    fake.write_text(FAKE_TERRAFORM.format(python=sys.executable))
    fake.chmod(0o755)
    mirror = scratch / "mirror" / AWS_PROVIDER / "5.100.0" / platform_name()
    mirror.mkdir(parents=True)
    emulator.terraform, emulator.plugin_dir = str(fake), scratch / "mirror"
    outdir = write_app(tmp_path / "out", {"app": EMPTY_STACK})
    started = time.monotonic()
    with pytest.raises(LocalDeployError) as stuck:
        emulator.deploy(outdir, timeout=3)
    assert time.monotonic() - started < 30
    assert stuck.value.command == "apply" and stuck.value.address == "aws_kms_key.Stuck"
    assert "did not finish within 3 s; still in progress: aws_kms_key.Stuck" in str(stuck.value)


def test_the_emulator_needs_to_run(tmp_path: Path) -> None:
    aws = LocalAws()
    with pytest.raises(LocalDeployError, match="not running"):
        aws.client("s3")
    with pytest.raises(ConfigurationError) as bad:
        LocalAws(port=70000)
    assert bad.value.argument == "port"


def test_an_emulator_that_dies_at_start_fails_at_once_with_its_error(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that cannot import (a package installed without one of its modules) exits at once: the error says
    so, with the traceback's last lines, without waiting for the start-up timeout."""
    require_moto()
    crashing = tmp_path / "python"
    crashing.write_text("#!/bin/sh\necho 'Traceback (most recent call last):' >&2\n"
                        "echo \"ModuleNotFoundError: No module named 'cdktf_userpool.local.cognito._gone'\" >&2\nexit 1\n")
    crashing.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(crashing))
    started = time.monotonic()
    with pytest.raises(LocalDeployError) as failed:
        LocalAws(startup_timeout=60).start()
    assert time.monotonic() - started < 30
    assert "exited with code 1 before serving" in str(failed.value)
    assert "No module named 'cdktf_userpool.local.cognito._gone'" in str(failed.value)
    assert "ModuleNotFoundError" in failed.value.log


def test_stop_reports_peak_memory_and_removes_the_workdirs(tmp_path: Path) -> None:
    require_moto()
    with LocalAws() as aws:
        home = aws.log_path.parent
        assert home.is_dir() and aws.running
    assert not aws.running and not home.exists()
    assert aws.peak_memory is not None and aws.peak_memory > 10 * 1024 * 1024


def test_an_unexpected_error_in_the_layer_is_a_json_error_naming_the_api(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never Flask's HTML 500: an injected failure inside the local Cognito layer, as an SDK and a browser see it."""
    import urllib.error
    import urllib.request

    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config
    from botocore.exceptions import ClientError

    from cdktf_userpool.local.cognito._routes import FAULT_ENV

    require_moto()
    monkeypatch.setenv(FAULT_ENV, "GetUser, GetTokensFromRefreshToken")
    with LocalAws(region=REGION) as aws:
        idp = boto3.session.Session().client("cognito-idp", endpoint_url=aws.endpoint_url, region_name=REGION,
                                             config=Config(signature_version=UNSIGNED, retries={"max_attempts": 1}))
        for call, kwargs in ((idp.get_user, {"AccessToken": "x"}),
                             (idp.get_tokens_from_refresh_token, {"ClientId": "c", "RefreshToken": "r"})):
            with pytest.raises(ClientError) as caught:
                call(**kwargs)
            error, status = caught.value.response["Error"], caught.value.response["ResponseMetadata"]["HTTPStatusCode"]
            assert (error["Code"], status) == ("InternalErrorException", 500)
            api = "GetUser" if call == idp.get_user else "GetTokensFromRefreshToken"
            assert f"failed in cognito-idp:{api}: RuntimeError: a fault injected by ${FAULT_ENV}" in error["Message"]
        request = urllib.request.Request(aws.endpoint_url, data=b'{"AccessToken": "x"}', headers={
            "X-Amz-Target": "AWSCognitoIdentityProviderService.GetUser", "Content-Type": "application/x-amz-json-1.1"})
        with pytest.raises(urllib.error.HTTPError) as raw:
            urllib.request.urlopen(request, timeout=30)
        assert raw.value.code == 500 and raw.value.headers["Content-Type"] == "application/x-amz-json-1.1"
        assert json.loads(raw.value.read())["__type"] == "InternalErrorException"  # JSON, not an HTML page
        # the other calls are untouched
        with pytest.raises(ClientError) as other:
            idp.initiate_auth(ClientId="nosuchclient", AuthFlow="USER_PASSWORD_AUTH", AuthParameters={})
        assert other.value.response["Error"]["Code"] == "ResourceNotFoundException"
        log = aws.log_path.read_text()
    assert "INTERNAL cognito-idp:GetUser" in log and "RuntimeError: a fault injected" in log
