"""The README's ways to install the library (its "Install" section), each run for real from a clean virtualenv.

A clean virtualenv is made from the interpreter the suite's own was made from, sees none of the suite's
packages, and installs everything from the package index, as a user's does; each command is the README's,
with only what a user fills in filled in (the path to the checkout) and the suite's backend as the
extra. Here: from an index by name and extras (``dist/`` stands in for the index: ``--find-links``) and
from a checkout, in the CDK for Terraform suite with ``[cdktf]``; the wheel from ``make dist`` with
``[cdktn]`` is installed by ``tests/test_init.py``, which follows "Start a project" as written in the CDK
Terrain suite. Each way runs once, in one backend's suite: what is tested is pip, the wheel and the
package's metadata, which do not change with the suite's backend, and a clean install costs about
20 s. Then ``init`` in that virtualenv writes a project that installs the library from where it came.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import __version__
from tests._framework import BACKEND
from tests._wheel import base_python, checkout_copy, clean_env, run
from tests.conftest import ROOT

#: The three commands of the README's "Install" section, as it writes them.
INDEX = 'pip install "cdktf-userpool[cdktn]"'
WHEEL = f'pip install "dist/cdktf_userpool-{__version__}-py3-none-any.whl[cdktn]"'
CHECKOUT = 'pip install "path/to/cdktf-userpool[cdktn]"'


def install_section() -> str:
    """The "Install" section of the site's Getting started page."""
    from tests.test_docs import page_section

    return page_section("getting-started.md", "Install")


def test_the_readme_says_how_to_install_each_way_with_this_version() -> None:
    section = install_section()
    for command in (INDEX, WHEEL, CHECKOUT):
        assert f"`{command}`" in section, f"the README's Install section no longer says `{command}`: update it or this test"
    assert "make dist" in section


in_cdktf_suite = pytest.mark.skipif(
    BACKEND != "cdktf", reason="install from an index and a checkout: run once, in the cdktf suite (see the docstring)")


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A folder, and the environment of a user's shell there: ``python`` is the suite's base interpreter."""
    folder = tmp_path_factory.mktemp("install")
    return folder, clean_env(base_python(folder / "bin"))


def clean_venv(folder: Path, env: dict[str, str]) -> Path:
    """A new virtualenv at ``folder``, made as the README does (``python -m venv``); its python."""
    made = run(["python", "-m", "venv", str(folder)], folder.parent, env)
    assert made.returncode == 0, made.stderr
    python = folder / "bin" / "python"
    alone = run([str(python), "-c", "import pytest"], folder.parent, env)
    assert alone.returncode != 0, "the clean virtualenv sees the suite's packages"
    return python


def pip(python: Path, command: str, cwd: Path, env: dict[str, str], *extra: str) -> None:
    """Run the README's ``pip install ...`` ``command`` with the virtualenv's pip, the suite's backend as the extra."""
    words = shlex.split(command.replace("[cdktn]", f"[{BACKEND}]"))
    assert words[:2] == ["pip", "install"], command
    done = run([str(python), "-m", *words, *extra], cwd, env, timeout=900)
    assert done.returncode == 0, f"{command}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def installed(python: Path, cwd: Path, env: dict[str, str]) -> dict[str, Any]:
    """What the virtualenv has: the library's version and file, pip's record of where it came from, pip check."""
    script = ("import importlib.metadata as m, json, cdktf_userpool, " + BACKEND + "; "
              "d = m.distribution('cdktf-userpool'); "
              "print(json.dumps({'file': cdktf_userpool.__file__, 'direct_url': d.read_text('direct_url.json')}))")
    shown = run([str(python), "-c", script], cwd, env)
    assert shown.returncode == 0, shown.stderr[-3000:]
    version = run([str(python), "-m", "cdktf_userpool", "--version"], cwd, env)
    check = run([str(python), "-m", "pip", "check"], cwd, env)
    assert check.returncode == 0, check.stdout + check.stderr  # every dependency, of the version it needs
    return {**json.loads(shown.stdout), "version": version.stdout.strip()}


def requirement_of_new_project(python: Path, folder: Path, env: dict[str, str]) -> str:
    """``init`` run in the virtualenv: the library's line in the project's ``requirements.txt``."""
    made = run([str(python), "-m", "cdktf_userpool", "init", str(folder), "--backend", BACKEND], folder.parent, env)
    assert made.returncode == 0, made.stdout + made.stderr
    (line,) = [line for line in (folder / "requirements.txt").read_text().splitlines() if line.startswith("cdktf-userpool")]
    return line


@in_cdktf_suite
@pytest.mark.network
def test_from_an_index_by_name_and_extras(work: tuple[Path, dict[str, str]], dist: Path) -> None:
    folder, env = work
    python = clean_venv(folder / "index-venv", env)
    pip(python, INDEX, folder, env, "--find-links", str(dist))  # dist/ is the index's one cdktf-userpool
    found = installed(python, folder, env)
    assert found["version"] == f"cdktf-userpool {__version__}"
    assert found["direct_url"] is None  # as from an index: pip keeps no record of a file or folder
    assert str(folder / "index-venv") in found["file"]
    assert requirement_of_new_project(python, folder / "index-project", env) == \
        f"cdktf-userpool[{BACKEND},local]=={__version__}"


@in_cdktf_suite
@pytest.mark.network
def test_from_a_checkout(work: tuple[Path, dict[str, str]]) -> None:
    folder, env = work
    checkout = checkout_copy(folder / "cdktf-userpool")
    python = clean_venv(folder / "checkout-venv", env)
    pip(python, CHECKOUT.replace("path/to/cdktf-userpool", str(checkout)), folder, env)
    found = installed(python, folder, env)
    assert found["version"] == f"cdktf-userpool {__version__}"
    assert json.loads(found["direct_url"]) == {"url": checkout.as_uri(), "dir_info": {}}
    assert str(folder / "checkout-venv") in found["file"]  # installed, not run from the checkout
    line = requirement_of_new_project(python, folder / "checkout-project", env)
    assert line == f"cdktf-userpool[{BACKEND},local] @ {checkout.as_uri()}"
    # the project's requirements resolve on this machine, no index having cdktf-userpool: the local extra
    # and the test tools come from the index, the library from the checkout
    pip(python, f"pip install -r {shlex.quote(str(folder / 'checkout-project' / 'requirements.txt'))}", folder, env)
    local = run([str(python), "-c", "import moto, syrupy, cdktf_userpool.local"], folder, env)
    assert local.returncode == 0, local.stderr[-3000:]
    assert json.loads(installed(python, folder, env)["direct_url"])["url"] == checkout.as_uri()
