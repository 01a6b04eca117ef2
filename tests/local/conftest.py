"""Fixtures of the local deploy tests: the emulator per module, the small test app, skips with reasons.

The tests need moto (the ``local`` extra); those that apply stacks also need terraform and an AWS
provider it can install offline (``CDKTF_USERPOOL_TF_PLUGIN_DIR``, which ``.ci/run`` sets). Each
skips with the reason when that is missing. One deployment is shared by the tests of a module.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.errors import LocalToolError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
APP = HERE / "apps" / "stacks.py"
REGION = "eu-west-1"


def require_moto() -> None:
    """Skip unless the emulator's packages (the ``local`` extra) are installed."""
    missing = [m for m in ("moto", "flask", "flask_cors") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"local deploy: {', '.join(missing)} not installed (pip install 'cdktf-userpool[local]')")


@pytest.fixture(scope="session")
def toolchain() -> Any:
    """Terraform and the provider folder; skips when terraform is missing."""
    require_moto()
    from cdktf_userpool.local._toolchain import find_toolchain

    try:
        return find_toolchain()
    except LocalToolError as exc:
        pytest.skip(f"local deploy: {exc}")


@pytest.fixture(scope="module")
def aws() -> Iterator[Any]:
    """An emulator for the module (IAM enforced, the default), stopped at its end."""
    require_moto()
    from cdktf_userpool.local import LocalAws

    with LocalAws(region=REGION) as emulator:
        yield emulator


def deploy(aws: Any, outdir: Path, stack: str, **kwargs: Any) -> Any:
    """``aws.deploy(...)``, skipping the test when the AWS provider cannot be installed here."""
    try:
        return aws.deploy(outdir, stack, **kwargs)
    except LocalToolError as exc:
        pytest.skip(f"local deploy: {exc}")


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A folder removed when the test ends (not kept like ``tmp_path``): for fake provider mirrors, which
    must not outlive the test where a mirror search could find them."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cdktf-userpool-test-") as folder:
        yield Path(folder)


def synth_app(app: Path, workdir: Path, *, timeout: float = 300) -> Path:
    """``tests.conftest.synth_app`` for an app of tests/local/apps; skips when moto is missing."""
    require_moto()
    from tests.conftest import synth_app as synth

    return synth(app, workdir, timeout=timeout)


@pytest.fixture(scope="session")
def test_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/local/apps/stacks.py synthesized (on the suite's backend); returns its outdir."""
    return synth_app(APP, tmp_path_factory.mktemp("local-app"))


@pytest.fixture(scope="session")
def example_outdir(synthesized: tuple[Path, Path]) -> Path:
    """The example app's cdktf.out (synthesized once for the whole suite)."""
    return synthesized[0]
