"""Rebuild paragraphs from text that came out of a PDF.

PDF text layers know lines, not paragraphs: every line of a paragraph ends in a line break,
some extractors put a blank line after every line, page numbers and running headers sit
between the lines of a sentence, footnote numbers stick to words ("求めた 1。") and the
spacing between Japanese and Latin letters or digits comes back as spaces ("2022年 2月").
:func:`reflow` turns such text into paragraphs separated by blank lines; :func:`needs_reflow`
tells whether a plain-text file looks like that at all, so ordinary text is left alone.

Pages may be separated by form feeds (``\\f``, as ``pdftotext`` and the PDF importer write
them); without them the same repairs run without page positions. Plain Python: no Qt.

The line-shape helpers (:func:`display_width`, :func:`ends_sentence`, :func:`is_list_item`,
:func:`is_section_heading`) are public because the importers classify paragraphs with the
same rules when they turn the paragraphs into Markdown.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from briefing.core.markdown import join_lines

CJK_CLASS = (
    "\u3001-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
)
_KANA_OR_PUNCT = (
    "\u3001-\u303f\u3040-\u309f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)
_SENTENCE_END = "。．.!?！？…‥"
_CLOSERS = "」』）)】〕〉》”’\"'"
_CLAUSE_END = "、，,・;；"
# After a number the space goes only before a unit, a particle or punctuation ("2022 年",
# "4 割"); before a word it separates a section number from its title ("提言 2 北方領土…").
_UNIT = (
    "[\u3001-\u303f\u3040-\u309f\uff01-\uff65年月日時分秒歳才代カヵヶケ箇個件回人名本枚台冊頭社"
    "国校位番号条項章節部編巻頁倍割厘万億兆千百十円元度期次週隻機両発点票戸階]|ドル|ユーロ|キロ|トン"
)
# After a short unpunctuated line, only these can begin a line that goes on with its sentence.
_CONTINUATION_START = re.compile(
    r"[をがへぁぃぅぇぉっゃゅょゎァィゥェォッャュョー、。，．」』）]|[a-z]"
)
_BULLET = re.compile(r"(?:[・•●○◯■□◆◇▪▫◦‣∙]\s*|[-*–]\s+)(?=\S)")
_CIRCLED = re.compile(r"[\u2460-\u2473\u24eb-\u24f4\u2776-\u277f]\s*(?=\S)")  # ① ⓫ ❶
_SECTION = re.compile(
    r"第\s*[0-9０-９一二三四五六七八九十百]+\s*[章節部編]"
    r"|[（(][0-9０-９]{1,2}[）)]\s*\S"
    r"|提言\s*[0-9０-９]+"
    r"|(?i:chapter|section|part)\s+[0-9IVX]+\b"
    r"|(?:はじめに|おわりに|まとめ|むすび(?:に)?|結論|結語|序論|序章|終章|要旨|要約|概要"
    r"|参考文献|Introduction|Conclusions?|Summary|Abstract|References|Notes|Bibliography)$"
)
# "1．NATOの東方拡大", "3．2014年…" (not "3.5"), "1 冷戦後のNATO拡大", "2.1 Background": a
# section number, not a quantity ("4 割"). Such a line with a comma is a numbered sentence.
_NUMBERED = re.compile(
    rf"[0-9０-９]{{1,2}}\s*(?:．|\.(?![0-9]))\s*\S"
    rf"|[0-9]{{1,2}}(?:\.[0-9]{{1,2}})*\s+(?!{_UNIT}|%)[^\d\s]"
)
_PAGE_NUMBER = re.compile(
    r"(?:[-–—‐]\s*)?(?:\d{1,4}|(?=[ivxl])x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*[-–—‐])?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?i:page|p\.)\s*\d{1,4}(?:\s*(?i:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:ページ|頁)"
)
# A footnote reference left as a bare number between a word and punctuation: "求めた 1。",
# "不安定化 3」", "国）31。". Not after 第/図/表 and the like: there the number is needed.
_FOOTNOTE = re.compile(
    rf"(?<=[{CJK_CLASS}])(?<![第図表注号巻頁条項章節])\s+\d{{1,3}}(?=\s*[。、，．」』）])"
    r"|(?<=[」』）])\d{1,3}(?=[。、，．])"
)
_SUPERSCRIPT_NOTE = re.compile(rf"(?<=[{CJK_CLASS}])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# Spaces a PDF extractor invents: between a CJK character and a Latin letter or digit (the
# typesetter's small gap), and between two CJK characters when one of them is kana or
# punctuation ("問題を プレイアップ"). Between two kanji or katakana words a space may be the
# author's ("合六 強": family and given name), so that one stays, as do spaces between words.
# Words that open a paragraph in Japanese expository prose far more often than they go on
# with one. Only asked where nothing else tells (a full line that ends a sentence, no indent
# kept); "また", "さらに" and demonstratives (この, その) are left out: they go on as often.
_OPENS_PARAGRAPH = re.compile(
    r"(?:しかし|それでも|なお|まず|他方|一方|こうした|こうして|そこで|ところで|次に|以上"
    r"|第\s*[0-9０-９一二三四五六七八九十]+\s*[はに])[、，\s]?"
)
_SPACE_CJK_LATIN = re.compile(
    rf"(?<=[{CJK_CLASS}\u2460-\u24ff\u2776-\u2793]) +(?=[A-Za-z0-9])"
    rf"|(?<=[A-Za-z]) +(?=[{CJK_CLASS}])|(?<=[0-9]) +(?={_UNIT})"
)
_SPACE_CJK_KANA = re.compile(
    rf"(?<=[{_KANA_OR_PUNCT}]) +(?=[{CJK_CLASS}])|(?<=[{CJK_CLASS}]) +(?=[{_KANA_OR_PUNCT}])"
)
_DIGIT_SPACE_CJK = re.compile(rf"(?<=\d) (?={_UNIT})")
SOFT_HYPHEN = "\u00ad"  # the PDF importer marks a hyphen the typesetter added so
_NEAR_FULL = 0.85  # a line this close to the full width was broken by the layout, not the author
_SHORT = 30.0  # without a known full width, a running header is narrower than this (em)


def display_width(text: str) -> float:
    """Width in em: CJK (wide and full-width) characters count 1, everything else ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def ends_sentence(text: str, *, strict: bool = False) -> bool:
    """Whether ``text`` ends a sentence: 。.!? possibly inside closing quotes or brackets.
    Unless ``strict``, a closing bracket or a colon alone counts too ("（AP/アフロ）",
    "次の通り：")."""
    text = text.rstrip()
    bare = text.rstrip(_CLOSERS)
    if bare and bare[-1] in _SENTENCE_END:
        return True
    return not strict and bool(text) and (text != bare or text[-1] in ":：")


