"""Refuse packages that would fail with ``ImportError`` in Lambda: imports nothing provides.

A module imported without an ``except ImportError`` guard that is not installed on the synth
machine cannot be pinned from what is installed, so it is shipped only if the function's explicit
requirements bring it. Anything else would deploy without it and fail on the first invocation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from packaging.utils import canonicalize_name

from ..errors import CaptureError

__all__ = ["check_provided", "provided_modules"]


def provided_modules(paths: Iterable[str]) -> frozenset[str]:
    """The top-level modules that installed files provide (``jwt/__init__.py`` -> ``jwt``, ``six.py`` -> ``six``)."""
    found = set()
    for path in paths:
        top = path.partition("/")[0]
        if top.endswith((".dist-info", ".egg-info", ".data")) or top == "__pycache__":
            continue
        found.add(top.partition(".")[0] if "/" not in path else top)
    return frozenset(found)


def check_provided(
    missing: Mapping[str, tuple[str, str, int]],
    dependency_paths: Iterable[str],
    *,
    where: str,
    layered: frozenset[str] = frozenset(),
) -> None:
    """Raise for the first module in ``missing`` that the installed dependencies do not provide.

    :param missing: top-level module -> (reader, file, line) of its import (``GeneratedModule.missing``).
    :param dependency_paths: the archive paths of the installed requirements.
    :param where: the function, for the message (``"Function 'auth/Fn'"``).
    :param layered: canonical names of distributions the function's layers provide; a module whose
        name is one of them (``aws_lambda_powertools`` for ``aws-lambda-powertools``) is taken as
        theirs. Default: none.
    :raises CaptureError: naming the module, the import site and the fix.
    """
    provided = provided_modules(dependency_paths)
    for module, (reader, filename, lineno) in missing.items():
        if module in provided or canonicalize_name(module) in layered:
            continue
        reason = (
            "it is not installed here, so it cannot be pinned, and without it the package fails with ImportError on the "
            f"first invocation. Install it in this environment (it is then pinned to the installed version), or add the "
            f"distribution that provides it to requirements=[...] of {where}; if it is optional, guard the import with "
            "try/except ImportError."
        )
        raise CaptureError(
            f"Cannot ship module {module!r}, imported by {reader} at {filename}:{lineno}, to Lambda: {reason}",
            name=module,
            filename=filename,
            lineno=lineno,
            reason=reason,
        )
