"""Analyst Markdown (notes, the briefing's summary) → a small rich-text tree.

The briefing's writers (PDF, HTML, Markdown) all render this tree, never the analyst's
source, so a note reading ``#set page(fill: red)`` or ``<b>`` or ``$60`` comes out as the
characters the analyst typed in every format: text nodes carry plain strings that each
writer escapes for its own syntax (the PDF passes them to typst as data, not markup).
Raw HTML is not interpreted (it stays text), images become their alt text (a briefing
loads nothing from the network), and headings inside a note become bold paragraphs, so
that a note can never add an entry to the table of contents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from briefing.core.markdown import join_lines


@dataclass(frozen=True)
class Inline:
    """A run of inline content: ``text``, ``code`` and ``break`` are leaves; ``strong``,
    ``emph``, ``strike`` and ``link`` (with ``url``) wrap ``children``."""

    kind: str
    text: str = ""
    children: tuple[Inline, ...] = ()
    url: str = ""


@dataclass(frozen=True)
class Block:
    """A block: ``paragraph``/``heading`` hold ``inlines``; ``code`` holds ``text``;
    ``bullets``/``numbers`` hold ``items`` (each a tuple of blocks; numbers from ``start``);
    ``quote`` holds ``blocks``; ``rule`` holds nothing."""

    kind: str
    inlines: tuple[Inline, ...] = ()
    text: str = ""
    items: tuple[tuple[Block, ...], ...] = ()
    blocks: tuple[Block, ...] = ()
    start: int = 1


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # The same dialect as articles (core.markdown): CommonMark, raw HTML off, strikethrough.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("strikethrough")


def parse_rich(markdown: str) -> tuple[Block, ...]:
    """Parse analyst Markdown into blocks; empty or blank input gives no blocks."""
    if not markdown.strip():
        return ()
    root = SyntaxTreeNode(_parser().parse(markdown))
    return tuple(block for node in root.children if (block := _block(node)) is not None)


_WRAPPERS = {"strong": "strong", "em": "emph", "s": "strike", "link": "link"}


def _block(node: SyntaxTreeNode) -> Block | None:
    kind = node.type
    if kind in ("paragraph", "heading"):
        inlines = _inlines(node.children[0].children if node.children else [])
        if not inlines:
            return None
        return Block(kind, inlines=inlines)
    if kind in ("bullet_list", "ordered_list"):
        items = tuple(
            tuple(b for child in item.children if (b := _block(child)) is not None)
            for item in node.children
        )
        start = int(node.attrs.get("start", 1) or 1) if kind == "ordered_list" else 1
        return Block("numbers" if kind == "ordered_list" else "bullets", items=items, start=start)
    if kind == "blockquote":
        blocks = tuple(b for child in node.children if (b := _block(child)) is not None)
        return Block("quote", blocks=blocks) if blocks else None
    if kind in ("fence", "code_block"):
        text = node.content.rstrip("\n")
        return Block("code", text=text) if text else None
    if kind == "hr":
        return Block("rule")
    if kind == "html_block":  # unreachable with html off; kept as text if a dialect changes
        return Block("paragraph", inlines=(Inline("text", node.content.rstrip("\n")),))
    return None


def _inlines(nodes: list[SyntaxTreeNode]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for index, node in enumerate(nodes):
        kind = node.type
        if kind in ("text", "html_inline"):
            _add_text(out, node.content)
        elif kind == "image":
            # The alt text, never the image: a briefing loads nothing from the network.
            _add_text(out, _flat(_inlines(node.children)) or node.content)
        elif kind == "code_inline":
            out.append(Inline("code", node.content))
        elif kind == "softbreak":
            before = _flat(tuple(out))
            after = _following_text(nodes[index + 1 :])
            if before and after and join_lines(before[-1], after[0]) != before[-1] + after[0]:
                _add_text(out, " ")
        elif kind == "hardbreak":
            out.append(Inline("break"))
        elif kind in _WRAPPERS:
            children = _inlines(node.children)
            if children:
                url = str(node.attrs.get("href", "")) if kind == "link" else ""
                out.append(Inline(_WRAPPERS[kind], children=children, url=url))
    return tuple(out)


def _add_text(out: list[Inline], text: str) -> None:
    """Append text, merging with a text node before it (fewer, longer runs to typeset)."""
    if not text:
        return
    if out and out[-1].kind == "text":
        out[-1] = Inline("text", out[-1].text + text)
    else:
        out.append(Inline("text", text))


def _following_text(nodes: list[SyntaxTreeNode]) -> str:
    for node in nodes:
        text = _flat(_inlines([node]))
        if text:
            return text
    return ""


def _flat(inlines: tuple[Inline, ...]) -> str:
    parts = []
    for inline in inlines:
        if inline.kind == "break":
            parts.append("\n")
        elif inline.children:
            parts.append(_flat(inline.children))
        else:
            parts.append(inline.text)
    return "".join(parts)


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The characters a reader sees in these inlines (a hard break is a newline)."""
    return _flat(inlines)


def plain_text(blocks: tuple[Block, ...]) -> str:
    """The characters a reader sees, one block per line: what every writer must show
    exactly (the tests compare it with the text ``pdftotext`` gets back)."""
    lines: list[str] = []
    for block in blocks:
        if block.kind in ("paragraph", "heading"):
            lines.append(inline_text(block.inlines))
        elif block.kind == "code":
            lines.append(block.text)
        elif block.kind in ("bullets", "numbers"):
            lines.extend(plain_text(item) for item in block.items)
        elif block.kind == "quote":
            lines.append(plain_text(block.blocks))
    return "\n".join(line for line in lines if line)


def to_data(blocks: tuple[Block, ...]) -> list[dict]:
    """The blocks as JSON-ready dicts (short keys: the PDF template reads them)."""
    return [_block_data(block) for block in blocks]


def _block_data(block: Block) -> dict:
    data: dict = {"k": block.kind}
    if block.inlines:
        data["i"] = [_inline_data(inline) for inline in block.inlines]
    if block.text:
        data["t"] = block.text
    if block.items:
        data["items"] = [to_data(item) for item in block.items]
        data["start"] = block.start
    if block.blocks:
        data["b"] = to_data(block.blocks)
    return data


def _inline_data(inline: Inline) -> dict:
    data: dict = {"k": inline.kind}
    if inline.text:
        data["t"] = inline.text
    if inline.children:
        data["c"] = [_inline_data(child) for child in inline.children]
    if inline.url:
        data["u"] = inline.url
    return data
