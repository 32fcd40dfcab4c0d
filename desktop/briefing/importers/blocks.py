"""Laid-out blocks (headings with levels, paragraphs, list items, captions, notes) →
Markdown, and where each source page starts in the canonical text of that Markdown.

Captions and notes become the block quotes :mod:`briefing.core.markdown` reads as blocks of
their own kind (``> [!CAPTION]``, ``> [!FOOTNOTE]``), so they stay searchable and
highlightable but apart from the argument.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.core.markdown import apart_block, canonical_text
from briefing.core.model import PageStart
from briefing.core.page_layout import LaidBlock
from briefing.importers.paragraphs import escape_markdown

_BODY = ("heading", "paragraph", "bullet")


def block_markdown(block: LaidBlock) -> str:
    text = escape_markdown(" ".join(block.text.split("\n")))
    if block.kind == "heading":
        return "#" * max(2, min(block.level, 6)) + " " + text
    if block.kind == "bullet":
        return "- " + text
    if block.kind in ("caption", "note"):
        return apart_block(block.kind, text)
    return text


def blocks_to_markdown(
    blocks: Sequence[LaidBlock], labels: Sequence[str] = ()
) -> tuple[str, tuple[PageStart, ...]]:
    """The Markdown of ``blocks`` and, when ``labels`` (one per source page: its printed
    label, or "" for none) is given, where each page starts in the canonical text. A page
    starts where its first line of body text does, inside a paragraph if one runs over the
    page break; a page without body text has no entry."""
    blocks = [b for b in blocks if b.text.strip()]
    markdown = "\n\n".join(block_markdown(b) for b in blocks) + ("\n" if blocks else "")
    if not labels:
        return markdown, ()
    text = canonical_text(markdown)
    starts: dict[int, int] = {}
    cursor = 0
    for block in blocks:
        found = text.find(block.text.strip(), cursor)
        if found < 0:  # Markdown read the block differently: pages cannot be placed
            return markdown, ()
        cursor = found + len(block.text.strip())
        if block.kind not in _BODY:
            continue
        starts.setdefault(block.page, found)
        for position, page in block.breaks:
            starts.setdefault(page, found + min(position, len(block.text.strip())))
    pages: list[PageStart] = []
    for page in sorted(starts):
        if pages and starts[page] < pages[-1].offset:
            continue  # a page's text set before an earlier page's: keep the order
        label = labels[page] if page < len(labels) and labels[page] else str(page + 1)
        pages.append(PageStart(starts[page], label))
    return markdown, tuple(pages)
