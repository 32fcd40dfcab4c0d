"""The briefing's labels in its language: the PDF, HTML and Markdown writers print the same
words, all from the one table in :mod:`briefing.core.briefing_labels`, in Japanese and in
English, and pdftotext gives the PDF's labels and footer back as printed."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from html import unescape

import pytest
from briefing.core.briefing import Briefing, BriefingOptions, Period, TagInfo, compile_briefing
from briefing.core.briefing_labels import LABELS
from briefing.core.model import Article, Highlight, PageStart, TextSelector
from briefing.export.html import render_html
from briefing.export.markdown import render_markdown
from briefing.export.pdf import render_pdf

from tests.export.helpers import CREATED

TEXT = "制裁の履行状況を確認する。" * 10 + "影の船団への二次制裁を継続する。" * 10
OTHER = {"ja": "en", "en": "ja"}


def _briefing(language: str) -> Briefing:
    """Two quotes on two pages of a PDF-imported Japanese article, the second with a second
    tag; a summary and an author, so that every label has something to label."""
    article = Article(
        1, "提言", "", TEXT, "ROLES", "小泉悠", "", date(2025, 12, 1), "ja", "h", CREATED, CREATED,
        pages=(PageStart(0, "12"), PageStart(130, "13")),
    )  # fmt: skip
    first, second = "制裁の履行状況を確認する。", "影の船団への二次制裁を継続する。"
    highlights = [
        Highlight(1, 1, TextSelector(first, "", "", 0, len(first)), ("制裁",), "注記"),
        Highlight(2, 1, TextSelector(second, "", "", 130, 130 + len(second)), ("制裁", "影の船団")),
    ]
    options = BriefingOptions(
        period=Period.between(date(2026, 11, 1), date(2026, 11, 30)),
        author="分析官",
        summary="要点は二つ。",
        language=language,
    )
    tags = [TagInfo("制裁"), TagInfo("北方領土")]
    return compile_briefing(highlights, {1: article}, options, tags, CREATED)


def _expected(language: str) -> list[str]:
    """Every label the briefing above prints, as the table gives it."""
    labels = LABELS[language]
    return [
        labels.title,
        labels.period,
        labels.issued,
        labels.author,
        labels.count,
        "2" + labels.count_suffix,
        labels.summary,
        labels.contents,
        labels.sources,
        labels.page("12"),
        labels.page("13"),
        labels.pages(["12", "13"]),
        "2026-11-01" + labels.range_join + "2026-11-30",
    ]


def _foreign(language: str) -> list[str]:
    """The other language's words for the same things (none of which is in the content)."""
    labels = LABELS[OTHER[language]]
    return [labels.title, labels.period, labels.contents, labels.sources, labels.page("12")]


def _pdf_text(briefing: Briefing) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=render_pdf(briefing), capture_output=True, check=True
    ).stdout.decode()


def _html_text(briefing: Briefing) -> str:
    return unescape(re.sub(r"<[^>]+>", "\n", render_html(briefing).decode()))


def _markdown_text(briefing: Briefing) -> str:
    return render_markdown(briefing).decode()


WRITERS = {"pdf": _pdf_text, "html": _html_text, "md": _markdown_text}


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_writer_prints_the_labels_of_the_briefings_language(
    writer: str, language: str
) -> None:
    briefing = _briefing(language)
    assert briefing.language == language
    text = WRITERS[writer](briefing)
    lines = [line.strip() for line in text.splitlines()]
    for label in _expected(language):
        assert label in text, (writer, label)
    for label in _foreign(language):
        assert label not in text, (writer, label)
    if writer == "pdf":
        # The footer is a line of its own, as printed: "1 / 1 ページ", "Page 1 / 1".
        assert LABELS[language].footer(1, 1) in lines, text[-200:]
    else:
        # The labelled facts as each format writes them.
        facts = {
            "html": [LABELS[language].period, "2026-11-01" + LABELS[language].range_join],
            "md": [f"- {LABELS[language].period}{LABELS[language].colon}2026-11-01"],
        }[writer]
        assert all(any(line.startswith(f) for line in lines) for f in facts), (writer, facts)


def test_markdown_names_a_highlights_other_tags_in_the_briefings_language() -> None:
    assert "関連タグ：影の船団" in _markdown_text(_briefing("ja"))
    assert "Also: 影の船団" in _markdown_text(_briefing("en"))


def test_the_html_document_declares_the_briefings_language() -> None:
    assert '<html lang="ja">' in render_html(_briefing("ja")).decode()
    assert '<html lang="en">' in render_html(_briefing("en")).decode()


def test_a_japanese_pdf_gives_its_labels_and_footer_back_cleanly_from_pdftotext() -> None:
    text = _pdf_text(_briefing("ja"))
    lines = [line for line in text.splitlines() if line.strip()]
    # The title twice (header and first page), each on a line of its own, no boxes or gaps.
    assert lines.count("デイリー・ブリーフィング") == 2, lines[:8]
    for label in ("期間", "発行日時", "作成者", "件数", "要旨", "目次", "出典"):
        assert any(line.startswith(label) for line in lines), label
    assert "1 / 1 ページ" in lines  # not "1/1ページ": the gaps survive
    assert "[1] 提言 | ROLES | 小泉悠 | 2025-12-01 | 12頁" in lines
    assert any(line.endswith("2025-12-01 | 12、13頁") for line in lines), lines[-6:]
