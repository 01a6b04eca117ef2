"""Find a Terraform filesystem mirror on this machine that holds an AWS provider the local deploy accepts.

A mirror (Terraform's unpacked layout) holds ``<root>/registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/``.
One is accepted when it has a build of a version from 5.100 to 6.x for this machine's platform; of
several, the one with the newest such version wins (then the first found). Temp folders are never
searched (tests leave fake mirrors there), nor Terraform's per-project ``.terraform`` caches.

Standard library only, and runnable as a script (``python3 cdktf_userpool/local/_mirrors.py [--all]``
prints the root found, or nothing), so CI can call it before any environment is installed.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

HOST, NAMESPACE, TYPE = "registry.terraform.io", "hashicorp", "aws"
AWS_PROVIDER = f"{HOST}/{NAMESPACE}/{TYPE}"
OLDEST_PROVIDER = (5, 100, 0)
"""The oldest AWS provider the library's output is valid on (and the local deploy is tested with)."""
NEWEST_MAJOR = 6
"""The newest major version of the AWS provider the local deploy is made for (the bindings pin 6.x)."""

SEARCH_ROOTS = ("/opt", "/usr/local", "/usr/share", "/usr/lib", "/srv", "/var/lib")
"""Where :func:`search` looks (besides the home folder) when no folder is named."""
SEARCH_DEPTH = 4
"""How deep below a search root a mirror's root may be."""
_SKIPPED = {".terraform", ".git", "node_modules", "__pycache__", "site-packages"}
_PSEUDO = {Path("/proc"), Path("/sys"), Path("/dev"), Path("/run")}


def platform_name() -> str:
    """Terraform's ``<os>_<arch>`` for this machine, e.g. ``linux_amd64``."""
    machine = platform.machine().lower()
    arch = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(machine, machine)
    return f"{platform.system().lower()}_{arch}"


def version_key(version: str) -> tuple[int, ...]:
    """``"5.100.0"`` -> ``(5, 100, 0)``; ``(0,)`` for what is not a version."""
    try:
        return tuple(int(part) for part in version.split("-")[0].split("."))
    except ValueError:
        return (0,)


def supported(version: str) -> bool:
    """Whether the local deploy accepts AWS provider ``version`` (5.100 to 6.x)."""
    key = version_key(version)
    return OLDEST_PROVIDER <= key and key[0] <= NEWEST_MAJOR


def mirror_contents(folder: Path) -> dict[str, tuple[str, ...]]:
    """The providers in ``folder`` (unpacked mirror layout) that have a build for this platform.

    :returns: ``{"registry.terraform.io/hashicorp/aws": ("5.100.0", ...)}``, versions newest first.
    """
    found: dict[str, list[str]] = {}
    target = platform_name()
    for build in sorted(folder.glob(f"*/*/*/*/{target}")):
        if not build.is_dir():
            continue
        source = "/".join(build.parent.parent.relative_to(folder).parts)
        found.setdefault(source, []).append(build.parent.name)
    return {source: tuple(sorted(set(v), key=version_key, reverse=True)) for source, v in found.items()}


def aws_versions(folder: Path) -> tuple[str, ...]:
    """The accepted AWS provider versions ``folder`` holds for this platform, newest first."""
    return tuple(v for v in mirror_contents(folder).get(AWS_PROVIDER, ()) if supported(v))


def temp_folders() -> list[Path]:
    """The system's temp folders (where tests make, and leave, fake mirrors)."""
    names = {tempfile.gettempdir(), "/tmp", "/var/tmp", os.environ.get("TMPDIR") or ""}
    return [Path(n).resolve() for n in sorted(names) if n]


def _in_temp(path: Path, temps: Iterable[Path]) -> bool:
    return any(path == t or t in path.parents for t in temps) or any(p.startswith("pytest-of-") for p in path.parts)


def _hosts(root: Path, depth: int | None, temps: list[Path]) -> Iterator[Path]:
    """Every ``registry.terraform.io`` folder under ``root`` (at most ``depth`` levels down), temp folders left out."""
    pending = [(root, 0)]
    while pending:
        folder, level = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False) or entry.name in _SKIPPED:
                continue
            path = Path(entry.path)
            if path in _PSEUDO or _in_temp(path.resolve(), temps):
                continue
            if entry.name == HOST:
                yield path
            elif depth is None or level < depth:
                pending.append((path, level + 1))


def best(folders: Iterable[Path]) -> Path | None:
    """Of ``folders``, the one holding the newest accepted AWS provider (the first such, on a tie); else ``None``."""
    chosen: tuple[tuple[int, ...], Path] | None = None
    for folder in folders:
        versions = aws_versions(folder)
        if versions and (chosen is None or version_key(versions[0]) > chosen[0]):
            chosen = (version_key(versions[0]), folder)
    return chosen[1] if chosen else None


def search(
    roots: Iterable[str | os.PathLike[str]] | None = None,
    *,
    depth: int | None = SEARCH_DEPTH,
    skip: Iterable[str | os.PathLike[str]] | None = None,
) -> Path | None:
    """The root of the best mirror under ``roots`` (see the module docstring), or ``None``.

    :param roots: folders to search. Default: :data:`SEARCH_ROOTS` and the home folder.
    :param depth: how deep below a root a mirror's ``registry.terraform.io`` folder may be; ``None``: any depth.
    :param skip: folders never searched. Default: the system's temp folders (:func:`temp_folders`).
    """
    temps = temp_folders() if skip is None else [Path(s).resolve() for s in skip]
    chosen = [str(Path.home()), *SEARCH_ROOTS] if roots is None else [os.fspath(r) for r in roots]
    found = (host.parent for root in dict.fromkeys(chosen) if Path(root).is_dir() for host in _hosts(Path(root), depth, temps))
    return best(found)


def main(argv: list[str]) -> int:
    """Print the best mirror's root (``--all``: search the whole file system, at any depth), or nothing."""
    everywhere = "--all" in argv
    found = search(["/"], depth=None) if everywhere else search()
    if found is not None:
        print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
