"""Structure of text pasted out of PDFs: notes, cut lines, letter spacing, gaps, ligatures,
captions, labels, the title block."""

from __future__ import annotations

from briefing.core.text_layout import GAP_MARK, classify, prepare, rejoin_ligatures
from briefing.importers.paragraphs import is_heading

BODY = "日本政府は対露制裁を強化し、工作機械の輸出管理を厳格化する方針を示し"


def test_footnote_at_the_foot_of_a_page_leaves_the_text() -> None:
    page = "\n".join([BODY, "た。1", "", "1", "", "外務省発表による。", "", "12"])
    text, notes = prepare(page + "\f" + BODY)
    assert notes == [(0, "1 外務省発表による。")]
    assert "外務省" not in text
    assert "た。\n" in text  # the note number after the full stop went too


def test_line_cut_before_a_bracket_is_joined_again() -> None:
    # One line of 36 characters that the extractor cut before its closing bracket phrase.
    first, second = "るからである。例えば、侵攻直前の二〇二一年十二月には、", "「NATO不拡大」を"
    text, _ = prepare("\n".join([BODY + "た。"] * 6 + [first, second, BODY + "た。"]))
    assert first + second in text.split("\n")


def test_letter_spaced_line_loses_its_spaces_and_goes_on() -> None:
    text, _ = prepare("ま た 、 2016年 9月 の ワ ル シ ャ ワ 首 脳 会\n議では採択された。")
    assert text == "また、2016年9月のワルシャワ首脳会議では採択された。"


def test_gap_in_the_source_is_marked_not_closed() -> None:
    text, _ = prepare("維持していくための となろう。")
    assert text == f"維持していくための{GAP_MARK}となろう。"


def test_broken_ligatures_are_rejoined_but_real_words_stay() -> None:
    assert rejoin_ligatures("Intensifi ed eff orts, the fi rst fl ow") == (
        "Intensified efforts, the first flow"
    )
    assert rejoin_ligatures("turn off the staff room if it") == "turn off the staff room if it"


def test_kicker_title_author_and_date_at_the_top() -> None:
    paragraphs = [
        "第2章",
        "NATOとウクライナ",
        "合六 強",
        "2023年1月10日",
        "はじめに",
        BODY + "た。",
    ]
    head, blocks = classify(paragraphs, [], is_heading)
    assert (head.title, head.author, str(head.published)) == (
        "NATOとウクライナ",
        "合六 強",
        "2023-01-10",
    )
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "はじめに"),
        ("paragraph", BODY + "た。"),
    ]


def test_title_over_two_lines_and_a_subtitle() -> None:
    head, _ = classify(
        ["ウクライナ停戦後の安全保障、米軍介入の枠組", "み合意", BODY + "た。"], [], is_heading
    )
    assert head.title == "ウクライナ停戦後の安全保障、米軍介入の枠組み合意"
    head, _ = classify(["30カ国が関与", "――NATO事務総長が明言", BODY + "た。"], [], is_heading)
    assert head.title == "30カ国が関与――NATO事務総長が明言"


def test_captions_labels_and_heading_levels() -> None:
    paragraphs = [
        "提言",
        "提言 1",
        "ロシアの侵略阻止を目的とした対露制裁",
        BODY + "た。",
        "キエフ郊外ブチャで2022年4月8日、破壊されたロシア軍の装甲車両",
        "タンカー。フランスが拿捕した（AP/アフロ）",
        "1．NATOの東方拡大と三角",
        "関係",
        "（1）NATO・ロシア関係",
        BODY + "た。",
    ]
    _, blocks = classify(paragraphs, [(3, "3 注記。")], is_heading)
    kinds = [(b.kind, b.level, b.text) for b in blocks]
    assert kinds == [
        ("heading", 2, "提言1：ロシアの侵略阻止を目的とした対露制裁"),
        ("paragraph", 0, BODY + "た。"),
        ("caption", 0, "キエフ郊外ブチャで2022年4月8日、破壊されたロシア軍の装甲車両"),
        ("caption", 0, "タンカー。フランスが拿捕した（AP/アフロ）"),
        ("heading", 2, "1．NATOの東方拡大と三角関係"),
        ("heading", 3, "（1）NATO・ロシア関係"),
        ("paragraph", 0, BODY + "た。"),
        ("note", 0, "3 注記。"),
    ]
