"""Managed login's HTML: plain forms that work without JavaScript, with the names Cognito's pages use
(``username``, ``password``, ``code``...), a ``_csrf`` field, and a refusal shown in ``#error``.

Rendered by Jinja2 (installed with Flask) from the templates in ``templates/``, with autoescaping on:
every value a page shows (a username, an error, a redirect URI) is escaped; what :func:`form` and
:func:`links` render is markup that :func:`page` places as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

__all__ = ["Field", "form", "links", "page"]


@dataclass(frozen=True)
class Field:
    """One input of a form."""

    name: str
    label: str
    kind: str = "text"
    value: str = ""
    autocomplete: str | None = None


@cache
def _templates() -> Environment:
    return Environment(loader=PackageLoader("cdktf_userpool.local.login", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _render(name: str, **values: object) -> Markup:
    return Markup(_templates().get_template(name).render(**values))


def form(action: str, csrf: str, fields: list[Field], submit: str) -> Markup:
    """A form posting ``fields`` (and ``_csrf``) to ``action``."""
    return _render("form.html", action=action, fields=[Field("_csrf", "", "hidden", csrf), *fields], submit=submit)


def links(items: list[tuple[str, str]]) -> Markup:
    """A list of links (label, href) under a form."""
    return _render("links.html", items=items)


def page(title: str, body: Markup, *, error: str | None = None, notice: str | None = None) -> str:
    """A whole page: ``title``, an ``error`` or ``notice`` line, then ``body`` (markup from :func:`form`, :func:`links`)."""
    return str(_render("page.html", title=title, body=body, error=error, notice=notice))
