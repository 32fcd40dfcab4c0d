"""Lines placed on pages → the article's structure: title, author, headings with levels,
paragraphs, list items, figure captions and footnotes; running heads, footers and page
numbers recognised and set aside, each page's printed number kept. Plain Python, no Qt.

Everything is decided from geometry the PDF gives (see :mod:`briefing.core.page_text`):

* **the body** is the font size most characters are set in; its left margin, right margin
  and line pitch are the most common ones among body lines;
* **page furniture** is a line at the top or bottom of a page, set apart from the text by
  extra space, that is smaller than the body, shaped like a page number, or repeated on
  other pages (digits aside) — so a one-page PDF loses its running head too;
* **footnotes** are small lines at the foot of the page that start with a number;
  **captions** are other lines set smaller than the body, or a body-size line that ends in
  a photo credit such as 「（ロイター/アフロ）」;
* **headings** are larger or bolder than the body; their levels come from their size, and
  between headings of one size from the numbering scheme (第N章 over 1． over （1） over ①);
* **paragraph ends**: a first-line indent, extra space, a last line that stops short of the
  right margin, or a change of kind (heading, list item, caption);
* **columns**: a page set in two or three columns is read column by column, full-width
  bands (a title, an abstract, a heading across the page) where they stand, and each line
  is measured against its own column's margins (see :mod:`briefing.core.columns`);
* **vertical writing** (縦書き) arrives here already turned a quarter round, each column a
  line whose left edge is its top (see :mod:`briefing.core.vertical`): the same rules read
  its indents, short last columns, headings, tiers and page numbers.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.core.columns import order_page
from briefing.core.markdown import join_lines
from briefing.core.page_text import Line
from briefing.core.reflow import SOFT_HYPHEN, is_list_item, list_item_text, repair_inline

_PAGE_NUMBER = re.compile(
    r"[-–—‐(（]?\s*(\d{1,4}|[ivxlc]{1,6})\s*[-–—‐)）]?|(?i:page|p\.)\s*(\d{1,4})"
    r"|(\d{1,4})\s*(?:/|of)\s*\d{1,4}|(\d{1,4})\s*(?:ページ|頁)"
)
_HEAD_NUMBER = re.compile(r"^(\d{1,4})\s+\S|\S\s+(\d{1,4})$")  # "国際情勢メモ 3", "3 第2章"
_PHOTO_CREDIT = re.compile(
    r"[（(][^（()）]*[/／・][^（()）]*[）)]$|[（(](?:写真|撮影)[:：][^）)]*[）)]$"
)
_CAPTION_START = re.compile(r"(?:図|表|写真|Figure|Fig\.|Table|Photo)\s*[0-9０-９]*\s*[:：．.]?")
_NOTE_START = re.compile(r"(?:\d{1,3}|[*※†‡]|注\s*\d*)[\s.)）:：]")
_KICKER = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*[章部編節]|(?i:chapter)\s+\w+")
_SCHEMES = (
    re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*[章部編]"),
    re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*節|[0-9０-９]{1,2}\s*(?:．|\.(?![0-9]))"),
    re.compile(r"[（(][0-9０-９]{1,2}[）)]|[0-9]{1,2}\.[0-9]{1,2}\s"),
    re.compile(r"[\u2460-\u2473]|[（(][a-zａ-ｚア-ン][）)]"),
)


@dataclass
class LaidBlock:
    """One block of the article. ``kind`` is "heading", "paragraph", "bullet", "caption" or
    "note"; ``page`` the index of the page it starts on; ``breaks`` the positions in
    ``text`` where a later page begins, with that page's index."""

    kind: str
    text: str
    level: int = 0
    page: int = 0
    breaks: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Layout:
    """What :func:`analyse` found. ``labels`` holds each page's printed number ("" where
    none was found)."""

    title: str
    author: str
    blocks: list[LaidBlock]
    labels: list[str]
    running_head: str = ""  # the text of the running head most pages carry, number aside


@dataclass
class _Metrics:
    size: float  # the body font size
    left: float  # the body's left margin
    right: float  # the body's right margin
    pitch: float  # baseline to baseline within a paragraph
    bold: bool  # whether the body itself is bold (then bold marks nothing)


