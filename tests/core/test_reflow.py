"""Reflow of PDF-extracted text: the two PDF-derived seeds and synthetic layouts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from briefing.core.normalize import clean_imported_text
from briefing.core.reflow import (
    display_width,
    ends_sentence,
    is_list_item,
    is_section_heading,
    needs_reflow,
    reflow,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "seeds"
BOOK = "003_b498de3909962400.txt"  # a book chapter: blank line after every line, footnotes
PROPOSAL = "002_52707df47a773d11.txt"  # a policy proposal: one paragraph a line, captions


def _seed(name: str) -> str:
    return clean_imported_text((DATA / name).read_text(encoding="utf-8"))


def _paragraphs(text: str) -> list[str]:
    return reflow(text).split("\n\n")


@pytest.mark.parametrize("name", [BOOK, PROPOSAL])
def test_pdf_derived_seeds_need_reflow(name: str) -> None:
    assert needs_reflow(_seed(name))


@pytest.mark.parametrize(
    "name",
    ["000_56b43a5f1dd093b3.txt", "001_86574ff0d774896c.txt", "004_043ad761b076d40c.txt"],
)
def test_written_seeds_do_not_need_reflow(name: str) -> None:
    assert not needs_reflow(_seed(name))


def test_written_text_does_not_need_reflow() -> None:
    english = "\n\n".join(
        f"Paragraph {n} explains, in one long line as editors write it, why the sanctions "
        f"adopted in 2022 changed the trade in machine tools between the two countries."
        for n in range(8)
    )
    assert not needs_reflow(english)
    assert not needs_reflow("短い文書。\n\n二行目。")


def test_book_chapter_has_no_line_break_inside_a_sentence() -> None:
    paragraphs = _paragraphs(_seed(BOOK))
    assert len(paragraphs) > 40
    for paragraph in paragraphs:
        assert "\n" not in paragraph
        whole = ends_sentence(paragraph)  # 。.!? (also inside 」）), or 」）: alone
        title_line = display_width(paragraph) <= 12  # "第2章", "NATOとウクライナ", "合六 強"
        assert whole or is_section_heading(paragraph) or is_list_item(paragraph) or title_line, (
            paragraph
        )


def test_book_chapter_keeps_headings_and_the_author_name() -> None:
    paragraphs = _paragraphs(_seed(BOOK))
    assert paragraphs[:4] == ["第2章", "NATOとウクライナ", "合六 強", "はじめに"]
    for heading in (
        "1．NATOの東方拡大とNATO・ロシア・ウクライナ三角関係",
        "（1）NATOの東方拡大とNATO・ロシア関係",
        "2．ウクライナのNATO加盟問題浮上",
        "3．2014年ウクライナ危機後のNATO・ウクライナ関係",
        "（3）遠のく「加盟」への道",
        "おわりに",
    ):
        assert heading in paragraphs


def test_book_chapter_loses_footnote_numbers_and_invented_spaces_but_not_numbers() -> None:
    text = reflow(_seed(BOOK))
    assert "法的に保証するよう米国やNATOに求めた。また2月24日の演説でも" in text
    assert "2022年2月24日にロシアがウクライナへの全面侵攻を開始してまもなく1年を迎える。" in text
    assert "侵攻直前の2021年12月には、「NATO不拡大」" in text
    assert "中・東欧諸国の不安定化」（1991年「戦略概念」）" in text  # 3」 was a footnote
    assert "NATOはウクライナをここに加えた（他は日本を含む23カ国）。" in text  # ）31。
    assert "言及しており、今後" in text  # 47、
    assert "リスボン条約第42条7項" in text and "冷戦後30年あまり" in text
    assert "問題をプレイアップし続けている" in text  # a space between kana and katakana
    assert "①NATOがさらに拡大して" in text
    assert "（Founding Act on Mutual Relations, Cooperation and Security between NATO" in text
    assert not re.search(r"[\u3040-\u9fff] \d{1,2}[。、」]", text)


def test_proposal_keeps_its_three_proposals_and_mends_cut_sentences() -> None:
    paragraphs = _paragraphs(_seed(PROPOSAL))
    assert paragraphs[0] == "ウクライナ戦争下の世界における日本の外交・安全保障政策に向けた提言"
    assert paragraphs[1:6:2] == ["提言1", "提言2", "提言3"]
    assert paragraphs[2].startswith("ロシアのエネルギー産業、軍需産業に対する制裁を強化する")
    assert any(p.startswith("提言2 北方領土・平和条約締結問題") for p in paragraphs)
    assert any(p.startswith("提言3 中、朝及び露の軍事的連携") for p in paragraphs)
    # "往来" / blank line / "が求められる。": one sentence again.
    assert any("より活発な往来が求められる。現在では" in p for p in paragraphs)
    # "ここでは、日" / photo caption / "本が取り得る…": the caption moves after the paragraph.
    cut = next(i for i, p in enumerate(paragraphs) if "ここでは、日本が取り得る政策の可能性" in p)
    assert paragraphs[cut].endswith("2点提示したい。")
    assert paragraphs[cut + 1].startswith("ロシアの「影の船団」に所属すると疑われるタンカー")
    assert "2025年10月にフランスが拿捕した" in paragraphs[cut + 1]  # "2025 年 10 月"
    assert "砲弾の4割から半分程度" in reflow(_seed(PROPOSAL))


def _wrapped(words: str, width: int) -> list[str]:
    """``words`` broken into lines of at most ``width`` characters, like a PDF line box."""
    lines, line = [], ""
    for word in words.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


ENGLISH = (
    "The sanctions adopted in 2022 restricted the export of machine tools, and analysts in "
    "several capitals measured their effect on trade with care and with some doubt about the "
    "figures that customs offices published every month."
)


def test_english_pages_lose_numbers_and_running_headers_and_keep_bullets() -> None:
    pages = []
    for number in range(1, 4):
        lines = ["Briefing on export controls", *_wrapped(ENGLISH, 60)]
        lines += _wrapped(ENGLISH.replace("2022", "2023"), 60)
        lines += ["• Steel exports fell by a third.", "• Oil revenue held up.", f"- {number} -"]
        pages.append("\n".join(lines))
    text = "\f".join(pages)
    assert needs_reflow(text)
    paragraphs = _paragraphs(text)
    joined = "\n".join(paragraphs)
    assert joined.count(ENGLISH) == 3 and joined.count(ENGLISH.replace("2022", "2023")) == 3
    assert paragraphs.count("• Steel exports fell by a third.") == 3
    assert not any("Briefing on export" in p or re.search(r"- \d -", p) for p in paragraphs)


def test_line_repeated_on_both_sides_of_a_page_break_is_kept_once() -> None:
    # Qt's printer draws a line cut by the page edge on both pages; so does its text layer.
    paragraph = f"{ENGLISH} {ENGLISH.replace('2022', '2023')}"
    lines = _wrapped(paragraph, 40)
    text = "\n".join(lines[:6]) + "\n1\f" + "\n".join(lines[5:]) + "\n2"
    assert reflow(text) == paragraph


def test_hyphenated_word_and_japanese_lines_join_without_space() -> None:
    text = "\n".join(
        ["日本政府は対露制裁を強化し、工作機械の輸出管理を厳格化する方針を示した。さらに"] * 6
        + ["同盟国と連携する。"]
    )
    assert "さらに日本政府は" in reflow(text)
    marked = ENGLISH.replace("machine tools", "machine tools under the export-|control regime")
    lines = "\n".join(_wrapped(marked, 50)).replace("|", "\n")
    assert "export-\ncontrol" in lines
    assert "under the export-control regime" in reflow(lines)


def test_section_numbers_stay_apart_from_titles_and_counts_join_units() -> None:
    assert is_section_heading("1 冷戦後のNATO拡大")
    assert is_section_heading("提言1：ロシアの侵略阻止")
    assert not is_section_heading("4 割から半分程度")
    assert not is_section_heading("図 1、図 2を参照。")
    text = "\n\n".join(["表 1、表 2 と図 3 を見よ。"] * 2 + ["約 1 万人の兵士 2 名"] * 2)
    repaired = reflow(text)
    assert "表1、表2と図3を見よ。" in repaired  # after 第/図/表 a number is no footnote
    assert "約1万人の兵士2名" in repaired
