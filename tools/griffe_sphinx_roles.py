"""A Griffe extension for the documentation site's reference (mkdocs.yml loads it): the docstrings' Sphinx roles
become code spans, as MkDocs renders Markdown, not reStructuredText. ``:class:`UserPool``` is shown as
``UserPool``, ``:func:`~cdktf_userpool.testing.snapshot``` as ``snapshot`` (``~``: the last name only), and
``:meth:`title <target>``` as ``title``. The fields the Python handler reads (``:param x:``, ``:raises E:``,
``:ivar x:``) are not roles and are left alone.

``make docs`` checks the built reference for a role left over. ``tests/test_docs.py`` tests :func:`plain` with the
suite's Python, which has no Griffe (it lives in ``.venv-docs``).
"""

from __future__ import annotations

import re
from typing import Any

ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|data|exc|obj|const|type):`([~!]?)([^`]+)`")
"""A Sphinx cross-reference role of the Python domain, with its target."""


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
