"""Lay out, zip, hash and write Lambda packages, byte-for-byte reproducibly.

The zip depends only on the files' paths and bytes: entries are sorted by path, every timestamp is
1980-01-01 00:00:00, every file mode is 0o644, there are no directory entries, no extra fields and
no comment, and compression is DEFLATE at level 9. The content hash is computed over the files
themselves (not the zip, whose bytes may differ between zlib builds), plus a salt such as the
runtime, architecture and library version; it is the cache key and the asset path segment.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import io
import os
import stat
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..errors import PackagingError
from .source import ENTRY_MODULE, TRIGGER_MODULE, GeneratedModule

__all__ = ["build_zip", "content_hash", "package_files", "write_atomically"]

_EPOCH = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = stat.S_IFREG | 0o644
_CREATE_SYSTEM_UNIX = 3
_COMPRESS_LEVEL = 9
_HASH_VERSION = b"cdktf-userpool/content-hash/1\0"


def entry_source() -> bytes:
    """The runtime entry module's bytes (``cdktf_userpool/_runtime/entry.py``)."""
    return importlib.resources.files("cdktf_userpool._runtime").joinpath("entry.py").read_bytes()


def package_files(module: GeneratedModule) -> dict[str, bytes]:
    """Every file of a handler's package, sorted by path.

    :param module: the generated module.
    :returns: ``trigger.py`` (the module's text, UTF-8), ``cdktf_userpool_entry.py`` (the runtime
        entry) and the module's extra files.
    :raises PackagingError: if an extra file would replace one of the first two.
    """
    files = {f"{TRIGGER_MODULE}.py": module.text.encode("utf-8"), f"{ENTRY_MODULE}.py": entry_source()}
    for path, data in module.files.items():
        if path in files:
            raise PackagingError(
                f"Cannot package the function from {module.origin}: its project file {path!r} would replace a file "
                "of the package runtime. Rename that module."
            )
        files[path] = bytes(data)
    return dict(sorted(files.items()))


def build_zip(files: Mapping[str, bytes]) -> bytes:
    """Zip ``files`` deterministically (see the module docstring).

    :param files: archive path (relative, ``/``-separated) -> bytes.
    :returns: the zip archive.
    :raises PackagingError: if a path is absolute, empty, or climbs out with ``..``.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL) as archive:
        for path in sorted(files):
            _check_path(path)
            info = zipfile.ZipInfo(path, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = _CREATE_SYSTEM_UNIX
            info.external_attr = _FILE_MODE << 16
            archive.writestr(
                info, bytes(files[path]), compress_type=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL
            )
    return buffer.getvalue()


def content_hash(files: Mapping[str, bytes], *, salt: Mapping[str, str] = {}) -> str:  # noqa: B006 - read only
    """SHA-256 (hex) of the files' paths and bytes, plus ``salt``.

    Every path and content is length-prefixed, so no two different inputs share a byte stream.

    :param files: archive path -> bytes.
    :param salt: extra inputs, such as the runtime, architecture and library version. Default: none.
    """
    digest = hashlib.sha256(_HASH_VERSION)

    def field(tag: bytes, data: bytes) -> None:
        digest.update(tag + len(data).to_bytes(8, "big") + data)

    for path in sorted(files):
        field(b"P", path.encode("utf-8"))
        field(b"D", bytes(files[path]))
    for key in sorted(salt):
        field(b"K", key.encode("utf-8"))
        field(b"V", salt[key].encode("utf-8"))
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    The bytes go to a temporary file in the same directory, are flushed to disk, and the file is
    renamed over ``path`` (``os.replace``). On failure the temporary file is removed. Missing parent
    directories are created.

    :param path: the destination.
    :param data: the content.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _check_path(path: str) -> None:
    pure = PurePosixPath(path)
    if not path or "\\" in path or pure.is_absolute() or ".." in pure.parts or path.endswith("/"):
        raise PackagingError(
            f"Cannot add {path!r} to a Lambda package: archive paths must be relative, '/'-separated file paths "
            "inside the package. Rename the file."
        )
