"""Characters placed on a PDF page → text lines with their geometry. Plain Python, no Qt.

The PDF importer reads each character's box, baseline origin, font size and weight (PDFium
gives all four) into :class:`Glyph` values; :func:`page_lines` groups them into
:class:`Line` values in reading order. Everything that tells body text from page furniture,
headings, captions and notes (see :mod:`briefing.core.page_layout`) is decided from these
lines, so it is tested with no PDF library at all.

Coordinates are PDF points with the origin at the bottom left: a larger ``y`` is higher up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from briefing.core.reflow import CJK_CLASS

CJK_CHARACTER = f"[{CJK_CLASS}]"

_CJK = re.compile(CJK_CHARACTER)
_SUPERSCRIPT_SIZE = 0.8  # a glyph this much smaller than its line, raised: a note marker
_SUPERSCRIPT_RISE = 0.2  # its baseline at least this many ems above the line's


@dataclass(frozen=True)
class Glyph:
    """One character as placed on the page. ``generated`` marks the spaces and line breaks
    PDFium infers between words and lines (they have no glyph of their own)."""

    char: str
    left: float
    bottom: float
    right: float
    top: float
    x: float  # the origin: where the pen stood, on the baseline
    y: float
    size: float
    weight: int = 400
    generated: bool = False


@dataclass(frozen=True)
class PageGlyphs:
    """A page's characters in the PDF's content order, with the page's size and the label
    the PDF gives the page ("iv", "12"; empty when it gives none)."""

    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    label: str = ""


@dataclass
class Line:
    """One line of text on a page. ``size`` and ``weight`` are those of most of its
    characters; ``markers`` are superscript note numbers taken out of ``text``, each with
    the position in ``text`` it stood at."""

    text: str
    left: float
    right: float
    baseline: float
    top: float
    bottom: float
    size: float
    weight: int
    page: int = 0
    markers: list[tuple[int, str]] = field(default_factory=list)
    # The left and right edge of the column (or full-width band) the line is set in, on a
    # page set in columns (see :mod:`briefing.core.columns`); None on a one-column page.
    frame: tuple[float, float] | None = None
    # Wide gaps inside the line (a generated space wider than 1.5 em), each as the position
    # of that space in ``text`` and the gap's left and right x: where a line run across two
    # columns by the PDF's content order may be cut (see :mod:`briefing.core.columns`).
    gaps: list[tuple[int, float, float]] = field(default_factory=list)

    @property
    def bold(self) -> bool:
        return self.weight >= 600


def page_lines(page: PageGlyphs, index: int = 0) -> list[Line]:
    """The text lines of ``page`` in content order (``index`` is the page's position).

    A line ends at each line break PDFium generates and wherever the baseline moves by more
    than half the font size (PDFium sometimes runs the last line of one paragraph into the
    first of the next, or a page number into the last line). Superscript digits (note
    markers: small, raised) leave the text and are kept as :attr:`Line.markers`.
    """
    lines: list[Line] = []
    run: list[Glyph] = []
    for glyph in page.glyphs:
        if glyph.char in "\r\n":
            # A generated break stands where the pen stopped: the end of the last advance,
            # a better right edge than the ink of a closing 。 or 、.
            _close(lines, run, index, glyph.x if glyph.generated else None)
            continue
        if run and _new_line(run, glyph):
            _close(lines, run, index)
        if glyph.generated and glyph.char == " " and not run:
            continue
        run.append(glyph)
    _close(lines, run, index)
    return lines


def _new_line(run: list[Glyph], glyph: Glyph) -> bool:
    body = [g for g in run if not g.generated and g.char.strip()]
    if not body or glyph.generated or not glyph.char.strip():
        return False
    size = max(g.size for g in body)
    base = median(g.y for g in body)
    if abs(glyph.y - base) <= 0.5 * size:
        return False
    # A superscript sits higher and is smaller: it belongs to this line. A glyph that sits
    # lower and to the left of the run's end starts a new line.
    return not (glyph.size < _SUPERSCRIPT_SIZE * size and 0 < glyph.y - base < size)


def _close(lines: list[Line], run: list[Glyph], index: int, end: float | None = None) -> None:
    while run and not run[-1].char.strip():
        run.pop()
    if not run:
        return
    inked = [g for g in run if not g.generated and g.char.strip()] or run
    sizes: dict[float, int] = {}
    weights: dict[int, int] = {}
    for g in inked:
        sizes[round(g.size, 1)] = sizes.get(round(g.size, 1), 0) + 1
        weights[g.weight] = weights.get(g.weight, 0) + 1
    size = max(sizes, key=lambda s: (sizes[s], s))
    baseline = median(g.y for g in inked if round(g.size, 1) == size)
    text, markers = "", []
    invented: list[int] = []
    gaps: list[tuple[int, float, float]] = []
    for number, g in enumerate(run):
        small = g.char.isdigit() and not g.generated and g.size < _SUPERSCRIPT_SIZE * size
        # Raised, or leading the line (a note's own number, set small before its text).
        if small and (g.y - baseline > _SUPERSCRIPT_RISE * size or not text.strip()):
            if markers and markers[-1][0] == len(text):
                markers[-1] = (len(text), markers[-1][1] + g.char)
            else:
                markers.append((len(text), g.char))
            continue
        text += g.char
        if g.generated and g.char == " " and 0 < number < len(run) - 1:
            wide = run[number + 1].x - run[number - 1].right > 1.5 * size
            if not wide:
                invented.append(len(text) - 1)
            else:
                gaps.append((len(text) - 1, run[number - 1].right, run[number + 1].x))
    # PDFium infers a space from a gap; beside a CJK character a narrow gap is justification
    # (a line of Japanese stretched to the margin), not a word boundary. A wide one stays:
    # it parts a running head from its page number.
    for at in reversed(invented):
        if _CJK.match(text[at - 1 : at] or "a") or _CJK.match(text[at + 1 : at + 2] or "a"):
            text = text[:at] + text[at + 1 :]
            markers = [(p - 1 if p > at else p, digits) for p, digits in markers]
            gaps = [(p - 1 if p > at else p, low, high) for p, low, high in gaps]
    lines.append(
        Line(
            text=text,
            left=min(g.x for g in inked),
            right=max([g.right for g in inked] + ([end] if end is not None else [])),
            baseline=baseline,
            top=max(g.top for g in inked),
            bottom=min(g.bottom for g in inked),
            size=size,
            weight=max(weights, key=lambda w: (weights[w], w)),
            page=index,
            markers=markers,
            gaps=gaps,
        )
    )
    run.clear()
