"""Checks of ``Function``'s ``requirements=`` and ``requirements_lock=`` arguments, before any packaging."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .._packaging._closure import InvalidRequirement, parse_requirement
from ..errors import ArgumentTypeError, ConfigurationError

__all__ = ["explicit_requirements", "lock_path"]


def explicit_requirements(requirements: Sequence[str] | None, *, where: str) -> tuple[str, ...]:
    """Check ``requirements=`` and return it, stripped.

    :raises ArgumentTypeError: if it is not a list of strings.
    :raises ConfigurationError: for a string that is not a requirement.
    """
    if requirements is None:
        return ()
    if isinstance(requirements, (str, bytes)) or not all(isinstance(r, str) for r in requirements):
        raise ArgumentTypeError(
            f"Function {where!r} got requirements={requirements!r}, which is not a list of requirement "
            "strings. Pass a list, like requirements=['requests==2.32.3'].",
            argument="requirements",
            value=requirements,
            expected=("list of str",),
        )
    for text in requirements:
        try:
            parse_requirement(text)
        except InvalidRequirement as exc:
            raise ConfigurationError(
                f"Function {where!r} got requirements=[..., {text!r}, ...], which is not a valid requirement "
                f"({exc}). Write it as pip takes it, like 'requests==2.32.3' or 'aws-lambda-powertools[tracer]'.",
                construct_path=where,
                argument="requirements",
                value=text,
            ) from exc
    return tuple(text.strip() for text in requirements)


def lock_path(requirements_lock: str | os.PathLike[str] | None, *, where: str) -> Path | None:
    """The file ``requirements_lock=`` names (relative to the working directory), or ``None``.

    :raises ArgumentTypeError: if it is not a path.
    :raises ConfigurationError: if it is not a file.
    """
    if requirements_lock is None:
        return None
    if not isinstance(requirements_lock, (str, os.PathLike)):
        raise ArgumentTypeError(
            f"Function {where!r} got requirements_lock={requirements_lock!r}, which is not a path. Pass the "
            "path of a pip-freeze style file, like requirements_lock='lambda.lock'.",
            argument="requirements_lock",
            value=requirements_lock,
            expected=("str", "os.PathLike"),
        )
    path = Path(requirements_lock)
    path = path if path.is_absolute() else Path.cwd() / path
    if not path.is_file():
        raise ConfigurationError(
            f"Function {where!r} got requirements_lock={os.fspath(requirements_lock)!r}, which is not a file "
            "(a relative path is read from the working directory). Fix the path, or write the file with "
            "`pip freeze > lambda.lock`.",
            construct_path=where,
            argument="requirements_lock",
            value=os.fspath(requirements_lock),
        )
    return path
