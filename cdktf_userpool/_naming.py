"""Deterministic physical names derived from construct paths.

Names are unique within an app because construct paths are, stable across runs and machines,
and fit the service's length limit: a name too long is cut and ends with a hash of the full path.
"""

from __future__ import annotations

import hashlib
import re


def physical_name(path: str, *, max_length: int, allowed: str = r"A-Za-z0-9_-", sep: str = "-") -> str:
    """A name for the resource at construct path ``path`` (``scope.node.path``).

    :param max_length: the service's limit on the name length.
    :param allowed: the characters the service accepts, as a regex character-class body.
        Default: letters, digits, ``_`` and ``-``.
    :param sep: what joins the path components. Default: ``-``.
    """
    parts = [re.sub(f"[^{allowed}]", "", part) for part in path.split("/")]
    name = sep.join(p for p in parts if p)
    if len(name) <= max_length:
        return name
    digest = hashlib.sha256(path.encode()).hexdigest()[:8]
    return f"{name[: max_length - len(digest) - 1]}{sep}{digest}"