def analyse(pages: list[list[Line]]) -> Layout:
    """The structure of a document whose pages hold ``pages`` (lines in content order; a
    page set in columns is put in reading order here)."""
    pages = [order_page(page) for page in pages]
    lines = [line for page in pages for line in page if line.text.strip()]
    if not lines:
        return Layout("", "", [], ["" for _ in pages])
    metrics = _metrics(lines)
    labels = [""] * len(pages)
    heads: list[str] = []
    kept = _drop_furniture(pages, metrics, labels, heads)
    title, author, kept = _title_and_author(kept, metrics)
    blocks = _blocks(kept, metrics)
    _set_heading_levels(blocks)
    common = Counter(heads).most_common(1)
    head = common[0][0] if common and (common[0][1] >= 2 or len(pages) == 1) else ""
    return Layout(title, author, [b for b, _ in blocks], labels, head)


def _mode(values: list[float]) -> float:
    return Counter(values).most_common(1)[0][0]


def _edges(line: Line, m: _Metrics) -> tuple[float, float]:
    """The left and right margin ``line`` is set between: its column's on a page set in
    columns, else the body's."""
    return line.frame if line.frame is not None else (m.left, m.right)


def _metrics(lines: list[Line]) -> _Metrics:
    sizes = Counter[float]()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    size = sizes.most_common(1)[0][0]
    body = [ln for ln in lines if abs(ln.size - size) < 0.3]
    # The page margins of one-column pages; lines in columns carry their own (their frame).
    plain = [ln for ln in body if ln.frame is None] or body
    steps = [
        round(a.baseline - b.baseline, 1)
        for a, b in itertools.pairwise(body)
        if a.page == b.page and 0 < a.baseline - b.baseline < 2.5 * size
    ]
    weights = Counter(ln.weight >= 600 for ln in body)
    return _Metrics(
        size=size,
        left=_mode([round(ln.left) for ln in plain]),
        right=_mode([round(ln.right) for ln in plain]),
        pitch=_mode(steps) if steps else 1.2 * size,
        bold=weights[True] > weights[False],
    )


def _number_of(text: str) -> str | None:
    """The page number ``text`` is (or that a running head carries), else None."""
    match = _PAGE_NUMBER.fullmatch(text.strip())
    if match:
        return next(group for group in match.groups() if group)
    match = _HEAD_NUMBER.search(text.strip())
    return next(group for group in match.groups() if group) if match else None


def _without_number(text: str) -> str:
    """A running head's text without the page number set beside it."""
    match = _HEAD_NUMBER.search(text.strip())
    if not match:
        return " ".join(text.split())
    number = next(group for group in match.groups() if group)
    stripped = text.strip()
    cut = stripped[len(number) :] if stripped.startswith(number) else stripped[: -len(number)]
    return " ".join(cut.split())


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def _drop_furniture(
    pages: list[list[Line]], m: _Metrics, labels: list[str], heads: list[str]
) -> list[Line]:
    """The lines that are not running heads, footers or page numbers, in reading order;
    printed page numbers go into ``labels``, the text of running heads (their number
    aside) into ``heads``."""
    tops = Counter(_key(p[0]) for p in pages if p)
    bottoms = Counter(_key(p[-1]) for p in pages if p)
    kept: list[Line] = []
    for index, page in enumerate(pages):
        page = [ln for ln in page if ln.text.strip()]
        for end, seen in ((0, tops), (-1, bottoms)):
            for attempt in range(2):  # a head may sit above a second line (a number, a date)
                if len(page) < 2:
                    break
                line, neighbour = page[end], page[end + 1 if end == 0 else end - 1]
                apart = abs(line.baseline - neighbour.baseline) > 1.45 * m.pitch
                number = _number_of(line.text)
                small = line.size < 0.95 * m.size
                repeated = len(pages) > 1 and seen[_key(line)] >= 2
                exact_number = _PAGE_NUMBER.fullmatch(line.text.strip()) is not None
                # A caption may sit alone at the foot of a page, small and set apart too.
                caption = _PHOTO_CREDIT.search(line.text) or _CAPTION_START.match(line.text)
                # So may a one-line footnote, on a page without a number under it.
                note = bool(line.markers and line.markers[0][0] == 0)
                small = small and not caption and not note and attempt == 0
                if not (apart and (small or exact_number or repeated)):
                    break
                if number and not labels[index]:
                    labels[index] = number
                if not exact_number:
                    heads.append(_without_number(line.text))
                page = page[1:] if end == 0 else page[:-1]
        kept.extend(page)
    return kept


