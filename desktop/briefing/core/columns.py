"""A page's lines set in columns → reading order. Plain Python, no Qt, no PDF library.

A two-column think-tank paper or journal article lists its lines in whatever order the
program that wrote the PDF chose: the whole left column then the right one, or row by row,
the left and right lines of each height interleaved. Either way the layout rules (paragraph
ends from a short last line, a first-line indent) must measure each line against its own
column, not against the page. :func:`order_page` finds the columns from the geometry alone
and returns the lines in reading order, each with the frame (left and right edge) of the
column or full-width band it belongs to.

**Columns** are found where a vertical gutter runs between lines that stand side by side:
at least :data:`_MIN_ROWS` rows hold one line ending left of the gutter and one starting
right of it on the same baseline, and on both sides most lines share an edge (justified
text filling a column), so a table of short entries or a date set opposite a place name is
not taken for columns (a column set ragged right must stand beside the next one for
:data:`_RAGGED_ROWS` rows). Each side is searched again for a gutter of its own (three columns).

**Reading order**: lines that cross a gutter (a title, an abstract, a heading set across
the page, a footnote under both columns, a page number in the gutter), a short line beside
which the other columns stand empty while they hold text above and below it (a heading
between two column sections), and the lines at the
very top and bottom set apart from the rest (running heads, footers) are full-width bands,
read where they stand; between two bands the columns are read one after the other, left
to right, unless nothing in that stretch stands side by side (an author line set right
under a title), which is read from the top down.

A page where no gutter is found is returned as it came, with no frames: a one-column page
is read exactly as before.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import replace

from briefing.core.page_text import Line

_MIN_ROWS = 4  # rows side by side before a gutter is believed
_SHARED_EDGE = 0.5  # the share of a column's lines that end (or start) at its common edge
_RAGGED_ROWS = 12  # rows side by side that make columns set ragged right believable
_MIN_WIDTH = 8.0  # ems: narrower than this, a "column" is a table cell or a label


def order_page(lines: list[Line]) -> list[Line]:
    """``lines`` (one page, any order) in reading order, framed by their column; unchanged
    when the page is set in one column."""
    lines = [ln for ln in lines if ln.text.strip()]
    if len(lines) < 2 * _MIN_ROWS:
        return lines
    size = Counter(round(ln.size, 1) for ln in lines).most_common(1)[0][0]
    edges = [min(ln.left for ln in lines), max(ln.right for ln in lines)]
    apart = _furniture(sorted(lines, key=lambda ln: -ln.baseline))
    # A PDF that lists its lines row by row runs the left and right line of a row into one,
    # a wide gap between them: such lines are looked at cut at their wide gaps.
    gutters = sorted(_gutters(_cut(lines, apart, None), edges[0], edges[1], size))
    if not gutters:
        return lines
    lines = _cut(lines, apart, gutters)  # now only where a gap holds a gutter
    bounds = [edges[0], *[x for g in gutters for x in g], edges[1]]
    ranges = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    frames = [_frame(lines, low, high, size) for low, high in ranges]
    full = (frames[0][0], frames[-1][1])
    tolerance = size  # a bracket or a quote hangs into the margin by up to an em
    top_down = sorted(lines, key=lambda ln: -ln.baseline)
    placed: list[tuple[Line, int | None]] = []  # each line with its column (None: full width)
    for line in top_down:
        column = next(
            (
                i
                for i, (low, high) in enumerate(ranges)
                if line.left >= low - tolerance and line.right <= high + tolerance
            ),
            None,
        )
        placed.append((line, None if id(line) in apart else column))
    placed = [(line, _column_or_band(line, column, placed, size)) for line, column in placed]
    # A line on the row of a full-width one is part of that band: a footnote's number set
    # small before its text, a page number beside a footer.
    bands = [line for line, column in placed if column is None]
    placed = [
        (line, None if any(b.bottom < line.top and b.top > line.bottom for b in bands) else col)
        for line, col in placed
    ]
    out: list[Line] = []
    section: list[tuple[Line, int]] = []
    for line, column in placed:
        if column is None:
            out.extend(_read_section(section, frames))
            section = []
            out.append(replace(line, frame=full))
        else:
            section.append((line, column))
    out.extend(_read_section(section, frames))
    return out


def _cut(
    lines: list[Line], apart: set[int], gutters: list[tuple[float, float]] | None
) -> list[Line]:
    """``lines`` with each one that holds a wide gap cut there into pieces: at every wide gap
    (``gutters`` None), or only at one that holds a gutter. A running head or footer
    (``apart``) is never cut: its number stays beside its text."""
    out: list[Line] = []
    for line in lines:
        if id(line) in apart:
            out.append(line)
            continue
        for at, low, high in reversed(line.gaps):
            holds = gutters is None or any(
                low <= left + 1 and high >= right - 1 for left, right in gutters
            )
            if holds:
                line, piece = _split(line, at, low, high)
                out.append(piece)
        out.append(line)
    return out


def _split(line: Line, at: int, low: float, high: float) -> tuple[Line, Line]:
    """``line`` cut at the wide gap (the space at ``at``, from x ``low`` to ``high``): the
    part before it and the part after it."""
    after = at + 1
    first = replace(
        line,
        text=line.text[:at],
        right=low,
        markers=[(p, d) for p, d in line.markers if p <= at],
        gaps=[g for g in line.gaps if g[0] < at],
    )
    second = replace(
        line,
        text=line.text[after:],
        left=high,
        markers=[(p - after, d) for p, d in line.markers if p > at],
        gaps=[(p - after, lo, hi) for p, lo, hi in line.gaps if p > at],
    )
    return first, second


def _gutters(lines: list[Line], low: float, high: float, size: float) -> list[tuple[float, float]]:
    """The gutters between ``low`` and ``high`` (each as its left and right edge), found
    by splitting at the best one and searching each side again."""
    inside = [ln for ln in lines if ln.left >= low - 0.5 * size and ln.right <= high + 0.5 * size]
    best: tuple[int, float, float] | None = None
    starts = Counter(round(ln.left) for ln in inside)
    for x in sorted({round(ln.left, 1) for ln in inside}):
        if x - low < _MIN_WIDTH * size or high - x < _MIN_WIDTH * size:
            continue
        # A column starts where several lines start: other edges are not tried (a page of
        # centred or tabulated lines would otherwise cost a search per line).
        if sum(starts[round(x) + d] for d in (-1, 0, 1)) < _MIN_ROWS:
            continue
        found = _gutter_at(inside, x, size)
        if found and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        return []
    _, left_edge, right_edge = best
    return [
        *_gutters(lines, low, left_edge, size),
        (left_edge, right_edge),
        *_gutters(lines, right_edge, high, size),
    ]


def _gutter_at(lines: list[Line], x: float, size: float) -> tuple[int, float, float] | None:
    """Whether a gutter ends at ``x`` (the left edge of a right-hand column): how many rows
    stand side by side across it and the gutter's edges, or None."""
    left = [ln for ln in lines if ln.right <= x - 0.8 * size]
    right = [ln for ln in lines if ln.left >= x - 0.1]
    beside = sorted(b.baseline for b in right)
    rows = [a for a in left if _near(beside, a.baseline, 0.5 * a.size)]
    if len(rows) < _MIN_ROWS:
        return None
    # Both sides must read as set text: most lines on the right start at one edge, and
    # those on the left end at one edge next to the gutter (justified), or, set ragged,
    # stand beside the right column's lines for many rows and come close to the gutter.
    right_start = _shared(round(ln.left) for ln in right)
    if right_start is None or right_start[1] < _SHARED_EDGE * len(right):
        return None
    left_edge = _shared(round(ln.right) for ln in left)
    justified = (
        left_edge is not None
        and x - left_edge[0] <= 3 * size
        and left_edge[1] >= _SHARED_EDGE * len(left)
    )
    ragged = len(rows) >= _RAGGED_ROWS and x - max(ln.right for ln in rows) <= 3 * size
    if not (justified or ragged):
        return None
    return len(rows), max(ln.right for ln in left), x


