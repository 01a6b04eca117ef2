"""Managed login's HTML: plain forms that work without JavaScript, with the names Cognito's pages use
(``username``, ``password``, ``code``...), a ``_csrf`` field, and a refusal shown in ``#error``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

_STYLE = ("body{font-family:system-ui,sans-serif;background:#f2f3f3;margin:0}"
          "main{max-width:22rem;margin:3rem auto;background:#fff;padding:1.5rem 2rem;border-radius:.5rem}"
          "label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;box-sizing:border-box}"
          "button{margin-top:1rem;width:100%;padding:.5rem}.error{color:#b0081a}.notice{color:#1d6b26}"
          "nav a{display:block;margin-top:.8rem}")


@dataclass(frozen=True)
class Field:
    """One input of a form."""

    name: str
    label: str
    kind: str = "text"
    value: str = ""
    autocomplete: str | None = None


def _field(field: Field) -> str:
    if field.kind == "hidden":
        return f'<input type="hidden" name="{escape(field.name)}" value="{escape(field.value)}">'
    auto = f' autocomplete="{escape(field.autocomplete)}"' if field.autocomplete else ""
    return (f'<label for="{escape(field.name)}">{escape(field.label)}</label>'
            f'<input id="{escape(field.name)}" name="{escape(field.name)}" type="{escape(field.kind)}"'
            f' value="{escape(field.value)}"{auto} required>')


def form(action: str, csrf: str, fields: list[Field], submit: str) -> str:
    """A form posting ``fields`` (and ``_csrf``) to ``action``."""
    inputs = "".join(_field(f) for f in [Field("_csrf", "", "hidden", csrf), *fields])
    return (f'<form method="post" action="{escape(action)}">{inputs}'
            f'<button type="submit" name="submit">{escape(submit)}</button></form>')


def links(items: list[tuple[str, str]]) -> str:
    """A list of links (label, href) under a form."""
    return "<nav>" + "".join(f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in items) + "</nav>"


def page(title: str, body: str, *, error: str | None = None, notice: str | None = None) -> str:
    """A whole page: ``title``, an ``error`` or ``notice`` line, then ``body``."""
    said = ""
    if error:
        said += f'<p class="error" id="error" role="alert">{escape(error)}</p>'
    if notice:
        said += f'<p class="notice" id="notice">{escape(notice)}</p>'
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width"><style>{_STYLE}</style></head>'
            f"<body><main><h1>{escape(title)}</h1>{said}{body}</main></body></html>")
