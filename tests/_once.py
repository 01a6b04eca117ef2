"""Tests that do not depend on the framework backend run in one suite only: the default backend's.

CI runs the whole suite twice, once per backend (``make test`` and ``make test BACKEND=cdktn``). The
tests listed in :data:`ONCE` exercise what no backend changes (the local emulator and its flows, the
packaging of Lambda code and its runtimes, the Lambda runner, distributions), so running them on the
second backend would only repeat the first run: they run where ``make test`` runs them, on
:data:`HOME` (cdktf, the default), and are left out of the other suite, which says how many it left
and why. Set ``CDKTF_USERPOOL_ALL_TESTS=1`` to run them on both. tests/README.md lists what runs where
and the rule a new test follows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["HOME", "ONCE", "runs_once", "split"]

HOME = "cdktf"
"""The backend whose suite runs the tests of :data:`ONCE`: the default of ``make test``."""

ONCE: dict[str, str] = {
    # the local emulator: it deploys what either backend synthesizes in the same way; the example app's
    # deploy (tests/local/test_example_deploy.py) still runs on both, showing each backend's output applies
    "tests/local/cognito/": "the local user pool's flows, on the emulator",
    "tests/local/test_cli.py": "local up, on the emulator",
    "tests/local/test_errors.py": "the local deploy's errors",
    "tests/local/test_iam.py": "IAM enforced on deployed functions",
    "tests/local/test_lambda.py": "the emulator's Lambda",
    "tests/local/test_login_pages.py": "managed login's HTML from its templates",
    "tests/local/test_mirrors.py": "finding a provider mirror",
    "tests/local/test_moto_patches.py": "the emulator's patches of moto",
    "tests/local/test_readme_deploy.py": "the README's local deploy example",
    "tests/local/test_shared_deploy.py": "a trigger set on a pool owned elsewhere, deployed",
    "tests/local/test_small_stacks.py": "small stacks on the emulator",
    "tests/local/test_update.py": "re-applies that never lose a user",
    "tests/local/test_workdir.py": "the working copy and its override",
    # what runs inside Lambda and how it is packaged: plain Python, no framework
    "tests/packaging/": "packaging Lambda code from source",
    "tests/test_packaging_fidelity.py": "packages run under each Lambda runtime",
    "tests/test_runner.py": "the Lambda runner",
    "tests/test_updater.py": "the updater against moto",
    # the package's import contracts: read from the source, not the backend
    "tests/test_architecture.py": "the package's layers and no import circles (lint-imports)",
    # the distributions: built from the same files whatever the backend
    "tests/test_dist.py": "make dist",
    "tests/test_version.py": "the version",
    "tests/test_locks.py": "the two locks in step",
}


def runs_once(relative: str) -> bool:
    """Whether the test file at ``relative`` (a path from the repository root, with ``/``) is in :data:`ONCE`."""
    return any(relative == key or (key.endswith("/") and relative.startswith(key)) for key in ONCE)


def split(paths: Iterable[Path], root: Path, backend: str) -> tuple[list[bool], int]:
    """For each test file in ``paths``: whether it runs on ``backend``; and how many do not."""
    if backend == HOME or os.environ.get("CDKTF_USERPOOL_ALL_TESTS") == "1":
        kept = [True for _ in paths]
    else:
        kept = [not runs_once(p.resolve().relative_to(root).as_posix()) for p in paths]
    return kept, kept.count(False)
