"""checkov, pinned, on every example app's synthesized stack: zero failed checks.

Skips live in `.checkov.yaml`, each with its reason; docs/checkov.md lists them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHECKOV = ROOT / ".venv-checkov" / "bin" / "checkov"
CONFIG = ROOT / ".checkov.yaml"


def run_checkov(stack_dir: Path) -> dict[str, Any]:
    assert CHECKOV.exists(), "checkov is missing: run `make test`, which installs it into .venv-checkov"
    env = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_EXPERIMENTAL_IMAGE_REFERENCING": "False"}
    result = subprocess.run(
        [str(CHECKOV), "-d", str(stack_dir), "--config-file", str(CONFIG), "-o", "json"],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = json.loads(result.stdout)
    return report[0] if isinstance(report, list) else report


@pytest.fixture(scope="module")
def reports(synthesized: tuple[Path, Path]) -> dict[str, dict[str, Any]]:
    """checkov's results for every synthesized example stack, by stack name."""
    stack_dirs = sorted(p.parent for p in (synthesized[0] / "stacks").glob("*/cdk.tf.json"))
    assert stack_dirs
    return {d.name: run_checkov(d)["results"] for d in stack_dirs}


def test_example_stacks_have_no_failed_checks(reports: dict[str, dict[str, Any]]) -> None:
    assert sorted(reports) == ["example", "shared"]
    for name, results in reports.items():
        assert [(c["check_id"], c["resource"]) for c in results["failed_checks"]] == []
        assert len(results["passed_checks"]) > (50 if name == "example" else 20), name  # it really scanned the stack


def test_every_skip_is_justified_and_documented() -> None:
    config = CONFIG.read_text()
    skips = re.findall(r"^\s*-\s*(CKV_\w+)", config, flags=re.M)
    assert skips, "no skips found"
    docs = (ROOT / "docs" / "checkov.md").read_text()
    for check in skips:
        # the comment block right above each skip gives its reason
        assert re.search(rf"#[^\n]+\n(?:\s*#[^\n]*\n)*\s*-\s*{check}\b", config), check
        assert check in docs, f"{check} is not listed in docs/checkov.md"


@pytest.mark.parametrize(
    "check",
    [
        "CKV_AWS_50",  # X-Ray tracing on every function
        "CKV_AWS_7",  # KMS key rotation
        "CKV_AWS_33",  # no wildcard principal in the key policy
        "CKV_AWS_66",  # log group retention
        "CKV_AWS_338",  # retention of at least a year
        "CKV_AWS_301",  # functions not public
        "CKV_AWS_364",  # service permissions limited by SourceArn
    ],
)
def test_secure_defaults_pass_the_checks_they_answer(reports: dict[str, dict[str, Any]], check: str) -> None:
    passed = {c["check_id"] for c in reports["example"]["passed_checks"]}
    assert check in passed
