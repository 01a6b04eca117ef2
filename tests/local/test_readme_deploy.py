"""The site's "Deploy locally" pytest example (docs/guides/local.md), run for real: synthesized, then pytest on it.

tests/test_readme.py only checks that the snippet synthesizes; here its fixture applies the stack to
the emulator and its tests run against it, in a pytest of their own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests._framework import rewrite_imports
from tests.test_docs import page_snippets
from tests.test_readme import PREAMBLE

from .conftest import ROOT


def test_the_readme_fixture_deploys_and_its_tests_pass(toolchain: Any, tmp_path: Path) -> None:
    (snippet,) = [s for s in page_snippets("guides/local.md") if "LocalAws(" in s and "@pytest.fixture" in s and "aws.outbox" not in s]
    module = tmp_path / "test_readme_deploy_snippet.py"
    # the app as a user has it: the stack synthesized into ./cdktf.out when the test module loads
    module.write_text(rewrite_imports(PREAMBLE + "\n" + snippet + "\napp.synth()\n"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CDKTF_OUTDIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", module.name, "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-2000:]
    if "could not install the AWS provider" in done.stdout:
        import pytest

        pytest.skip("local deploy: terraform could not install the AWS provider here")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"\b2 passed\b", summary), summary
    assert (tmp_path / "cdktf.out" / "stacks" / "auth" / "cdk.tf.json").is_file()
