"""Shared fixtures: quiet jsii, and keep packages built by tests out of the user's cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests._framework import BACKEND, for_backend
from tests._once import HOME, OTHER, SPLIT_ENV, split
from tests._wheel import build_dist

ROOT = Path(__file__).resolve().parent.parent

# the stack_snapshot fixture, and pytester to run the README's snapshot test (tests/test_snapshot.py)
pytest_plugins = ["cdktf_userpool.testing.syrupy", "pytester"]
EXAMPLE = ROOT / "examples" / "app.py"

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
os.environ.setdefault("CHECKPOINT_DISABLE", "1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out of this suite the tests that do not depend on the backend when another suite runs them (tests/_once.py)."""
    kept, left = split([item.path for item in items], ROOT, BACKEND)
    if left:
        config.hook.pytest_deselected(items=[item for item, keep in zip(items, kept) if not keep])
        items[:] = [item for item, keep in zip(items, kept) if keep]
        config.stash[_LEFT] = left


def pytest_report_collectionfinish(config: pytest.Config) -> str | None:
    left = config.stash.get(_LEFT, 0)
    if not left:
        return None
    other = OTHER if BACKEND == HOME else HOME
    return (f"{left} tests that do not depend on the backend are left to the {other} suite, which runs them "
            f"(tests/_once.py; {SPLIT_ENV}={os.environ.get(SPLIT_ENV, '')!r}; CDKTF_USERPOOL_ALL_TESTS=1 runs them here too)")


_LEFT = pytest.StashKey[int]()


@pytest.fixture(scope="session", autouse=True)
def package_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Keep packages built by tests out of the user's cache."""
    path = str(tmp_path_factory.mktemp("package-cache"))
    os.environ["CDKTF_USERPOOL_CACHE_DIR"] = path
    return path


def run_example(workdir: Path, outdir: Path, hash_seed: str) -> None:
    """Synthesize the example app in a fresh interpreter, from ``workdir``."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "CDKTF_OUTDIR": str(outdir)}
    app = for_backend(EXAMPLE, workdir)
    subprocess.run([sys.executable, str(app)], cwd=workdir, env=env, check=True, capture_output=True, timeout=300)


def synth_app(app: Path, workdir: Path, *, timeout: float = 600) -> Path:
    """Run ``app`` (a cdktf app file) on the suite's backend in ``workdir``, in a fresh interpreter; its ``CDKTF_OUTDIR``."""
    script = for_backend(app, workdir / "build")
    outdir = workdir / "cdktf.out"
    env = {**os.environ, "CDKTF_OUTDIR": str(outdir), "PYTHONPATH": os.pathsep.join([str(ROOT), str(app.parent)])}
    done = subprocess.run([sys.executable, str(script)], cwd=workdir, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return outdir


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder with the sdist and the wheel ``make dist`` builds, built once per session from a copy of the checkout."""
    return build_dist(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example app synthesized twice: two temporary working directories, hash seeds and caches.

    (The CLI tests synthesize it a third time, from the repository root, as `cdktf synth` does.)
    """
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    run_example(first, first / "cdktf.out", "1")
    saved = os.environ["CDKTF_USERPOOL_CACHE_DIR"]
    os.environ["CDKTF_USERPOOL_CACHE_DIR"] = str(second / "cache")  # packages built afresh
    try:
        run_example(second, second / "out", "4242")
    finally:
        os.environ["CDKTF_USERPOOL_CACHE_DIR"] = saved
    return first / "cdktf.out", second / "out"


@pytest.fixture(scope="session")
def example_doc(synthesized: tuple[Path, Path]) -> dict[str, Any]:
    """The example app's ``cdk.tf.json``, parsed."""
    return json.loads((synthesized[0] / "stacks" / "example" / "cdk.tf.json").read_text())


