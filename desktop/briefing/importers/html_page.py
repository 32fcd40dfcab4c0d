"""Saved HTML pages (.html, .htm) → article, keeping the main text and dropping the rest.

trafilatura finds the article among navigation, comments and advertising and writes it as
Markdown; it is given the page's text, never a URL, so nothing is fetched. When it finds
nothing (a short page, an odd layout) the visible text of ``<body>`` without scripts,
styles, navigation, header, footer and asides is used instead.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from briefing.core.model import ArticleDraft
from briefing.core.normalize import clean_imported_text
from briefing.importers.decode import UndecodableError, decode_text
from briefing.importers.failure import ImportFailure
from briefing.importers.front_matter import parse_date
from briefing.importers.markdown_file import drop_title_heading
from briefing.importers.paragraphs import paragraphs_to_markdown, split_title

_log = logging.getLogger(__name__)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Not <form>: ASP.NET pages wrap the whole page in one.
_DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside")
_BLOCKS = frozenset(
    {
        *("address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre"),
        *("section", "table", "td", "th", "tr", "ul"),
    }
)
LARGE_PAGE_CHARS = 1_000_000
META_WINDOW_CHARS = 256_000
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ALIASES = {"shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932"}


def read_html(path: Path, data: bytes) -> ArticleDraft:
    """Build a draft from the bytes of a saved HTML page."""
    # lxml refuses a str that declares its encoding, as saved XHTML pages do; it is decoded.
    html = _XML_DECLARATION.sub("", _decode(path, data), count=1)
    if not html.strip():
        raise ImportFailure(path, "empty file")
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailure(path, "not readable as HTML") from exc
    large = len(html) > LARGE_PAGE_CHARS
    # On a large page trafilatura's time grows faster than the page (4.6 MB took 13 s, 14 MB
    # over a minute: bench/hostile_bench.py). Metadata lives in the head and the top of the
    # body, so it is read from the page's start; the text is the visible text of the page's
    # <article> or <main> (else <body>), pruned as for short pages: linear in the page.
    meta = trafilatura.extract_metadata(html[:META_WINDOW_CHARS] if large else html)
    linked = _linked_data(root)  # before the pruning: it lives in <script>
    _prune(root)
    body = None
    if not large:
        body = trafilatura.extract(
            lxml.html.tostring(root, encoding="unicode"),
            output_format="markdown",
            include_formatting=True,
            include_comments=False,
            include_links=False,
            include_images=False,
            with_metadata=False,
        )
    title = _one_line((meta.title if meta else None) or _first_text(root, "//title", "//h1"))
    if body and body.strip():
        markdown = drop_title_heading(clean_imported_text(body), title).strip() + "\n"
    else:
        if not large:
            _log.info("%s: no main content found, using the visible text of <body>", path.name)
        paragraphs = _visible_paragraphs(_main_part(root) if large else root)
        if not title:
            title, paragraphs = split_title(paragraphs)
        elif paragraphs and paragraphs[0] == title:
            paragraphs = paragraphs[1:]
        markdown = paragraphs_to_markdown(paragraphs)
    published = (meta.date if meta else None) or linked.get("date")
    return ArticleDraft(
        title=title or _one_line(linked.get("title")),
        body=markdown,
        source=_one_line((meta.sitename if meta else None) or linked.get("source")),
        author=_one_line((meta.author if meta else None) or linked.get("author")),
        url=_one_line(meta.url if meta else None),
        published=parse_date(published[:10]) if published else None,
        language=_one_line(root.get("lang") or root.get("xml:lang")),
        origin=str(path),
    )


def _linked_data(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Title, author, publisher and date from the page's JSON-LD (schema.org ``Article``,
    ``NewsArticle``, ``Report``…), for what trafilatura's metadata left empty: it skips
    JSON-LD without ``@context``, which many Japanese news sites write."""
    found: dict[str, str] = {}
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if not isinstance(item, dict) or not re.search(
                r"Article|Report|Posting", str(item.get("@type", ""))
            ):
                continue
            found.setdefault("title", _ld_text(item.get("headline") or item.get("name")))
            found.setdefault("author", _ld_text(item.get("author")))
            found.setdefault("source", _ld_text(item.get("publisher")))
            found.setdefault("date", _ld_text(item.get("datePublished")))
    return {key: value for key, value in found.items() if value}


def _ld_text(value: object) -> str:
    """A JSON-LD value as text: a string, an object's ``name``, a list's names joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    if isinstance(value, list):
        return "、".join(filter(None, (_ld_text(v) for v in value)))
    return ""


def _decode(path: Path, data: bytes) -> str:
    """Decode with the charset the page declares, else detect it like a text file."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith(_BOMS):
        name = declared.group(1).decode("ascii").lower()
        name = _ALIASES.get(name, name)  # pages saying Shift_JIS are written as CP932
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    try:
        return decode_text(data)
    except UndecodableError as exc:
        raise ImportFailure(path, "binary or undecodable file") from exc


def _one_line(value: str | None) -> str:
    return " ".join(clean_imported_text(value).split()) if value else ""


def _first_text(root: lxml.html.HtmlElement, *xpaths: str) -> str:
    for xpath in xpaths:
        for element in root.xpath(xpath):
            text = " ".join(element.text_content().split())
            if text:
                return text
    return ""


def _prune(root: lxml.html.HtmlElement) -> None:
    """Remove what is never article text from ``<body>``, before trafilatura sees the page:
    on a short page its fallback keeps navigation text. A header or footer inside
    ``<article>`` or ``<main>`` holds the article's own title and byline, so it stays."""
    body = root.find("body")
    for element in list((body if body is not None else root).iter(*_DROPPED)):
        if element.tag in ("header", "footer") and any(
            ancestor.tag in ("article", "main") for ancestor in element.iterancestors()
        ):
            continue
        element.drop_tree()


def _main_part(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The page's ``<article>`` or ``<main>`` when it has one, else the page."""
    for xpath in ("//article", "//main"):
        found = root.xpath(xpath)
        if found:
            return found[0]
    return root


def _visible_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    """The text of ``<body>`` (already pruned), one paragraph per block element."""
    body = root.find("body")
    if body is None:
        body = root
    pieces: list[str] = []
    # Walked by hand: lxml's iterwalk skips comments, and with them the text after them.
    stack: list[tuple[etree._Element, bool]] = [(body, False)]
    while stack:
        element, closing = stack.pop()
        block = isinstance(element.tag, str) and element.tag in _BLOCKS
        if closing:
            pieces.append("\n" if block else "")
            if element is not body:
                pieces.append(element.tail or "")
            continue
        pieces.append("\n" if block else "")
        if isinstance(element.tag, str):  # a comment's own text is not shown
            pieces.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    text = clean_imported_text("".join(pieces))
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
