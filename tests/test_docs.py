"""The documentation site's pages (docs/, built by ``make docs``): every Python snippet on a page runs, read from
the page, as a module of its own, and synthesizes; the pages the site promises exist and are in its nav; the
getting-started page stays short. The build itself (MkDocs --strict: links, anchors, the reference from the
docstrings) runs in CI (``.ci/run``: ``make docs``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_readme import run_and_synthesize

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
def page_text(page: str) -> str:
    """The text of ``page`` (a path under docs/)."""
    return (DOCS / page).read_text()


def page_section(page: str, title: str) -> str:
    """The ``## title`` section of ``page``, up to the next ``## `` heading."""
    return page_text(page).split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def page_snippets(page: str) -> list[str]:
    """The Python snippets of ``page``, in order."""
    return re.findall(r"```python\n(.*?)```", page_text(page), flags=re.S)


SNIPPETS = [(page, i, code) for page in PAGES
            for i, code in enumerate(re.findall(r"```python\n(.*?)```", (DOCS / page).read_text(), flags=re.S))]


@pytest.mark.parametrize(("page", "index", "code"), SNIPPETS, ids=[f"{p}#{i}" for p, i, _ in SNIPPETS])
def test_a_pages_snippet_runs_and_synthesizes(page: str, index: int, code: str, tmp_path: Path) -> None:
    run_and_synthesize(code, f"page_snippet_{re.sub(r'[^a-z0-9]', '_', page)}_{index}", tmp_path)


def test_every_page_is_in_the_nav_and_the_guides_are_there() -> None:
    nav = (ROOT / "mkdocs.yml").read_text()
    assert [page for page in PAGES if f" {page}" not in nav and f"- {page}" not in nav] == []
    for guide in ("triggers", "functions", "pool", "sign-in", "existing-pools", "testing", "local", "pipelines",
                  "cdk-terrain"):
        assert f"guides/{guide}.md" in PAGES
    assert {"getting-started.md", "errors.md", "performance.md", "architecture.md", "reference/index.md"} <= set(PAGES)


def test_getting_started_fits_in_80_lines_and_the_readme_in_150() -> None:
    assert len((DOCS / "getting-started.md").read_text().splitlines()) < 80
    readme = (ROOT / "README.md").read_text()
    assert len(readme.splitlines()) < 150
    linked = set(re.findall(r"\]\(docs/([^)#]+)\)", readme))
    assert {"getting-started.md", "guides/triggers.md", "guides/local.md", "errors.md", "reference/index.md"} <= linked
    assert [page for page in linked if page not in PAGES] == []
