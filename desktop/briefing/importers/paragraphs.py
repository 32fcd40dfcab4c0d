"""Plain-text paragraphs → Markdown, for text that never had markup (.txt, PDF, bare HTML).

Each paragraph becomes one Markdown block: a list item when it starts with a bullet, a
``##`` heading when it is shaped like one (see :func:`is_heading`), otherwise a paragraph.
Characters Markdown would read as markup are escaped, so the canonical text of the result
(:func:`briefing.core.markdown.canonical_text`) is the paragraphs joined by ``"\\n"``, minus
bullet symbols: no backslash, no lost ``*`` or ``<``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.core.normalize import clean_imported_text
from briefing.core.reflow import (
    display_width,
    ends_clause,
    ends_sentence,
    is_list_item,
    is_section_heading,
    list_item_text,
    needs_reflow,
    reflow,
)

_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>&~#])")
_BLOCK_START = re.compile(r"([+\-=])|(\d+)([.)])")
_PHOTO_CREDIT = re.compile(r"[（(][^（()）]*[/／][^（()）]*[）)]$")
_HEADING_WIDTH = 40.0  # display width (em) above which a line is a sentence, not a title


def clean_pages(text: str) -> str:
    """:func:`~briefing.core.normalize.clean_imported_text` page by page: the cleaning drops
    control characters, and the form feeds between pages are worth keeping for the reflow."""
    return "\f".join(clean_imported_text(page) for page in text.split("\f"))


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of cleaned plain text: reflowed when it came out of a PDF, otherwise one
    per non-empty line (a line break in written text ends a paragraph)."""
    if needs_reflow(text):
        return [p for p in reflow(text).split("\n\n") if p.strip()]
    return [line.strip() for line in text.replace("\f", "\n").split("\n") if line.strip()]


def escape_markdown(text: str) -> str:
    """Escape ``text`` (one line) so Markdown shows it literally."""
    text = _INLINE_MARKUP.sub(r"\\\1", text)
    match = _BLOCK_START.match(text)
    if match and match.group(1):
        return "\\" + text
    if match:
        return f"{match.group(2)}\\{text[match.end(2) :]}"
    return text


def paragraphs_to_markdown(paragraphs: Sequence[str]) -> str:
    """Markdown for ``paragraphs`` (already cleaned; the title is not among them)."""
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    blocks = []
    for index, paragraph in enumerate(paragraphs):
        if is_list_item(paragraph):
            blocks.append("- " + escape_markdown(list_item_text(paragraph).strip()))
        elif is_heading(paragraphs, index):
            blocks.append("## " + escape_markdown(paragraph))
        else:
            blocks.append(escape_markdown(paragraph))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


_CHAPTER_ONLY = re.compile(
    r"^(第\s*[0-9０-９一二三四五六七八九十]+\s*[章部編節]|chapter\s+\w+)$", re.IGNORECASE
)


def split_title(paragraphs: list[str], limit: int = 200) -> tuple[str, list[str]]:
    """The first paragraph is the title and leaves the body; a first paragraph too long to
    be a title stays in the body and its start, cut at ``limit`` characters, is the title."""
    if not paragraphs:
        return "", []
    first = paragraphs[0]
    if _CHAPTER_ONLY.match(first) and len(paragraphs) > 1 and len(paragraphs[1]) <= 60:
        # "第2章" over "NATOとウクライナ": the chapter's name is the title, not its number.
        return f"{first} {paragraphs[1]}", paragraphs[2:]
    if len(first) <= limit:
        return list_item_text(first).strip() if is_list_item(first) else first, paragraphs[1:]
    return first[: limit - 1].rstrip() + "…", paragraphs


def is_heading(paragraphs: Sequence[str], index: int) -> bool:
    """A sober test: short, no sentence punctuation, no comma, not a URL or a photo credit;
    and either numbered or named like a section (第2章, 1．, （1）, 提言1, はじめに), or standing
    alone between the end of a sentence (or another such line) and body text or a list
    (possibly with one such line between: a heading over a sub-heading)."""
    text = paragraphs[index]
    if is_section_heading(text):
        return True
    if _shaped_like_sentence(text):
        return False
    before = paragraphs[index - 1] if index else ""
    opens = not before or ends_sentence(before) or is_list_item(before) or _heading_shaped(before)
    following = list(paragraphs[index + 1 : index + 3])
    if following and _heading_shaped(following[0]):
        following = following[1:]  # a heading over a sub-heading (章 over 節)
    return opens and bool(following) and _body_or_list(following[0])


def _body_or_list(text: str) -> bool:
    return (
        is_list_item(text)
        or display_width(text) > _HEADING_WIDTH
        or ends_sentence(text, strict=True)
    )


def _shaped_like_sentence(text: str) -> bool:
    return (
        display_width(text) > _HEADING_WIDTH
        or ends_sentence(text, strict=True)
        or ends_clause(text)
        or text.endswith((":", "："))  # a lead-in to what follows, not a title
        or re.search(r"[。、，]|, ", text) is not None
        or "://" in text
        or "@" in text
        or _PHOTO_CREDIT.search(text) is not None
        or is_list_item(text)
    )


def _heading_shaped(text: str) -> bool:
    return is_section_heading(text) or not _shaped_like_sentence(text)
