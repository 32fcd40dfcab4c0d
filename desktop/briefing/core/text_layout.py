"""Text pasted out of a PDF (or written by ``pdftotext``) → the article's structure, with
no page geometry: what :mod:`briefing.core.page_layout` reads from positions and sizes is
read here from line lengths, blank lines, repetition and wording. Plain Python, no Qt.

Before the reflow (:func:`prepare`):

* a footnote at the foot of a page (a line holding only its number, then its text, above
  the page number) leaves the page and is kept as a note;
* a line the extractor cut in two (a bracket that hangs in the margin comes out as a line
  of its own: 「…には、」 / 「NATO不拡大」) is joined again when the pieces fill one line;
* a line set with a space between every character loses those spaces;
* a note number left after a sentence's full stop at the end of a line goes;
* a gap where the source visibly dropped words (a space between two hiragana inside a
  sentence: 「ための となろう」) is marked 〔欠落〕 instead of closed.

After it (:func:`classify`): the chapter kicker (第2章), the title and an author line at the
top; captions (a paragraph ending in a photo credit such as 「（ロイター/アフロ）」); headings
with levels from their numbering scheme (第N章, 1．, （1）, ①).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from briefing.core.markdown import join_lines
from briefing.core.page_layout import LaidBlock, heading_scheme
from briefing.core.reflow import (
    display_width,
    ends_sentence,
    is_list_item,
    is_section_heading,
    list_item_text,
)

GAP_MARK = "〔欠落〕"
_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_HIRAGANA_GAP = re.compile(r"(?<=[\u3041-\u3096]) (?=[\u3041-\u3096])")
_CJK = r"\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60"
_SPACED_PAIR = re.compile(rf"(?<=[{_CJK}A-Za-z0-9]) (?=[{_CJK}A-Za-z0-9])")
_NOTE_NUMBER = re.compile(r"\d{1,3}")
_PAGE_NUMBER = re.compile(r"[-–—]?\s*\d{1,4}\s*[-–—]?")
_END_NOTE_NUMBER = re.compile(r"(?<=[。．」』）])\d{1,3}$")
_CLOSING_START = re.compile(r"[）」』】〕、。，．]")
_PHOTO_CREDIT = re.compile(
    r"[（(][^（()）]*[/／][^（()）]*[）)]$|^(?:写真|図|表)\s*[0-9０-９]*\s*[:：]"
)
_KICKER = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*[章部編]|(?i:chapter)\s+\w+")
_NAME = re.compile(
    r"[\u3400-\u9fff\u30a0-\u30ff]{1,10}(?:[ \u3000][\u3400-\u9fff\u30a0-\u30ff]{1,6})?"
)
_LABEL = re.compile(r"(?:提言|論点|課題|Proposal|Recommendation)\s*[0-9０-９]{1,2}")
_TITLE_GOES_ON = re.compile(r"[\u3041-\u3096ー]|[―—–-]{1,2}")
_NAME_NOTE = re.compile(r"[（(](?:とりまとめ|編|著|監修|訳)[）)]$")


def prepare(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` (pages separated by form feeds) made ready for the reflow, and the
    footnotes taken out of it as ``(page index, "N text")``."""
    notes: list[tuple[int, str]] = []
    pages = []
    split = text.split("\f")
    for index, page in enumerate(split):
        lines = page.split("\n")
        if len([p for p in split if p.strip()]) == 1:
            lines = _drop_single_head(lines)
        lines, page_notes = _take_notes(lines)
        notes.extend((index, note) for note in page_notes)
        lines = _unspace(lines)
        lines = _rejoin_fragments(lines)
        lines = [_END_NOTE_NUMBER.sub("", line.rstrip()) for line in lines]
        pages.append("\n".join(_HIRAGANA_GAP.sub(GAP_MARK, line) for line in lines))
    return "\f".join(pages), notes


