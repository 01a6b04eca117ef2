"""``make dist``: the sdist and the wheel, built with the standard build tool from this checkout's tracked
files, pass ``tools/check_dist.py``; the check finds what must not ship (tests, bytecode) and what is missing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cdktf_userpool import __version__
from tests._wheel import run
from tests.conftest import ROOT

CHECK = ROOT / "tools" / "check_dist.py"
WHEEL = f"cdktf_userpool-{__version__}-py3-none-any.whl"


def check(folder: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, str(CHECK), str(folder)], folder)


def test_the_built_sdist_and_wheel_pass_the_check(dist: Path) -> None:
    done = check(dist)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"built and checked: {dist / WHEEL}"
    with zipfile.ZipFile(dist / WHEEL) as archive:
        names = set(archive.namelist())
    assert {"cdktf_userpool/py.typed", "cdktf_userpool/_scaffold/templates/main.py.tmpl",
            "cdktf_userpool/_runtime/entry.py"} <= names  # the runtime shipped into every Lambda package
    assert not [n for n in names if n.startswith("tests/") or n.endswith(".pyc")]


def test_the_check_finds_what_must_not_ship_and_what_is_missing(dist: Path, tmp_path: Path) -> None:
    bad = tmp_path / "dist"
    bad.mkdir()
    shutil.copy(next(dist.glob("*.tar.gz")), bad)
    with zipfile.ZipFile(dist / WHEEL) as good, zipfile.ZipFile(bad / WHEEL, "w") as copy:
        for item in good.infolist():
            if item.filename != "cdktf_userpool/py.typed":
                copy.writestr(item, good.read(item))
        copy.writestr("tests/test_secret.py", "assert True\n")
        copy.writestr("cdktf_userpool/__pycache__/user_pool.cpython-311.pyc", b"\0")
    done = check(bad)
    assert done.returncode == 1 and done.stdout == ""
    assert f"check-dist: {WHEEL} holds tests/test_secret.py, which is not one of the package's files" in done.stderr
    assert "user_pool.cpython-311.pyc, which is not one of the package's files" in done.stderr
    assert f"check-dist: {WHEEL} lacks cdktf_userpool/py.typed" in done.stderr


def test_the_check_wants_one_sdist_and_one_wheel(tmp_path: Path) -> None:
    done = check(tmp_path)
    assert done.returncode == 1 and "must hold exactly" in done.stderr
