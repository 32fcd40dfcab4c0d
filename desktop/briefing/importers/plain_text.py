"""Plain text (.txt, .text) → article: paragraphs, list items and headings as Markdown.

Text pasted out of a PDF (:func:`briefing.core.reflow.needs_reflow`) gets the structure
the PDF had (see :mod:`briefing.core.text_layout`): paragraphs reflowed, running heads, page
numbers and footnotes out of the argument, captions and notes kept apart, headings with
levels, the title, a chapter kicker and an author line taken from the top.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.core.markdown import canonical_text
from briefing.core.model import ArticleDraft, PageStart
from briefing.core.page_layout import LaidBlock
from briefing.core.reflow import list_item_text, needs_reflow, reflow, repair_inline
from briefing.core.text_layout import classify, page_marks, prepare, rejoin_ligatures
from briefing.importers.blocks import blocks_to_markdown
from briefing.importers.front_matter import DraftFields, draft_fields, split_front_matter
from briefing.importers.paragraphs import (
    clean_pages,
    is_heading,
    paragraphs_to_markdown,
    split_title,
    text_paragraphs,
)


def read_plain_text(
    path: Path, text: str, step: Callable[[int, int], None] | None = None
) -> ArticleDraft:
    """Build a draft from decoded plain ``text``.

    Front matter is read as in Markdown files. The title is its ``title``, else the first
    paragraph, which then leaves the body (in a text file the first line is the title by
    convention, and the reader shows it above the body). ``step(done, 3)`` marks the
    stages of a long text (a few seconds each at the size limit) and may stop it.
    """
    fields, body = split_front_matter(clean_pages(text))
    title = " ".join(fields.get("title", "").split())
    values = draft_fields(fields)
    reflowed = needs_reflow(body)
    if step:
        step(1, 3)
    if reflowed:
        return _from_pdf_text(path, body, title, values)
    paragraphs = text_paragraphs(body)
    if step:
        step(2, 3)
    if not title:
        title, paragraphs = split_title(paragraphs)
    elif paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return ArticleDraft(
        title=title,
        body=paragraphs_to_markdown(paragraphs),
        origin=str(path),
        **values,
    )


def _from_pdf_text(path: Path, body: str, title: str, values: DraftFields) -> ArticleDraft:
    prepared, notes = prepare(body)
    paragraphs = [rejoin_ligatures(p) for p in reflow(prepared).split("\n\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    head, blocks = classify(paragraphs, notes, is_heading)
    if not title:
        title = head.title
    elif head.title and head.title != title:
        blocks.insert(0, LaidBlock("paragraph", head.title))  # not the title: keep its text
    markdown, _ = blocks_to_markdown(blocks)
    values["author"] = values.get("author") or head.author
    values["published"] = values.get("published") or head.published
    pages = _page_starts(canonical_text(markdown), page_marks(prepared))
    return ArticleDraft(title=title, body=markdown, origin=str(path), pages=pages, **values)


def _page_starts(text: str, marks: list[tuple[int, str, str]]) -> tuple[PageStart, ...]:
    """Each page's start in the canonical ``text``: where its first line of text went (the
    reflow only joins lines and drops invented spaces, so a line's repaired start is found
    in order; the next line is tried when the first left the body, as a title or a note).
    The first page starts at 0; a page none of whose first lines is found is left out."""
    starts: list[PageStart] = []
    cursor = 0
    for index, label, lines in marks:
        label = label or str(index + 1)
        if index == 0:
            starts.append(PageStart(0, label))
            continue
        for line in lines.split("\n"):
            probe = repair_inline(list_item_text(line))[:16]  # no bullet in the text
            found = text.find(probe, cursor) if len(probe) >= 4 else -1
            if found >= 0:
                starts.append(PageStart(found, label))
                cursor = found + 1
                break
    return tuple(starts)
