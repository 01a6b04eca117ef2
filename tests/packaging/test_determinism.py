"""Generated text and zip bytes do not depend on PYTHONHASHSEED or on the working directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from typing import Any

import pytest
from _cases import generate_all
from _support import BOOTSTRAP, HERE

SCRIPT = (
    BOOTSTRAP
    + f"""
import json
sys.path[:0] = [".", {str(HERE)!r}]
import _cases
print(json.dumps(_cases.generate_all(), sort_keys=True))
"""
)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Generate the whole corpus in three fresh interpreters: two seeds, two directories."""
    roots = []
    for name in ("first", "second"):
        root = tmp_path_factory.mktemp(name) / "project"
        shutil.copytree(HERE / "corpus", root / "corpus", ignore=shutil.ignore_patterns("__pycache__"))
        roots.append(root)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    processes = [
        subprocess.Popen(
            [sys.executable, "-s", "-c", SCRIPT],
            cwd=root,
            env={**env, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for root, seed in [(roots[0], "0"), (roots[1], "1"), (roots[0], "4242")]
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out))
    return results


def test_same_output_across_hash_seeds_and_directories(runs: list[dict[str, Any]]) -> None:
    first, *others = runs
    for other in others:
        assert other == first
    assert first["plain_def"]["origin"] == "corpus/plain.py:6"
    assert first["token_global"]["environment"] == {"TABLE_ARN": "${TfToken[TOKEN.11]}"}


def test_same_output_in_process(runs: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)  # the corpus is then at the same relative path as in the subprocesses
    assert generate_all() == runs[0]
