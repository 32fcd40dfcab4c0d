"""Vertical Japanese (縦書き) PDFs import in reading order: characters top to bottom, columns
right to left, pages in order, with the title, a heading, paragraphs and page labels as a
horizontal PDF gives them, and the vertical forms of punctuation and brackets read as the
ordinary characters.

The two PDFs in tests/data/vertical are built by its ``build.py`` from ``article.json``
(the truth): ``placed.pdf`` places every character on its own, punctuation as the vertical
presentation forms (︑︒﹁﹂︵︶﹃﹄), ー turned a quarter round, 17 set across the column;
``cid.pdf`` sets each column as one string in a CID font with the Identity-V encoding;
``pango.pdf`` is the article as another program sets it (Pango's vertical gravity,
written by cairo) on one page without page numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text, parse_blocks
from briefing.core.vertical import is_vertical
from briefing.importers import read_document
from briefing.importers.pdf_file import load_pdf
from paragraph_score import score

DATA = Path(__file__).resolve().parents[1] / "data"
VERTICAL = DATA / "vertical"
ARTICLE = json.loads((VERTICAL / "article.json").read_text(encoding="utf-8"))


def _truth() -> list[tuple[str, str]]:
    """(kind, text) of every block after the title, ``{17}`` (縦中横) read as "17"."""
    blocks = [b for page in ARTICLE["pages"] for b in page if b["kind"] != "title"]
    return [(b["kind"], re.sub(r"[{}]", "", b["text"])) for b in blocks]


@pytest.mark.parametrize("name", ["placed.pdf", "cid.pdf", "pango.pdf"])
def test_vertical_article_reads_in_order_with_its_structure(name: str) -> None:
    draft = read_document(VERTICAL / name)
    blocks = parse_blocks(draft.body)
    truth = _truth()
    assert draft.title == ARTICLE["title"]
    # Every paragraph and the heading whole, in order, and nothing else.
    assert [(b.kind, b.text) for b in blocks] == truth
    result = score([b.text for b in blocks], [text for _, text in truth])
    assert (result.precision, result.recall) == (1.0, 1.0), result
    # No vertical presentation form is left.
    assert not re.search("[\ufe10-\ufe19\ufe30-\ufe4f]", draft.body + draft.title)
    if name == "pango.pdf":
        assert [page.label for page in draft.pages] == ["1"]  # no number printed: its index
        return
    # The page numbers at the foot are the pages' labels, the second page starting with
    # its heading; the running head above it is gone from the text.
    assert [page.label for page in draft.pages] == ["1", "2"]
    text = canonical_text(draft.body)
    assert text[draft.pages[1].offset :].startswith("会談で合意された")
    assert ARTICLE["running_head"] not in draft.body


def test_horizontal_corpus_pages_are_never_taken_for_vertical() -> None:
    """Every page of the horizontal layout corpus (one column, two columns, English and
    Japanese, captions, notes) is read as horizontal text."""
    for path in sorted((DATA / "layout").glob("*.pdf")):
        pages, _ = load_pdf(path)
        assert not any(is_vertical(page) for page in pages), path.name


def test_vertical_pdf_pages_are_all_taken_for_vertical() -> None:
    for name, count in (("placed.pdf", 2), ("cid.pdf", 2), ("pango.pdf", 1)):
        pages, _ = load_pdf(VERTICAL / name)
        assert [is_vertical(page) for page in pages] == [True] * count
