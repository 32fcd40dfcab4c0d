"""Markdown files: front matter, the title, and a body without the title repeated."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text
from briefing.core.model import ArticleDraft
from briefing.importers import read_document
from briefing.importers.front_matter import parse_date, split_front_matter


def _read(tmp_path: Path, text: str, name: str = "article.md") -> ArticleDraft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_front_matter_fields(tmp_path: Path) -> None:
    draft = _read(
        tmp_path,
        "---\n"
        'title: "制裁の効果: 第一報"\n'
        "source: 国際ニュース  # a comment\n"
        "published: 2025/08/19\n"
        "url: 'https://example.org/news/1'\n"
        "language: ja\n"
        "author: 山田 太郎\n"
        "tags: [ignored, nested]\n"
        "---\n\n"
        "# 制裁の効果: 第一報\n\n本文の段落です。\n",
    )
    assert draft.title == "制裁の効果: 第一報"
    assert draft.source == "国際ニュース"
    assert draft.published == date(2025, 8, 19)
    assert draft.url == "https://example.org/news/1"
    assert draft.language == "ja"
    assert draft.author == "山田 太郎"
    assert draft.origin == str(tmp_path / "article.md")
    assert draft.body == "本文の段落です。\n"  # the heading that repeats the title is gone


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-19", date(2025, 8, 19)),
        ("2025/8/9", date(2025, 8, 9)),
        ("2025年8月19日", date(2025, 8, 19)),
        ("2025-08-19T10:00:00+09:00", date(2025, 8, 19)),
        ("2025-02-30", None),
        ("last Tuesday", None),
    ],
)
def test_dates(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_quoted_values() -> None:
    fields, body = split_front_matter(
        '---\nTitle: \'It\'\'s "here"\'\nsource: "A \\"B\\" C"\ndate: 2024年1月2日\n---\nBody\n'
    )
    assert fields == {"title": 'It\'s "here"', "source": 'A "B" C', "date": "2024年1月2日"}
    assert body == "Body\n"


def test_unclosed_front_matter_is_text(tmp_path: Path) -> None:
    fields, body = split_front_matter("---\ntitle: x\nno closing line\n")
    assert fields == {} and body.startswith("---")


def test_title_from_first_heading_when_there_is_no_title_key(tmp_path: Path) -> None:
    draft = _read(tmp_path, "# NATOとウクライナ\n\n## はじめに\n\n本文。\n")
    assert draft.title == "NATOとウクライナ"
    assert canonical_text(draft.body) == "はじめに\n本文。"


def test_setext_title_heading_is_dropped_too(tmp_path: Path) -> None:
    draft = _read(tmp_path, "Sanctions *memo*\n================\n\nThe text.\n")
    assert draft.title == "Sanctions memo"
    assert draft.body == "The text.\n"


def test_title_from_first_line_stays_in_the_body(tmp_path: Path) -> None:
    # Without a heading the first line is prose: it names the article and stays its text.
    draft = _read(tmp_path, "**速報**: 制裁が強化された。\n\n詳しくは後述。\n")
    assert draft.title == "速報: 制裁が強化された。"
    assert canonical_text(draft.body) == "速報: 制裁が強化された。\n詳しくは後述。"


def test_heading_that_differs_from_the_title_stays(tmp_path: Path) -> None:
    draft = _read(tmp_path, "---\ntitle: 別の題\ndate: 2025-01-02\n---\n# 見出し\n\n本文。\n")
    assert (draft.title, draft.published) == ("別の題", date(2025, 1, 2))
    assert canonical_text(draft.body) == "見出し\n本文。"


def test_markdown_text_is_cleaned(tmp_path: Path) -> None:
    draft = _read(
        tmp_path, "---\ntitle: ⽇本の⻑期戦略\n---\r\n⽇本‧⽶国の関係。\r\n", name="a.markdown"
    )
    assert draft.title == "日本の長期戦略"
    assert draft.body == "日本・米国の関係。\n"
