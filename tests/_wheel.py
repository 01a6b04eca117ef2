"""This checkout as users get it: a wheel, built offline, installed in a virtualenv of its own.

The virtualenv sees the packages installed for the suite (the framework, mypy, pytest, ...) through a
``.pth`` file, so nothing is downloaded; ``hide`` leaves some out (the other backend's packages, so a
type checker sees one backend as a user with one extra installed does). The checkout's editable
install is always left out: the library comes from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

from tests.conftest import ROOT

__all__ = ["build_wheel", "venv_with_wheel"]

#: Distributions of each backend, as folder-name prefixes in site-packages (``hide=`` takes these).
BACKEND_PACKAGES = {
    "cdktf": ("cdktf-", "cdktf_cdktf_provider_aws", "cdktf/"),
    "cdktn": ("cdktn-", "cdktn_provider_aws", "cdktn/"),
}
_EDITABLE = ("__editable__", "cdktf_userpool")


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run ``command``, capturing its output as text, never raising on a non-zero status."""
    return subprocess.run(list(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def build_wheel(work: Path, env: dict[str, str] | None = None) -> Path:
    """This checkout's wheel, built offline from a copy (no build artifacts left in the working tree)."""
    source = work / "source"
    shutil.copytree(ROOT / "cdktf_userpool", source / "cdktf_userpool", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                 "--disable-pip-version-check", "-w", str(work / "wheels"), str(source)], work, env)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (work / "wheels").glob("cdktf_userpool-*.whl")
    return wheel


def _is(entry: str, prefix: str) -> bool:
    return entry + "/" == prefix if prefix.endswith("/") else entry.startswith(prefix)


def venv_with_wheel(venv: Path, wheel: Path, *, hide: Sequence[str] = (), env: dict[str, str] | None = None) -> Path:
    """A virtualenv at ``venv`` with ``wheel`` installed, seeing the suite's packages but ``hide``; its python.

    :param hide: folder-name prefixes in the suite's site-packages to leave out (see ``BACKEND_PACKAGES``);
        a prefix ending in ``/`` is one exact folder name.
    """
    made = run([sys.executable, "-m", "venv", str(venv)], venv.parent, env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], venv.parent, env).stdout.strip()
    suite = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    left_out = (*hide, *_EDITABLE)
    if left_out:  # a folder of links to the suite's packages, without those left out
        visible = venv / "suite-packages"
        visible.mkdir()
        for folder in suite:
            for entry in sorted(os.listdir(folder)):
                if not any(_is(entry, p) for p in left_out) and not (visible / entry).exists():
                    (visible / entry).symlink_to(Path(folder) / entry)
        suite = [str(visible)]
    Path(site, "suite-packages.pth").write_text("".join(f"{p}\n" for p in suite))
    installed = run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check",
                     str(wheel)], venv.parent, env)
    assert installed.returncode == 0, installed.stderr[-3000:]
    return python