def ends_clause(text: str) -> bool:
    """Whether ``text`` stops at a comma or middle dot, so its sentence goes on."""
    return bool(text) and text.rstrip()[-1:] in _CLAUSE_END


def is_list_item(text: str) -> bool:
    """A line that starts with a bullet (・ • ● ■ - * …) or a circled number (①)."""
    return bool(_BULLET.match(text) or _CIRCLED.match(text))


def list_item_text(text: str) -> str:
    """The item's text without a bullet symbol; a circled number stays (it is the ordinal)."""
    match = _BULLET.match(text)
    return text[match.end() :] if match else text


def is_section_heading(text: str) -> bool:
    """A short line shaped like a section title: 第2章, 1．…, （1）…, 提言1, はじめに, 1 冷戦後…"""
    if not text or display_width(text) > 45 or "。" in text or ends_sentence(text, strict=True):
        return False
    if ends_clause(text):
        return False
    if _SECTION.match(text):
        return True
    has_cjk = re.search(f"[{CJK_CLASS}]", text) is not None
    comma = re.search("[、，,]", text) is not None
    return bool(_NUMBERED.match(text)) and not comma and (has_cjk or len(text) <= 40)


@dataclass
class _Line:
    text: str
    width: float
    gap: int = 0  # blank lines before it
    page_start: bool = False
    indented: bool = False
    dropped: bool = False  # page furniture: neither text nor a gap between paragraphs
    inked: float = 0.0  # the width without invented spaces and footnote numbers


