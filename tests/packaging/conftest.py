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
def installed(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], str]:
    """A directory per distribution holding its installed files and those of the distributions it needs.

    As pip would install them for Lambda, from this environment's copies (markers and extras ignored,
    boto3/botocore excluded as the runtime provides them). Built once per distribution.
    """
    import importlib.metadata

    from packaging.requirements import Requirement

    made: dict[str, str] = {}

    def closure(name: str) -> list[importlib.metadata.Distribution]:
        found: dict[str, importlib.metadata.Distribution] = {}
        pending = [name]
        while pending:
            requirement = Requirement(pending.pop())
            key = requirement.name.lower().replace("_", "-")
            if key in found or key in ("boto3", "botocore") or (requirement.marker and "extra" in str(requirement.marker)):
                continue
            try:
                dist = importlib.metadata.distribution(requirement.name)
            except importlib.metadata.PackageNotFoundError:
                continue  # a marker-guarded dependency of another platform or Python
            found[key] = dist
            pending += dist.requires or []
        return list(found.values())

    def build(name: str) -> str:
        if name not in made:
            target = tmp_path_factory.mktemp(name)
            for dist in closure(name):
                for file in dist.files or ():
                    if "__pycache__" in file.parts or file.parts[0].endswith(".dist-info") or ".." in file.parts:
                        continue
                    source = Path(str(dist.locate_file(file)))
                    if source.is_file():
                        (target / file).parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(source, target / file)
            made[name] = str(target)
        return made[name]

    return build