def _title_and_author(lines: list[Line], m: _Metrics) -> tuple[str, str, list[Line]]:
    """Take the title (the largest lines at the top of the first page, before any body
    line), a chapter kicker above it (第2章) and an author line under it out of ``lines``."""
    head: list[Line] = []
    for line in lines:
        if line.page != lines[0].page or (abs(line.size - m.size) < 0.3 and not line.bold):
            break
        head.append(line)
    biggest = max((ln.size for ln in head), default=0.0)
    if biggest < 1.3 * m.size:
        return "", "", lines
    start = next(i for i, ln in enumerate(head) if abs(ln.size - biggest) < 0.3)
    end = start
    while end < len(head) and abs(head[end].size - biggest) < 0.3:
        end += 1
    taken = [ln for ln in head[:start] if _KICKER.fullmatch(ln.text.strip())] + head[start:end]
    author = ""
    if end < len(head):
        line = head[end]
        left, right = _edges(line, m)
        short = line.right - line.left < 0.5 * (right - left)
        aside = line.left > left + 2 * m.size  # set right or centred
        plain = not line.bold and not re.search(r"[。．.!?]$", line.text)
        if short and plain and (aside or not heading_scheme(line.text)):
            author = line.text.strip()
            taken.append(line)
    drop = {id(line) for line in taken}
    return _join(head[start:end]), author, [ln for ln in lines if id(ln) not in drop]


def heading_scheme(text: str) -> int | None:
    """The rank of the numbering scheme ``text`` starts with: 0 for 第N章, 1 for 1． or
    第N節, 2 for （1）, 3 for ① or （a）; None when it is not numbered."""
    for rank, pattern in enumerate(_SCHEMES):
        if pattern.match(text):
            return rank
    return None


