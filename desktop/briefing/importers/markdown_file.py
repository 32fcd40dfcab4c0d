"""Markdown (.md, .markdown) → article: front matter for the fields, the rest as the body."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.core.markdown import canonical_text, parse_blocks
from briefing.core.model import ArticleDraft
from briefing.core.normalize import clean_imported_text
from briefing.importers.front_matter import draft_fields, split_front_matter

_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t].*)?")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_TITLE_LIMIT = 200


def read_markdown(path: Path, text: str) -> ArticleDraft:
    """Build a draft from decoded Markdown ``text``.

    The title is front matter's ``title``; else the first block when it is a heading; else
    the first level-1 heading; else the first block's text (cut to 200 characters). A
    heading at the top of the body that repeats the title is removed, because the reader
    shows the title above the body; a first paragraph that served as the title stays, as it
    is the start of the text.
    """
    fields, body = split_front_matter(clean_imported_text(text))
    title = " ".join(fields.get("title", "").split())
    if not title:
        title = _title_from_blocks(body)
    return ArticleDraft(
        title=title,
        body=drop_title_heading(body, title).strip() + "\n",
        origin=str(path),
        **draft_fields(fields),
    )


def _title_from_blocks(body: str) -> str:
    blocks = parse_blocks(body)
    if not blocks:
        return ""
    first_h1 = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    chosen = blocks[0] if blocks[0].kind == "heading" or first_h1 is None else first_h1
    title = " ".join(chosen.text.split())
    return title if len(title) <= _TITLE_LIMIT else title[: _TITLE_LIMIT - 1].rstrip() + "…"


def drop_title_heading(markdown: str, title: str) -> str:
    """``markdown`` without its first block when that block is a heading (ATX or setext)
    whose text is ``title``; otherwise ``markdown`` unchanged."""
    lines = markdown.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not title:
        return markdown
    if _ATX.fullmatch(lines[first]):
        span = 1
    elif first + 1 < len(lines) and _SETEXT_UNDERLINE.fullmatch(lines[first + 1]):
        span = 2
    else:
        return markdown
    heading = "\n".join(lines[first : first + span])
    if " ".join(canonical_text(heading).split()) != title:
        return markdown
    return "\n".join(lines[first + span :]).lstrip("\n")
