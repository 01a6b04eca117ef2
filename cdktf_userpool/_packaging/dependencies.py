"""Third-party dependencies of a Lambda package, installed for Lambda's platform and cached on disk.

Requirements are installed with pip for the function's runtime and architecture (binary wheels
only, never the synth machine's own builds), into a cache folder keyed by the requirement set,
platform and runtime. A second synth with the same key does no pip work at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..errors import PackagingError

PipRunner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]
"""Runs ``pip`` with the given arguments (a seam for tests); returns the finished process."""

_COMPLETE = ".cdktf-userpool-complete"
# Lambda's Python 3.12+ runtimes run on Amazon Linux 2023 (glibc 2.34); 3.11 on Amazon Linux 2 (glibc 2.26).
_AL2023 = ("manylinux2014", "manylinux_2_28", "manylinux_2_34")
_AL2 = ("manylinux2014",)
_MACHINE = {"arm64": "aarch64", "x86_64": "x86_64"}
_NOT_FOUND = re.compile(r"(?:No matching distribution found for|Could not find a version that satisfies the requirement) ([^\s(]+)")
# files that differ between installs of the same wheels, or are useless in Lambda
_DROP_DIRS = {"__pycache__"}
_DROP_TOP_DIRS = {"bin"}  # console scripts, whose shebangs name the synth machine's interpreter
_DROP_FILES = ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")


def run_pip(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run this interpreter's pip with ``args``."""
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, env=env, check=False)


def normalize_name(requirement: str) -> str:
    """The distribution name of a requirement string, normalized as in PEP 503."""
    name = re.split(r"[\s\[<>=!~;@]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def merge_requirements(detected: Iterable[str], explicit: Iterable[str]) -> tuple[str, ...]:
    """Detected requirements, overridden by explicit ones for the same distribution; sorted by name."""
    merged = {normalize_name(r): r.strip() for r in detected}
    merged.update({normalize_name(r): r.strip() for r in explicit})
    return tuple(merged[name] for name in sorted(merged))


def platforms(runtime: str, architecture: str) -> tuple[str, ...]:
    """pip ``--platform`` tags whose wheels run on ``runtime`` and ``architecture``."""
    families = _AL2 if runtime == "python3.11" else _AL2023
    return tuple(f"{family}_{_MACHINE[architecture]}" for family in families)


def cache_key(requirements: Sequence[str], runtime: str, architecture: str) -> str:
    """The cache folder name for a requirement set on a platform."""
    payload = json.dumps({"requirements": sorted(requirements), "runtime": runtime, "architecture": architecture})
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def install(
    requirements: Sequence[str],
    *,
    runtime: str,
    architecture: str,
    cache_dir: Path,
    pip: PipRunner = run_pip,
) -> dict[str, bytes]:
    """Install ``requirements`` for Lambda, or take them from the cache; return the files to ship.

    :param requirements: pip requirement strings.
    :param runtime: the Lambda runtime, like ``"python3.13"``.
    :param architecture: ``"arm64"`` or ``"x86_64"``.
    :param cache_dir: where installed sets are kept, one folder per :func:`cache_key`.
    :param pip: runs pip. Default: this interpreter's pip.
    :returns: archive path -> bytes, sorted by path.
    :raises PackagingError: if pip fails, for example when a requirement has no wheel for the platform.
    """
    if not requirements:
        return {}
    folder = cache_dir / "dependencies" / cache_key(requirements, runtime, architecture)
    if not (folder / _COMPLETE).is_file():
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=folder.parent))
        try:
            _pip_install(requirements, runtime, architecture, staging, pip)
            (staging / _COMPLETE).write_text("\n".join(requirements) + "\n")
            if folder.exists():  # a concurrent synth finished first, or an incomplete leftover
                shutil.rmtree(folder)
            os.replace(staging, folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return _read_tree(folder)


def _pip_install(requirements: Sequence[str], runtime: str, architecture: str, target: Path, pip: PipRunner) -> None:
    args = ["install", "--quiet", "--no-compile", "--only-binary=:all:", "--implementation", "cp"]
    args += ["--python-version", runtime.removeprefix("python"), "--target", str(target)]
    for tag in platforms(runtime, architecture):
        args += ["--platform", tag]
    result = pip([*args, *requirements])
    if result.returncode == 0:
        return
    missing = _NOT_FOUND.search(result.stderr or "")
    platform = f"{runtime} on {architecture} ({', '.join(platforms(runtime, architecture))})"
    if missing:
        raise PackagingError(
            f"Requirement {missing.group(1)!r} has no wheel for {platform}; Lambda cannot build packages from "
            "source. Pin a version that publishes such a wheel, pick another architecture, or replace the "
            f"dependency. pip said: {_last_line(result.stderr)}"
        )
    raise PackagingError(
        f"pip could not install {', '.join(requirements)} for {platform}: {_last_line(result.stderr)} "
        "Check the requirement strings and your package index."
    )


def _last_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def _read_tree(folder: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for root, dirs, names in os.walk(folder):
        top = Path(root) == folder
        dirs[:] = sorted(d for d in dirs if d not in _DROP_DIRS and not (top and d in _DROP_TOP_DIRS))
        for name in sorted(names):
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            if name == _COMPLETE or name.endswith(".pyc") or (".dist-info/" in relative and name in _DROP_FILES):
                continue
            files[relative] = path.read_bytes()
    return dict(sorted(files.items()))

