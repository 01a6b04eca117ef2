"""One version, written in one place (``cdktf_userpool/_version.py``): the package's metadata, the command
line and the changelog agree with it."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import tomllib

from cdktf_userpool import __version__
from tests.conftest import ROOT


def test_the_command_line_prints_the_version() -> None:
    done = subprocess.run([sys.executable, "-m", "cdktf_userpool", "--version"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"cdktf-userpool {__version__}\n", "")


def test_pyproject_reads_the_version_from_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    source = project["tool"]["setuptools"]["dynamic"]["version"]
    assert source == {"attr": "cdktf_userpool._version.__version__"}
    assert importlib.metadata.version("cdktf-userpool") == __version__  # what pip installed says the same
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?", __version__)


def test_the_changelog_has_the_version_and_a_section_for_the_next() -> None:
    headings = re.findall(r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text(), flags=re.M)
    assert headings[0] == "Unreleased"
    assert headings[1].split()[0] == __version__