def _near(ordered: list[float], value: float, within: float) -> bool:
    """Whether the sorted ``ordered`` holds a value less than ``within`` from ``value``."""
    at = bisect.bisect_left(ordered, value - within)
    return at < len(ordered) and ordered[at] < value + within


def _shared(values: object) -> tuple[float, int] | None:
    """The most common value, allowing a point either way, with how many are near it."""
    counts = Counter(values)  # type: ignore[arg-type]
    if not counts:
        return None
    value = max(counts, key=lambda v: (counts[v - 1] + counts[v] + counts[v + 1], v))
    return value, counts[value - 1] + counts[value] + counts[value + 1]


def _frame(lines: list[Line], low: float, high: float, size: float) -> tuple[float, float]:
    """The left and right edge of the column between ``low`` and ``high``: where most of
    its lines start and end."""
    inside = [ln for ln in lines if ln.left >= low - 0.5 * size and ln.right <= high + 0.5 * size]
    start = _shared(round(ln.left) for ln in inside)
    end = _shared(round(ln.right) for ln in inside)
    return (
        float(min(ln.left for ln in inside)) if start is None else float(start[0]),
        float(max(ln.right for ln in inside)) if end is None else float(end[0]),
    )


def _column_or_band(
    line: Line, column: int | None, placed: list[tuple[Line, int | None]], size: float
) -> int | None:
    """``column``, or None for a short line that fits one column but is set across the
    page: a heading between two column sections, set apart from the line over it, beside
    which the other columns hold nothing while they hold text above it and below it."""
    if column is None:
        return None
    low, high = line.bottom - 0.5 * size, line.top + 0.5 * size
    others = [ln for ln, col in placed if col is not None and col != column]
    if any(ln.bottom < high and ln.top > low for ln in others):
        return column
    above = any(ln.bottom >= high for ln in others)
    below = any(ln.top <= low for ln in others)
    # Set apart from the line over it in its own column, as a heading is: the last lines
    # of a column that runs on below its neighbour's end follow one another closely.
    over = [ln.bottom for ln, col in placed if col == column and ln.bottom >= line.top]
    apart = not over or min(over) - line.top > 0.6 * size
    return None if above and below and apart else column


