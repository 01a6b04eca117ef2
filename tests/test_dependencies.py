"""Third-party dependencies: installed for Lambda's platform, cached, and refused clearly without a wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import PackagingError
from cdktf_userpool._packaging.dependencies import cache_key, install, merge_requirements, platforms

ROOT = Path(__file__).resolve().parent.parent


class FakePip:
    """Records pip calls and writes a small distribution into --target."""

    def __init__(self, returncode: int = 0, stderr: str = "") -> None:
        self.calls: list[list[str]] = []
        self.returncode = returncode
        self.stderr = stderr

    def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(args))
        if self.returncode == 0:
            target = Path(args[args.index("--target") + 1])
            (target / "tiny").mkdir()
            (target / "tiny" / "__init__.py").write_text("VALUE = 1\n")
            (target / "tiny" / "__pycache__").mkdir()
            (target / "tiny" / "__pycache__" / "x.pyc").write_bytes(b"\0")
            (target / "tiny-1.0.dist-info").mkdir()
            (target / "tiny-1.0.dist-info" / "METADATA").write_text("Name: tiny\n")
            (target / "tiny-1.0.dist-info" / "RECORD").write_text("/abs/path\n")
            (target / "bin").mkdir()
            (target / "bin" / "tiny").write_text("#!/usr/bin/python3\n")
        return subprocess.CompletedProcess(list(args), self.returncode, "", self.stderr)


def test_install_targets_lambdas_platform_and_drops_machine_specific_files(tmp_path: Path) -> None:
    pip = FakePip()
    files = install(["tiny==1.0"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    assert sorted(files) == ["tiny-1.0.dist-info/METADATA", "tiny/__init__.py"]
    (args,) = pip.calls
    assert args[-1] == "tiny==1.0"
    assert "--only-binary=:all:" in args and "--no-compile" in args
    assert args[args.index("--python-version") + 1] == "3.13"
    assert args[args.index("--implementation") + 1] == "cp"
    assert [args[i + 1] for i, a in enumerate(args) if a == "--platform"] == list(platforms("python3.13", "arm64"))


def test_second_install_is_served_from_the_cache(tmp_path: Path) -> None:
    pip = FakePip()
    first = install(["tiny==1.0"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    second = install(["tiny==1.0"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    assert first == second
    assert len(pip.calls) == 1
    install(["tiny==1.0"], runtime="python3.13", architecture="x86_64", cache_dir=tmp_path, pip=pip)
    install(["tiny==1.0"], runtime="python3.12", architecture="arm64", cache_dir=tmp_path, pip=pip)
    install(["tiny==1.1"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    assert len(pip.calls) == 4  # the key covers requirements, platform and runtime


def test_failed_install_leaves_no_cache_entry(tmp_path: Path) -> None:
    failing = FakePip(returncode=1, stderr="ERROR: No matching distribution found for grpcio==0.1\n")
    with pytest.raises(PackagingError, match=r"'grpcio==0.1' has no wheel for python3.13 on arm64") as err:
        install(["grpcio==0.1"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=failing)
    assert "Pin a version" in str(err.value)
    assert not (tmp_path / "dependencies" / cache_key(["grpcio==0.1"], "python3.13", "arm64")).exists()
    assert list((tmp_path / "dependencies").iterdir()) == []


def test_other_pip_failures_are_packaging_errors(tmp_path: Path) -> None:
    failing = FakePip(returncode=2, stderr="ERROR: Invalid requirement: 'tiny=='\n")
    with pytest.raises(PackagingError, match="Invalid requirement"):
        install(["tiny=="], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=failing)


def test_platform_tags_follow_the_runtimes_operating_system() -> None:
    assert platforms("python3.11", "x86_64") == ("manylinux2014_x86_64",)
    assert "manylinux_2_28_aarch64" in platforms("python3.13", "arm64")


def test_explicit_requirements_override_detected_ones() -> None:
    merged = merge_requirements(["python-dateutil==2.9.0", "six==1.16.0"], ["Python_Dateutil>=2.8", "attrs"])
    assert merged == ("attrs", "Python_Dateutil>=2.8", "six==1.16.0")


APP = """\
from cdktf import App, LocalBackend, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_userpool import Function


def handler(event, context):
    import six

    return {"six": six.__version__}


app = App()
stack = TerraformStack(app, "deps")
AwsProvider(stack, "aws", region="us-east-1")
LocalBackend(stack, path="deps.tfstate")
Function(stack, "WithSix", handler, requirements=["six==1.16.0"])
app.synth()
"""


def synth_app(workdir: Path, env: dict[str, str]) -> dict[str, Any]:
    (workdir / "app.py").write_text(APP)
    subprocess.run([sys.executable, "app.py"], cwd=workdir, env=env, check=True, capture_output=True, timeout=300)
    return json.loads((workdir / "cdktf.out" / "stacks" / "deps" / "cdk.tf.json").read_text())


@pytest.mark.network
def test_requirements_are_packaged_and_a_second_synth_needs_no_pip(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "CDKTF_USERPOOL_CACHE_DIR": str(cache)}
    (tmp_path / "a").mkdir()
    first = synth_app(tmp_path / "a", env)
    (fn,) = first["resource"]["aws_lambda_function"].values()
    with zipfile.ZipFile(tmp_path / "a" / "cdktf.out" / "stacks" / "deps" / fn["filename"]) as archive:
        names = archive.namelist()
    assert "six.py" in names and "trigger.py" in names
    # the second synth runs with pip unable to reach any index: it must not need to
    (tmp_path / "b").mkdir()
    offline = {**env, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "PIP_INDEX_URL": "http://127.0.0.1:9/simple"}
    second = synth_app(tmp_path / "b", offline)
    assert second["resource"]["aws_lambda_function"] == first["resource"]["aws_lambda_function"]
