"""This checkout as users get it: a copy of its tracked files, the sdist and the wheel ``make dist`` builds
from them, and virtualenvs to install them in.

``venv_with_wheel`` makes a virtualenv that sees the packages installed for the suite (the framework,
mypy, pytest, ...) through a ``.pth`` file, so nothing is downloaded; ``hide`` leaves some out (the
other backend's packages, so a type checker sees one backend as a user with one extra installed
does). The checkout's editable install is always left out: the library comes from the wheel.
``clean_env`` and ``base_python`` are for the other kind, a clean virtualenv that installs
everything from the package index, as a user's does (``tests/test_install.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["base_python", "build_dist", "checkout_copy", "clean_env", "run", "venv_with_wheel"]

#: Distributions of each backend, as folder-name prefixes in site-packages (``hide=`` takes these).
BACKEND_PACKAGES = {
    "cdktf": ("cdktf-", "cdktf_cdktf_provider_aws", "cdktf/"),
    "cdktn": ("cdktn-", "cdktn_provider_aws", "cdktn/"),
}
_EDITABLE = ("__editable__", "cdktf_userpool")


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run ``command``, capturing its output as text, never raising on a non-zero status."""
    return subprocess.run(list(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def checkout_copy(dest: Path, *, tests: bool = True) -> Path:
    """This checkout's tracked files as the working tree has them (a clone with its uncommitted edits), in ``dest``.

    :param tests: copy ``tests/`` too (default ``True``).
    """
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file() and (tests or not name.startswith("tests/")):
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


def build_dist(work: Path, env: dict[str, str] | None = None) -> Path:
    """What ``make dist`` builds, from a copy of this checkout (the working tree is left as it was): the ``dist`` folder.

    ``python -m build --no-isolation``, offline, with the standard build tool the suite has installed.
    """
    source = checkout_copy(work / "source", tests=False)
    built = run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "dist"), str(source)], work, env)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return work / "dist"


#: Variables a run of this suite sets that must not reach a user's commands run by a test.
_LEAKS = ("PYTHONPATH", "PYTHONHOME", "CDKTF_USERPOOL_BACKEND", "VIRTUAL_ENV", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")


def clean_env(bin_dir: Path | None = None) -> dict[str, str]:
    """This process's environment without what the suite's own ``make test`` or virtualenv set.

    :param bin_dir: a folder put first on ``PATH`` (see :func:`base_python`). Default: ``PATH`` as it is.
    """
    env = {k: v for k, v in os.environ.items() if k not in _LEAKS}
    if bin_dir is not None:
        env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    return env


def base_python(bin_dir: Path) -> Path:
    """``bin_dir`` with ``python`` and ``python3``: the interpreter the suite's virtualenv was made from, not the virtualenv.

    A virtualenv made with it sees none of the suite's packages, as a user's first virtualenv.
    """
    bin_dir.mkdir(parents=True, exist_ok=True)
    base = Path(getattr(sys, "_base_executable", sys.executable))
    for name in ("python", "python3"):
        (bin_dir / name).symlink_to(base)
    return bin_dir


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
