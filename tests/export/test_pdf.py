"""The briefing PDF, checked the way a reader meets it: poppler's pdftotext, pdffonts and
pdfinfo, pypdf's outline, and the first page rendered to pixels."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2
import pytest
from briefing.core.briefing import Briefing, BriefingOptions, TagInfo, compile_briefing
from briefing.core.briefing_text import parse_rich, plain_text
from briefing.core.model import Article, Highlight, TextSelector
from briefing.export.fonts import FONT_DIR_ENV, FontError, find_fonts
from briefing.export.pdf import render_pdf
from briefing.services import Library
from briefing.services.briefing import build_briefing
from pypdf import PdfReader

from tests.export.helpers import (
    CREATED,
    HOSTILE_NOTE,
    HOSTILE_TITLE,
    STRESS,
    pages_text,
    pdftotext,
    squeeze,
)


@pytest.fixture(scope="module")
def briefing(briefing_library: Library, options: BriefingOptions) -> Briefing:
    return build_briefing(briefing_library, options, CREATED)


@pytest.fixture(scope="module")
def pdf(briefing: Briefing, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    path.write_bytes(render_pdf(briefing))
    return path


def test_every_quote_and_note_comes_back_exactly_and_each_quote_on_one_page(
    pdf: Path, briefing: Briefing, briefing_library: Library
) -> None:
    pages = [squeeze(page) for page in pages_text(pdf)]
    whole = "".join(pages)
    chosen = set(briefing.highlight_ids)
    everything = [h for h in briefing_library.highlights() if h.id in chosen]
    assert len(everything) == len(briefing.items) == 26
    for highlight in everything:
        # Kept together: every quote is whole on one page (all are shorter than a page).
        assert any(squeeze(highlight.quote) in page for page in pages), highlight.quote
        for line in plain_text(parse_rich(highlight.note)).split("\n"):
            assert squeeze(line) in whole, line
    assert (
        squeeze("#set page(fill: red) and $60 <b>x</b> *x* #pagebreak() = heading \\ end") in whole
    )


def test_lines_keep_their_spaces_between_latin_words_and_none_inside_japanese(pdf: Path) -> None:
    text = pdftotext(pdf)
    assert "Energy: has Japan matched the US/UK/EU measures on the Russian oil majors?" in text
    # cjk-latin-spacing: none; with typst's default, pdftotext returns "日本 と" spacing here
    assert "2025年4月に当時の中谷元防衛大臣が既に、ルッテNATO事務総長" in text.replace("\n", "")


def test_marking_date_and_page_n_of_m_on_every_page(pdf: Path) -> None:
    pages = pages_text(pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert "取扱注意" in page
        assert CREATED.astimezone().date().isoformat() in page
        # Japanese articles, no language chosen: the Japanese footer, extracted as printed.
        assert re.search(rf"^{number} / {len(pages)} ページ$", page, re.MULTILINE), page[-200:]


def test_japanese_line_breaking_never_starts_a_line_with_closing_punctuation(pdf: Path) -> None:
    lines = [line for line in pdftotext(pdf).splitlines() if line.strip()]
    assert len(lines) > 100
    assert [line for line in lines if line[0] in "。、」）』・ー"] == []


def test_fonts_are_embedded_japanese_fonts(pdf: Path) -> None:
    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no fonts"
    for row in listing:
        assert row.split()[-5] == "yes", row  # the "emb" column
    assert any("NotoSerifCJKjp" in row for row in listing)
    assert any("NotoSansCJKjp" in row for row in listing)


def test_metadata(pdf: Path, briefing: Briefing) -> None:
    info = dict(
        line.split(":", 1)
        for line in subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()
    )
    info = {key: value.strip() for key, value in info.items()}
    assert info["Title"] == "朝のブリーフィング"
    assert info["Author"] == "分析官 A"
    assert info["Subject"] == f"朝のブリーフィング: {briefing.period_label}"
    assert info["Keywords"] == ", ".join(s.tag for s in briefing.sections)
    assert info["CreationDate"].startswith("Mon Nov 30 08:00:00 2026")
    assert info["Page size"].endswith("(A4)")
    assert info["Pages"] == str(len(pages_text(pdf)))


def test_outline_has_one_entry_per_section_and_the_sources(pdf: Path, briefing: Briefing) -> None:
    reader = PdfReader(pdf)
    entries = [(e.title, reader.get_destination_page_number(e)) for e in reader.outline]
    assert [title for title, _ in entries] == [s.tag for s in briefing.sections] + ["出典"]
    pages = pages_text(pdf)
    for title, page in entries:
        assert title in pages[page]
    first = pages[0]
    assert "目次" in first and all(s.tag in first for s in briefing.sections)


def test_markup_in_titles_and_notes_prints_as_written(pdf: Path) -> None:
    text = squeeze(pdftotext(pdf))
    assert squeeze(HOSTILE_TITLE) in text  # the article title, in citations and sources
    assert squeeze("<i>Source</i> & $x$") in text and "*Author*" in text
    assert squeeze("`$60` **$60**") not in text and "$60$60<i>" in text  # Markdown rendered
    assert squeeze(HOSTILE_NOTE) not in text  # \*x\* is Markdown for *x*
    # No `#set page(fill: red)` took effect: the page's corner is white.
    page = pypdfium2.PdfDocument(str(pdf))[1]
    bitmap = page.render(scale=0.2)
    corner = bytes(bitmap.buffer)[: bitmap.n_channels * 3]
    assert set(corner[:3] + corner[bitmap.n_channels : bitmap.n_channels + 3]) == {255}


def _stress_briefing(paper: str = "a4") -> Briefing:
    article = Article(1, "試験", "", STRESS, "", "", "", None, "ja", "h", CREATED, CREATED)
    highlight = Highlight(
        1, 1, TextSelector(STRESS, "", "", 0, len(STRESS)), ("t",), f"note: {STRESS}"
    )
    options = BriefingOptions(paper=paper)
    return compile_briefing([highlight], {1: article}, options, [TagInfo("t")], CREATED)


def test_stress_cases_shared_glyphs_astral_characters_variation_selector_ligatures() -> None:
    pdf = render_pdf(_stress_briefing())
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert text.count(STRESS) == 2, text  # the quote and the note, each on one line


def test_letter_paper() -> None:
    pdf = render_pdf(_stress_briefing("letter"))
    reader = PdfReader(__import__("io").BytesIO(pdf))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]


def test_same_briefing_same_bytes() -> None:
    assert render_pdf(_stress_briefing()) == render_pdf(_stress_briefing())


def test_no_japanese_font_is_one_clear_line_naming_the_package(tmp_path, monkeypatch) -> None:
    with pytest.raises(FontError) as caught:
        find_fonts((str(tmp_path),), use_fontconfig=False)
    assert str(caught.value) == (
        "no Japanese font found: install the Debian package fonts-noto-cjk "
        "(sudo apt-get install fonts-noto-cjk)"
    )
    monkeypatch.setenv(FONT_DIR_ENV, str(tmp_path))
    with pytest.raises(FontError, match="fonts-noto-cjk"):
        render_pdf(_stress_briefing())


def test_created_date_is_written_in_utc() -> None:
    briefing = _stress_briefing()
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    pdf = render_pdf(Briefing(**{**briefing.__dict__, "created": moment}))
    assert b"D:20260102030405" in pdf


def test_quotes_are_kept_together_on_one_page_where_they_fit() -> None:
    # 40 quotes of 2–10 lines: without keeping them together some would break at a page end.
    quotes = [
        f"{n:02d}番目の引用。" + "制裁と安全の保証について述べた一節である。" * (3 + (n * 7) % 11)
        for n in range(40)
    ]
    text = "\n".join(quotes)
    article = Article(1, "試験", "", text, "", "", "", None, "ja", "h", CREATED, CREATED)
    highlights = []
    for n, quote in enumerate(quotes):
        start = text.index(quote)
        selector = TextSelector(quote, "", "", start, start + len(quote))
        highlights.append(Highlight(n + 1, 1, selector, ("t",), "短い注記。"))
    briefing = compile_briefing(
        highlights, {1: article}, BriefingOptions(), [TagInfo("t")], CREATED
    )
    pdf = render_pdf(briefing)
    pages = (
        subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split("\f")[:-1]
    )
    assert len(pages) > 5
    squeezed = [squeeze(page) for page in pages]
    split = [q[:4] for q in quotes if not any(q in page for page in squeezed)]
    assert split == []


def test_a_quote_longer_than_a_page_runs_on_and_is_whole() -> None:
    quote = "".join(f"{n:03d}番目の文は制裁の履行状況を述べる。" for n in range(300))  # 6,600
    article = Article(1, "長文", "", quote, "", "", "", None, "ja", "h", CREATED, CREATED)
    highlight = Highlight(1, 1, TextSelector(quote, "", "", 0, len(quote)), ("t",), "注記")
    briefing = compile_briefing(
        [highlight], {1: article}, BriefingOptions(), [TagInfo("t")], CREATED
    )
    pdf = render_pdf(briefing)
    pages = (
        subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split("\f")[:-1]
    )
    # Without the page header and footer lines, the pages join into the whole quote.
    body = "".join(
        line
        for page in pages
        for line in page.splitlines()
        if line.strip()
        and not line.startswith(("デイリー・ブリーフィング", "2026-"))
        and not line.endswith(" ページ")
    )
    assert len(pages) >= 3 and squeeze(quote) in squeeze(body)
