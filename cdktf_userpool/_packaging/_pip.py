"""Running pip for Lambda's platform, reading its resolution reports, and explaining its failures.

pip is always asked for binary wheels of the function's runtime and architecture (Lambda cannot
build from source). Its dry-run report gives the metadata of what it would install, which the
closure walk then re-reads with the target's markers: pip evaluates markers for the interpreter
that runs it, not for ``--python-version``/``--platform`` (pypa/pip#11664).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from ..errors import DependencyError
from ._closure import Dist

__all__ = ["PIP_TIMEOUT", "PipRunner", "failure", "platforms", "report", "run_pip", "target_args"]

PipRunner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]
"""Runs ``pip`` with the given arguments (a seam for tests); returns the finished process."""

PIP_TIMEOUT = 900
"""Seconds a pip command may take before it is stopped."""
# Lambda's Python 3.12+ runtimes run on Amazon Linux 2023 (glibc 2.34); 3.11 on Amazon Linux 2 (glibc 2.26).
_AL2023 = ("manylinux2014", "manylinux_2_28", "manylinux_2_34")
_AL2 = ("manylinux2014",)
_MACHINE = {"arm64": "aarch64", "x86_64": "x86_64"}
_NO_VERSION = re.compile(r"Could not find a version that satisfies the requirement (.+?) \(from versions: ([^)]*)\)")
_NO_MATCH = re.compile(r"No matching distribution found for (\S+)")
_AVAILABLE = re.compile(r"^Available versions: (.*)$", re.MULTILINE)
_NETWORK = re.compile(r"Could not fetch URL|NewConnectionError|Max retries exceeded|timed out|ConnectionError|SSLError")
_SHOWN_VERSIONS = 10


def run_pip(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run this interpreter's pip with ``args``, stopped after :data:`PIP_TIMEOUT` seconds."""
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pip", *args]
    try:
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=PIP_TIMEOUT)
    except subprocess.TimeoutExpired:
        message = f"ERROR: pip did not finish within {PIP_TIMEOUT} s; check the network and the package index settings."
        return subprocess.CompletedProcess(command, 124, "", message)


def platforms(runtime: str, architecture: str) -> tuple[str, ...]:
    """pip ``--platform`` tags whose wheels run on ``runtime`` and ``architecture``."""
    families = _AL2 if runtime == "python3.11" else _AL2023
    return tuple(f"{family}_{_MACHINE[architecture]}" for family in families)


def target_args(runtime: str, architecture: str) -> list[str]:
    """pip options that select binary wheels for the Lambda ``runtime`` on ``architecture``."""
    args = ["--only-binary=:all:", "--implementation", "cp", "--python-version", runtime.removeprefix("python")]
    for tag in platforms(runtime, architecture):
        args += ["--platform", tag]
    return args


def report(
    requirements: Sequence[str],
    *,
    constraints: Sequence[str] = (),
    runtime: str,
    architecture: str,
    pip: PipRunner,
    no_deps: bool = False,
) -> dict[str, Dist] | subprocess.CompletedProcess[str]:
    """What pip would install for ``requirements`` on the target, without installing anything.

    :param requirements: pip requirement strings.
    :param constraints: ``name==version`` lines pip must respect when it needs those names. Default: none.
    :param no_deps: resolve only ``requirements`` themselves (to read their metadata). Default: ``False``.
    :returns: canonical name -> distribution (its pin is ``name @ url`` for direct URL
        requirements), or the finished pip process when pip failed.
    """
    with tempfile.TemporaryDirectory(prefix="cdktf-userpool-resolve-") as work:
        out = Path(work) / "report.json"
        args = ["install", "--dry-run", "--ignore-installed", "--quiet", "--report", str(out)]
        args += ["--target", str(Path(work) / "target"), *target_args(runtime, architecture)]
        if no_deps:
            args.append("--no-deps")
        if constraints:
            (Path(work) / "constraints.txt").write_text("".join(f"{line}\n" for line in constraints))
            args += ["--constraint", str(Path(work) / "constraints.txt")]
        result = pip([*args, *requirements])
        if result.returncode != 0:
            return result
        items = json.loads(out.read_text()).get("install", [])
    found: dict[str, Dist] = {}
    for item in items:
        metadata = item.get("metadata", {})
        name, version = metadata["name"], metadata["version"]
        url = (item.get("download_info") or {}).get("url", "")
        pin = f"{canonicalize_name(name)} @ {url}" if item.get("is_direct") and url else ""
        found[canonicalize_name(name)] = Dist(name, version, tuple(metadata.get("requires_dist") or ()), pin)
    return found


