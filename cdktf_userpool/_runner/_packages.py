"""Packages on disk for the runner: zips extracted once into a cache, and the runtime's own libraries.

Everything lands under ``$CDKTF_USERPOOL_CACHE_DIR/runner`` (default
``~/.cache/cdktf-userpool/runner``), written to a temporary folder and renamed into place, so a
half-written folder is never used.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import zipfile
from importlib import metadata
from pathlib import Path

__all__ = ["RUNTIME_DISTRIBUTIONS", "cache_dir", "lambda_runtime_path", "resolve_package"]

RUNTIME_DISTRIBUTIONS = ("boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "six", "urllib3")
"""What Lambda's Python runtime provides beside the package (its ``/var/runtime``)."""
_KEEP_EXTRACTED = 64
_lock = threading.Lock()
_digests: dict[tuple[str, int, int, int], str] = {}
_extracted: dict[str, Path] = {}
_runtime_path: Path | None = None


def cache_dir() -> Path:
    """The runner's cache folder: ``$CDKTF_USERPOOL_CACHE_DIR/runner``, default ``~/.cache/cdktf-userpool/runner``."""
    base = os.environ.get("CDKTF_USERPOOL_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "cdktf-userpool"
    )
    return Path(base) / "runner"


def _file_digest(path: Path) -> str:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    with _lock:
        if key in _digests:
            return _digests[key]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with _lock:
        _digests[key] = digest
    return digest


def _tree_digest(folder: Path) -> str:
    """A fingerprint of a folder's files (paths, sizes, modification times): changes when they do."""
    h = hashlib.sha256(str(folder.resolve()).encode())
    for root, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            stat = os.stat(os.path.join(root, name))
            h.update(f"{os.path.relpath(os.path.join(root, name), folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()


def resolve_package(package: Path) -> tuple[Path, str]:
    """The package as a folder to run, and its digest (the zip's SHA-256, or the folder's fingerprint).

    :raises FileNotFoundError: if ``package`` does not exist.
    :raises zipfile.BadZipFile: if it is a file but not a zip.
    """
    package = Path(package)
    if package.is_dir():
        return package.resolve(), "dir-" + _tree_digest(package)
    digest = _file_digest(package)
    with _lock:
        if digest in _extracted and _extracted[digest].is_dir():
            return _extracted[digest], digest
    target = cache_dir() / "packages" / digest
    if not target.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{digest[:12]}-", dir=target.parent))
        try:
            with zipfile.ZipFile(package) as archive:
                archive.extractall(staging)
            try:
                staging.rename(target)
            except OSError:  # another process or thread extracted it first
                if not target.is_dir():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _prune(target.parent, keep=target)
    else:
        os.utime(target)  # recently used: kept by _prune
    with _lock:
        _extracted[digest] = target
    return target, digest


def _prune(folder: Path, keep: Path) -> None:
    """Keep the most recently used extracted packages (bounded cache), and those a live worker runs."""
    from ._workers import packages_in_use

    in_use = packages_in_use()
    entries = sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[_KEEP_EXTRACTED:]:
        if stale != keep and stale not in in_use:
            with _lock:
                for digest in [d for d, folder in _extracted.items() if folder == stale]:
                    del _extracted[digest]
            shutil.rmtree(stale, ignore_errors=True)
            # its bytecode, which the workers keep under pycache/ + the package's absolute path
            shutil.rmtree(cache_dir() / "pycache" / str(stale.resolve()).lstrip(os.sep), ignore_errors=True)


def lambda_runtime_path() -> Path:
    """A folder holding what Lambda's Python runtime provides beside the package.

    Those are :data:`RUNTIME_DISTRIBUTIONS` (boto3, botocore, s3transfer, jmespath, python-dateutil,
    six, urllib3) as installed in *this* environment, copied with their ``dist-info`` (Lambda's
    own versions differ and change with runtime updates); distributions that are not installed are
    left out. Built once per set of versions and cached. Pass it in ``extra_paths`` so code can
    ``import boto3`` as in Lambda.
    """
    global _runtime_path
    if _runtime_path is not None and _runtime_path.is_dir():
        return _runtime_path
    dists = []
    for name in RUNTIME_DISTRIBUTIONS:
        try:
            dists.append(metadata.distribution(name))
        except metadata.PackageNotFoundError:
            continue
    label = ",".join(f"{d.metadata['Name']}=={d.version}" for d in dists)
    target = cache_dir() / "runtime" / hashlib.sha256(label.encode()).hexdigest()[:16]
    if not target.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
        try:
            for dist in dists:
                _copy_distribution(dist, staging)
            (staging / "RUNTIME.txt").write_text(label.replace(",", "\n") + "\n")
            try:
                staging.rename(target)
            except OSError:
                if not target.is_dir():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _runtime_path = target
    return target


def _copy_distribution(dist: metadata.Distribution, target: Path) -> None:
    base = Path(str(dist.locate_file("")))
    for entry in dist.files or ():
        relative = Path(str(entry))
        if relative.is_absolute() or ".." in relative.parts or "__pycache__" in relative.parts:
            continue  # scripts installed elsewhere, bytecode
        source = base / relative
        if not source.is_file():
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, destination)  # same file system: no copy needed
        except OSError:
            shutil.copyfile(source, destination)
