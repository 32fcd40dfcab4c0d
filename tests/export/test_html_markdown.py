"""The HTML and Markdown briefings: self-contained, every string escaped, every quote and
note exact in what a browser or a Markdown viewer shows."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from briefing.core.briefing import Briefing, BriefingOptions
from briefing.core.briefing_text import parse_rich, plain_text
from briefing.export.html import render_html
from briefing.export.markdown import blocks_markdown, escape, render_markdown
from briefing.services import Library
from briefing.services.briefing import build_briefing
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.export.helpers import CREATED, HOSTILE_TITLE, squeeze


@pytest.fixture(scope="module")
def briefing(briefing_library: Library, options: BriefingOptions) -> Briefing:
    return build_briefing(briefing_library, options, CREATED)


class _Page(HTMLParser):
    """What a browser shows and what it would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _shown(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_html_shows_every_quote_note_and_title_exactly(briefing: Briefing) -> None:
    page = _shown(render_html(briefing).decode("utf-8"))
    shown = squeeze("".join(page.text))
    for item in briefing.items:
        assert squeeze(item.quote) in shown
        assert squeeze(plain_text(item.note)) in shown
        assert squeeze(item.citation.title) in shown
    assert squeeze(HOSTILE_TITLE) in shown
    assert "<script>alert(1)</script>" in "".join(page.text)  # shown, not run
    assert "取扱注意" in shown and "朝のブリーフィング" in shown
    html = render_html(briefing).decode("utf-8")
    headings = [unescape(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    # Japanese articles: Japanese labels, with no language chosen.
    assert headings == ["目次", *[s.tag for s in briefing.sections], "出典"]


def test_html_is_self_contained_and_inert(briefing: Briefing) -> None:
    page = _shown(render_html(briefing).decode("utf-8"))
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    assert "link" not in names  # no stylesheet or font from anywhere
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if tag == "a":
            href = attrs["href"] or ""
            assert href.startswith(("#", "https://", "http://", "mailto:")), href
        assert "url(" not in (attrs.get("style") or "")
    style = render_html(briefing).decode().split("<style>")[1].split("</style>")[0]
    assert "@import" not in style and "url(" not in style


def test_a_javascript_link_in_a_note_is_not_a_link() -> None:
    from briefing.core.briefing_text import Inline
    from briefing.export.html import inlines_html

    (paragraph,) = parse_rich("[click](javascript:alert(1)) and [ok](https://example.org)")
    html = inlines_html(paragraph.inlines)
    assert 'href="javascript:' not in html
    assert '<a href="https://example.org">ok</a>' in html
    # Should a parser let one through, the writer still does not make it a link.
    link = Inline("link", children=(Inline("text", "click"),), url="JavaScript:alert(1)")
    assert inlines_html((link,)) == "click"


def _markdown_text(markdown: str) -> str:
    """What a CommonMark viewer shows (HTML off, as a careful viewer would have it; with
    HTML on, the escaped text stays text all the same)."""
    page = _Page()
    page.feed(MarkdownIt("commonmark", {"html": True}).render(markdown))
    return "".join(page.text)


def test_markdown_shows_every_quote_note_and_title_exactly(briefing: Briefing) -> None:
    markdown = render_markdown(briefing).decode("utf-8")
    shown = squeeze(_markdown_text(markdown))
    for item in briefing.items:
        assert squeeze(item.quote) in shown
        assert squeeze(plain_text(item.note)) in shown
        assert squeeze(item.citation.title) in shown
    assert squeeze(HOSTILE_TITLE) in shown
    assert "<script>" not in MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert markdown.startswith("**取扱注意**\n\n# 朝のブリーフィング\n")
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["要旨", "目次", *[s.tag for s in briefing.sections], "出典"]


@given(st.text(alphabet=st.sampled_from("ab日本 #*_`[]()<>!$&\\-+.1|~=\n"), max_size=40))
def test_escaped_text_shows_as_typed(text: str) -> None:
    lines = [line.strip() for line in text.split("\n")]
    text = " ".join(line for line in lines if line)
    assert plain_text(parse_rich(escape(text))) == text


@given(st.text(alphabet=st.sampled_from("ab日本 #*_`[]()<>!$&\\-+.1|~=\n>"), max_size=60))
def test_notes_written_back_to_markdown_read_the_same(note: str) -> None:
    blocks = parse_rich(note)
    assert plain_text(parse_rich(blocks_markdown(blocks))) == plain_text(blocks)
