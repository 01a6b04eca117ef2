"""The on-disk cache of installed dependency sets, pip resolutions and built packages.

It lives in ``$CDKTF_USERPOOL_CACHE_DIR``, by default ``$XDG_CACHE_HOME/cdktf-userpool`` (that is
``~/.cache/cdktf-userpool``). Each entry is a folder under one of :data:`KINDS`; using an entry
touches its :data:`LAST_USED` marker, which is what ``python -m cdktf_userpool cache prune`` goes by
(least recently used first). Removing an entry renames it out of the way first, so a concurrent
synth sees the whole entry or none of it. Nothing here is written into synth output.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["CACHE_DIR_ENV", "KINDS", "LAST_USED", "Entry", "cache_dir", "clear", "entries", "main", "prune", "touch"]

CACHE_DIR_ENV = "CDKTF_USERPOOL_CACHE_DIR"
LAST_USED = ".last-used"
DEPENDENCIES, RESOLUTIONS, PACKAGES = "dependencies", "resolutions", "packages"
KINDS = (DEPENDENCIES, RESOLUTIONS, PACKAGES)
"""The cache's top-level folders: installed dependency sets, pip resolutions, built packages."""
INFO = "entry.json"
"""What a dependency set or resolution holds, written beside it for ``cache list``."""
_STALE_STAGING = 24 * 3600  # a staging folder this old belongs to a synth that died
_DEFAULT_MAX_AGE_DAYS = 30.0


def cache_dir() -> Path:
    """The cache folder: ``$CDKTF_USERPOOL_CACHE_DIR``, else ``$XDG_CACHE_HOME/cdktf-userpool``, else ``~/.cache/cdktf-userpool``."""
    base = os.environ.get(CACHE_DIR_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "cdktf-userpool"
    )
    return Path(base)


def touch(folder: Path, *, marker: bool = True) -> None:
    """Record that the entry ``folder`` was just used.

    :param marker: touch a :data:`LAST_USED` file in it; else the folder's own time (for package
        folders, which are copied whole into the synth output). Default: ``True``.
    """
    try:
        if marker:
            (folder / LAST_USED).touch()
        else:
            os.utime(folder)
    except OSError:  # a read-only cache still serves; pruning then goes by the folder's age
        pass


@dataclass(frozen=True)
class Entry:
    """One cache entry.

    :ivar kind: one of :data:`KINDS`.
    :ivar path: its folder.
    :ivar size: bytes of all its files.
    :ivar last_used: seconds since the epoch of its last use.
    :ivar description: what it holds (requirements, or the function a package was built from).
    """

    kind: str
    path: Path
    size: int
    last_used: float
    description: str


def entries(root: Path) -> list[Entry]:
    """Every entry under ``root``, least recently used first."""
    found = []
    for kind in KINDS:
        folder = root / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_dir() and not path.name.startswith("."):
                found.append(Entry(kind, path, _size(path), _last_used(path), _describe(kind, path)))
    return sorted(found, key=lambda e: (e.last_used, e.kind, e.path.name))


def prune(root: Path, *, max_age_days: float | None = None, max_size_mb: float | None = None, now: float | None = None) -> list[Entry]:
    """Remove entries unused for more than ``max_age_days``, then the least recently used until the
    cache holds at most ``max_size_mb``; also staging folders left by synths that died.

    :param max_age_days: Default: no age limit.
    :param max_size_mb: Default: no size limit.
    :param now: the current time (a seam for tests). Default: ``time.time()``.
    :returns: the entries removed.
    """
    now = time.time() if now is None else now
    removed = []
    remaining = entries(root)
    if max_age_days is not None:
        old = [e for e in remaining if now - e.last_used > max_age_days * 86400]
        remaining = [e for e in remaining if e not in old]
        removed += old
    if max_size_mb is not None:
        total = sum(e.size for e in remaining)
        while remaining and total > max_size_mb * 1024 * 1024:
            oldest = remaining.pop(0)
            total -= oldest.size
            removed.append(oldest)
    for entry in removed:
        _remove(entry.path)
    for staging in _staging(root):
        if now - staging.stat().st_mtime > _STALE_STAGING:
            _remove(staging)
    return removed


