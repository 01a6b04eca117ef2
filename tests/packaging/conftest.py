"""Fixtures for the packaging tests.

The corpus package (``corpus``) is imported from this directory. Nothing here imports cdktf; the
subprocesses that generate or run packages keep it that way (see ``_support.BOOTSTRAP``).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from corpus import _infra  # noqa: E402


@pytest.fixture()
def seams() -> dict[str, Callable[..., bool]]:
    """The ``is_token``/``is_infrastructure`` keyword arguments of ``generate_module``."""
    return {"is_token": _infra.is_token, "is_infrastructure": _infra.is_infrastructure}


@pytest.fixture(scope="session")
def dateutil_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A directory holding only the venv's copy of ``dateutil`` and what it needs (as pip would install it)."""
    import importlib.metadata

    import dateutil

    target = tmp_path_factory.mktemp("deps")
    shutil.copytree(Path(dateutil.__file__).parent, target / "dateutil", ignore=shutil.ignore_patterns("__pycache__"))
    requires = importlib.metadata.requires("python-dateutil") or []
    if any(r.split(">")[0].split("=")[0].strip() == "six" for r in requires):  # python-dateutil 2.x
        import six

        shutil.copy(six.__file__, target / "six.py")
    return str(target)
