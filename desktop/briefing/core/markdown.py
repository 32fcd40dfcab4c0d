"""Markdown → display blocks → canonical plain text.

The reader shows an article as a sequence of blocks (headings, paragraphs, list items,
quotes, code lines) built from these :class:`Block` values, and the canonical text is the
blocks' texts joined by ``"\\n"``: exactly what ``QTextDocument.toPlainText()`` returns for the
reader's document. Highlights anchor to offsets in that text, so both sides must come from
this one function.

Figure captions and notes that an importer sets apart from the argument are block quotes
whose first line is a marker, in the form of GitHub's alerts (other Markdown viewers show
them as quotes)::

    > [!CAPTION]
    > ロシアの「影の船団」に所属すると疑われるタンカー（AP/アフロ）

``[!CAPTION]`` gives blocks of kind ``"caption"``, ``[!FOOTNOTE]`` of kind ``"note"``; the
marker line is not part of the text. Their text stays in the canonical text (search finds
it, a highlight may quote it); the reader styles them apart from the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_CJK = "\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
# "[!CAPTION]" on the first line of a block quote: the quote is a figure caption or a note.
_APART_MARKER = re.compile(r"\[!(CAPTION|FOOTNOTE)\][ \t]*(?:\n|$)")
APART_KINDS = {"CAPTION": "caption", "FOOTNOTE": "note"}


@dataclass(frozen=True)
class Span:
    """Inline styling over ``[start, end)`` of a block's text."""

    start: int
    end: int
    style: str  # "strong", "em", "code", "link"
    href: str = ""


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "bullet", "ordered", "quote", "code", "caption", "note"
    text: str = ""
    level: int = 0  # heading level, or list nesting depth
    number: int = 0  # ordinal of an ordered list item
    spans: list[Span] = field(default_factory=list)


def join_lines(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space between CJK characters, one otherwise."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if _CJK_CHAR.match(left[-1]) or _CJK_CHAR.match(right[0]):
        return left + right
    return left + " " + right


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("strikethrough")


def _next_text(children: list[Token], index: int) -> str:
    for tok in children[index + 1 :]:
        if tok.type in ("text", "code_inline", "image") and (tok.content or tok.type == "image"):
            return tok.content
        if tok.type in ("softbreak", "hardbreak"):
            return ""
    return ""


def _inline(children: list[Token]) -> tuple[str, list[Span]]:
    """Flatten inline tokens to text plus styled spans. A soft line break becomes nothing
    between CJK characters and one space between Latin words, as the reflow does."""
    text = ""
    spans: list[Span] = []
    open_at: list[tuple[str, int, str]] = []
    styles = {"strong_open": "strong", "em_open": "em", "link_open": "link", "s_open": "strike"}
    for index, tok in enumerate(children):
        kind = tok.type
        if kind in ("text", "html_inline", "image"):
            text += tok.content
        elif kind == "code_inline":
            spans.append(Span(len(text), len(text) + len(tok.content), "code"))
            text += tok.content
        elif kind == "softbreak":
            following = _next_text(children, index)
            if text and following and join_lines(text[-1], following[0]) != text[-1] + following[0]:
                text += " "
        elif kind == "hardbreak":
            text += "\n"
        elif kind in styles:
            open_at.append((styles[kind], len(text), str(tok.attrs.get("href", ""))))
        elif kind.endswith("_close") and open_at:
            style, start, href = open_at.pop()
            if len(text) > start:
                spans.append(Span(start, len(text), style, href))
    return text, spans


def parse_blocks(markdown: str) -> list[Block]:
    """Parse Markdown into display blocks. Blocks with no text are dropped, since an empty
    block would add a line to the canonical text that carries nothing to highlight."""
    blocks: list[Block] = []
    list_stack: list[list[int]] = []  # [kind flag, next ordinal]; flag 1 = ordered
    quote_depth = 0
    apart: list[str] = []  # per open block quote: "caption", "note" or "" (a plain quote)
    pending: Block | None = None
    for tok in _parser().parse(markdown):
        kind = tok.type
        if kind == "heading_open":
            pending = Block("heading", level=int(tok.tag[1:]))
        elif kind == "paragraph_open":
            if pending is None:  # a list item's first paragraph fills the item's block
                pending = Block("quote" if quote_depth else "paragraph", level=quote_depth)
        elif kind == "bullet_list_open":
            list_stack.append([0, 1])
        elif kind == "ordered_list_open":
            list_stack.append([1, int(tok.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "list_item_open":
            ordered, number = list_stack[-1]
            pending = Block(
                "ordered" if ordered else "bullet", level=len(list_stack), number=number
            )
            list_stack[-1][1] = number + 1
        elif kind == "blockquote_open":
            quote_depth += 1
            apart.append("")
        elif kind == "blockquote_close":
            quote_depth -= 1
            apart.pop()
        elif kind == "inline" and pending is not None:
            children = tok.children or []
            if apart and pending.kind == "quote":
                marker = _APART_MARKER.match(tok.content)
                if marker and not apart[-1]:
                    apart[-1] = APART_KINDS[marker.group(1)]
                    children = _after_first_line(children)
                if apart[-1]:
                    pending.kind, pending.level = apart[-1], 0
            pending.text, pending.spans = _inline(children)
            _emit(blocks, pending)
            pending = None
        elif kind in ("fence", "code_block"):
            for line in tok.content.rstrip("\n").split("\n"):
                _emit(blocks, Block("code", text=line))
    return blocks


def _after_first_line(children: list[Token]) -> list[Token]:
    """Inline tokens after the first line break (the marker line), none if there is none."""
    for index, tok in enumerate(children):
        if tok.type in ("softbreak", "hardbreak"):
            return children[index + 1 :]
    return []


def apart_block(kind: str, text_markdown: str) -> str:
    """The Markdown of a caption (``kind`` "caption") or note ("note") block holding the
    already escaped one-line ``text_markdown``."""
    marker = next(key for key, value in APART_KINDS.items() if value == kind)
    return f"> [!{marker}]\n> {text_markdown}"


def _emit(blocks: list[Block], block: Block) -> None:
    """Append ``block``, splitting hard line breaks into blocks of their own (the reader
    shows each as its own line and Qt's plain text joins them with ``\n`` either way)."""
    if not block.text.strip():
        return
    if "\n" not in block.text:
        blocks.append(block)
        return
    offset = 0
    for piece in block.text.split("\n"):
        end = offset + len(piece)
        spans = [
            Span(max(s.start, offset) - offset, min(s.end, end) - offset, s.style, s.href)
            for s in block.spans
            if s.start < end and s.end > offset
        ]
        if piece.strip():
            blocks.append(Block(block.kind, piece, block.level, block.number, spans))
        offset = end + 1


# An import asks for the same body's text twice (the importer checks there is text, the
# library stores it): parsing is a third of an import's time, so the last answers are kept.
@lru_cache(maxsize=2)
def canonical_text(markdown: str) -> str:
    """The article's canonical plain text: every block's text, joined by ``"\n"``."""
    return "\n".join(block.text for block in parse_blocks(markdown))
