"""Plain text (.txt, .text) → article: paragraphs, list items and headings as Markdown."""

from __future__ import annotations

from pathlib import Path

from briefing.core.model import ArticleDraft
from briefing.importers.front_matter import draft_fields, split_front_matter
from briefing.importers.paragraphs import (
    clean_pages,
    paragraphs_to_markdown,
    split_title,
    text_paragraphs,
)


def read_plain_text(path: Path, text: str) -> ArticleDraft:
    """Build a draft from decoded plain ``text``.

    Front matter is read as in Markdown files. The title is its ``title``, else the first
    paragraph, which then leaves the body (in a text file the first line is the title by
    convention, and the reader shows it above the body). Text extracted from a PDF
    (:func:`briefing.core.reflow.needs_reflow`) is reflowed first.
    """
    fields, body = split_front_matter(clean_pages(text))
    paragraphs = text_paragraphs(body)
    title = " ".join(fields.get("title", "").split())
    if not title:
        title, paragraphs = split_title(paragraphs)
    elif paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return ArticleDraft(
        title=title,
        body=paragraphs_to_markdown(paragraphs),
        origin=str(path),
        **draft_fields(fields),
    )
