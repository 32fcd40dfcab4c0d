"""Set ``article.json`` in vertical Japanese (縦書き) two ways, as real producers do:

* ``placed.pdf`` — every character placed on its own by typst (``#place``), the way
  programs without vertical writing (and many report generators) do it: punctuation and
  brackets as the vertical presentation forms U+FE10–FE4F (︑︒﹁﹂︵︶﹃﹄), which is what
  their text layer then says, the long-vowel mark ー turned a quarter round, two-digit
  numbers set across the column (縦中横, "17"), a running head and the page numbers set
  horizontally in the margins;
* ``cid.pdf`` — a CID font with the ``Identity-V`` encoding: one text string per column,
  the glyphs advancing down the page, the font's own vertical glyphs (its ``vert``
  feature, as typst shapes them) mapped back to the ordinary characters by the ToUnicode
  map, page numbers in a horizontal (``Identity-H``) font sharing the same font program;
* ``pango.pdf`` — the same article laid out by another program: Pango's vertical gravity
  (``pango-view``, from Debian's pango1.0-tools) written by cairo, on one page with no
  page number; skipped when ``pango-view`` is not installed (cairo 1.16 stamps the
  time of the build into it: only this one differs from build to build).

Columns run right to left, 40 characters long, the first line of each paragraph indented
by one character; the title and the heading are larger. Run from the repository:
``.venv/bin/python tests/data/vertical/build.py`` (needs typst, pypdf and the Noto CJK fonts
in /usr/share/fonts/opentype/noto). The PDFs are committed: the tests need none of these.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import typst
from pypdf import PdfReader
from pypdf.generic import ContentStream

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # run as a script
from tests.data.pdf_objects import pdf_bytes

HERE = Path(__file__).resolve().parent
FONTS = "/usr/share/fonts/opentype/noto"
WIDTH, HEIGHT = 420.0, 595.0
TOP = 535.0  # the top of the first cell of a column
CELLS = 40  # characters in a full column
BODY, GAP = 10.0, 8.0  # body size, space between columns
SIZES = {"title": 16.0, "heading": 12.0, "paragraph": BODY}
DROP = {"title": 2, "heading": 3, "paragraph": 0}  # cells a block starts below the top
VERTICAL_FORMS = dict(zip("、。「」『』（）：", "︑︒﹁﹂﹃﹄︵︶︓", strict=True))
HANGING = "、。」』）"  # kept at the foot of a full column (ぶら下げ), never carried over
STAMP = 1764460800  # 2025-11-30: the same bytes on every build


@dataclass
class Cell:
    """One character (or a two-digit group set across the column) at its cell's top-left
    corner, in PDF points from the bottom left."""

    text: str
    x: float
    top: float
    size: float
    kind: str


def cells_of(text: str) -> list[str]:
    """Characters, with ``{17}`` one cell set across the column (縦中横)."""
    return re.findall(r"\{[^}]+\}|.", text)


def layout(article: dict) -> list[list[Cell]]:
    """Every page's cells: blocks set in columns from the right edge leftwards."""
    pages = []
    for blocks in article["pages"]:
        cells: list[Cell] = []
        right = WIDTH - 50
        for block in blocks:
            kind, size = block["kind"], SIZES[block["kind"]]
            row, x = DROP[kind] + (1 if kind == "paragraph" else 0), right - size
            items = cells_of(block["text"])
            for index, item in enumerate(items):
                full = row >= CELLS - DROP[kind] if kind != "paragraph" else row >= CELLS
                if full and not (item in HANGING and row == CELLS):
                    row, x = DROP[kind], x - size - GAP
                cells.append(Cell(item, x, TOP - row * size, size, kind))
                row += 1
                if index == len(items) - 1:
                    right = x - (2 * size if kind != "paragraph" else GAP)
        pages.append(cells)
    return pages


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def placed_typst(article: dict) -> str:
    """typst source placing every character on its own."""
    out = [
        f"#set document(title: {_quote(article['title'])})",
        f"#set page(width: {WIDTH}pt, height: {HEIGHT}pt, margin: 0pt)",
        '#set text(font: "Noto Serif CJK JP", lang: "ja", top-edge: "ascender",'
        ' bottom-edge: "descender")',
    ]
    for number, cells in enumerate(layout(article), 1):
        if number > 1:
            out.append("#pagebreak()")
            head = _quote(article["running_head"])
            out.append(f"#place(top + left, dx: 50pt, dy: 30pt, text(size: 8pt, {head}))")
        for cell in cells:
            weight = ', weight: "bold"' if cell.kind == "heading" else ""
            dy = HEIGHT - cell.top
            if cell.text.startswith("{"):
                body = f"text(size: {0.6 * cell.size}pt, {_quote(cell.text[1:-1])})"
                dx, dy = cell.x + 0.2 * cell.size, dy + 0.2 * cell.size
            else:
                char = VERTICAL_FORMS.get(cell.text, cell.text)
                body = f"text(size: {cell.size}pt{weight}, {_quote(char)})"
                if char == "ー":
                    body = f"rotate(90deg, {body})"
                dx = cell.x
            out.append(f"#place(top + left, dx: {dx:.2f}pt, dy: {dy:.2f}pt, {body})")
        out.append(
            f"#place(top + left, dx: 207pt, dy: 555pt, text(size: 9pt, {_quote(str(number))}))"
        )
    return "\n".join(out) + "\n"


