"""Third-party dependencies of a Lambda package: pinned as a whole closure, installed for Lambda, cached.

:func:`pin` turns the requirements a function needs (detected from its imports, pinned to what is
installed, plus the explicit ``requirements=``) into the exact list of distributions to ship:

- every distribution of the dependency closure is pinned to the version installed here, with
  markers evaluated for the function's runtime and architecture (see ``_closure.py``), so the
  package holds what the app's tests ran with, on any machine with the same installed versions;
- explicit requirements that what is installed does not satisfy are resolved by pip for the
  target, with the installed versions as constraints when they fit; the result is cached;
- with a lock file (``requirements_lock=``) the versions come from the file instead;
- boto3, botocore, s3transfer and jmespath are left out when they arrive indirectly (the Lambda
  runtime has them), unless listed explicitly.

:func:`install` then runs ``pip install --no-deps`` on exactly that list, as binary wheels for the
platform, into a cache folder keyed by the list, runtime and architecture: a second synth with the
same key does no pip work at all.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from .._core.cache import DEPENDENCIES, INFO, LAST_USED, RESOLUTIONS, touch
from ..errors import DependencyError
from ._closure import Closure, Dist, DistSource, Installed, Root, target_environment, walk
from ._paths import display_path
from ._pip import PipRunner, failure, is_conflict, platforms, report, run_pip, target_args

__all__ = [
    "Pinned",
    "PipRunner",
    "cache_key",
    "install",
    "pin",
    "platforms",
    "read_lock",
    "run_pip",
]

_COMPLETE = ".cdktf-userpool-complete"
_ROUNDS = 4  # pip resolutions per pin: each may reveal dependencies only the target's markers need
# files that differ between installs of the same wheels, or are useless in Lambda
_DROP_DIRS = {"__pycache__"}
_DROP_TOP_DIRS = {"bin"}  # console scripts, whose shebangs name the synth machine's interpreter
_DROP_TOP_FILES = {_COMPLETE, INFO, LAST_USED}
_DROP_FILES = ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")
_COMMENT = re.compile(r"(^|\s)#.*$")
_HASH_OPTION = re.compile(r"\s--hash[=\s]\S+")
_CONSTRAINT_CONFLICT = re.compile(r"The user requested \(constraint\) ([A-Za-z0-9][A-Za-z0-9._-]*)==")


@dataclass(frozen=True)
class Pinned:
    """The distributions a package ships.

    :ivar requirements: what pip installs, one exact pin per distribution (``name==version``, or
        ``name @ url`` for a direct URL requirement), sorted by name.
    :ivar versions: ``name==version`` of each, in the same order (for review).
    :ivar skipped: runtime-provided distributions left out although something needs them, sorted.
    :ivar layered: distributions the function's layers provide that something needs (left out), sorted.
    """

    requirements: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    layered: tuple[str, ...] = ()

    @classmethod
    def of(cls, closure: Closure, provided: frozenset[str] = frozenset(), layered: frozenset[str] = frozenset()) -> Pinned:
        """The pins of everything ``closure`` reached; ``layered`` adds roots left to layers before the walk."""
        names = sorted(closure.dists)
        return cls(
            tuple(closure.dists[n].pin for n in names),
            tuple(f"{n}=={closure.dists[n].version}" for n in names),
            tuple(sorted(n for n in closure.skipped if n not in provided)),
            tuple(sorted(layered | {n for n in closure.skipped if n in provided})),
        )


def pin(
    detected: Sequence[str],
    explicit: Sequence[str],
    *,
    runtime: str,
    architecture: str,
    cache_dir: Path,
    lock: Path | None = None,
    installed: DistSource | None = None,
    pip: PipRunner = run_pip,
    provided: frozenset[str] = frozenset(),
) -> Pinned:
    """Pin the whole dependency closure of ``detected`` and ``explicit`` (see the module docstring).

    :param detected: ``name==version`` of the installed distributions the handler imports.
    :param explicit: the function's ``requirements=``; they override detected ones of the same name.
    :param runtime: the Lambda runtime, like ``"python3.13"``.
    :param architecture: ``"arm64"`` or ``"x86_64"``.
    :param cache_dir: the cache folder (pip resolutions are kept under ``resolutions/``).
    :param lock: a pip-freeze style file that pins every distribution instead. Default: none.
    :param installed: what is installed here. Default: the distributions on ``sys.path``.
    :param pip: runs pip. Default: this interpreter's pip.
    :param provided: canonical names of distributions the function's layers provide: neither they
        nor what only they need are pinned (``explicit`` must not name them). Default: none.
    :raises DependencyError: if a requirement is not valid, cannot be resolved for the target,
        or is not pinned by ``lock``.
    """
    every = _roots(detected, explicit, by_name=lock is not None)
    layered = frozenset(root.name for root in every if root.name in provided)
    roots = [root for root in every if root.name not in provided]
    if not roots:
        return Pinned(layered=tuple(sorted(layered)))
    environment = target_environment(runtime, architecture)
    source = installed if installed is not None else _installed(tuple(sys.path))
    if lock is not None:
        return _from_lock(roots, lock, source, environment, runtime, architecture, cache_dir, pip, provided, layered)
    closure = walk(roots, source, environment, provided=provided)
    if not closure.unresolved:
        return Pinned.of(closure, provided, layered)
    return _from_pip(roots, closure, source, environment, runtime, architecture, cache_dir, pip, provided, layered)


@functools.lru_cache(maxsize=4)
def _installed(path: tuple[str, ...]) -> Installed:
    return Installed(list(path))


def _roots(detected: Sequence[str], explicit: Sequence[str], *, by_name: bool) -> list[Root]:
    roots: dict[str, Root] = {}
    for text, is_explicit in [*((t, False) for t in detected), *((t, True) for t in explicit)]:
        try:
            requirement = Requirement(text.strip())
        except InvalidRequirement as exc:
            raise DependencyError(
                f"{text!r} is not a valid requirement ({exc}). Write it as pip takes it, like 'requests==2.32.3'.",
                requirement=text,
            ) from exc
        if by_name and not is_explicit:  # a lock file decides the version, not what is installed
            requirement = Requirement(requirement.name)
        roots[canonicalize_name(requirement.name)] = Root(requirement, is_explicit)
    return [roots[name] for name in sorted(roots)]


def _from_pip(
    roots: list[Root],
    closure: Closure,
    installed: DistSource,
    environment: Mapping[str, str],
    runtime: str,
    architecture: str,
    cache_dir: Path,
    pip: PipRunner,
    provided: frozenset[str] = frozenset(),
    layered: frozenset[str] = frozenset(),
) -> Pinned:
    wanted = [str(root.requirement) for root in roots]
    unsatisfied = {canonicalize_name(r.name) for r, needed_by in closure.unresolved if needed_by == "requirements="}
    versions = installed.versions() if isinstance(installed, Installed) else {}
    constraints = [f"{name}=={version}" for name, version in versions.items() if name not in unsatisfied]
    extra: dict[str, object] = {"constraints": constraints}
    if provided or layered:  # only then, so that existing cache entries keep their keys
        extra["provided"] = sorted(provided | layered)
    key = cache_key(wanted, runtime, architecture, extra=extra)
    cached = _load(cache_dir, key)
    if cached is not None:
        return cached
    requests = list(wanted)
    for _ in range(_ROUNDS):
        found = report(requests, constraints=constraints, runtime=runtime, architecture=architecture, pip=pip)
        while not isinstance(found, dict) and constraints and is_conflict(found):
            # some installed versions do not fit what was asked: let pip choose those (all, if it names none)
            named = {canonicalize_name(n) for n in _CONSTRAINT_CONFLICT.findall(found.stderr or "")}
            kept = [c for c in constraints if canonicalize_name(c.partition("==")[0]) not in named] if named else []
            constraints = kept if len(kept) < len(constraints) else []
            found = report(requests, constraints=constraints, runtime=runtime, architecture=architecture, pip=pip)
        if not isinstance(found, dict):
            raise failure(found, requests, runtime=runtime, architecture=architecture, pip=pip)
        closure = walk(roots, found, environment, provided=provided)
        more = sorted({_without_marker(r) for r, _ in closure.unresolved} - set(requests))
        if not closure.unresolved or not more:
            break
        requests += more  # needed only under the target's markers, which pip did not evaluate
    if closure.unresolved:
        requirement, needed_by = closure.unresolved[0]
        raise DependencyError(
            f"pip could not resolve {str(requirement)!r} (needed by {needed_by}) for {runtime} on {architecture}. "
            "Pin the whole closure in a file with requirements_lock=.",
            requirement=str(requirement),
        )
    pinned = Pinned.of(closure, provided, layered)
    _save(cache_dir, key, pinned, runtime, architecture)
    return pinned


def _without_marker(requirement: Requirement) -> str:
    copy = Requirement(str(requirement))
    copy.marker = None
    return str(copy)


def read_lock(path: Path, environment: Mapping[str, str]) -> dict[str, Requirement]:
    """The pins of a pip-freeze style lock file whose markers hold in ``environment``.

    One requirement per line, ``name==version`` (or ``name @ url``); ``#`` comments, ``\\``
    continuations and ``--hash`` options (pip-compile's output) are allowed; option lines such as
    ``-e`` or ``--index-url`` are ignored (editable projects cannot be shipped as wheels).

    :returns: canonical name -> its pin (markers removed).
    :raises DependencyError: for a line that is not an exact pin, or a name pinned twice.
    """
    shown = display_path(str(path))
    entries: dict[str, Requirement] = {}
    lines = path.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    for lineno, raw in enumerate(lines, 1):
        line = _HASH_OPTION.sub("", _COMMENT.sub("", raw)).strip()
        if not line or line.startswith("-"):
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement as exc:
            raise DependencyError(
                f"requirements_lock {shown}:{lineno}: {line!r} is not a requirement ({exc}). A lock lists one "
                "'name==version' per line, as `pip freeze` writes them.",
                requirement=line,
            ) from exc
        exact = [s for s in requirement.specifier if s.operator in ("==", "===") and "*" not in s.version]
        if requirement.url is None and (len(exact) != 1 or len(requirement.specifier) != 1):
            raise DependencyError(
                f"requirements_lock {shown}:{lineno}: {line!r} does not pin one exact version. A lock lists "
                "'name==version' per line, as `pip freeze` writes them.",
                requirement=line,
            )
        if requirement.marker is not None and not requirement.marker.evaluate({**environment, "extra": ""}):
            continue
        requirement.marker = None
        name = canonicalize_name(requirement.name)
        if name in entries and str(entries[name]) != str(requirement):
            raise DependencyError(
                f"requirements_lock {shown}:{lineno}: {name} is pinned twice ({entries[name]} and {requirement}). "
                "Keep one.",
                requirement=str(requirement),
            )
        entries[name] = requirement
    return entries


class _LockSource:
    """Versions from a lock file; metadata from the installed copy when it has that version, else from pip."""

    def __init__(self, entries: Mapping[str, Requirement], installed: DistSource, known: Mapping[str, Dist]) -> None:
        self.entries, self.installed, self.known = entries, installed, known
        self.wanted: set[str] = set()

    def get(self, name: str) -> Dist | None:
        requirement = self.entries.get(name)
        if requirement is None:
            return None
        version = next((s.version for s in requirement.specifier), None)
        pin = _lock_pin(name, requirement)
        here = self.installed.get(name)
        if here is not None and version is not None and _same_version(here.version, version):
            return Dist(name, version, here.requires, pin)
        if name in self.known:
            return Dist(name, self.known[name].version, self.known[name].requires, pin)
        self.wanted.add(name)
        return Dist(name, version or "0", (), pin)  # its dependencies are read in the next round


def _lock_pin(name: str, requirement: Requirement) -> str:
    if requirement.url:
        return f"{name} @ {requirement.url}"
    return f"{name}=={next(s.version for s in requirement.specifier)}"


def _same_version(a: str, b: str) -> bool:
    try:
        return Version(a) == Version(b)
    except InvalidVersion:
        return a == b


def _from_lock(
    roots: list[Root],
    lock: Path,
    installed: DistSource,
    environment: Mapping[str, str],
    runtime: str,
    architecture: str,
    cache_dir: Path,
    pip: PipRunner,
    provided: frozenset[str] = frozenset(),
    layered: frozenset[str] = frozenset(),
) -> Pinned:
    entries = read_lock(lock, environment)
    known: dict[str, Dist] = {}
    while True:
        source = _LockSource(entries, installed, known)
        closure = walk(roots, source, environment, provided=provided)
        wanted = sorted(source.wanted - set(known))
        if not wanted:
            break
        known.update(_metadata([_lock_pin(name, entries[name]) for name in wanted], runtime, architecture, cache_dir, pip))
        if not set(wanted) <= set(known):
            missing = min(set(wanted) - set(known))
            raise DependencyError(
                f"pip did not report {entries[missing]} (from requirements_lock) for {runtime} on {architecture}. "
                "Check the lock file.",
                requirement=str(entries[missing]),
            )
    shown = display_path(str(lock))
    for requirement, needed_by in closure.unresolved:
        name = canonicalize_name(requirement.name)
        if name in entries:
            raise DependencyError(
                f"requirements= asks for {str(requirement)!r}, but requirements_lock {shown} pins {entries[name]}. "
                "Change one of the two.",
                requirement=str(requirement),
            )
        raise DependencyError(
            f"requirements_lock {shown} does not pin {name} (needed by {needed_by}). Add it to the file "
            "(`pip freeze` lists what is installed).",
            requirement=str(requirement),
        )
    return Pinned.of(closure, provided, layered)


def _metadata(pins: list[str], runtime: str, architecture: str, cache_dir: Path, pip: PipRunner) -> dict[str, Dist]:
    key = cache_key(pins, runtime, architecture, extra={"metadata": True})
    folder = cache_dir / RESOLUTIONS / key
    if (folder / INFO).is_file():
        data = json.loads((folder / INFO).read_text())
        touch(folder)
        return {d["name"]: Dist(d["name"], d["version"], tuple(d["requires"]), d["pin"]) for d in data["metadata"]}
    found = report(pins, runtime=runtime, architecture=architecture, pip=pip, no_deps=True)
    if not isinstance(found, dict):
        raise failure(found, pins, runtime=runtime, architecture=architecture, pip=pip)
    info = {
        "requirements": pins,
        "runtime": runtime,
        "architecture": architecture,
        "metadata": [{"name": d.name, "version": d.version, "requires": list(d.requires), "pin": d.pin} for d in found.values()],
    }
    _write_entry(folder, info)
    return found


def _load(cache_dir: Path, key: str) -> Pinned | None:
    folder = cache_dir / RESOLUTIONS / key
    try:
        data = json.loads((folder / INFO).read_text())
    except (OSError, ValueError):
        return None
    touch(folder)
    return Pinned(tuple(data["pins"]), tuple(data["requirements"]), tuple(data["skipped"]), tuple(data.get("layered", ())))


def _save(cache_dir: Path, key: str, pinned: Pinned, runtime: str, architecture: str) -> None:
    info = {
        "requirements": list(pinned.versions),
        "pins": list(pinned.requirements),
        "skipped": list(pinned.skipped),
        "layered": list(pinned.layered),
        "runtime": runtime,
        "architecture": architecture,
    }
    _write_entry(cache_dir / RESOLUTIONS / key, info)


def _write_entry(folder: Path, info: Mapping[str, object]) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=folder.parent))
    try:
        (staging / INFO).write_text(json.dumps(info, indent=1, sort_keys=True) + "\n")
        touch(staging)
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def cache_key(
    requirements: Sequence[str], runtime: str, architecture: str, *, extra: Mapping[str, object] | None = None
) -> str:
    """The cache folder name for a requirement set on a platform."""
    payload = {"requirements": sorted(requirements), "runtime": runtime, "architecture": architecture, **(extra or {})}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


def install(
    requirements: Sequence[str],
    *,
    runtime: str,
    architecture: str,
    cache_dir: Path,
    pip: PipRunner = run_pip,
) -> dict[str, bytes]:
    """Install exactly ``requirements`` (no dependencies of their own) for Lambda, or take them from the cache.

    :param requirements: exact pins, as :func:`pin` gives them.
    :param runtime: the Lambda runtime, like ``"python3.13"``.
    :param architecture: ``"arm64"`` or ``"x86_64"``.
    :param cache_dir: the cache folder; installed sets are kept under ``dependencies/``, one folder
        per :func:`cache_key`.
    :param pip: runs pip. Default: this interpreter's pip.
    :returns: archive path -> bytes, sorted by path.
    :raises DependencyError: if pip fails, saying whether a version does not exist or has no
        wheel for the platform.
    """
    if not requirements:
        return {}
    folder = cache_dir / DEPENDENCIES / cache_key(requirements, runtime, architecture)
    if not (folder / _COMPLETE).is_file():
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=folder.parent))
        try:
            args = ["install", "--quiet", "--no-compile", "--no-deps", "--target", str(staging)]
            result = pip([*args, *target_args(runtime, architecture), *requirements])
            if result.returncode != 0:
                raise failure(result, requirements, runtime=runtime, architecture=architecture, pip=pip)
            info = {"requirements": sorted(requirements), "runtime": runtime, "architecture": architecture}
            (staging / INFO).write_text(json.dumps(info, indent=1, sort_keys=True) + "\n")
            (staging / _COMPLETE).write_text("\n".join(requirements) + "\n")
            if folder.exists():  # a concurrent synth finished first, or an incomplete leftover
                shutil.rmtree(folder)
            os.replace(staging, folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    touch(folder)
    return _read_tree(folder)


def _read_tree(folder: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for root, dirs, names in os.walk(folder):
        top = Path(root) == folder
        dirs[:] = sorted(d for d in dirs if d not in _DROP_DIRS and not (top and d in _DROP_TOP_DIRS))
        for name in sorted(names):
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            if (top and name in _DROP_TOP_FILES) or name.endswith(".pyc"):
                continue
            if ".dist-info/" in relative and name in _DROP_FILES:
                continue
            files[relative] = path.read_bytes()
    return dict(sorted(files.items()))
