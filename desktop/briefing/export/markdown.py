"""The briefing as Markdown (CommonMark): for pasting into mail, wikis and chat.

Quotes, titles and every other string are escaped, so a title like ``*x*`` or ``<b>`` reads
as typed in any Markdown viewer; notes are written back from their parsed tree, so a note
renders as it does in the PDF and the HTML (raw HTML in a note stays visible text). The
labels are the briefing's language's (:mod:`briefing.core.briefing_labels`), as in the PDF.
"""

from __future__ import annotations

import re

from briefing.core.briefing import Briefing, Item
from briefing.core.briefing_labels import Labels
from briefing.core.briefing_text import Block, Inline

# Characters that can start Markdown syntax anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")
# Line starts that would make a heading, list, quote, rule or code block.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape(text: str) -> str:
    """``text`` as Markdown that renders exactly these characters."""
    lines = []
    for line in text.split("\n"):
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        match = _LINE_START.match(line)
        if match:
            marker = match.group(2)
            escaped = marker[:-1] + "\\" + marker[-1]
            line = match.group(1) + escaped + line[match.end() :]
        lines.append(line.replace("\t", " "))
    return "\n".join(lines)


def render_markdown(briefing: Briefing) -> bytes:
    """The whole briefing as UTF-8 Markdown."""
    out: list[str] = []
    labels = briefing.labels
    if briefing.marking:
        out.append(f"**{escape(briefing.marking)}**")
    out.append(f"# {escape(briefing.title)}")
    facts = [
        (labels.period, briefing.period_label),
        (labels.issued, briefing.created.astimezone().strftime("%Y-%m-%d %H:%M")),
    ]
    if briefing.author:
        facts.append((labels.author, briefing.author))
    facts.append((labels.count, briefing.count_label))
    out.append(
        "\n".join(f"- {escape(label)}{labels.colon}{escape(value)}" for label, value in facts)
    )
    if briefing.summary:
        out.append(f"## {escape(labels.summary)}")
        out.append(blocks_markdown(briefing.summary))
    out.append(f"## {escape(labels.contents)}")
    out.append(
        "\n".join(
            f"{n}. {escape(section.tag)} ({len(section.items)})"
            for n, section in enumerate(briefing.sections, 1)
        )
    )
    for section in briefing.sections:
        out.append(f"## {escape(section.tag)}")
        if section.description:
            out.append(f"*{escape(section.description)}*")
        for item in section.items:
            out.append(_item(item, labels))
    out.append(f"## {escape(labels.sources)}")
    for source in briefing.sources:
        line = f"{source.number}. " + " · ".join(escape(p) for p in source.parts(labels))
        if source.url:
            line += f"  \n   {_url(source.url)}"
        out.append(line)
    return ("\n\n".join(part for part in out if part) + "\n").encode("utf-8")


def _item(item: Item, labels: Labels) -> str:
    parts = ["\n>\n".join("> " + escape(line) for line in item.quote.split("\n") if line.strip())]
    if item.note:
        parts.append(blocks_markdown(item.note))
    cite = item.citation
    line = f"— \\[{cite.number}\\] " + " · ".join(escape(p) for p in cite.parts(labels))
    if cite.url:
        line += " · " + _url(cite.url)
    if item.other_tags:
        line += f"  \n{escape(labels.also)}{labels.colon}" + ", ".join(
            escape(t) for t in item.other_tags
        )
    parts.append(line)
    return "\n\n".join(parts)


def _url(url: str) -> str:
    """An autolink when the URL allows one, else the URL as escaped text."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*", url):
        return f"<{url}>"
    return escape(url)


def blocks_markdown(blocks: tuple[Block, ...]) -> str:
    """Rich-text blocks back to Markdown, blank line between blocks."""
    return "\n\n".join(text for block in blocks if (text := _block(block)))


def _block(block: Block) -> str:
    kind = block.kind
    if kind == "paragraph":
        return inlines_markdown(block.inlines)
    if kind == "heading":
        return f"**{inlines_markdown(block.inlines)}**"
    if kind == "code":
        fence = "`" * max(3, _longest_run(block.text, "`") + 1)
        return f"{fence}\n{block.text}\n{fence}"
    if kind in ("bullets", "numbers"):
        lines = []
        for index, item in enumerate(block.items):
            marker = f"{block.start + index}. " if kind == "numbers" else "- "
            body = blocks_markdown(item).split("\n")
            pad = " " * len(marker)
            lines.append(marker + body[0])
            lines.extend((pad + rest) if rest else "" for rest in body[1:])
        return "\n".join(lines)
    if kind == "quote":
        inner = blocks_markdown(block.blocks).split("\n")
        return "\n".join(("> " + line) if line else ">" for line in inner)
    if kind == "rule":
        return "---"
    return ""


def inlines_markdown(inlines: tuple[Inline, ...]) -> str:
    out = []
    for inline in inlines:
        kind = inline.kind
        if kind == "text":
            out.append(escape(inline.text))
        elif kind == "code":
            ticks = "`" * (_longest_run(inline.text, "`") + 1)
            pad = " " if inline.text.startswith("`") or inline.text.endswith("`") else ""
            out.append(f"{ticks}{pad}{inline.text}{pad}{ticks}")
        elif kind == "break":
            out.append("\\\n")
        else:
            body = inlines_markdown(inline.children)
            if kind == "strong":
                out.append(f"**{body}**")
            elif kind == "emph":
                out.append(f"*{body}*")
            elif kind == "strike":
                out.append(f"~~{body}~~")
            elif kind == "link":
                url = inline.url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
                out.append(f"[{body}](<{url}>)")
            else:
                out.append(body)
    return "".join(out)


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(r) for r in runs), default=0)
