"""Each benchmark owns one ``## `` section of docs/performance.md and rewrites only that section."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["bench_main", "write_section"]

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


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


def bench_main(section: str, measure: Callable[[int], Any], render: Callable[[Any], list[str]], *, repeats: int) -> None:
    """A benchmark's command line: ``--repeats N`` (default ``repeats``), ``--markdown`` (print only),
    ``--output PATH`` (default docs/performance.md); measures, writes its section and prints it."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=repeats)
    parser.add_argument("--markdown", action="store_true", help="print the section only; write nothing")
    parser.add_argument("--output", type=Path, default=DOCUMENT)
    args = parser.parse_args()
    lines = render(measure(args.repeats))
    if not args.markdown:
        write_section(args.output, section, lines)
    print("\n".join(lines))
