"""The site's "Run your sign-up flow offline" and "Sign in through managed login" examples (docs/guides/local.md), run for
real with pytest on the example app.

tests/test_readme.py only checks that the snippets run and synthesize; here pytest runs them in a
folder holding the example app's ``cdktf.out``, so the first one's fixture deploys the app, its test
signs up, confirms a password reset with the code from the outbox and signs in with SRP, and the
second signs up and in through the pool's managed login.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests._framework import rewrite_imports
from tests.test_docs import page_snippets
from tests.test_readme import PREAMBLE

from ..conftest import ROOT


def test_the_readme_flow_passes_on_the_example_app(toolchain: Any, example_outdir: Path, tmp_path: Path) -> None:
    snippets = page_snippets("guides/local.md")
    (flow,) = [s for s in snippets if "aws.outbox" in s]
    (hosted,) = [s for s in snippets if "ManagedLogin(" in s]
    snippet = flow + "\n\n" + hosted
    shutil.copytree(example_outdir, tmp_path / "cdktf.out")
    module = tmp_path / "test_readme_flow_snippet.py"
    module.write_text(rewrite_imports(PREAMBLE + "\n" + snippet))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", module.name, "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900, check=False,
    )
    if "could not install the AWS provider" in done.stdout:
        pytest.skip("local deploy: terraform could not install the AWS provider here")
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-2000:]
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert re.search(r"\b2 passed\b", summary), summary
