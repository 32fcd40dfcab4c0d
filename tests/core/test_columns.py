"""Columns found from line geometry alone (no PDF): reading order, full-width bands, frames,
and pages that only look like columns."""

from __future__ import annotations

from dataclasses import replace

from briefing.core.columns import order_page
from briefing.core.page_layout import analyse
from briefing.core.page_text import Line

SIZE = 10.0
PITCH = 14.0
LEFT = (57.0, 197.0)  # two columns of 14 em with a 2 em gutter, on an A5-wide text block
RIGHT = (217.0, 357.0)


def line(text: str, left: float, right: float, baseline: float, size: float = SIZE) -> Line:
    return Line(text, left, right, baseline, baseline + size, baseline - 2, size, 400, 0, [])


def column(name: str, frame: tuple[float, float], top: float, rows: int) -> list[Line]:
    """``rows`` full lines of a justified column from ``top`` down, the last one short."""
    left, right = frame
    return [
        line(f"{name}{n}", left, right if n < rows - 1 else left + 40, top - n * PITCH)
        for n in range(rows)
    ]


def interleaved(*columns: list[Line]) -> list[Line]:
    """The columns' lines row by row, as some PDF writers list them."""
    out = []
    for row in range(max(len(c) for c in columns)):
        out += [c[row] for c in columns if row < len(c)]
    return out


def texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


def test_two_columns_listed_row_by_row_are_read_left_then_right() -> None:
    left, right = column("L", LEFT, 500, 8), column("R", RIGHT, 500, 8)
    ordered = order_page(interleaved(left, right))
    assert texts(ordered) == texts(left) + texts(right)
    assert {ln.frame for ln in ordered[:8]} == {LEFT}
    assert {ln.frame for ln in ordered[8:]} == {RIGHT}


def test_a_title_above_and_a_heading_across_the_page_split_the_column_sections() -> None:
    title = line("Security Guarantees for Ukraine after a Ceasefire", 57, 357, 560, size=16)
    first = column("A", LEFT, 520, 6), column("B", RIGHT, 520, 6)
    # Short enough to fit the left column, but set across the page: nothing beside it.
    heading = line("Recommendations", 57, 140, 520 - 7 * PITCH, size=12)
    second = column("C", LEFT, 520 - 9 * PITCH, 5), column("D", RIGHT, 520 - 9 * PITCH, 5)
    number = line("2", 205, 210, 40, size=8.5)  # the page number, in the gutter
    page = [title, *interleaved(*first), heading, *interleaved(*second), number]
    ordered = order_page(page)
    expected = [title, *first[0], *first[1], heading, *second[0], *second[1], number]
    assert texts(ordered) == texts(expected)
    assert ordered[0].frame == ordered[-1].frame == (57.0, 357.0)  # full width


def test_a_left_column_running_on_below_its_neighbour_stays_in_its_column() -> None:
    """The last page of an article: the right column ends early, the left runs on; its
    lines under the right column's end are not a full-width band."""
    left, right = column("L", LEFT, 500, 12), column("R", RIGHT, 500, 5)
    footer = line("3", 205, 210, 40, size=8.5)
    ordered = order_page([*interleaved(left, right), footer])
    assert texts(ordered) == texts(left) + texts(right) + ["3"]


def test_three_columns() -> None:
    frames = [(57.0, 150.0), (164.0, 257.0), (271.0, 364.0)]
    cols = [column(name, frame, 500, 7) for name, frame in zip("XYZ", frames, strict=True)]
    ordered = order_page(interleaved(*cols))
    assert texts(ordered) == [t for c in cols for t in texts(c)]
    assert [ln.frame for ln in ordered[::7]] == frames


