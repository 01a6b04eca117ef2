"""The dependency closure of a function's requirements, evaluated for the Lambda it will run in.

Given root requirements and a source of distribution metadata (what is installed here, what pip
resolved, or a lock file), :func:`walk` follows ``Requires-Dist`` with environment markers evaluated
for the *target* (the function's Python version, Linux, its architecture, CPython), propagating
extras, and returns every distribution reached with the version the source has. The distributions
the Lambda runtime provides (boto3, botocore, s3transfer, jmespath) are not followed when they
arrive indirectly, so neither are the dependencies only they pull in; listed explicitly, they are
followed like any other.

This module decides *what* to pin; fetching and installing is ``dependencies.py``'s job.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from packaging.markers import Marker, default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

__all__ = [
    "RUNTIME_DISTRIBUTIONS",
    "Closure",
    "Dist",
    "DistSource",
    "Installed",
    "InvalidRequirement",
    "Root",
    "parse_requirement",
    "target_environment",
    "walk",
]

RUNTIME_DISTRIBUTIONS = frozenset({"boto3", "botocore", "s3transfer", "jmespath"})
"""Distributions every Lambda Python runtime provides (canonical names)."""
_MACHINE = {"arm64": "aarch64", "x86_64": "x86_64"}


def parse_requirement(text: str) -> Requirement:
    """Parse a PEP 508 requirement string.

    :raises InvalidRequirement: if ``text`` is not one.
    """
    return Requirement(text.strip())


def target_environment(runtime: str, architecture: str) -> dict[str, str]:
    """Marker variables of the Lambda ``runtime`` (``"python3.13"``) on ``architecture``.

    The patch version is unknown (Lambda updates it), so ``python_full_version`` is ``X.Y.0``.
    """
    version = runtime.removeprefix("python")
    env: dict[str, str] = {key: str(value) for key, value in default_environment().items()}
    env.update(
        implementation_name="cpython",
        implementation_version=f"{version}.0",
        os_name="posix",
        platform_machine=_MACHINE[architecture],
        platform_python_implementation="CPython",
        platform_release="",
        platform_system="Linux",
        platform_version="",
        python_full_version=f"{version}.0",
        python_version=version,
        sys_platform="linux",
    )
    return env


@dataclass(frozen=True)
class Dist:
    """One distribution as a metadata source knows it.

    :ivar name: its canonical name (PEP 503).
    :ivar version: its version.
    :ivar requires: its ``Requires-Dist`` entries.
    :ivar pin: the requirement that installs exactly it. Default: ``name==version``.
    """

    name: str
    version: str
    requires: tuple[str, ...] = ()
    pin: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", canonicalize_name(self.name))
        if not self.pin:
            object.__setattr__(self, "pin", f"{self.name}=={self.version}")


class DistSource(Protocol):
    """Where distribution metadata comes from."""

    def get(self, name: str) -> Dist | None:
        """The distribution called ``name`` (canonical), or ``None`` when the source has none."""


class Installed:
    """The distributions installed on ``path`` (default: ``sys.path``), first one found per name."""

    def __init__(self, path: Sequence[str] | None = None) -> None:
        self._path = list(path) if path is not None else None
        self._index: dict[str, importlib.metadata.Distribution] | None = None

    def _dists(self) -> dict[str, importlib.metadata.Distribution]:
        if self._index is None:
            index: dict[str, importlib.metadata.Distribution] = {}
            found = importlib.metadata.distributions() if self._path is None else importlib.metadata.distributions(path=self._path)
            for dist in found:
                name = dist.metadata["Name"]
                if name:
                    index.setdefault(canonicalize_name(name), dist)
            self._index = index
        return self._index

    def get(self, name: str) -> Dist | None:
        """See :class:`DistSource`."""
        dist = self._dists().get(canonicalize_name(name))
        if dist is None:
            return None
        return Dist(dist.metadata["Name"], dist.version, tuple(dist.requires or ()))

    def versions(self) -> dict[str, str]:
        """Canonical name -> installed version, for every distribution."""
        return {name: dist.version for name, dist in sorted(self._dists().items())}


@dataclass(frozen=True)
class Root:
    """A requirement the function asked for.

    :ivar requirement: the parsed requirement.
    :ivar explicit: given in ``requirements=`` (else detected from an import, pinned to what is installed).
    """

    requirement: Requirement
    explicit: bool

    @property
    def name(self) -> str:
        """The canonical distribution name."""
        return canonicalize_name(self.requirement.name)


@dataclass
class Closure:
    """What :func:`walk` found.

    :ivar dists: canonical name -> distribution, for every distribution to ship.
    :ivar extras: canonical name -> extras requested of it.
    :ivar unresolved: requirements the source cannot satisfy, each with who needs it
        (``"requirements="`` or ``"an import"`` for roots, else the requiring distribution's pin).
    :ivar skipped: runtime-provided distributions left out, each with who needed it.
    """

    dists: dict[str, Dist] = field(default_factory=dict)
    extras: dict[str, set[str]] = field(default_factory=dict)
    unresolved: list[tuple[Requirement, str]] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def pins(self) -> tuple[str, ...]:
        """The pins of every distribution, sorted by name."""
        return tuple(self.dists[name].pin for name in sorted(self.dists))


def satisfies(dist: Dist, requirement: Requirement) -> bool:
    """Whether ``dist`` is what ``requirement`` asks for (a URL requirement never is: pip must fetch it)."""
    return requirement.url is None and requirement.specifier.contains(dist.version, prereleases=True)


def walk(
    roots: Iterable[Root], source: DistSource, environment: Mapping[str, str], *, provided: frozenset[str] = frozenset()
) -> Closure:
    """Every distribution ``roots`` need in ``environment``, with versions from ``source``.

    A root whose marker is false in ``environment`` is dropped. An explicit root the source cannot
    satisfy (absent, or a version outside its specifier) is unresolved; an indirect dependency is
    taken at the source's version when the source has it (that is what was tested), else unresolved.

    :param roots: the requirements asked for.
    :param source: distribution metadata.
    :param environment: marker variables of the target (see :func:`target_environment`).
    :param provided: canonical names of distributions the function's layers provide: like the
        runtime's, they are not followed when they arrive indirectly. Default: none.
    """
    roots = [root for root in roots if _applies(root.requirement.marker, environment, {""})]
    runtime_roots = [root for root in roots if root.explicit and root.name in RUNTIME_DISTRIBUTIONS]
    # an explicit boto3 brings its whole closure, botocore and s3transfer included
    allowed = set(_walk(runtime_roots, source, environment, frozenset()).dists) if runtime_roots else set()
    return _walk(roots, source, environment, (RUNTIME_DISTRIBUTIONS - allowed) | provided)


def _walk(roots: Sequence[Root], source: DistSource, environment: Mapping[str, str], excluded: frozenset[str]) -> Closure:
    closure = Closure()
    queue = [(root.requirement, "requirements=" if root.explicit else "an import", root.explicit) for root in roots]
    while queue:
        requirement, needed_by, explicit = queue.pop(0)
        name = canonicalize_name(requirement.name)
        if name in excluded and not explicit:
            closure.skipped.setdefault(name, needed_by)
            continue
        extras: set[str] = {canonicalize_name(extra) for extra in requirement.extras}
        dist = closure.dists.get(name)
        if dist is None:
            dist = source.get(name)
            if dist is None or (explicit and not satisfies(dist, requirement)):
                closure.unresolved.append((requirement, needed_by))
                continue
            closure.dists[name] = dist
            new = {""} | extras
        else:
            new = extras - closure.extras[name]
        closure.extras[name] = closure.extras.get(name, set()) | extras
        for text in dist.requires:
            dependency = Requirement(text)
            if _applies(dependency.marker, environment, new):
                queue.append((dependency, dist.pin, False))
    closure.unresolved.sort(key=lambda item: (canonicalize_name(item[0].name), str(item[0])))
    return closure


def _applies(marker: Marker | None, environment: Mapping[str, str], extras: set[str]) -> bool:
    """Whether a requirement applies when installing with ``extras`` (``""`` stands for none)."""
    if marker is None:
        return "" in extras
    return any(marker.evaluate({**environment, "extra": extra}) for extra in sorted(extras))
