"""Where the documentation site is published, written here and nowhere else in the package.

Read the Docs builds the site from this repository (``.readthedocs.yaml``: ``mkdocs.yml`` with the tools
pinned in ``requirements-docs.lock``): ``latest`` from main, ``v<version>`` from each release's tag, and
``stable`` as the newest release. ``pyproject.toml``'s ``[project.urls]``, ``mkdocs.yml``'s ``site_url``
and the README link to the same address (``tests/test_docs.py`` keeps them in step), and the README of
the project ``init`` writes links to the pages of the release it pins.
"""

from __future__ import annotations

__all__ = ["SITE", "page_url"]

SITE = "https://cdktf-userpool.readthedocs.io/en/"
"""The site's address, followed by a version: ``latest``, ``stable`` or ``v<version>``."""


def page_url(page: str, version: str = "stable") -> str:
    """The published address of ``page`` in the site of ``version``.

    :param page: a page's path under ``docs/``, optionally with an anchor (``"guides/testing.md#snapshot-tests"``);
        MkDocs publishes ``guides/testing.md`` as ``guides/testing/`` and ``reference/index.md`` as ``reference/``.
    :param version: ``"latest"`` (main), ``"stable"`` (the newest release) or a release's tag, ``"v0.1.0"``.
        Default: ``"stable"``.
    """
    path, _, anchor = page.partition("#")
    folder = path.removesuffix(".md")
    folder = "" if folder == "index" else folder.removesuffix("/index")
    return f"{SITE}{version}/" + (f"{folder}/" if folder else "") + (f"#{anchor}" if anchor else "")