def _join(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        piece = line.text.strip()
        if text.endswith(SOFT_HYPHEN):
            text = text[:-1] + piece
        else:
            text = join_lines(text, piece) if text else piece
    return text


def _kind(line: Line, m: _Metrics, lines_after: list[Line]) -> str:
    """What a single line is: "note", "caption", "heading" or "body"."""
    text = line.text.strip()
    if line.size < 0.92 * m.size:
        starts_note = bool(line.markers and line.markers[0][0] == 0) or bool(
            _NOTE_START.match(text)
        )
        marker_only = re.fullmatch(r"\d{1,3}", text) is not None
        below_body = not any(abs(ln.size - m.size) < 0.3 for ln in lines_after)
        if (starts_note or marker_only) and below_body:
            return "note"
        return "caption"
    if line.size > 1.08 * m.size or (line.bold and not m.bold):
        return "heading"
    return "body"


def _blocks(lines: list[Line], m: _Metrics) -> list[tuple[LaidBlock, list[Line]]]:
    """Group lines into blocks. Captions and notes that interrupt a paragraph (a figure or
    a page foot inside it) are set after that paragraph, never inside its sentence."""
    out: list[tuple[LaidBlock, list[Line]]] = []
    current: list[Line] = []
    kind = ""
    held: list[tuple[LaidBlock, list[Line]]] = []  # captions and notes waiting for the end
    apart: list[Line] = []
    apart_kind = ""

    def flush_apart() -> None:
        nonlocal apart, apart_kind
        if apart:
            held.append((_block(apart_kind, apart), apart))
        apart, apart_kind = [], ""

    def flush() -> None:
        nonlocal current, kind
        if current:
            out.append((_block(kind, current), current))
        current, kind = [], ""
        flush_apart()
        out.extend(held)
        held.clear()

    for index, line in enumerate(lines):
        # What follows in the same column (or band): a note ends its column, not the page.
        on_page = [
            ln
            for ln in lines[index + 1 : index + 40]
            if ln.page == line.page and ln.frame == line.frame
        ]
        line_kind = _kind(line, m, on_page)
        text = line.text.strip()
        if (
            line_kind == "body"
            and _PHOTO_CREDIT.search(text)
            and (not current or _ends_paragraph(current[-1], m))
            and line.right < _edges(line, m)[1] - m.size
        ):
            line_kind = "caption"  # a credit line at body size, standing alone
        if line_kind == "caption" and apart_kind == "note" and line.page == apart[-1].page:
            line_kind = "note"  # the note's text after its marker, or its second line
        if line_kind in ("caption", "note"):
            if _starts_apart(line, line_kind, apart, apart_kind, m):
                flush_apart()
            apart.append(line)
            apart_kind = line_kind
            continue
        flush_apart()
        if current and _continues(current, kind, line, line_kind, m):
            current.append(line)
            continue
        flush()
        current = [line]
        kind = (
            "heading"
            if line_kind == "heading"
            else "bullet"
            if is_list_item(text)
            else ("paragraph")
        )
    flush()
    return [(b, ls) for b, ls in out if b.text]


def _starts_apart(line: Line, kind: str, apart: list[Line], apart_kind: str, m: _Metrics) -> bool:
    """Whether a caption or note line starts a new one rather than going on with ``apart``:
    a new note number, a change of kind or page, or space between them."""
    if not apart:
        return False
    tiny = re.fullmatch(r"\d{1,3}", line.text.strip()) is not None and line.size < 0.7 * m.size
    if kind == "note" and (tiny or _note_starts(line, apart, apart_kind)):
        return True
    if kind != apart_kind or line.page != apart[-1].page:
        return True
    return line.baseline < apart[-1].baseline - 1.6 * line.size - m.pitch


def _note_starts(line: Line, apart: list[Line], apart_kind: str) -> bool:
    """A new footnote: the previous note line was a lone marker on its own baseline, or
    this line starts with its own marker."""
    if not apart or apart_kind != "note":
        return True
    previous = apart[-1]
    if re.fullmatch(r"\d{1,3}", previous.text.strip()):
        return False  # the marker of this very note
    return bool(line.markers and line.markers[0][0] == 0) or bool(_NOTE_START.match(line.text))


def _ends_paragraph(line: Line, m: _Metrics) -> bool:
    return line.right < _edges(line, m)[1] - 1.5 * m.size


def _next_column(last: Line, line: Line) -> bool:
    """Whether ``line`` starts the next column of the page ``last`` ended a column of: it
    stands higher up and to the right, like the first line of a new page."""
    return (
        last.frame is not None
        and line.frame is not None
        and line.frame != last.frame
        and line.baseline > last.baseline
        and line.left > last.right
    )


def _continues(current: list[Line], kind: str, line: Line, line_kind: str, m: _Metrics) -> bool:
    """Whether ``line`` goes on with the block made of ``current`` (of ``kind``)."""
    last = current[-1]
    same_page = last.page == line.page and not _next_column(last, line)
    gap = last.baseline - line.baseline if same_page else m.pitch
    if kind == "heading":
        return (
            line_kind == "heading"
            and same_page
            and abs(line.size - last.size) < 0.3
            and gap < 1.45 * max(m.pitch, line.size * 1.2)
            and heading_scheme(line.text.strip()) is None  # （1） under 1．: a heading of its own
        )
    if line_kind != "body" or is_list_item(line.text.strip()):
        return False
    if gap > 1.45 * m.pitch or gap < 0:
        return False
    if _ends_paragraph(last, m):
        return False
    if kind == "bullet":
        return line.left > _edges(line, m)[0] + 0.3 * m.size  # hanging under the item's text
    return line.left < _edges(line, m)[0] + 0.5 * m.size  # a first-line indent starts one


def _block(kind: str, lines: list[Line]) -> LaidBlock:
    """Join ``lines`` into one block's text, remembering where each later page begins."""
    text, breaks = "", []
    for index, line in enumerate(lines):
        if index and line.page != lines[index - 1].page:
            breaks.append((len(repair_inline(text)), line.page))
        piece = line.text.strip()
        if kind == "note" and index == 0 and line.markers and line.markers[0][0] == 0:
            piece = f"{line.markers[0][1]} {piece}"
        if text.endswith(SOFT_HYPHEN):
            text = text[:-1] + piece
        elif kind == "note" and re.fullmatch(r"\d{1,3}", text):
            text = f"{text} {piece}"
        else:
            text = join_lines(text, piece) if text else piece
    if kind == "bullet":
        text = list_item_text(text)
    return LaidBlock(kind, repair_inline(text), page=lines[0].page, breaks=breaks)


def _set_heading_levels(blocks: list[tuple[LaidBlock, list[Line]]]) -> None:
    """Level 2 for the largest headings, 3 for the next size, and so on (at most 4); among
    headings of one size, a deeper numbering scheme (（1） under 1．) goes one level down,
    and an unnumbered heading (はじめに) sits with the top scheme of its size."""
    keyed = []
    schemes: dict[int, list[int]] = {}  # size -> numbering schemes used at that size
    for block, block_lines in blocks:
        if block.kind == "heading":
            size = round(max(ln.size for ln in block_lines))
            scheme = heading_scheme(block.text)
            if scheme is not None:
                schemes.setdefault(size, []).append(scheme)
            keyed.append((block, size, scheme))
    styles = {
        (-size, scheme if scheme is not None else min(schemes.get(size, [0])))
        for _, size, scheme in keyed
    }
    order = sorted(styles)
    for block, size, scheme in keyed:
        style = (-size, scheme if scheme is not None else min(schemes.get(size, [0])))
        block.level = min(2 + order.index(style), 4)
