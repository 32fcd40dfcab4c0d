"""Vertical writing (縦書き) found and read from character boxes alone (no PDF): columns
right to left, paragraphs from the indent at the top and a column ending short of the foot,
pages in order, a horizontal title over vertical columns, tiers (段) read one after the
other, a horizontal page never taken for vertical, and the vertical forms mapped back."""

from __future__ import annotations

from briefing.core.page_layout import analyse
from briefing.core.page_text import Glyph, PageGlyphs
from briefing.core.vertical import is_vertical, lines_of, upright

WIDTH, HEIGHT = 420.0, 595.0
SIZE, PITCH = 10.0, 18.0
TOP = 535.0  # the first cell's top
CELLS = 20

P1 = (
    "政府は本日、対露制裁の追加措置を発表した。"
    "対象は第三国の仲介業者と影の船団に関わる海運会社である。"
)
P2 = "措置は来月から実施される。外務省は「抜け穴を塞ぐ」ための国際協調を各国に呼びかけた。"
P3 = (
    "一方、欧州連合も同様の制裁を検討しており、日本との調整が進められている。"
    "関係者によれば、発表は近く行われる見通しだ。"
)
P4 = "専門家は、制裁の実効性を高めるには監視体制の強化が欠かせないと指摘している。"


def glyph(char: str, x: float, top: float, size: float = SIZE, weight: int = 400) -> Glyph:
    """A character in the cell whose top-left corner is (x, top), origin on its baseline."""
    return Glyph(
        char,
        x + 0.05 * size,
        top - 0.95 * size,
        x + 0.95 * size,
        top - 0.05 * size,
        x,
        top - 0.88 * size,
        size,
        weight,
    )


def paragraph(
    text: str, right: float, top: float = TOP, cells: int = CELLS
) -> tuple[list[Glyph], float]:
    """``text`` set in columns from the one whose right edge is ``right``, leftwards, the
    first indented one character; returns the glyphs and the next column's right edge."""
    out, row, x = [], 1, right - SIZE
    for char in text:
        if row == cells:
            row, x = 0, x - PITCH
        out.append(glyph(char, x, top - row * SIZE))
        row += 1
    return out, x - PITCH + SIZE


def column(text: str, right: float, size: float, drop: int = 2) -> tuple[list[Glyph], float]:
    """A title or heading: one column of larger characters, set ``drop`` cells down."""
    x = right - size
    return [glyph(c, x, TOP - (drop + n) * size, size) for n, c in enumerate(text)], x - 2 * size


def horizontal(text: str, x: float, top: float, size: float) -> list[Glyph]:
    return [glyph(c, x + n * size, top, size) for n, c in enumerate(text)]


def page(*parts: list[Glyph]) -> PageGlyphs:
    return PageGlyphs(WIDTH, HEIGHT, tuple(g for part in parts for g in part))


def blocks_of(*pages: PageGlyphs) -> list[tuple[str, str]]:
    layout = analyse([lines_of(p, n) for n, p in enumerate(pages)])
    return [(b.kind, b.text) for b in layout.blocks]


def test_two_vertical_pages_read_right_to_left_in_paragraphs() -> None:
    title, right = column("対露制裁の新段階", 370, 16)
    one, right = paragraph(P1, right)
    two, _ = paragraph(P2, right)
    number = horizontal("1", 207, 50, 9)
    heading, right = column("欧州の動き", 370, 12, drop=3)
    three, right = paragraph(P3, right)
    four, _ = paragraph(P4, right)
    # The second page's producer lists its columns left to right and its number first.
    second = page(horizontal("2", 207, 50, 9), *reversed([heading, three, four]))
    first = page(title, one, two, number)
    assert is_vertical(first) and is_vertical(second)
    layout = analyse([lines_of(first, 0), lines_of(second, 1)])
    assert layout.title == "対露制裁の新段階"
    assert layout.labels == ["1", "2"]
    assert [(b.kind, b.text) for b in layout.blocks] == [
        ("paragraph", P1),
        ("paragraph", P2),
        ("heading", "欧州の動き"),
        ("paragraph", P3),
        ("paragraph", P4),
    ]


def test_a_paragraph_runs_on_over_the_page_and_a_full_last_column_still_ends_it() -> None:
    """A paragraph whose last column is full goes on only where the next column is not
    indented; over the page it goes on into the next page's first column."""
    text = "あ" * (2 * CELLS - 1)  # with the indent: exactly two full columns
    one, right = paragraph(text, 370)
    two, _ = paragraph(P2, right)
    cut = text[: CELLS - 1], text[CELLS - 1 :]
    first, _ = paragraph(cut[0] + P1[:CELLS], 370)
    rest = [glyph(c, 352, TOP - n * SIZE) for n, c in enumerate(P1[CELLS:])]
    assert blocks_of(page(one, two)) == [("paragraph", text), ("paragraph", P2)]
    assert blocks_of(page(first), page(rest)) == [("paragraph", cut[0] + P1)]