def test_a_table_of_short_entries_is_not_columns() -> None:
    """A one-column page with a small table (a label and a figure on each row): the rows
    stand side by side across a gap, but the labels are ragged, no column edge; nothing is
    split, nothing reordered, no frames."""
    body = [line(f"body{n}", 57, 357, 560 - n * PITCH) for n in range(4)]
    table = []
    # Ragged cells on the left, some reaching close to the figures: no shared edge.
    rows = [
        ("Tankers", 120),
        ("Banks cut off from payments", 200),
        ("Oil majors", 110),
        ("Brokers in third countries", 190),
        ("Machine tools", 150),
        ("Reserves", 170),
    ]
    for n, (label, end) in enumerate(rows):
        y = 490 - n * PITCH
        table += [line(label, 57, end, y), line(str(n * 40), 217, 217 + 6 * n + 6, y)]
    page = body + table
    ordered = order_page(page)
    assert ordered == page
    assert all(ln.frame is None for ln in ordered)


def test_short_lines_one_under_another_are_not_columns() -> None:
    """Paragraphs whose last lines stop before a gap, each over a line set right (a date, a
    place) and a short list item: short lines that share edges like columns, but none
    stands beside another."""
    page = []
    y = 560.0
    for n in range(5):
        page += [line(f"p{n}", 57, 357, y), line(f"p{n} end", 57, 230, y - PITCH)]
        page.append(line(f"Kyiv, {n + 1} December", 250, 357, y - 2 * PITCH))
        page.append(line(f"・item {n}", 67, 120, y - 3 * PITCH))
        y -= 4 * PITCH
    assert order_page(page) == page


def test_paragraphs_run_from_the_left_column_into_the_right_one() -> None:
    """Through the whole layout: a paragraph that goes on at the top of the right column is
    one paragraph; a line that stops short of its column (not of the page) ends one."""
    text = "日本政府は対露制裁を強化し工作機"  # a full column line, 14 em
    rows = []
    for n in range(8):
        end = 57 + 40 if n == 3 else LEFT[1]  # the fourth line ends a paragraph
        rows.append(
            Line(
                text if n != 3 else "した。",
                57,
                end,
                500 - n * PITCH,
                510 - n * PITCH,
                498 - n * PITCH,
                SIZE,
                400,
                0,
                [],
            )
        )
    for n in range(8):
        end = 217 + 50 if n == 7 else RIGHT[1]
        rows.append(
            Line(
                text if n != 7 else "終わった。",
                217,
                end,
                500 - n * PITCH,
                510 - n * PITCH,
                498 - n * PITCH,
                SIZE,
                400,
                0,
                [],
            )
        )
    page = interleaved(rows[:8], rows[8:])
    blocks = analyse([page]).blocks
    assert [b.text for b in blocks] == [text * 3 + "した。", text * 11 + "終わった。"]


def merged(left: Line, right: Line) -> Line:
    """The left and right line of a row run into one, as PDFium gives them when the PDF
    lists its lines row by row: one text with a wide gap."""
    text = f"{left.text} {right.text}"
    return replace(
        left, text=text, right=right.right, gaps=[(len(left.text), left.right, right.left)]
    )


def test_rows_run_into_one_line_are_cut_at_the_gutter_but_a_running_head_is_not() -> None:
    left, right = column("L", LEFT, 500, 8), column("R", RIGHT, 500, 8)
    head = line("Eastern Europe Security Papers 3", 57, 357, 540, size=8)
    head.gaps = [(30, 180.0, 350.0)]  # its number set at the right margin
    page = [head, *(merged(a, b) for a, b in zip(left, right, strict=True))]
    ordered = order_page(page)
    assert texts(ordered) == [head.text, *texts(left), *texts(right)]
    assert [(ln.left, ln.right) for ln in ordered[1:]] == [
        (ln.left, ln.right) for ln in left + right
    ]


def test_a_line_hanging_into_the_gutter_stays_in_its_column() -> None:
    """A line of the right column that opens with a bracket set half an em into the
    gutter (「…), the only line starting there, is still the right column's."""
    left, right = column("L", LEFT, 500, 10), column("R", RIGHT, 500, 10)
    right[6] = replace(right[6], left=RIGHT[0] - 5)
    ordered = order_page(interleaved(left, right))
    assert texts(ordered) == texts(left) + texts(right)
