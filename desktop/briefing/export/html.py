"""The briefing as one self-contained HTML file: styles inline, no script, nothing loaded
from anywhere (links to sources are links, not resources). Every string is escaped; the
labels are the briefing's language's (:mod:`briefing.core.briefing_labels`), as in the PDF."""

from __future__ import annotations

import re
from html import escape

from briefing.core.briefing import Briefing, Item, Section
from briefing.core.briefing_labels import Labels
from briefing.core.briefing_text import Block, Inline

STYLE = """
:root { --ink:#1b1f24; --accent:#1f3a5f; --muted:#5b6675; --hair:#c8d0da; --wash:#f3f5f8;
  --alert:#b3261e; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.75;
  font-family: "Noto Serif CJK JP", "Source Han Serif JP", "Hiragino Mincho ProN", "Yu Mincho",
  serif; font-size: 16px; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
header.page { display: flex; justify-content: space-between; align-items: center; gap: 1rem;
  font: 12px/1.4 "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif;
  color: var(--muted); border-bottom: 1px solid var(--hair); padding-bottom: .4rem; }
.marking { border: 1px solid var(--alert); color: var(--alert); font-weight: 700;
  padding: .1rem .45rem; border-radius: 2px; letter-spacing: .06em; }
h1, h2, .sans, nav, .cite, .facts, .tags { font-family: "Noto Sans CJK JP", "Hiragino Sans",
  "Yu Gothic", sans-serif; }
h1 { color: var(--accent); font-size: 1.9rem; margin: 1.2rem 0 .3rem; line-height: 1.3; }
h2 { color: var(--accent); font-size: 1.2rem; border-bottom: 2px solid var(--accent);
  margin: 2.2rem 0 .8rem; padding-bottom: .15rem; }
.facts { color: var(--muted); font-size: .85rem; margin: 0 0 .6rem; display: grid;
  grid-template-columns: max-content 1fr; gap: .1rem 1rem; border-bottom: 3px solid var(--accent);
  padding-bottom: .7rem; }
.facts dt { font-weight: 600; } .facts dd { margin: 0; }
.summary { background: var(--wash); padding: .6rem 1rem; border-radius: 3px; margin: 1rem 0; }
.summary > .label { font-weight: 700; color: var(--accent); font-size: .85rem; }
nav ol { padding-left: 1.4rem; } nav a { color: var(--accent); text-decoration: none; }
.description { color: var(--muted); font-size: .85rem; margin-top: -.4rem; }
article.item { margin: 1.3rem 0; break-inside: avoid; }
blockquote { margin: 0; padding: .15rem 0 .15rem .9rem; border-left: 3px solid var(--tag);
  font-size: 1.05rem; }
blockquote p, .note p { margin: .2rem 0; }
.note { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif;
  font-size: .9rem; margin: .45rem 0 0 1rem; }
.cite { color: var(--muted); font-size: .75rem; margin: .35rem 0 0 1rem; line-height: 1.5;
  overflow-wrap: anywhere; }
.tag { display: inline-block; background: var(--wash); border: 1px solid var(--hair);
  border-radius: 1rem; padding: 0 .5rem; margin-left: .3rem; font-size: .7rem; }
a { color: var(--accent); }
code, pre { font-family: "Noto Sans Mono CJK JP", ui-monospace, monospace; font-size: .9em; }
pre { background: var(--wash); padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
ol.sources { font-family: "Noto Sans CJK JP", "Hiragino Sans", sans-serif; font-size: .85rem;
  padding-left: 2rem; overflow-wrap: anywhere; }
ol.sources li { margin: .4rem 0; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } }
"""


