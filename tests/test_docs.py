"""The documentation site's pages (docs/, built by ``make docs``): every Python snippet on a page runs, read from
the page, as a module of its own, and synthesizes; the pages the site promises exist and are in its nav; the
getting-started page stays short; the site's published address is the same everywhere it is written, and every
link to it (the README's, the README of a project ``init`` writes) names a page and a heading the site has. The
build itself (MkDocs --strict: links, anchors, the reference from the docstrings) runs in CI (``.ci/run``:
``make docs``)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from cdktf_userpool._scaffold import init_project
from cdktf_userpool._scaffold._origin import origin
from cdktf_userpool._site import SITE, page_url
from cdktf_userpool._version import __version__
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
    assert len((ROOT / "README.md").read_text().splitlines()) < 150


def headings(page: str) -> set[str]:
    """The anchors of ``page``'s headings, as MkDocs makes them (Python-Markdown's toc slugify), code blocks left
    out."""
    text = re.sub(r"^```.*?^```", "", page_text(page), flags=re.S | re.M)
    found = set()
    for title in re.findall(r"^#{1,6} (.+)$", text, flags=re.M):
        plain = re.sub(r"[^\w\s-]", "", title.replace("`", "")).strip().lower()
        found.add(re.sub(r"[-\s]+", "-", plain))
    return found


def site_links(text: str) -> list[tuple[str, str, str]]:
    """Every link to the published site in ``text``, as (version, page under docs/, anchor)."""
    links = []
    for version, path, anchor in re.findall(rf"{re.escape(SITE)}([\w.-]+)/([\w./-]*)(?:#([\w-]+))?", text):
        assert path == "" or path.endswith("/"), f"{SITE}{version}/{path}: a page's address ends with /"
        folder = path.rstrip("/")
        candidates = [f"{folder}.md", f"{folder}/index.md"] if folder else ["index.md"]
        page = next((c for c in candidates if c in PAGES), f"(no page: {candidates[0]})")
        links.append((version, page, anchor))
    return links


def assert_links_exist(text: str, versions: set[str]) -> set[str]:
    """Check each site link in ``text``: its version is one of ``versions``, its page exists, and so does its
    anchor; the pages linked."""
    links = site_links(text)
    assert links, "no link to the site"
    assert {version for version, _, _ in links} <= versions
    assert [page for _, page, _ in links if page not in PAGES] == []
    assert [(page, a) for _, page, a in links if a and a not in headings(page)] == []
    return {page for _, page, _ in links}


def test_page_url_is_the_address_mkdocs_publishes_a_page_at() -> None:
    assert page_url("index.md") == f"{SITE}stable/"
    assert page_url("reference/index.md", "latest") == f"{SITE}latest/reference/"
    assert page_url("guides/testing.md#snapshot-tests", "v1.2.0") == f"{SITE}v1.2.0/guides/testing/#snapshot-tests"
    assert "snapshot-tests" in headings("guides/testing.md")
    assert "production-options-vpc-layers-logging-cold-starts-and-the-rest-of-lambdafunction" in headings(
        "guides/functions.md")  # the anchor make docs writes for a heading with code in it


def test_the_sites_address_is_the_same_everywhere_it_is_written() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    assert urls["Documentation"] == page_url("index.md")
    mkdocs = (ROOT / "mkdocs.yml").read_text()
    assert f'site_url: !ENV [READTHEDOCS_CANONICAL_URL, "{page_url("index.md", "latest")}"]' in mkdocs
    readthedocs = (ROOT / ".readthedocs.yaml").read_text()
    assert "configuration: mkdocs.yml" in readthedocs and "requirements: requirements-docs.lock" in readthedocs


def test_the_readme_links_to_the_newest_releases_pages() -> None:
    linked = assert_links_exist((ROOT / "README.md").read_text(), {"stable"})
    assert {"getting-started.md", "guides/triggers.md", "guides/local.md", "errors.md", "reference/index.md"} <= linked
    assert [page for page in PAGES if page.startswith("guides/") and page not in linked] == []


@pytest.mark.parametrize("kind", ["index", "editable"])
def test_a_generated_projects_readme_links_to_the_pages_of_the_release_it_pins(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README ``init`` writes links to the site's pages for what it does not explain itself: those of the
    pinned release when the library came from a package index, main's (``latest``) for a checkout."""
    direct_url = "" if kind == "index" else json.dumps({"url": ROOT.as_uri(), "dir_info": {"editable": True}})
    monkeypatch.setattr("cdktf_userpool._scaffold.origin", lambda extras: origin(extras, direct_url=direct_url))
    init_project(tmp_path / "p")
    readme = (tmp_path / "p" / "README.md").read_text()
    version = f"v{__version__}" if kind == "index" else "latest"
    linked = assert_links_exist(readme, {version})
    assert {"guides/testing.md", "guides/local.md", "guides/pipelines.md", "guides/triggers.md", "guides/pool.md",
            "guides/project.md", "errors.md"} <= linked
    said = f"for the release this project pins ({__version__})" if kind == "index" else "main's (this project's"
    assert said in readme.replace("\n", " ")


def test_the_references_sphinx_roles_are_shown_as_sphinx_shows_them(tmp_path: Path) -> None:
    """tools/griffe_sphinx_roles.py, and its check of the built reference that make docs runs."""
    from tools.griffe_sphinx_roles import left_in, plain

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>typed by :class:<code>LambdaTriggers</code></p>")
    (tmp_path / "b.html").write_text("<p>typed by <code>LambdaTriggers</code>; <code>:param x:</code></p>")
    assert left_in(tmp_path) == [tmp_path / "a" / "index.html"]

    text = (":class:`UserPool` and :func:`~cdktf_userpool.testing.snapshot`, :meth:`the hook <UserPool.on>`, "
            ":py:attr:`!name`, :mod:`.local`.\n:param kms_key: the key (:data:`None`).\n:raises ConfigurationError: if.")
    assert plain(text) == ("`UserPool` and `snapshot`, `the hook`, `name`, `.local`.\n:param kms_key: the key "
                           "(`None`).\n:raises ConfigurationError: if.")


@pytest.mark.parametrize("kind", ["index", "editable"])
def test_the_command_lines_help_ends_with_the_documentations_address(
    kind: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cdktf_userpool.__main__ import main

    direct_url = "" if kind == "index" else json.dumps({"url": ROOT.as_uri(), "dir_info": {"editable": True}})
    monkeypatch.setattr("cdktf_userpool._scaffold.origin", lambda extras: origin(extras, direct_url=direct_url))
    with pytest.raises(SystemExit):
        main(["--help"])
    version = f"v{__version__}" if kind == "index" else "latest"
    assert capsys.readouterr().out.rstrip().endswith(f"\nDocumentation: {SITE}{version}/")
