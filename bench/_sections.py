"""Each benchmark owns one ``## `` section of docs/performance.md and rewrites only that section."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["write_section"]


def splice(document: str, section: str, lines: list[str]) -> str:
    """``document`` with its ``section`` (a ``## `` heading and what follows it) replaced by ``lines``,
    or with ``lines`` appended when it has no such section."""
    block = "\n".join(lines)
    pattern = re.compile(rf"^{re.escape(section)}\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(document):
        return pattern.sub(lambda _: block + "\n", document, count=1)
    return document.rstrip("\n") + "\n\n" + block + "\n"


def write_section(path: Path, section: str, lines: list[str]) -> None:
    """Replace ``section`` of the document at ``path`` (created when missing), leaving the others as they are."""
    path.write_text(splice(path.read_text() if path.exists() else "", section, lines))
