"""Deterministic physical names derived from construct paths.

Names are unique within an app because construct paths are, stable across runs and machines,
and fit the service's length limit: a name too long is cut and ends with a hash of the full path.
"""

from __future__ import annotations

import hashlib
import re

from constructs import Construct


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


_PATH_ATTRIBUTE = "_cdktf_userpool_path"


def construct_path(construct: Construct, scope: Construct, id: str) -> str:
    """``construct.node.path``, derived from ``scope`` without a jsii call when this library made ``scope``.

    Reading a path costs two calls into the jsii runtime; a library construct remembers its own path
    (see :func:`remember_path`), so its children's paths are computed here.
    """
    parent = getattr(scope, "__dict__", {}).get(_PATH_ATTRIBUTE)
    path = f"{parent}/{id}" if parent else construct.node.path
    remember_path(construct, path)
    return path


def remember_path(construct: Construct, path: str) -> None:
    """Record ``construct``'s path for :func:`construct_path` of its children."""
    construct.__dict__[_PATH_ATTRIBUTE] = path
