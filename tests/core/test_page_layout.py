"""Page structure from line geometry alone (no PDF): furniture, notes, captions, headings,
paragraph ends, pages."""

from __future__ import annotations

from briefing.core.page_layout import analyse
from briefing.core.page_text import Line

BODY = "日本政府は対露制裁を強化し、工作機械の輸出管理を厳格化する方"  # a full line, 30 em


class Page:
    """Lines set from the top of an A5 page down, as a typesetter would."""

    def __init__(self, number: int) -> None:
        self.number, self.y, self.lines = number, 560.0, []

    def add(
        self,
        text: str,
        *,
        size: float = 10.0,
        left: float = 57.0,
        right: float | None = None,
        bold: bool = False,
        gap: float = 0.0,
        markers: list | None = None,
    ) -> Page:
        self.y -= gap
        full = right if right is not None else min(357.0, left + size * len(text))
        self.lines.append(
            Line(
                text,
                left,
                full,
                self.y,
                self.y + size,
                self.y - 2,
                size,
                700 if bold else 400,
                self.number,
                markers or [],
            )
        )
        self.y -= 14.0 if size >= 10 else size * 1.2
        return self


def test_one_page_head_number_note_caption_and_levels() -> None:
    page = (
        Page(0)
        .add("週刊ニュース解説", size=8, gap=0)
        .add("1．制裁の効果", size=10, bold=True, gap=20)
        .add("（1）輸出管理", size=10, bold=True, gap=6)
        .add(BODY, left=67, right=357)  # a first-line indent
        .add(BODY + "針", right=357)
        .add("を示した。", right=107)  # a short last line
        .add("港に停泊するタンカー（ロイター/アフロ）", size=10, left=90, gap=10)
        .add(BODY, left=67, right=357, gap=10)
        .add("強化した。", right=107)
        .add("外務省発表による。", size=7.5, gap=60, markers=[(0, "1")])
    )
    layout = analyse([page.lines])
    kinds = [(b.kind, b.level, b.text) for b in layout.blocks]
    assert kinds == [
        ("heading", 2, "1．制裁の効果"),
        ("heading", 3, "（1）輸出管理"),
        ("paragraph", 0, BODY + BODY + "針を示した。"),
        ("caption", 0, "港に停泊するタンカー（ロイター/アフロ）"),
        ("paragraph", 0, BODY + "強化した。"),
        ("note", 0, "1 外務省発表による。"),
    ]


def test_running_heads_and_numbers_across_pages_and_a_paragraph_over_the_break() -> None:
    first = Page(0).add("第2章　NATOとウクライナ", size=8).add(BODY, left=67, right=357, gap=20)
    first.add(BODY, right=357).add("12", size=8.5, left=200, gap=40)
    second = Page(1).add("第2章　NATOとウクライナ", size=8).add(BODY, right=357, gap=20)
    second.add("終わった。", right=107).add("13", size=8.5, left=200, gap=40)
    layout = analyse([first.lines, second.lines])
    assert layout.labels == ["12", "13"]
    [block] = layout.blocks
    assert block.text == BODY * 3 + "終わった。"
    assert block.breaks == [(len(BODY) * 2, 1)]  # page 13 starts inside the paragraph
