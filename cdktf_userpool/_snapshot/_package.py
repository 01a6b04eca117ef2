"""A Lambda package described for a snapshot: its files, the distributions it ships, the source of its own code.

Reads only the archive's bytes (and what the ``Function`` pinned), so the description is the same on
any machine: file paths inside the archive, sizes and content hashes, never a path on disk or a time.
The files of each shipped distribution (those its ``*.dist-info/RECORD`` lists) are folded into one
line per distribution; the package's own files are listed one by one, and the text of its own modules
is shown in full, so a snapshot's diff names the changed line of a trigger.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .._packaging.source import ENTRY_MODULE

__all__ = ["Distribution", "PackageFile", "PackageSnapshot", "describe_package", "is_library_file", "short_hash"]

ENTRY_FILE = f"{ENTRY_MODULE}.py"
"""The library's runtime entry in every package: listed with its hash, its source not shown."""
LIBRARY_FOLDER = "cdktf_userpool/"
"""Where the library's modules that run in Lambda (``cdktf_userpool.events``) are shipped: listed, not shown."""


def is_library_file(path: str) -> bool:
    """Whether the package file at ``path`` is this library's (the runtime entry, ``cdktf_userpool/...``)."""
    return path == ENTRY_FILE or path.startswith(LIBRARY_FOLDER)
TEXT_LIMIT = 64 * 1024
"""Own text files up to this size (bytes) are shown in full; larger or binary ones by their hash."""
_HASH_CHARS = 16


def short_hash(data: bytes) -> str:
    """``sha256:`` and the first 16 hex digits of the SHA-256 of ``data``."""
    return "sha256:" + hashlib.sha256(data).hexdigest()[:_HASH_CHARS]


@dataclass(frozen=True)
class PackageFile:
    """One of the package's own files: its archive path, size in bytes and content hash."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Distribution:
    """A third-party distribution shipped in the package, folded: its name, version, file count, bytes and one hash."""

    name: str
    version: str
    files: int
    size: int
    sha256: str


@dataclass(frozen=True)
class PackageSnapshot:
    """What a snapshot shows of one packaged function.

    :ivar construct_path: the ``Function``'s construct path, e.g. ``"auth/Pool/PreSignUp"``.
    :ivar address: its ``aws_lambda_function`` address, e.g. ``"aws_lambda_function.Pool_PreSignUp_2E0C2FBC"``.
    :ivar requirements: the distributions shipped, pinned (``name==version``), sorted.
    :ivar runtime_provided: distributions left to the Lambda runtime, sorted.
    :ivar layer_provided: distributions left to the function's layers, sorted.
    :ivar files: the package's own files (not part of a distribution), by path.
    :ivar distributions: the distributions' files, folded, by name.
    :ivar sources: the text of the own files shown in full (every own text file up to
        :data:`TEXT_LIMIT` bytes but the library's, see :func:`is_library_file`), by path.
    """

    construct_path: str
    address: str
    requirements: tuple[str, ...]
    runtime_provided: tuple[str, ...]
    layer_provided: tuple[str, ...]
    files: tuple[PackageFile, ...]
    distributions: tuple[Distribution, ...]
    sources: Mapping[str, str]


def _record_paths(archive: zipfile.ZipFile, record: str) -> list[str]:
    text = archive.read(record).decode("utf-8", errors="replace")
    return [row[0] for row in csv.reader(io.StringIO(text)) if row and row[0]]


def _dist_name(record: str) -> tuple[str, str]:
    """``("requests", "2.32.3")`` from ``requests-2.32.3.dist-info/RECORD``."""
    folder = record.split("/", 1)[0].removesuffix(".dist-info")
    name, _, version = folder.partition("-")
    return name, version


def _text(data: bytes) -> str | None:
    if len(data) > TEXT_LIMIT or b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def describe_package(
    archive: bytes,
    *,
    construct_path: str,
    address: str,
    requirements: Sequence[str] = (),
    runtime_provided: Sequence[str] = (),
    layer_provided: Sequence[str] = (),
) -> PackageSnapshot:
    """Describe a package from its zip's bytes (see the module docstring).

    :raises zipfile.BadZipFile: if ``archive`` is not a zip.
    """
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        contents = {info.filename: zipped.read(info) for info in zipped.infolist() if not info.is_dir()}
        owner: dict[str, tuple[str, str]] = {}
        for record in sorted(p for p in contents if p.count("/") == 1 and p.endswith(".dist-info/RECORD")):
            listed = _dist_name(record)
            for path in [*_record_paths(zipped, record), record]:
                owner.setdefault(path, listed)
    folded: dict[tuple[str, str], list[str]] = {}
    own: list[PackageFile] = []
    sources: dict[str, str] = {}
    for path in sorted(contents):
        data = contents[path]
        dist: tuple[str, str] | None = owner.get(path)
        if dist is None and ".dist-info/" in path:
            dist = _dist_name(path)  # a dist-info file its RECORD does not list (INSTALLER, ...)
        if dist is not None:
            folded.setdefault(dist, []).append(path)
            continue
        own.append(PackageFile(path, len(data), short_hash(data)))
        text = None if is_library_file(path) else _text(data)
        if text is not None:
            sources[path] = text
    distributions = []
    for (name, version), paths in sorted(folded.items()):
        digest = hashlib.sha256()
        for path in paths:  # sorted: the hash depends on the contents only
            digest.update(path.encode() + b"\0" + hashlib.sha256(contents[path]).digest())
        size = sum(len(contents[p]) for p in paths)
        distributions.append(Distribution(name, version, len(paths), size, "sha256:" + digest.hexdigest()[:_HASH_CHARS]))
    return PackageSnapshot(
        construct_path=construct_path,
        address=address,
        requirements=tuple(sorted(requirements)),
        runtime_provided=tuple(sorted(runtime_provided)),
        layer_provided=tuple(sorted(layer_provided)),
        files=tuple(own),
        distributions=tuple(distributions),
        sources=sources,
    )
