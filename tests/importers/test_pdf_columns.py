"""A two-column page whose PDF lists its lines row by row (the left line of a row, then the
right one), as some PDF writers do: PDFium runs each pair into one line with a wide gap,
and the import must still read the left column, then the right one.

The PDF is written by hand (Helvetica, one content stream), so the content order is the
one under test; typst, which the layout corpus uses, lists a column's lines together."""

from __future__ import annotations

import textwrap
from pathlib import Path

from briefing.core.markdown import parse_blocks
from briefing.importers import read_document

from tests.data.pdf_objects import pdf_bytes

LEFT = (
    "Sanctions relief offered too early would remove the main source of leverage over "
    "Moscow, while guarantees without forces, money and a clear trigger would invite a test. "
    "Export controls have leaked most: components made in Europe, the United States and "
    "Japan continue to reach Russian arms factories through traders in third countries, "
    "sometimes within weeks of leaving the manufacturer, and controls on finished goods do "
    "little when the same chips can be bought from distributors elsewhere."
)
RIGHT = (
    "Japan has no forces to send and no wish to send them, but its contribution need not be "
    "small. It has been one of the largest donors of financial and humanitarian aid, and it "
    "could join the NATO mechanism that coordinates military aid and training for Ukraine, "
    "or contribute money to the arrangements through which European allies buy American "
    "weapons for Ukraine, without changing its laws on the export of lethal equipment."
)


def _row_by_row_pdf(path: Path, left: list[str], right: list[str]) -> None:
    """One A4 page: the two columns' lines at x 72 and 270, listed row by row."""
    shows = []
    for row in range(max(len(left), len(right))):
        y = 760 - 13 * row
        for x, column in ((72, left), (270, right)):
            if row < len(column):
                text = column[row].replace("\\", r"\\").replace("(", r"\(").replace(")", r"\)")
                shows.append(f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET")
    content = "\n".join(shows).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(pdf_bytes(objects))


def test_columns_listed_row_by_row_import_left_then_right(tmp_path: Path) -> None:
    left, right = textwrap.wrap(LEFT, 38), textwrap.wrap(RIGHT, 38)
    assert min(len(left), len(right)) >= 12  # ragged right: believed only over many rows
    path = tmp_path / "row-by-row.pdf"
    _row_by_row_pdf(path, left, right)
    draft = read_document(path)
    paragraphs = [b.text for b in parse_blocks(draft.body)]
    # The title is the first paragraph's start (the PDF has none); the text is whole.
    assert "\n".join([draft.title, *paragraphs]).replace("\n", " ").split() == (
        LEFT.split() + RIGHT.split()
    )