def needs_reflow(text: str) -> bool:
    """True when ``text`` looks like a PDF's text layer rather than written text.

    Strong evidence decides alone: lines wrapped at one width, many of them broken
    mid-sentence. Otherwise two weaker signs must agree: page-number lines; spaces a PDF
    extractor invents ("2022 年", "における 日本"); a sentence broken across a blank line.
    """
    lines = [ln for page in text.split("\f") for ln in map(_line, page.split("\n")) if ln.text]
    if len(lines) < 3:
        return False
    full = _full_width(lines)
    if full is not None:
        near = [ln for ln in lines if ln.width >= _NEAR_FULL * full]
        if sum(1 for ln in near if not ends_sentence(ln.text)) >= 0.4 * len(near):
            return True
    # Long lines cut mid-sentence, also when headings and short lines blur the full width:
    # written text ends a long line (a paragraph) with its sentence.
    raw = [ln for page in text.split("\f") for ln in map(_line, page.split("\n"))]
    long = [
        (ln, after)
        for ln, after in itertools.pairwise(raw)
        if ln.width >= 20 and not is_list_item(ln.text) and not is_section_heading(ln.text)
    ]
    cut = sorted(ln.width for ln, after in long if after.text and not ends_sentence(ln.text))
    if cut:
        middle = cut[len(cut) // 2]
        wrapped = [w for w in cut if 0.9 * middle <= w <= 1.1 * middle]  # at one width
        if len(wrapped) >= 4 and len(cut) >= 0.3 * len(long):
            return True
    signs = 0
    if sum(1 for ln in lines if _PAGE_NUMBER.fullmatch(ln.text)) >= 2:
        signs += 1
    invented = sum(len(_SPACE_CJK_KANA.findall(ln.text)) for ln in lines)
    invented += sum(len(_DIGIT_SPACE_CJK.findall(ln.text)) for ln in lines)
    if invented >= 3:
        signs += 1
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    if any(_broken_between(a, b) for a, b in itertools.pairwise(blocks)):
        signs += 1
    return signs >= 2


def reflow(text: str) -> str:
    """Paragraphs of PDF-extracted ``text``, separated by ``"\\n\\n"`` (plain text)."""
    pages = [[_line(raw) for raw in page.split("\n")] for page in text.split("\f")]
    full = _full_width([ln for page in pages for ln in page if ln.text])
    lines = _with_gaps(_drop_furniture(pages, 0.75 * full if full else _SHORT))
    full = _full_width(lines)
    hard_gap = 2 if _double_spaced(lines) else 1
    grid = _grid_width(lines, full)
    paragraphs: list[str] = []
    floats: list[str] = []
    current: list[_Line] = []
    forced = False
    for index, line in enumerate(lines):
        if current and (forced or _continues(current, line, full, hard_gap, grid)):
            current.append(line)
            forced = False
        elif current and _is_float(current[-1], line, lines[index + 1 : index + 2], full, hard_gap):
            floats.append(_inline(line.text))  # set after the paragraph it interrupts
            forced = True
        else:
            _flush(paragraphs, current, floats)
            current = [line]
    _flush(paragraphs, current, floats)
    return "\n\n".join(p for p in paragraphs if p)


def _line(raw: str) -> _Line:
    stripped = raw.strip()
    indented = bool(stripped) and raw[:1] in (" ", "\u3000", "\t")
    # Also measured without the spaces an extractor invents and the footnote numbers it
    # leaves: neither takes room on the page, and both make a short last line look full.
    return _Line(
        stripped, display_width(stripped), indented=indented, inked=display_width(_inline(stripped))
    )


def _full_width(lines: list[_Line]) -> float | None:
    """The width of a full line when the text is wrapped at one width, else ``None``."""
    widths = sorted(ln.width for ln in lines)
    if len(widths) < 6:
        return None
    full = widths[int(len(widths) * 0.8)]
    near = [w for w in widths if _NEAR_FULL * full <= w <= 1.15 * full]
    return full if len(near) >= max(5, 0.45 * len(widths)) else None


def _double_spaced(lines: list[_Line]) -> bool:
    """True when a blank line follows nearly every line, so one blank line separates nothing."""
    rest = lines[1:]
    return bool(rest) and sum(1 for ln in rest if ln.gap == 1) >= 0.6 * len(rest)


def _drop_furniture(pages: list[list[_Line]], short: float) -> list[list[_Line]]:
    """Remove page numbers, running headers and footers (title-like lines narrower than
    ``short`` repeated at the top or bottom of pages) and the line Qt's printer draws on both
    sides of a page break."""
    for page in pages:
        for ln in page:
            ln.dropped = bool(_PAGE_NUMBER.fullmatch(ln.text))

    def header_like(ln: _Line) -> bool:
        # A paragraph's last line ("である。") repeats too, but a header is no sentence.
        text = ln.text
        return (
            ln.width < short
            and not (ends_sentence(text) or ends_clause(text) or is_list_item(text))
            and not _CONTINUATION_START.match(text)
        )

    if len(pages) == 1:
        # No page positions: a header-like line seen three times or more is a running head.
        # Only at the very top may its first appearance be the title, and stay.
        counts = Counter(ln.text for ln in pages[0] if ln.text and header_like(ln))
        top = [ln for ln in pages[0] if ln.text][:3]
        for ln in pages[0]:
            if counts[ln.text] >= 3:
                ln.dropped = not any(ln is first for first in top)
        return pages
    need = max(2, (len(pages) + 1) // 2)
    for ends in (slice(0, 2), slice(-2, None)):
        counts = Counter(k for page in pages for k in {_key(ln) for ln in _body(page)[ends]})
        for page in pages:
            for ln in _body(page)[ends]:
                if counts[_key(ln)] >= need and header_like(ln):
                    ln.dropped = True
    for before, after in itertools.pairwise(pages):
        last, first = _body(before)[-1:], _body(after)[:1]
        if last and first and last[0].text == first[0].text and last[0].width >= short / 2:
            first[0].dropped = True
    return pages


def _body(page: list[_Line]) -> list[_Line]:
    return [ln for ln in page if ln.text and not ln.dropped]


def _key(line: _Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.text))


def _with_gaps(pages: list[list[_Line]]) -> list[_Line]:
    out: list[_Line] = []
    for number, page in enumerate(pages):
        gap, first = 0, number > 0
        for line in page:
            if line.dropped:
                continue
            if not line.text:
                gap += 1
                continue
            line.gap, line.page_start = gap, first
            gap, first = 0, False
            out.append(line)
    return out


def _starts_block(line: _Line) -> bool:
    return is_list_item(line.text) or is_section_heading(line.text)


def _continues(
    current: list[_Line], line: _Line, full: float | None, hard_gap: int, grid: float | None
) -> bool:
    """Whether ``line`` goes on with the paragraph whose lines are ``current``."""
    last = current[-1]
    if len(current) == 1 and is_section_heading(last.text):
        return False
    if ends_clause(last.text):
        return True
    if full is None:  # lines are paragraphs already; only a cut sentence goes on
        return (
            not ends_sentence(last.text)
            and _body_like(last.text)
            and bool(_CONTINUATION_START.match(line.text))
        )
    is_full = last.width >= _NEAR_FULL * full
    if line.gap >= hard_gap:
        if line.page_start and _is_full(last, full, grid) and not _starts_block(line):
            return True  # a full last line on a page: its paragraph goes on (19 times in 20)
        return is_full and not ends_sentence(last.text) and not _starts_block(line)
    if ends_sentence(last.text):
        if grid is not None and _OPENS_PARAGRAPH.match(line.text):
            return False  # a full line ends a sentence, the next opens with 「しかし、」…
        return _is_full(last, full, grid) and not line.indented and not _starts_block(line)
    if not is_full:  # a short line without punctuation: heading, title, caption
        return bool(_CONTINUATION_START.match(line.text))
    return not is_list_item(line.text)


def _grid_width(lines: list[_Line], full: float | None) -> float | None:
    """The inked width of a Japanese line broken by the layout (mid-sentence, near full)."""
    if full is None:
        return None
    widths = sorted(
        ln.inked
        for ln in lines
        if ln.width >= _NEAR_FULL * full and not ends_sentence(ln.text) and _mostly_cjk(ln.text)
    )
    return widths[len(widths) // 2] if len(widths) >= 5 else None


def _mostly_cjk(text: str) -> bool:
    return len(re.findall(f"[{CJK_CLASS}]", text)) >= 0.6 * len(text)


def _is_full(line: _Line, full: float, grid: float | None) -> bool:
    """Whether a line that ends a sentence reaches the right margin. Japanese is set on a
    grid, so a line that stops a few characters short ends its paragraph; Latin letters are
    proportional, so there only a clearly short line does."""
    if grid is not None and _mostly_cjk(line.text):
        return line.inked >= grid - 2.5
    return line.width >= _NEAR_FULL * full


def _body_like(text: str) -> bool:
    width = display_width(text)
    return width >= 40 or (width >= 15 and re.search("[、，,]", text) is not None)


def _broken_between(before: str, after: str) -> bool:
    """A body paragraph cut mid-sentence, the next one going on with a particle ("往来" /
    "が求められる。"): what a PDF extract gives and written text does not."""
    last = before.split("\n")[-1].strip()
    return (
        _body_like(last)
        and not ends_sentence(last)
        and not ends_clause(last)
        and re.match("[をがへっゃゅょー、。]", after) is not None
    )


def _is_float(last: _Line, line: _Line, after: list[_Line], full: float | None, gap: int) -> bool:
    """A caption set, after a page or column break, between the two halves of a sentence
    in text whose lines are paragraphs ("…ここでは、日" / caption / "本が取り得る…"): it is
    moved after the paragraph so the sentence stays whole. (In wrapped text a full line
    without a full stop simply goes on, so this never comes up there.)"""
    if full is not None or not after or ends_sentence(last.text) or not _body_like(last.text):
        return False
    if not (line.page_start or line.gap > gap):
        return False
    return not (_starts_block(line) or _starts_block(after[0]) or ends_clause(line.text))


def _flush(paragraphs: list[str], current: list[_Line], floats: list[str]) -> None:
    if current:
        text = current[0].text
        for line in current[1:]:
            if text.endswith(SOFT_HYPHEN):
                text = text[:-1] + line.text  # a word the typesetter hyphenated: rejoined
            elif text[-2:-1].isalpha() and text.endswith("-") and line.text[:1].islower():
                text += line.text  # a word broken at a hyphen: keep the hyphen, add no space
            else:
                text = join_lines(text, line.text)
        paragraphs.append(_inline(text))
        current.clear()
    paragraphs.extend(floats)
    floats.clear()


def repair_inline(text: str) -> str:
    """Repair one paragraph's text as extracted from a PDF: typesetter hyphens, footnote
    numbers and the spaces an extractor invents (around CJK) out."""
    return _inline(text)


def _inline(text: str) -> str:
    """Repair one paragraph's text: footnote numbers out, invented spaces out."""
    text = text.replace(SOFT_HYPHEN, "")
    text = _FOOTNOTE.sub("", text)
    text = _SUPERSCRIPT_NOTE.sub("", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = _SPACE_CJK_LATIN.sub("", text)
    text = _SPACE_CJK_KANA.sub("", text)
    return text.strip()