def _furniture(top_down: list[Line]) -> set[int]:
    """The lines at the top and bottom of the page set apart from the rest (a running
    head, a page number or footer line), which belong to no column."""
    apart: set[int] = set()
    for ordered in (top_down, top_down[::-1]):
        for index in range(min(2, len(ordered) - 1)):
            line, neighbour = ordered[index], ordered[index + 1]
            if abs(line.baseline - neighbour.baseline) <= 2.2 * line.size:
                break
            apart.add(id(line))
    return apart


def _read_section(section: list[tuple[Line, int]], frames: list[tuple[float, float]]) -> list[Line]:
    """The lines between two full-width bands: column by column when two columns hold lines
    at the same height, else from the top down, as full-width lines."""
    spans: dict[int, tuple[float, float]] = {}
    for line, column in section:
        low, high = spans.get(column, (line.bottom, line.top))
        spans[column] = (min(low, line.bottom), max(high, line.top))
    ordered = sorted(spans.items())
    side_by_side = any(
        a[1][0] < b[1][1] and b[1][0] < a[1][1] for a, b in itertools.pairwise(ordered)
    )
    if not side_by_side:  # lines one above the other: a band of the full width
        full = (frames[0][0], frames[-1][1])
        return [replace(line, frame=full) for line, _ in section]
    section = sorted(section, key=lambda item: (item[1], -item[0].baseline))
    return [replace(line, frame=frames[column]) for line, column in section]
