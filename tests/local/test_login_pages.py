"""Managed login's HTML from its Jinja2 templates: every value escaped once, the forms' markup placed as it is."""

from __future__ import annotations

from html.parser import HTMLParser

from cdktf_userpool.local.login._pages import Field, form, links, page

HOSTILE = "<script>alert('x')</script> & \"quoted\""


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> _Collect:
    collect = _Collect()
    collect.feed(html)
    return collect


def test_every_value_a_page_shows_is_escaped_and_reads_back_as_given() -> None:
    body = form(f"/login?next={HOSTILE}", HOSTILE, [Field("username", HOSTILE, value=HOSTILE, autocomplete="username"),
                                                   Field("session", "", "hidden", HOSTILE)], HOSTILE)
    html = page(HOSTILE, body + links([(HOSTILE, f"/forgot?u={HOSTILE}")]), error=HOSTILE, notice=HOSTILE)
    assert "<script>" not in html and "&lt;script&gt;" in html
    found = parsed(html)
    assert [t for t, _ in found.tags].count("script") == 0
    forms = [attrs for tag, attrs in found.tags if tag == "form"]
    assert forms == [{"method": "post", "action": f"/login?next={HOSTILE}"}]
    inputs = {attrs["name"]: attrs for tag, attrs in found.tags if tag == "input"}
    assert inputs["_csrf"]["value"] == HOSTILE and inputs["session"]["value"] == HOSTILE
    assert inputs["username"] == {"id": "username", "name": "username", "type": "text", "value": HOSTILE,
                                  "autocomplete": "username", "required": ""}
    assert [a["href"] for tag, a in found.tags if tag == "a"] == [f"/forgot?u={HOSTILE}"]
    shown = "".join(found.text)
    assert shown.count(HOSTILE) == 7  # the title, heading, error, notice, label, button and link text
    assert ('id', 'error') in [(k, v) for tag, a in found.tags if tag == "p" for k, v in a.items()]


def test_a_page_without_a_form_or_a_message() -> None:
    from markupsafe import Markup

    found = parsed(page("Error", Markup()))
    assert [t for t, _ in found.tags if t in ("form", "p", "nav")] == []