def _drop_single_head(lines: list[str]) -> list[str]:
    """On a one-page text that ends in a page number, a short first line standing apart
    (a blank line under it) is the running head: repetition cannot tell it there."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 4 or not _PAGE_NUMBER.fullmatch(lines[filled[-1]].strip()):
        return lines
    first = filled[0]
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    full = widths[int(len(widths) * 0.8)]
    apart = first + 1 < len(lines) and not lines[first + 1].strip()
    if apart and display_width(lines[first].strip()) < 0.6 * full:
        return lines[first + 1 :]
    return lines


def _take_notes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Footnotes at the foot of a page: from the bottom, past the page number, a line that
    is only a number followed by the note's text (at most three lines). Only a page that
    ends in a page number is read so: that is where the foot of a page is known."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 3 or not _PAGE_NUMBER.fullmatch(lines[filled[-1]].strip()):
        return lines, []
    notes: list[str] = []
    end = len(filled) - 1  # the notes found so far start here (in ``filled``)
    while True:
        number = next(
            (
                k
                for k in range(end - 2, max(end - 5, 0) - 1, -1)
                if _NOTE_NUMBER.fullmatch(lines[filled[k]].strip())
            ),
            None,
        )
        if number is None:
            break
        text = ""
        for k in range(number + 1, end):
            text = join_lines(text, lines[filled[k]].strip()) if text else lines[filled[k]].strip()
        notes.insert(0, f"{lines[filled[number]].strip()} {text}")
        end = number
    if not notes:
        return lines, []
    keep = set(filled[:end]) | {filled[-1]}
    return [line for i, line in enumerate(lines) if i in keep or not line.strip()], notes


def _letter_spaced(line: str) -> bool:
    """A line set with a space between every character ("ま た 、 2016年")."""
    pairs = len(re.findall(rf"[{_CJK}A-Za-z0-9](?=.)", line.strip()))
    return pairs >= 8 and len(_SPACED_PAIR.findall(line.strip())) >= 0.4 * pairs


def _unspace(lines: list[str]) -> list[str]:
    """Letter-spaced lines without their spaces. Such a line was stretched to the margin
    (a justified line, never a paragraph's last), so it is joined to the next one at once:
    without its spaces it would look short."""
    out: list[str] = []
    carry = ""
    for line in lines:
        if carry and line.strip():
            line, carry = carry + line.strip(), ""
        if _letter_spaced(line):
            line = re.sub(rf"(?<=[{_CJK}]) | (?=[{_CJK}])", "", line.strip())
            if not ends_sentence(line, strict=True):
                carry = line
                continue
        out.append(line)
    if carry:
        out.append(carry)
    return out


def _rejoin_fragments(lines: list[str]) -> list[str]:
    """Join a line the extractor cut off (a hanging bracket) back onto its line."""
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    if len(widths) < 6:
        return lines
    full = widths[int(len(widths) * 0.8)]
    out: list[str] = []
    for line in lines:
        piece = line.strip()
        if out and out[-1].strip() and piece:
            before = out[-1].strip()
            together = display_width(before) + display_width(piece)
            fills = full - 2.5 <= together <= full + 1.5
            short = display_width(before) < 0.85 * full and display_width(piece) < 0.85 * full
            cut = _CLOSING_START.match(piece) is not None or before.endswith(("「", "（", "『"))
            # An extractor also breaks before an opening bracket the typesetter set tight.
            opens = piece.startswith(("「", "（", "『"))
            ended = ends_sentence(before, strict=True)
            if short and (cut or (fills and (opens or not ended))):
                out[-1] = before + piece
                continue
        out.append(line)
    return out


@dataclass(frozen=True)
class TextHead:
    """What the top of a pasted text says about the article."""

    title: str = ""
    author: str = ""
    published: date | None = None


def classify(
    paragraphs: Sequence[str], notes: Sequence[tuple[int, str]], is_heading: Callable[..., bool]
) -> tuple[TextHead, list[LaidBlock]]:
    """The head (title, author, date) and the blocks of reflowed ``paragraphs``;
    ``is_heading(paragraphs, index)`` tells a heading (the importers' rule). Notes follow
    the body."""
    paragraphs = _rejoin_headings([p for p in paragraphs if p.strip()])
    start = 0
    if paragraphs and _KICKER.fullmatch(paragraphs[0]) and len(paragraphs) > 1:
        start = 1  # 第2章 over the title: the chapter's number, not part of the title
    title = paragraphs[start] if start < len(paragraphs) else ""
    if display_width(title) > 100:
        title = ""
    else:
        start += 1
        # A title set over two lines: the second goes on with a word (「枠組」「み合意」)
        # or is a subtitle after a dash (「――NATO事務総長が明言」).
        while start < len(paragraphs) and _TITLE_GOES_ON.match(paragraphs[start]):
            following = paragraphs[start]
            if display_width(following) > 40 or ends_sentence(following):
                break
            if is_section_heading(following):
                break
            title = join_lines(title, paragraphs[start])
            start += 1
    author = ""
    if start < len(paragraphs) and _is_author(paragraphs[start]):
        author = paragraphs[start]
        start += 1
    published = None
    if start < len(paragraphs):
        published = _date(paragraphs[start])
        start += published is not None
    rest = _join_labels(paragraphs[start:])
    blocks: list[LaidBlock] = []
    for index, paragraph in enumerate(rest):
        if _labelled_heading(paragraph):
            blocks.append(LaidBlock("heading", paragraph))
        elif _is_caption(paragraph):
            blocks.append(LaidBlock("caption", paragraph))
        elif is_list_item(paragraph):
            blocks.append(LaidBlock("bullet", list_item_text(paragraph).strip()))
        elif is_heading(rest, index):
            blocks.append(LaidBlock("heading", paragraph))
        else:
            blocks.append(LaidBlock("paragraph", paragraph))
    _heading_levels(blocks)
    blocks.extend(LaidBlock("note", text, page=page) for page, text in notes)
    return TextHead(title, author, published), blocks


def _date(text: str) -> date | None:
    """The date a line holds alone ("2025年12月1日", "2025-12-01"), else None."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _is_caption(text: str) -> bool:
    """A photo caption: it ends in a credit (「（ロイター/アフロ）」), starts 「写真：」, or is a
    line that never ends (no full stop) yet reads as a phrase about a picture: a comma,
    a length no heading has."""
    width = display_width(text)
    if _PHOTO_CREDIT.search(text) and width < 80:
        return True
    unfinished = not ends_sentence(text) and not re.search(r"[、，,:：]$", text)
    return unfinished and 15 <= width <= 60 and "、" in text and not is_list_item(text)


def _join_labels(paragraphs: list[str]) -> list[str]:
    """A bare label over its title (「提言 1」 / 「ロシアの侵略阻止を…」) is one heading:
    「提言1：ロシアの侵略阻止を…」."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and _LABEL.fullmatch(out[-1]) and not _LABEL.fullmatch(paragraph):
            out[-1] = re.sub(r"\s+", "", out[-1]) + "：" + paragraph
            continue
        labelled = _LABEL.match(paragraph)
        if labelled and paragraph[labelled.end() : labelled.end() + 1].isspace():
            # 「提言2 北方領土…」: the same label, set with a space instead of a line break.
            rest = paragraph[labelled.end() :].strip()
            paragraph = re.sub(r"\s+", "", labelled.group(0)) + "：" + rest
        out.append(paragraph)
    return out


def _labelled_heading(text: str) -> bool:
    """「提言1：ロシアの侵略阻止を…」: a label and a title, no sentence."""
    return bool(_LABEL.match(text)) and "：" in text[:8] and not ends_sentence(text)


def _rejoin_headings(paragraphs: list[str]) -> list[str]:
    """A numbered heading wrapped in a larger font leaves its last characters on a line of
    their own (「1．…ウクライナ三」「角関係」): joined again."""
    out: list[str] = []
    for paragraph in paragraphs:
        if (
            out
            and heading_scheme(out[-1]) is not None
            and not ends_sentence(out[-1])
            and display_width(paragraph) <= 5
            and not re.search(r"[。、，．,.!?！？]", paragraph)
            and heading_scheme(paragraph) is None
        ):
            out[-1] += paragraph
            continue
        out.append(paragraph)
    return out


def _is_author(text: str) -> bool:
    """A name alone on its line: 「合六 強」, 「小泉悠（とりまとめ）」."""
    bare = _NAME_NOTE.sub("", text.strip())
    return bool(_NAME.fullmatch(bare)) and heading_scheme(bare) is None


def _heading_levels(blocks: list[LaidBlock]) -> None:
    """Levels from the numbering scheme: the shallowest scheme used is level 2, each deeper
    one a level down; an unnumbered heading (はじめに) is level 2."""
    schemes = [heading_scheme(b.text) for b in blocks if b.kind == "heading"]
    used = sorted({s for s in schemes if s is not None})
    for block in blocks:
        if block.kind == "heading":
            scheme = heading_scheme(block.text)
            block.level = 2 + (used.index(scheme) if scheme is not None else 0)
            block.level = min(block.level, 4)


# Words that really end in a ligature's letters, so "off ered" is not rejoined blindly.
_LIGATURE_WORDS = frozenset(
    {
        "off",
        "staff",
        "stuff",
        "cliff",
        "bluff",
        "sniff",
        "stiff",
        "tariff",
        "sheriff",
        "scoff",
        "cuff",
        "puff",
        "buff",
        "gaff",
        "riff",
        "tiff",
        "whiff",
        "chaff",
        "quaff",
        "spiff",
        "hifi",
        "wifi",
        "if",
        "of",
    }
)
_BROKEN_LIGATURE = re.compile(r"\b([A-Za-z]*?)(ffi|ffl|fi|fl|ff) ([a-z]+)\b")


def rejoin_ligatures(text: str) -> str:
    """Re-join words a PDF broke after a ligature: "Intensifi ed" → "Intensified",
    "eff ect" → "effect", "fi rst" → "first" (not "off ered" → the word "off" stays)."""

    def join(match: re.Match[str]) -> str:
        head, ligature, tail = match.groups()
        if (head + ligature).lower() in _LIGATURE_WORDS:
            return match.group(0)
        return head + ligature + tail

    return _BROKEN_LIGATURE.sub(join, text)


def page_marks(text: str) -> list[tuple[int, str, str]]:
    """Where the pages of pasted ``text`` (separated by form feeds) begin: for each page,
    ``(index, printed number or "", its first lines of text)``. A running head (the same
    first line on most pages, digits aside) and a page-number line are not text."""
    pages = [
        [line.strip() for line in page.split("\n") if line.strip()] for page in text.split("\f")
    ]
    if len(pages) < 2:
        return []
    tops = [re.sub(r"\d+", "#", page[0]) for page in pages if page]
    marks = []
    for index, page in enumerate(pages):
        label = ""
        for line in page[:2] + page[-1:]:  # under a running head, or at the foot
            if _PAGE_NUMBER.fullmatch(line):
                label = re.sub(r"\D", "", line)
        body = [
            line
            for line in page
            if not _PAGE_NUMBER.fullmatch(line)
            and not (line is page[0] and tops.count(re.sub(r"\d+", "#", line)) > len(pages) // 2)
        ]
        if body:
            marks.append((index, label, "\n".join(body[:3])))
    return marks