def render_html(briefing: Briefing) -> bytes:
    """The whole briefing as a UTF-8 HTML document."""
    e = escape
    labels = briefing.labels
    marking = f'<span class="marking">{e(briefing.marking)}</span>' if briefing.marking else ""
    facts = [
        (labels.period, briefing.period_label),
        (labels.issued, briefing.created.astimezone().strftime("%Y-%m-%d %H:%M")),
    ]
    if briefing.author:
        facts.append((labels.author, briefing.author))
    facts.append((labels.count, briefing.count_label))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(labels.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(briefing.title)}</title>",
        f'<meta name="author" content="{e(briefing.author)}">' if briefing.author else "",
        f'<meta name="description" content="{e(briefing.subject)}">',
        f'<meta name="keywords" content="{e(", ".join(briefing.keywords))}">',
        f"<style>{STYLE}</style>",
        "</head>",
        "<body><main>",
        f'<header class="page"><span>{e(briefing.title)}</span>{marking}'
        f"<span>{e(briefing.date_label)}</span></header>",
        f"<h1>{e(briefing.title)}</h1>",
        '<dl class="facts">'
        + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts)
        + "</dl>",
    ]
    if briefing.summary:
        parts.append(
            f'<section class="summary"><div class="label">{e(labels.summary)}</div>'
            f"{blocks_html(briefing.summary)}</section>"
        )
    parts.append(f'<nav><h2 id="contents">{e(labels.contents)}</h2><ol>')
    for index, section in enumerate(briefing.sections, 1):
        parts.append(
            f'<li><a href="#section-{index}">{e(section.tag)}</a> ({len(section.items)})</li>'
        )
    parts.append(f'<li><a href="#sources">{e(labels.sources)}</a></li></ol></nav>')
    for index, section in enumerate(briefing.sections, 1):
        parts.append(_section(index, section, labels))
    parts.append(f'<h2 id="sources">{e(labels.sources)}</h2><ol class="sources">')
    for source in briefing.sources:
        link = f"<br>{_link(source.url)}" if source.url else ""
        details = " · ".join(e(p) for p in source.parts(labels)[1:])
        parts.append(
            f'<li value="{source.number}" id="source-{source.number}">'
            f"<strong>{e(source.title)}</strong>"
            f"{'<br>' + details if details else ''}{link}</li>"
        )
    parts.append("</ol></main></body></html>")
    return ("\n".join(p for p in parts if p) + "\n").encode("utf-8")


def _section(index: int, section: Section, labels: Labels) -> str:
    # A colour strictly as #hex: anything else in a style attribute could load a resource.
    color = section.color if re.fullmatch(r"#[0-9a-fA-F]{3,8}", section.color) else "#555555"
    out = [
        f'<section id="section-{index}" style="--tag:{color}">',
        f"<h2>{escape(section.tag)}</h2>",
    ]
    if section.description:
        out.append(f'<p class="description">{escape(section.description)}</p>')
    out.extend(_item(item, labels) for item in section.items)
    out.append("</section>")
    return "\n".join(out)


def _item(item: Item, labels: Labels) -> str:
    e = escape
    quote = "".join(f"<p>{e(line)}</p>" for line in item.quote.split("\n") if line.strip())
    note = f'<div class="note">{blocks_html(item.note)}</div>' if item.note else ""
    cite = item.citation
    text = " · ".join(e(p) for p in cite.parts(labels))
    url = f"<br>{_link(cite.url)}" if cite.url else ""
    tags = "".join(f'<span class="tag">{e(t)}</span>' for t in item.other_tags)
    return (
        f'<article class="item" id="highlight-{item.highlight_id}">'
        f"<blockquote>{quote}</blockquote>{note}"
        f'<div class="cite"><a href="#source-{cite.number}">[{cite.number}]</a> {text}{tags}{url}'
        "</div></article>"
    )


def _safe(url: str) -> bool:
    """Only web and mail links: a ``javascript:`` URL in a note or an imported article must
    not become active in the analyst's readers' browsers."""
    return url.strip().lower().startswith(("http://", "https://", "mailto:"))


def _link(url: str) -> str:
    return f'<a href="{escape(url)}">{escape(url)}</a>' if _safe(url) else escape(url)


def blocks_html(blocks: tuple[Block, ...]) -> str:
    return "".join(_block(block) for block in blocks)


def _block(block: Block) -> str:
    kind = block.kind
    if kind == "paragraph":
        return f"<p>{inlines_html(block.inlines)}</p>"
    if kind == "heading":
        return f"<p><strong>{inlines_html(block.inlines)}</strong></p>"
    if kind == "code":
        return f"<pre><code>{escape(block.text)}</code></pre>"
    if kind == "bullets":
        return "<ul>" + "".join(f"<li>{blocks_html(i)}</li>" for i in block.items) + "</ul>"
    if kind == "numbers":
        items = "".join(f"<li>{blocks_html(i)}</li>" for i in block.items)
        return f'<ol start="{block.start}">{items}</ol>'
    if kind == "quote":
        return f"<blockquote>{blocks_html(block.blocks)}</blockquote>"
    if kind == "rule":
        return "<hr>"
    return ""


_WRAP = {"strong": "strong", "emph": "em", "strike": "s"}


def inlines_html(inlines: tuple[Inline, ...]) -> str:
    out = []
    for inline in inlines:
        if inline.kind == "text":
            out.append(escape(inline.text))
        elif inline.kind == "code":
            out.append(f"<code>{escape(inline.text)}</code>")
        elif inline.kind == "break":
            out.append("<br>")
        elif inline.kind == "link":
            body = inlines_html(inline.children)
            out.append(f'<a href="{escape(inline.url)}">{body}</a>' if _safe(inline.url) else body)
        else:
            tag = _WRAP.get(inline.kind, "span")
            out.append(f"<{tag}>{inlines_html(inline.children)}</{tag}>")
    return "".join(out)
