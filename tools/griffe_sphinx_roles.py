"""A Griffe extension for the documentation site's reference (mkdocs.yml loads it): the docstrings' Sphinx roles
become code spans, as MkDocs renders Markdown, not reStructuredText. ``:class:`UserPool``` is shown as
``UserPool``, ``:func:`~cdktf_userpool.testing.snapshot``` as ``snapshot`` (``~``: the last name only), and
``:meth:`title <target>``` as ``title``. The fields the Python handler reads (``:param x:``, ``:raises E:``,
``:ivar x:``) are not roles and are left alone.

Run as a script, it is ``make docs``'s check of the built reference: ``python tools/griffe_sphinx_roles.py
site/reference`` names the pages where a role is left and exits 1. ``tests/test_docs.py`` tests :func:`plain` and
:func:`left_in` with the suite's Python, which has no Griffe (it lives in ``.venv-docs``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

_NAMES = "class|func|meth|mod|attr|data|exc|obj|const|type"
ROLE = re.compile(rf":(?:py:)?(?:{_NAMES}):`([~!]?)([^`]+)`")
"""A Sphinx cross-reference role of the Python domain, with its target."""
_LEFT = re.compile(rf":(?:{_NAMES}):")
"""What a role left in a built page shows (its target rendered as code after it)."""


def _shown(match: re.Match[str]) -> str:
    prefix, target = match.groups()
    titled = re.fullmatch(r"(.+?)\s*<[^>]+>", target)
    if titled:
        return f"`{titled.group(1)}`"
    if prefix == "~":
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def plain(text: str) -> str:
    """``text`` with every Sphinx role made a Markdown code span of what Sphinx would show."""
    return ROLE.sub(_shown, text)


def left_in(folder: Path) -> list[Path]:
    """The HTML pages under ``folder`` that still show a role, sorted."""
    return sorted(page for page in folder.rglob("*.html") if _LEFT.search(page.read_text(encoding="utf-8")))


try:
    import griffe
except ImportError:  # the test suite's Python, which tests plain() only
    pass
else:

    class SphinxRoles(griffe.Extension):
        """Rewrites each object's docstring with :func:`plain` once Griffe has built the tree (before the Python
        handler parses the docstrings)."""

        def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = plain(obj.docstring.value)


if __name__ == "__main__":
    pages = left_in(Path(sys.argv[1]))
    for page in pages:
        print(f"{page}: a Sphinx role is left (tools/griffe_sphinx_roles.py, which mkdocs.yml loads, shows them as code)")
    sys.exit(1 if pages else 0)