def test_a_blank_cell_in_a_column_is_an_ideographic_space() -> None:
    """「第１章　概要」 with its space cell left empty, as producers set it."""
    heading = [
        glyph(c, 358, TOP - (3 + n) * 12, 12) for n, c in enumerate("第１章　概要") if c.strip()
    ]
    body, _ = paragraph(P1, 334)
    assert blocks_of(page(heading, body)) == [("heading", "第１章　概要"), ("paragraph", P1)]


def test_ruby_beside_a_column_is_left_out() -> None:
    """Furigana set small right against the column (船団 read せんだん) gloss the text: the
    paragraph reads without them."""
    body, right = paragraph(P1, 370)
    at = next(g for g in body if g.char == "船")
    ruby = [glyph(c, at.right + 0.2, at.top + 0.5 - n * 5, 5) for n, c in enumerate("せんだん")]
    two, _ = paragraph(P2, right)
    assert blocks_of(page(body, ruby, two)) == [("paragraph", P1), ("paragraph", P2)]


def test_a_horizontal_title_over_vertical_columns() -> None:
    """A report's first page: the title set across the top, the body in columns under it."""
    title = horizontal("対露制裁の新段階", 120, 575, 18)
    body_top = 520.0
    one, right = paragraph(P1, 370, top=body_top)
    two, _ = paragraph(P2, right, top=body_top)
    first = page(title, one, two)
    assert is_vertical(first)
    layout = analyse([lines_of(first, 0)])
    assert layout.title == "対露制裁の新段階"
    assert [b.text for b in layout.blocks] == [P1, P2]


def test_tiers_are_read_one_after_the_other() -> None:
    """A newspaper-style page in two tiers (段) of short columns: the upper tier's columns
    right to left, then the lower tier's; the PDF lists every column's characters row by
    row across the page."""
    upper, lower = [], []
    right = 370.0
    for text in (P1, P2):
        glyphs, right = paragraph(text, right, cells=12)
        upper += glyphs
    right = 370.0
    for text in (P3, P4):
        glyphs, right = paragraph(text, right, top=TOP - 14 * SIZE, cells=12)
        lower += glyphs
    rows = sorted(upper + lower, key=lambda g: (-g.top, -g.x))
    assert blocks_of(page(rows)) == [
        (k, t) for k, t in zip(["paragraph"] * 4, [P1, P2, P3, P4], strict=True)
    ]


def test_a_horizontal_page_is_never_taken_for_vertical() -> None:
    """Horizontal lines set solid (line pitch barely over the size) with a short vertical
    label in the margin: the characters step right along the lines, in the PDF's order and
    in any other (a producer may list them column by column: the geometry decides)."""
    lines = [horizontal((P1 + P3)[n * 30 : n * 30 + 30], 60, 700 - n * 11, SIZE) for n in range(6)]
    label = [glyph(c, 20, 600 - n * SIZE) for n, c in enumerate("縦に組んだ図表の見出しと出典")]
    glyphs = [g for ln in [*lines, label] for g in ln]
    assert not is_vertical(PageGlyphs(595, 842, tuple(glyphs)))
    by_column = sorted(glyphs, key=lambda g: (g.x, -g.y))
    assert not is_vertical(PageGlyphs(595, 842, tuple(by_column)))
    # Too little text to tell: a few characters down a page are not a vertical page.
    assert not is_vertical(page([glyph(c, 200, 500 - n * SIZE) for n, c in enumerate("見出し")]))


def test_vertical_forms_map_back_to_the_ordinary_characters() -> None:
    assert upright("﹁安全の保証﹂︑ＮＡＴＯ︒") == "「安全の保証」、ＮＡＴＯ。"
    assert upright("︵注︶﹃一線﹄︙︰︗新︘︓︖︕") == "（注）『一線』…‥〖新〗：？！"
    assert upright("︻速報︼︽書名︾︿記号﹀︹注︺") == "【速報】《書名》〈記号〉〔注〕"
    # The long-vowel mark drawn as a bar: after kana it is ー; elsewhere the bar stays.
    assert upright("ウクライナ│ル、ブル丨ムバ｜グ") == "ウクライナール、ブルームバーグ"
    assert upright("A│B 中丨国") == "A│B 中丨国"