def is_conflict(result: subprocess.CompletedProcess[str]) -> bool:
    """Whether pip failed because the requirements (or constraints) cannot all hold at once."""
    text = result.stderr or ""
    return "ResolutionImpossible" in text or "conflicting dependencies" in text


def failure(
    result: subprocess.CompletedProcess[str], requirements: Sequence[str], *, runtime: str, architecture: str, pip: PipRunner
) -> DependencyError:
    """The error for a failed pip run, saying which requirement failed and why.

    A version that does not exist (asked of the index without platform restrictions) is told
    apart from one that exists but has no wheel for the platform.
    """
    stderr = result.stderr or ""
    platform = f"{runtime} on {architecture} ({', '.join(platforms(runtime, architecture))})"
    said = f"pip said: {_last_line(stderr)}"
    match = _NO_VERSION.search(stderr) or _NO_MATCH.search(stderr)
    if match is None:
        if is_conflict(result):
            return DependencyError(
                f"pip found no versions of {', '.join(requirements)} that fit together for {platform}. Loosen or "
                f"change the conflicting requirements. {said}",
                requirement=", ".join(requirements),
            )
        return DependencyError(
            f"pip could not install {', '.join(requirements)} for {platform}. Check the requirement strings and your "
            f"package index. {said}",
            requirement=", ".join(requirements),
        )
    text = match.group(1)
    with_wheels = [v.strip() for v in match.group(2).split(",") if v.strip() and v.strip() != "none"] if match.re is _NO_VERSION else []
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        requirement = None
    name = canonicalize_name(requirement.name) if requirement else text
    available = _index_versions(name, pip)
    if available == ():
        return DependencyError(
            f"{name!r} does not exist on the package index (pip finds no release of it). Check the name in "
            "requirements= (the distribution's name on PyPI, which may differ from its import name) and your index "
            f"settings. {said}",
            requirement=text,
        )
    if available is None:  # the index could not be asked: say only what is certain
        shown = ", ".join(sorted(with_wheels, key=_version_key, reverse=True)[:_SHOWN_VERSIONS]) or "none"
        return DependencyError(
            f"{text!r} is not available as a wheel for {platform}; versions with such a wheel: {shown}. Pin one of "
            f"those, pick another architecture, or replace the dependency. {said}",
            requirement=text,
            available=with_wheels,
        )
    more = len(available) - _SHOWN_VERSIONS
    shown = ", ".join(available[:_SHOWN_VERSIONS]) + (f" and {more} older" if more > 0 else "")
    if requirement is not None and not any(requirement.specifier.contains(v, prereleases=True) for v in available):
        pinned = [s.version for s in requirement.specifier if s.operator in ("==", "===")]
        what = f"version {pinned[0]} of {name} does not exist" if len(pinned) == 1 else f"no version of {name} matches {requirement.specifier}"
        return DependencyError(
            f"{what}; available: {shown}. Pick one of those in requirements= (or requirements_lock).",
            requirement=text,
            available=available,
        )
    return DependencyError(
        f"Requirement {text!r} has no wheel for {platform}; Lambda cannot build packages from source. Pin a version "
        f"that publishes such a wheel, pick another architecture, or replace the dependency. {said}",
        requirement=text,
        available=available,
    )


def _index_versions(name: str, pip: PipRunner) -> tuple[str, ...] | None:
    """Every version of ``name`` on the index, newest first; ``()`` when it has no such project; ``None`` if unknown."""
    result = pip(["index", "versions", name, "--pre"])
    if result.returncode == 0:
        found = _AVAILABLE.search(result.stdout or "")
        if found:
            return tuple(v.strip() for v in found.group(1).split(",") if v.strip())
        return None
    stderr = result.stderr or ""
    if _NO_MATCH.search(stderr) and not _NETWORK.search(stderr):
        return ()
    return None


def _version_key(text: str) -> tuple[int, Version | str]:
    try:
        return (1, Version(text))
    except InvalidVersion:
        return (0, text)


def _last_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip() and not line.startswith("WARNING:")]
    return lines[-1] if lines else "(no output)"
