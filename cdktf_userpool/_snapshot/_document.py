"""The snapshot document: a stack's synthesized Terraform, made portable, then each package, as Markdown.

Pure functions on parsed JSON and :class:`~._package.PackageSnapshot` values; nothing here touches
the framework. Portable means: a packaged function's ``filename`` and ``source_code_hash`` (a cache
path and a hash that also covers the library's version) become a pointer to its section below, and
any absolute path under the working directory, the home folder or the temp folder becomes
``<cwd>``, ``<home>`` or ``<tmp>`` (pytest's numbered ``tmp_path`` folders collapse to one name).
"""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ._package import ENTRY_FILE, PackageSnapshot, is_library_file

__all__ = ["portable", "render", "shown_terraform", "with_packages"]

_PYTEST_TMP = re.compile(r"<tmp>/pytest-of-[^/]+/pytest-(\d+|current)/")
_LANGUAGES = {".py": "python", ".json": "json", ".txt": "text", ".html": "html", ".md": "markdown", ".yaml": "yaml"}


def _prefixes() -> list[tuple[str, str]]:
    found = []
    for folder, name in ((os.getcwd(), "<cwd>"), (tempfile.gettempdir(), "<tmp>"), (str(Path.home()), "<home>")):
        for form in {folder, str(Path(folder).resolve())}:
            if len(Path(form).parts) > 1:  # never "/": every path is under it
                found.append((form.rstrip("/"), name))
    return sorted(found, key=lambda pair: len(pair[0]), reverse=True)


def _portable_text(text: str, prefixes: Sequence[tuple[str, str]]) -> str:
    for prefix, name in prefixes:
        text = re.sub(r"(?<![\w.-])" + re.escape(prefix) + r"(?![\w.-])", name, text)
    return _PYTEST_TMP.sub("<tmp>/pytest/", text)


def portable(value: Any, prefixes: Sequence[tuple[str, str]] | None = None) -> Any:
    """``value`` (parsed JSON) with every absolute path under the working, home or temp folder made a name."""
    chosen = _prefixes() if prefixes is None else prefixes
    if isinstance(value, str):
        return _portable_text(value, chosen)
    if isinstance(value, list):
        return [portable(v, chosen) for v in value]
    if isinstance(value, dict):
        return {_portable_text(k, chosen): portable(v, chosen) for k, v in value.items()}
    return value


def with_packages(terraform: Mapping[str, Any], packages: Sequence[PackageSnapshot]) -> dict[str, Any]:
    """A copy of ``terraform`` whose packaged functions point at their sections instead of a path and a hash."""
    doc: dict[str, Any] = copy.deepcopy(dict(terraform))
    functions = (doc.get("resource") or {}).get("aws_lambda_function") or {}
    for package in packages:
        name = package.address.split(".", 1)[1]
        block = functions.get(name)
        if block is None:
            continue
        block["filename"] = f"<package {package.construct_path}: see its section below>"
        if "source_code_hash" in block:
            block["source_code_hash"] = f"<hash of package {package.construct_path}>"
    return doc


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`{3,}", text)), default=2)
    return "`" * max(3, longest + 1)


def _block(text: str, language: str) -> list[str]:
    fence = _fence(text)
    return [f"{fence}{language}", *text.rstrip("\n").split("\n"), fence]


def _package_lines(package: PackageSnapshot) -> list[str]:
    lines = [f"## Package {package.construct_path} ({package.address})", ""]
    pinned = ", ".join(package.requirements)
    lines.append(f"- requirements ({len(package.requirements)}): {pinned}" if pinned else "- requirements: none")
    if package.runtime_provided:
        lines.append(f"- left to the Lambda runtime: {', '.join(package.runtime_provided)}")
    if package.layer_provided:
        lines.append(f"- left to the function's layers: {', '.join(package.layer_provided)}")
    # the sources first: a changed line of code is the first thing a (truncated) diff shows
    for path, text in package.sources.items():
        lines += ["", f"### {path}", "", *_block(text, _LANGUAGES.get(Path(path).suffix, ""))]
    lines += ["", "### Files", "", "| file | bytes | content |", "|---|---:|---|"]
    for file in package.files:
        note = " (the library's runtime entry)" if file.path == ENTRY_FILE else " (from the library)" if is_library_file(file.path) else ""
        lines.append(f"| `{file.path}`{note} | {file.size} | {file.sha256} |")
    for dist in package.distributions:
        lines.append(f"| {dist.name} {dist.version} ({dist.files} files) | {dist.size} | {dist.sha256} |")
    return lines


def shown_terraform(terraform: Mapping[str, Any], packages: Sequence[PackageSnapshot]) -> dict[str, Any]:
    """``terraform`` as the document shows it: packaged functions pointing at their sections, portable."""
    shown: dict[str, Any] = portable(with_packages(terraform, packages))
    return shown


def render(stack: str, shown: Mapping[str, Any], packages: Sequence[PackageSnapshot]) -> str:
    """The whole document (Markdown, one trailing newline) for ``stack``, from :func:`shown_terraform`'s ``shown``."""
    body = json.dumps(shown, indent=2, sort_keys=True, ensure_ascii=False)
    lines = [
        f"# Stack {stack}",
        "",
        "Snapshot by cdktf_userpool.testing.snapshot: the synthesized Terraform, then every package built from",
        "Python with its files and the source of its code. Review a change as a diff; accept it with",
        "`pytest --snapshot-update`.",
        "",
        "## Terraform",
        "",
        *_block(body, "json"),
    ]
    for package in sorted(packages, key=lambda p: p.construct_path):
        lines += ["", *_package_lines(package)]
    return "\n".join(lines) + "\n"
