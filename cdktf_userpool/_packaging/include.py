"""Data files shipped beside a handler (``Function(include=...)``), and the manifest review reads.

Paths and globs are relative to the directory of the handler's module. The handler's module becomes
``trigger.py`` at the package root, so each file lands at the same relative path *at the package
root*: ``Path(__file__).parent / "templates" / "x.html"`` in the handler's module finds
``templates/x.html`` in Lambda as it does here. When modules of the handler's own package are
shipped as well (``app/util.py`` beside a handler in ``app/handlers.py``), the files are also placed
under that package's folder (``app/templates/x.html``), so ``__file__``-relative reads in those
modules work too. Everything is sorted and normalized, so the archive stays deterministic.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from ..errors import ArgumentTypeError, ConfigurationError
from ._paths import display_path

if TYPE_CHECKING:
    from .source import GeneratedModule

__all__ = ["MANIFEST_NAME", "add_included", "included_files", "manifest"]

MANIFEST_NAME = "package-contents.json"
"""The file beside ``package.zip`` in the asset folder that says what was pinned and included."""


def included_files(
    handler: Callable[..., Any], include: Sequence[str] | None, *, construct_path: str, module: GeneratedModule
) -> dict[str, bytes]:
    """The files ``include`` names, by archive path, sorted.

    :param handler: the function being packaged; its module's directory is the base of ``include``.
    :param include: paths or globs (``"templates/*.html"``, ``"data"``, ``"**/*.json"``); a
        directory stands for every file under it. ``None`` ships nothing.
    :param construct_path: the ``Function``'s path, for errors.
    :param module: the generated module (its project files decide whether copies go under the
        handler's package folder as well).
    :raises ArgumentTypeError: if ``include`` is not a list of strings.
    :raises ConfigurationError: for an absolute path, one with ``..``, or a pattern that matches no file.
    """
    if include is None:
        return {}
    if isinstance(include, (str, bytes)) or not all(isinstance(p, str) for p in include):
        raise ArgumentTypeError(
            f"Function {construct_path!r} got include={include!r}, which is not a list of paths. Pass a list, like "
            "include=['templates/*.html'].",
            argument="include",
            value=include,
            expected=("list of str",),
        )
    raw = inspect.unwrap(handler)
    code = getattr(raw, "__code__", None)
    filename = code.co_filename if code is not None else ""
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        raise ConfigurationError(
            f"Function {construct_path!r} got include={list(include)!r}, but its handler has no source file to be "
            "relative to. Define the handler in a module file.",
            construct_path=construct_path,
            argument="include",
            value=list(include),
        )
    base = Path(filename).resolve().parent
    found: dict[str, Path] = {}
    for pattern in include:
        for path in _matches(pattern, base, construct_path):
            found[path.relative_to(base).as_posix()] = path
    package = "/".join(getattr(raw, "__module__", "__main__").split(".")[:-1])
    also = package and any(path.startswith(f"{package}/") for path in module.files)
    files: dict[str, bytes] = {}
    for relative in sorted(found):
        data = found[relative].read_bytes()
        files[relative] = data
        if also:
            files[f"{package}/{relative}"] = data
    return dict(sorted(files.items()))


def _matches(pattern: str, base: Path, construct_path: str) -> list[Path]:
    def refuse(problem: str, fix: str) -> ConfigurationError:
        return ConfigurationError(
            f"Function {construct_path!r} got include=[..., {pattern!r}, ...], {problem}. {fix}",
            construct_path=construct_path,
            argument="include",
            value=pattern,
        )

    posix = PurePosixPath(pattern)
    if PureWindowsPath(pattern).is_absolute() or posix.is_absolute() or pattern.startswith(("/", "\\")):
        raise refuse(
            "which is absolute", f"Give it relative to the handler's module directory ({display_path(str(base))})"
        )
    if "\\" in pattern:
        raise refuse("which uses '\\'", "Separate folders with '/'")
    if ".." in posix.parts:
        raise refuse("which climbs out of the handler's module directory with '..'", "Move the files beside the module")
    if not pattern.strip() or posix.parts in ((), (".",)):
        raise refuse("which names the whole module directory", "Name the files or folders to ship")
    try:
        matched = sorted(base.glob(pattern))
    except (ValueError, NotImplementedError) as exc:
        raise refuse(f"which is not a valid glob ({exc})", "Use a pattern like 'templates/*.html'") from exc
    files: list[Path] = []
    for path in matched:
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        files.extend(p for p in candidates if p.is_file() and not _ignored(p.relative_to(base)))
    if not files:
        raise refuse(
            f"which matches no file under {display_path(str(base))}",
            "Check the pattern: it is relative to the directory of the handler's module",
        )
    return files


def _ignored(relative: Path) -> bool:
    return "__pycache__" in relative.parts or relative.suffix == ".pyc"


def add_included(files: Mapping[str, bytes], included: Mapping[str, bytes], *, construct_path: str) -> dict[str, bytes]:
    """``files`` with ``included`` added, sorted.

    :raises ConfigurationError: if an included path is already a file (or a folder) of the package.
    """
    folders = {str(parent) for path in files for parent in PurePosixPath(path).parents}
    for path in included:
        if path in files or path in folders or any(str(p) in files for p in PurePosixPath(path).parents):
            raise ConfigurationError(
                f"Function {construct_path!r} got include= with {path!r}, which the package already holds (the "
                "generated module, a copied project module or a dependency's file). Rename the file or narrow the "
                "pattern.",
                construct_path=construct_path,
                argument="include",
                value=path,
            )
    return dict(sorted({**files, **included}.items()))


def manifest(
    versions: Sequence[str], runtime_provided: Sequence[str], included: Sequence[str], layer_provided: Sequence[str] = ()
) -> bytes | None:
    """What review shows about a package beyond its size and hash, or ``None`` when there is nothing to say.

    :param versions: ``name==version`` of every distribution shipped.
    :param runtime_provided: distributions left to the Lambda runtime although something needs them.
    :param included: archive paths of the files shipped by ``include=``.
    :param layer_provided: distributions left to the function's layers although something needs them.
    """
    if not (versions or runtime_provided or included or layer_provided):
        return None
    facts: dict[str, list[str]] = {"requirements": list(versions), "runtime_provided": list(runtime_provided), "include": list(included)}
    if layer_provided:  # only then, so that other packages' manifests (and hashes) stay as they were
        facts["layer_provided"] = list(layer_provided)
    return (json.dumps(facts, indent=1, sort_keys=True) + "\n").encode()
