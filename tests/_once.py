"""Tests that do not depend on the framework backend run in one suite only: the default backend's.

CI runs the whole suite twice, once per backend (``make test`` and ``make test BACKEND=cdktn``). The
tests listed in :data:`ONCE` exercise what no backend changes (the local emulator and its flows, the
packaging of Lambda code and its runtimes, the Lambda runner, distributions), so running them on the
second backend would only repeat the first run: they run where ``make test`` runs them, on
:data:`HOME` (cdktf, the default), and are left out of the other suite, which says how many it left
and why. Set ``CDKTF_USERPOOL_ALL_TESTS=1`` to run them on both. tests/README.md lists what runs where
and the rule a new test follows.

CI runs the two suites side by side, where the cdktf suite (everything) would end long after the other:
there ``.ci/run`` sets ``CDKTF_USERPOOL_SUITE_SPLIT=1``, and the tests of :data:`SECOND` (a part of
:data:`ONCE`) run in the cdktn suite instead, so both end at about the same time. A bare ``make test``
still runs everything.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["HOME", "ONCE", "OTHER", "SECOND", "SPLIT_ENV", "runs_once", "split"]

HOME = "cdktf"
"""The backend whose suite runs the tests of :data:`ONCE`: the default of ``make test``."""
OTHER = "cdktn"
"""The other backend's suite, which runs :data:`SECOND` when the suites are split (CI)."""
SPLIT_ENV = "CDKTF_USERPOOL_SUITE_SPLIT"
"""Set to ``1`` (``.ci/run`` does) to run :data:`SECOND` in the :data:`OTHER` suite rather than the :data:`HOME` one."""

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


SECOND: dict[str, str] = {
    # about 5 minutes of the cdktf suite's 15 (CI, 1096 s in all: cdktf 936 s, cdktn 305 s beside it)
    "tests/local/cognito/": "the local user pool's flows: their own deployment of tests/local/apps/triggers.py",
    "tests/local/test_update.py": "the re-apply story: its own stack, applied four times",
    # about a minute more (CI, 1296 s in all: cdktf 1044 s, cdktn 879 s beside it)
    "tests/local/test_readme_deploy.py": "the README's local deploy example: its own stack, deployed",
}
"""The part of :data:`ONCE` the :data:`OTHER` suite runs instead when the suites are split (see the module docstring)."""


def _listed(relative: str, table: dict[str, str]) -> bool:
    return any(relative == key or (key.endswith("/") and relative.startswith(key)) for key in table)


def runs_once(relative: str) -> bool:
    """Whether the test file at ``relative`` (a path from the repository root, with ``/``) is in :data:`ONCE`."""
    return _listed(relative, ONCE)


def _home(relative: str) -> str:
    """The suite that runs a test of :data:`ONCE`: :data:`HOME`, or :data:`OTHER` for :data:`SECOND` when split."""
    return OTHER if os.environ.get(SPLIT_ENV) == "1" and _listed(relative, SECOND) else HOME


def split(paths: Iterable[Path], root: Path, backend: str) -> tuple[list[bool], int]:
    """For each test file in ``paths``: whether it runs on ``backend``; and how many do not."""
    if os.environ.get("CDKTF_USERPOOL_ALL_TESTS") == "1":
        kept = [True for _ in paths]
    else:
        relatives = [p.resolve().relative_to(root).as_posix() for p in paths]
        kept = [not runs_once(r) or _home(r) == backend for r in relatives]
    return kept, kept.count(False)
