"""Vertical Japanese (縦書き) on a PDF page → lines the layout rules read. Plain Python.

A white paper, a 新書-style report or a newspaper page sets its text in columns read top to
bottom, the columns right to left. :func:`is_vertical` tells such a page from the glyph
boxes alone: consecutive characters share an x-range and step down the page by about their
size, where horizontal text steps right along a baseline. :func:`vertical_lines` then turns
the page a quarter round, so that every column becomes a :class:`~briefing.core.page_text.
Line` of the existing model and the rules of :mod:`briefing.core.page_layout` apply as
they stand:

* a column's start (the top) is the line's left edge, its end (the foot) the right edge:
  a paragraph's one-character indent at the top is a first-line indent, a column ending
  short of the foot is a paragraph's last line;
* columns to the left come later: a column's x is the line's baseline, so the column
  pitch is the line pitch, and columns set in tiers (段) become columns side by side,
  read tier after tier by :mod:`briefing.core.columns`;
* what is set horizontally on such a page (a page number or running head in the margin,
  a title across the top) stays one line, placed before the columns when it stands above
  them and after them when it stands below, as far from them as it stands on the page.

Characters that producers put in the text layer for vertical writing are turned back
into their ordinary ones (:func:`upright`): the presentation forms U+FE10–FE19 and
U+FE30–FE48 (︒ → 。, ﹁ → 「, ︵ → （), and a long-vowel mark drawn as a vertical bar
(│, ｜, 丨) after kana. Two digits set across the column (縦中横) read left to right.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from briefing.core.page_text import Glyph, Line, PageGlyphs, page_lines

_MIN_STEPS = 8  # characters followed by one below before a page is believed vertical
_ROW = 0.3  # ems: characters closer than this in height stand on one row of a column
_NEXT = 1.6  # ems, middle to middle: the farthest a character of the next cell stands
_TOUCH = 0.8  # ems, ink to ink: the widest gap between the characters of two next cells
_RUBY = 0.7  # ruby (furigana) is set at most this share of the body size
_STEP = 1.15  # ems: the widest step from one character to the next along a horizontal line
_GAP = 1.6  # ems: a wider gap down a column ends it (the next tier, a figure)


def _vertical_form(code: int) -> str:
    """The ordinary character a vertical presentation form stands for; ASCII punctuation
    (︐ → ",") comes back full-width, as Japanese text sets it."""
    decomposition = unicodedata.decomposition(chr(code))
    if not decomposition.startswith("<vertical>"):
        return chr(code)
    char = chr(int(decomposition.split()[1], 16))
    return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char


_FORMS = {code: _vertical_form(code) for code in [*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE49)]}
_FORMS = {code: char for code, char in _FORMS.items() if char != chr(code)}
_BARS = "│｜|丨⼁"  # a long-vowel mark ー whose vertical glyph was mapped to a bar


def _kana(char: str) -> bool:
    return "\u3041" <= char <= "\u30fa" or char == "ー" or "\uff66" <= char <= "\uff9d"


def upright(text: str) -> str:
    """``text`` read off a vertical column with its vertical forms turned back: ︒ → 。,
    ﹁ → 「, ︵ → （, ︙ → …, and a bar after kana (ウ│ル, ク丨ナ) → ー."""
    text = text.translate(_FORMS)
    if not any(bar in text for bar in _BARS):
        return text
    out: list[str] = []
    for char in text:
        out.append("ー" if char in _BARS and out and _kana(out[-1]) else char)
    return "".join(out)


def _inked(page: PageGlyphs) -> list[Glyph]:
    return [g for g in page.glyphs if not g.generated and g.char.strip()]


def is_vertical(page: PageGlyphs) -> bool:
    """Whether ``page`` is set in vertical columns: more than twice as many characters have
    their nearest neighbour below them, in their own x-range, as beside them on their
    baseline, and at least :data:`_MIN_STEPS` do. Decided from the geometry alone, in
    whatever order the PDF lists the characters."""
    glyphs = _inked(page)
    if len(glyphs) < _MIN_STEPS or _reads_across(glyphs):
        return False
    below, beside = _neighbours(glyphs)
    down = across = 0
    for index, glyph in enumerate(glyphs):
        low, side = below[index], beside[index]
        tolerance = 0.05 * glyph.size
        if low is not None and (side is None or low[1] < side[1] - tolerance):
            down += 1
        elif side is not None and (low is None or side[1] < low[1] - tolerance):
            across += 1
    return down >= _MIN_STEPS and down > 2 * across


def _reads_across(glyphs: list[Glyph]) -> bool:
    """Whether, in the PDF's own order, most characters are followed by the next one on
    their baseline, at most :data:`_STEP` ems further right: plainly horizontal text,
    told in one pass (the neighbour search below costs several times a page's reading)."""
    along = 0
    for a, b in itertools.pairwise(glyphs):
        if abs(b.y - a.y) < 0.2 * a.size and 0 < b.x - a.x <= _STEP * max(a.size, b.size):
            along += 1
    return along >= 0.5 * (len(glyphs) - 1)


Neighbour = tuple[int, float]  # a glyph's index and its distance (middle to middle)


def _neighbours(glyphs: list[Glyph]) -> tuple[list[Neighbour | None], list[Neighbour | None]]:
    """For each glyph, the nearest glyph in the next cell below it (sharing its x-range)
    and the nearest in the next cell to its right (sharing its height): within
    :data:`_NEXT` ems, middle to middle, and less than :data:`_TOUCH` ems apart, ink to ink."""
    if not glyphs:
        return [], []
    reach = 2 * max(median(g.size for g in glyphs), 1.0)
    grid: dict[tuple[int, int], list[int]] = {}
    for index, glyph in enumerate(glyphs):
        grid.setdefault(_bucket(glyph, reach), []).append(index)
    below: list[Neighbour | None] = []
    beside: list[Neighbour | None] = []
    for glyph in glyphs:
        column, row = _bucket(glyph, reach)
        near = [
            i
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for i in grid.get((column + dx, row + dy), ())
        ]
        low = side = None
        for index in near:
            other = glyphs[index]
            em = max(glyph.size, other.size, 1.0)
            down = _middle(glyph) - _middle(other)
            if (
                _ROW * em < down <= _NEXT * em
                and glyph.bottom - other.top < _TOUCH * em
                and _share(glyph.left, glyph.right, other.left, other.right)
                and (low is None or down < low[1])
            ):
                low = (index, down)
            right = _centre(other) - _centre(glyph)
            if (
                _ROW * em < right <= _NEXT * em
                and other.left - glyph.right < _TOUCH * em
                and _share(glyph.bottom, glyph.top, other.bottom, other.top)
                and (side is None or right < side[1])
            ):
                side = (index, right)
        below.append(low)
        beside.append(side)
    return below, beside


def _bucket(glyph: Glyph, reach: float) -> tuple[int, int]:
    return int(_centre(glyph) // reach), int(_middle(glyph) // reach)


def _share(low: float, high: float, other_low: float, other_high: float) -> bool:
    """Whether two spans overlap by at least a third of the shorter one."""
    overlap = min(high, other_high) - max(low, other_low)
    return overlap > 0.3 * max(min(high - low, other_high - other_low), 0.01)


def _middle(glyph: Glyph) -> float:
    return (glyph.top + glyph.bottom) / 2


def _centre(glyph: Glyph) -> float:
    return (glyph.left + glyph.right) / 2


@dataclass
class _Run:
    """Characters found to follow one another: down a column or along a horizontal line."""

    glyphs: list[Glyph] = field(default_factory=list)
    across: bool = False  # set horizontally

    @property
    def low(self) -> float:
        return min(g.left for g in self.glyphs)

    @property
    def high(self) -> float:
        return max(g.right for g in self.glyphs)

    @property
    def low_y(self) -> float:
        return min(g.bottom for g in self.glyphs)

    @property
    def high_y(self) -> float:
        return max(g.top for g in self.glyphs)


def _runs(glyphs: list[Glyph]) -> list[_Run]:
    """Columns (characters linked to the next one below them) and, among the characters
    left over, horizontal lines (linked to the next one beside them)."""
    below, beside = _neighbours(glyphs)
    parent = list(range(len(glyphs)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for index, low in enumerate(below):
        if low is not None:
            parent[root(index)] = root(low[0])
    down = {root(i) for i, low in enumerate(below) if low is not None}
    for index, side in enumerate(beside):
        if side is not None and root(index) not in down and root(side[0]) not in down:
            parent[root(index)] = root(side[0])
    groups: dict[int, list[Glyph]] = {}
    for index, glyph in enumerate(glyphs):
        groups.setdefault(root(index), []).append(glyph)
    runs = [_Run(group, across=key not in down and len(group) > 1) for key, group in groups.items()]
    runs = _set_across(_join_segments(runs))
    # A character standing alone above or below every column (a page number "3") is a
    # horizontal line of one character, not a column.
    columns = [r for r in runs if not r.across and len(r.glyphs) > 1]
    if columns:
        top = max(r.high_y for r in columns)
        bottom = min(r.low_y for r in columns)
        for run in runs:
            if len(run.glyphs) == 1 and (run.low_y >= top or run.high_y <= bottom):
                run.across = True
    return runs


def _join_segments(runs: list[_Run]) -> list[_Run]:
    """Join pieces of one column parted by a blank cell or two (第１章　概要): in one
    x-range, less than :data:`_GAP` ems apart. Columns of the next tier (段) stand further
    down."""
    columns = sorted((r for r in runs if not r.across), key=lambda r: -r.high_y)
    kept: list[_Run] = []
    for run in columns:
        size = max(g.size for g in run.glyphs)
        above = next(
            (
                k
                for k in reversed(kept)
                if _share(k.low, k.high, run.low, run.high)
                and -_ROW * size < k.low_y - run.high_y < _GAP * size
            ),
            None,
        )
        if above is None:
            kept.append(run)
        else:
            above.glyphs.extend(run.glyphs)
    return kept + [r for r in runs if r.across]


def _set_across(runs: list[_Run]) -> list[_Run]:
    """Put a few characters set across a column (縦中横: "17" in 8月17日) back into the
    column they stand in."""
    columns = [r for r in runs if not r.across]
    kept: list[_Run] = []
    for run in runs:
        width = run.high - run.low
        size = max(g.size for g in run.glyphs)
        home = None
        if run.across and len(run.glyphs) <= 4 and width <= 1.2 * max(size, _column_size(columns)):
            home = next((c for c in columns if _holds(c, run)), None)
        if home is None:
            kept.append(run)
        else:
            home.glyphs.extend(run.glyphs)
    return kept


def _column_size(columns: list[_Run]) -> float:
    sizes = [g.size for c in columns for g in c.glyphs]
    return Counter(sizes).most_common(1)[0][0] if sizes else 0.0


def _holds(column: _Run, run: _Run) -> bool:
    """Whether the characters of ``run`` stand inside ``column``'s x-range, up against it."""
    size = max(g.size for g in column.glyphs)
    inside = column.low - 0.2 * size <= run.low and run.high <= column.high + 0.2 * size
    top = max(g.top for g in column.glyphs)
    bottom = min(g.bottom for g in column.glyphs)
    near = min(g.top for g in run.glyphs) > bottom - _GAP * size
    return inside and near and max(g.bottom for g in run.glyphs) < top + _GAP * size


def _in_order(run: _Run) -> list[Glyph]:
    """A column's characters top to bottom; those on one row (縦中横) left to right."""
    ordered = sorted(run.glyphs, key=lambda g: -_middle(g))
    rows: list[list[Glyph]] = []
    for glyph in ordered:
        if rows and _middle(rows[-1][0]) - _middle(glyph) < _ROW * glyph.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [g for row in rows for g in sorted(row, key=lambda g: g.left)]


def _common(values: list[float]) -> float:
    return Counter(values).most_common(1)[0][0]


def _column_line(run: _Run, height: float, index: int) -> Line:
    """A column as a line of the page turned a quarter round: down the page is rightwards,
    leftwards is down. Edges come from the glyph origins (where the pen stood), as in
    horizontal text, so a bracket's or a comma's ink does not move them."""
    glyphs = _in_order(run)
    size = _common([round(g.size, 1) for g in glyphs])
    body = [g for g in glyphs if round(g.size, 1) == size] or glyphs
    return Line(
        text=upright(_spaced(glyphs, size)),
        left=height - max(g.y for g in body),
        right=height - min(g.y for g in body) + size,
        baseline=median(g.x for g in body),
        top=max(g.right for g in glyphs),
        bottom=min(g.left for g in glyphs),
        size=size,
        weight=_common([g.weight for g in glyphs]),
        page=index,
    )


def _spaced(glyphs: list[Glyph], size: float) -> str:
    """A column's text with a blank cell (or more) between two characters read as that
    many ideographic spaces (第１章　概要): PDF producers often leave the cell empty and
    write no space character, and the one they write has no ink to be placed by. Both the
    pens' step and the ink's gap must show the blank: a glyph turned for vertical writing
    (ー) has its origin moved, a comma's or a bracket's ink fills only part of its cell."""
    text = ""
    for previous, glyph in itertools.pairwise([None, *glyphs]):
        if previous is not None:
            step = (previous.y - glyph.y) / size
            ink = (previous.bottom - glyph.top) / size
            if step >= 1.7 and ink >= 0.9:
                text += "\u3000" * max(1, min(round(step) - 1, round(ink)))
        text += glyph.char
    return text


def _drop_ruby(runs: list[_Run]) -> list[_Run]:
    """``runs`` without ruby (furigana) and emphasis dots (﹅): characters under
    :data:`_RUBY` of the body size, set right against a column of body text, beside it.
    They gloss the column's characters; read into the text they would interrupt it."""
    sizes = Counter(round(g.size, 1) for r in runs if not r.across for g in r.glyphs)
    if not sizes:
        return runs
    body = sizes.most_common(1)[0][0]
    columns = [r for r in runs if not r.across and max(g.size for g in r.glyphs) >= body]

    def beside(run: _Run) -> bool:
        return max(g.size for g in run.glyphs) < _RUBY * body and any(
            -0.2 * body < run.low - c.high < 0.3 * body
            and run.low_y > c.low_y - body
            and run.high_y < c.high_y + body
            for c in columns
        )

    return [r for r in runs if r.across or not beside(r)]


def vertical_lines(page: PageGlyphs, index: int = 0) -> list[Line]:
    """The lines of a vertical ``page`` (``index``: its position) in reading order, the page
    turned a quarter round: columns right to left, each framed by the page's common column
    start and end; horizontal lines before or after them (see the module's docstring)."""
    runs = _drop_ruby(_runs(_inked(page)))
    columns = sorted(
        (r for r in runs if not r.across), key=lambda r: -median(g.x for g in r.glyphs)
    )
    lines = [_column_line(run, page.height, index) for run in columns]
    if not lines:
        return page_lines(page, index)
    size = _common([round(ln.size, 1) for ln in lines])
    body = [ln for ln in lines if round(ln.size, 1) == size]
    frame = (_edge([ln.left for ln in body], min), _edge([ln.right for ln in body], max))
    for line in lines:
        line.frame = frame
    top = max(max(g.top for g in r.glyphs) for r in columns)
    bottom = min(min(g.bottom for g in r.glyphs) for r in columns)
    before, after, among = [], [], []
    for run in (r for r in runs if r.across):
        line = _across_line(run, page.height, index, frame)
        low, high = min(g.bottom for g in run.glyphs), max(g.top for g in run.glyphs)
        if low >= top - 0.5 * line.size:  # above the columns: as far before the first
            line.baseline = lines[0].baseline + (low - top) + line.size
            before.append(line)
        elif high <= bottom + 0.5 * line.size:  # below them: as far after the last
            line.baseline = lines[-1].baseline - (bottom - high) - line.size
            after.append(line)
        else:
            among.append(line)
    before.sort(key=lambda ln: -ln.baseline)
    after.sort(key=lambda ln: -ln.baseline)
    middle = sorted(lines + among, key=lambda ln: -ln.baseline)
    return before + middle + after


def _edge(values: list[float], extreme: Callable[[list[float]], float]) -> float:
    """The column start (or end) most of the page's columns share; with too few columns to
    tell, the outermost one."""
    rounded = Counter(round(v) for v in values)
    value, count = rounded.most_common(1)[0]
    return float(value) if count >= 3 else float(round(extreme(values)))


def _across_line(run: _Run, height: float, index: int, frame: tuple[float, float]) -> Line:
    """A horizontal line on a vertical page, turned with the page: its text as it reads,
    its baseline where its middle stands across the columns."""
    glyphs = sorted(run.glyphs, key=lambda g: g.left)
    size = _common([round(g.size, 1) for g in glyphs])
    return Line(
        text="".join(g.char for g in glyphs),
        left=height - max(g.top for g in glyphs),
        right=height - min(g.bottom for g in glyphs),
        baseline=(min(g.left for g in glyphs) + max(g.right for g in glyphs)) / 2,
        top=max(g.right for g in glyphs),
        bottom=min(g.left for g in glyphs),
        size=size,
        weight=_common([g.weight for g in glyphs]),
        page=index,
        frame=frame,
    )


def lines_of(page: PageGlyphs, index: int = 0) -> list[Line]:
    """The lines of ``page``: read as vertical columns where it is set so, else as
    :func:`~briefing.core.page_text.page_lines` reads it."""
    return vertical_lines(page, index) if is_vertical(page) else page_lines(page, index)
