"""Show file paths without leaking the machine they were built on.

Error messages name files relative to the current working directory when the file is under it,
else relative to the deepest ``sys.path`` entry that contains it, else by their base name.
Generated code names them relative to the ``sys.path`` entry only (the import root), so the same
app gives the same output from any working directory. Neither is ever absolute.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath

__all__ = ["display_path"]


def display_path(filename: str, *, prefer_cwd: bool = True) -> str:
    """Return ``filename`` relative to the working directory or to a ``sys.path`` entry.

    :param filename: a path as found in ``co_filename``; pseudo-names such as ``<string>`` are
        returned unchanged.
    :param prefer_cwd: try the working directory before the ``sys.path`` entries. Default: ``True``;
        pass ``False`` for text that must not depend on the working directory.
    :returns: a relative POSIX path, such as ``"app/handlers.py"``.
    """
    if filename.startswith("<") and filename.endswith(">"):
        return filename
    path = _resolved(filename)
    if path is None:
        return PurePosixPath(filename.replace(os.sep, "/")).name
    entries = [root for root in map(_resolved, [entry or os.getcwd() for entry in sys.path]) if root is not None]
    cwd = _resolved(os.getcwd())
    roots = ([cwd] if cwd is not None and prefer_cwd else []) + sorted(entries, key=lambda root: len(root.parts), reverse=True)
    for root in roots:
        if path.is_relative_to(root) and path != root:
            return path.relative_to(root).as_posix()
    return path.name


def _resolved(filename: str) -> Path | None:
    try:
        return Path(filename).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