def _compile(source: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        main = Path(folder) / "main.typ"
        main.write_text(source, encoding="utf-8")
        typst.compile(
            str(main),
            output=str(pdf),
            font_paths=[FONTS],
            ignore_system_fonts=True,
            pdf_tags=False,
            timestamp=STAMP,
        )


def _glyph_codes(vertical: str, horizontal: str) -> tuple[dict, dict, dict]:
    """The font typst embeds for these characters, and each character's glyph code in it:
    set vertically (the font's ``vert`` forms) and horizontally."""
    source = (
        '#set text(font: "Noto Serif CJK JP", lang: "ja")\n'
        f'#text(features: ("vert",), {_quote(vertical)})\n\n#text({_quote(horizontal)})\n'
    )
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "font.pdf"
        _compile(source, pdf)
        reader = PdfReader(pdf)
        page = reader.pages[0]
        font = next(iter(page["/Resources"]["/Font"].values())).get_object()
        codes = b""
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"TJ":
                codes += b"".join(
                    bytes(op.original_bytes) for op in operands[0] if hasattr(op, "original_bytes")
                )
            elif operator == b"Tj":
                codes += bytes(operands[0].original_bytes)
        pairs = [codes[i : i + 2] for i in range(0, len(codes), 2)]
        assert len(pairs) == len(vertical) + len(horizontal), (len(pairs), len(vertical))
        up = dict(zip(vertical, pairs[: len(vertical)], strict=True))
        across = dict(zip(horizontal, pairs[len(vertical) :], strict=True))
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        key = next(k for k in ("/FontFile3", "/FontFile2") if k in descriptor)
        parts = {
            "subtype": descendant["/Subtype"],
            "base": font["/BaseFont"],
            "widths": descendant.get("/W"),
            "file": descriptor[key].get_object().get_data(),
            "file_key": key,
            "file_subtype": descriptor[key].get_object().get("/Subtype"),
            "tounicode": font["/ToUnicode"].get_object().get_data(),
            "descriptor": {
                k: descriptor[k]
                for k in (
                    "/Flags",
                    "/FontBBox",
                    "/ItalicAngle",
                    "/Ascent",
                    "/Descent",
                    "/CapHeight",
                    "/StemV",
                )
                if k in descriptor
            },
        }
        return up, across, parts


def _pdf_value(value: object) -> str:
    if isinstance(value, list):
        return (
            "["
            + " ".join(_pdf_value(v.get_object() if hasattr(v, "get_object") else v) for v in value)
            + "]"
        )
    return str(value)


def cid_pdf(article: dict, path: Path) -> None:
    """The Identity-V version, written object by object."""
    pages = layout(article)
    vertical = "".join(sorted({c.text for p in pages for c in p}))
    vertical = "".join(sorted(set(vertical.replace("{", "").replace("}", ""))))
    horizontal = "".join(sorted(set("0123456789" + article["running_head"])))
    up, across, font = _glyph_codes(vertical, horizontal)
    streams = []
    for number, cells in enumerate(pages, 1):
        shows = []
        columns: dict[tuple[float, float], list[Cell]] = {}
        for cell in cells:
            columns.setdefault((cell.x, cell.size), []).append(cell)
        for (x, size), column in columns.items():
            text = "".join(c.text.strip("{}") for c in column)
            hexes = "".join(up[ch].hex() for ch in text)
            # In vertical writing the text position is the top centre of the first glyph.
            shows.append(
                f"BT /F1 {size:g} Tf 1 0 0 1 {x + size / 2:.2f} {column[0].top:.2f} Tm"
                f" <{hexes}> Tj ET"
            )
        if number > 1:
            head = "".join(across[ch].hex() for ch in article["running_head"])
            shows.append(f"BT /F2 8 Tf 50 557 Td <{head}> Tj ET")
        digits = "".join(across[ch].hex() for ch in str(number))
        shows.append(f"BT /F2 9 Tf 207 32 Td <{digits}> Tj ET")
        streams.append("\n".join(shows).encode("ascii"))
    count = len(pages)
    # Objects: 1 catalog, 2 pages, 3 info, 4 F1, 5 F2, 6 CID font, 7 descriptor, 8 font
    # program, 9 ToUnicode, then each page and its content stream.
    first_page = 10
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(count))
    program = zlib.compress(font["file"], 9)
    tounicode = zlib.compress(font["tounicode"], 9)
    file_subtype = f" /Subtype {font['file_subtype']}" if font["file_subtype"] else ""
    descriptor = " ".join(f"{k} {_pdf_value(v)}" for k, v in font["descriptor"].items())
    widths = f" /W {_pdf_value(list(font['widths']))}" if font["widths"] else ""
    title = article["title"].encode("utf-16-be").hex().upper()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        f"<< /Title <FEFF{title}> /Producer (build.py) >>".encode(),
        f"<< /Type /Font /Subtype /Type0 /BaseFont {font['base']} /Encoding /Identity-V"
        f" /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>".encode(),
        f"<< /Type /Font /Subtype /Type0 /BaseFont {font['base']} /Encoding /Identity-H"
        f" /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>".encode(),
        f"<< /Type /Font /Subtype {font['subtype']} /BaseFont {font['base']}"
        f" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        f" /FontDescriptor 7 0 R{widths} /DW2 [880 -1000] >>".encode(),
        f"<< /Type /FontDescriptor /FontName {font['base']} {descriptor}"
        f" {font['file_key']} 8 0 R >>".encode(),
        f"<< /Length {len(program)} /Filter /FlateDecode{file_subtype} >>\nstream\n".encode()
        + program
        + b"\nendstream",
        f"<< /Length {len(tounicode)} /Filter /FlateDecode >>\nstream\n".encode()
        + tounicode
        + b"\nendstream",
    ]
    for index, content in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH:g} {HEIGHT:g}]"
            f" /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >>"
            f" /Contents {first_page + 2 * index + 1} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
        )
    path.write_bytes(pdf_bytes(objects, "1.7", b"/Info 3 0 R"))