def clear(root: Path) -> list[Entry]:
    """Remove every entry (only this library's folders under ``root``, never ``root`` itself)."""
    removed = entries(root)
    for entry in removed:
        _remove(entry.path)
    for staging in _staging(root):
        _remove(staging)
    return removed


def _staging(root: Path) -> Iterator[Path]:
    for kind in KINDS:
        folder = root / kind
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.is_dir() and p.name.startswith((".install-", ".remove-")))


def _remove(path: Path) -> None:
    doomed = path.with_name(f".remove-{path.name}-{os.getpid()}")
    try:
        os.replace(path, doomed)
    except OSError:
        return  # already gone
    shutil.rmtree(doomed, ignore_errors=True)


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def _last_used(path: Path) -> float:
    marker = path / LAST_USED
    return (marker if marker.is_file() else path).stat().st_mtime


def _describe(kind: str, path: Path) -> str:
    info = path / INFO
    if info.is_file():
        try:
            data = json.loads(info.read_text())
        except ValueError:
            data = {}
        where = " ".join(str(data[k]) for k in ("runtime", "architecture") if k in data)
        pins = ", ".join(data.get("requirements", [])) or "(nothing to install)"
        return f"{where}: {pins}" if where else pins
    source = path / "trigger.py"
    if source.is_file():
        with source.open(encoding="utf-8", errors="replace") as handle:
            first = handle.readline().strip()
        return first.removeprefix("# ").split(". ", 1)[0]
    return ""


def _human(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def _when(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``cache`` subcommand's arguments."""
    parser.add_argument("action", nargs="?", choices=("list", "prune", "clear"), default="list", help="Default: list")
    parser.add_argument(
        "--max-age", type=float, metavar="DAYS",
        help=f"prune: remove entries unused for more than DAYS. Default: {_DEFAULT_MAX_AGE_DAYS:g} when --max-size is not given",
    )
    parser.add_argument("--max-size", type=float, metavar="MB", help="prune: then remove the least recently used until the cache holds at most MB")


def main(args: argparse.Namespace) -> int:
    """Run ``python -m cdktf_userpool cache``; returns the exit status."""
    root = cache_dir()
    if args.action != "prune" and (args.max_age is not None or args.max_size is not None):
        print(f"--max-age and --max-size apply to 'cache prune', not 'cache {args.action}'", file=sys.stderr)
        return 2
    if any(value is not None and value < 0 for value in (args.max_age, args.max_size)):
        print("--max-age and --max-size take a number of days or megabytes, 0 or more", file=sys.stderr)
        return 2
    if args.action == "list":
        found = entries(root)
        total = sum(e.size for e in found)
        print(f"cache {root}: {len(found)} entries, {_human(total)} (set {CACHE_DIR_ENV} to move it)")
        for e in reversed(found):  # most recently used first
            print(f"  {e.kind:<12} {e.path.name[:16]}  {_human(e.size):>9}  used {_when(e.last_used)}  {e.description}")
        return 0
    if args.action == "prune":
        max_age = args.max_age if args.max_age is not None or args.max_size is not None else _DEFAULT_MAX_AGE_DAYS
        removed = prune(root, max_age_days=max_age, max_size_mb=args.max_size)
    else:
        removed = clear(root)
    for e in removed:
        print(f"removed {e.kind} {e.path.name[:16]} ({_human(e.size)}, used {_when(e.last_used)})")
    left = entries(root)
    print(f"freed {_human(sum(e.size for e in removed))}; {len(left)} entries, {_human(sum(e.size for e in left))} left in {root}")
    return 0