def pango_pdf(article: dict, path: Path) -> None:
    """The article set by Pango: columns 400 pt long, turned a quarter round (vertical
    gravity), each paragraph indented by an ideographic space; title and heading larger."""
    lines = []
    for block in (b for page in article["pages"] for b in page):
        text = re.sub(r"[{}]", "", block["text"])
        if block["kind"] == "title":
            lines.append(f'<span size="16pt">{text}</span>\n')
        elif block["kind"] == "heading":
            lines.append(f'\n<span size="12pt" weight="bold">{text}</span>')
        else:
            lines.append("\u3000" + text)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "article.txt"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run(
            [
                "pango-view", "--no-display", "--markup", f"--output={path}",
                "--font=Noto Serif CJK JP 10", "--gravity=east", "--gravity-hint=strong",
                "--rotate=-90", "--width=400", "--wrap=char", "--margin=40", str(source),
            ],
            check=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": str(STAMP)},
        )  # fmt: skip


if __name__ == "__main__":
    article = json.loads((HERE / "article.json").read_text(encoding="utf-8"))
    _compile(placed_typst(article), HERE / "placed.pdf")
    cid_pdf(article, HERE / "cid.pdf")
    names = ["placed.pdf", "cid.pdf"]
    if shutil.which("pango-view"):
        pango_pdf(article, HERE / "pango.pdf")
        names.append("pango.pdf")
    for name in names:
        print(name, (HERE / name).stat().st_size // 1024, "KiB")
