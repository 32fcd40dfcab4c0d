"""Plain-text files: title, paragraphs, bullets, headings, escaping, and reflowed PDF text."""

from __future__ import annotations

from pathlib import Path

from briefing.core.markdown import canonical_text, parse_blocks
from briefing.core.model import ArticleDraft
from briefing.core.normalize import clean_imported_text
from briefing.importers import read_document
from briefing.importers.paragraphs import escape_markdown
from hypothesis import given
from hypothesis import strategies as st

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"

# Lines that Markdown would read as markup if they were copied into a body as they are.
TRICKY = """\
Sanctions memo
# not a heading, a hash tag
> not a quote
1. not a list, a numbered sentence
2) nor this
+ plus, - minus, = equals
---
***bold?*** and _under_scores_ and snake_case_name
C:\\path\\to\\file and a \\* backslash star
<b>not html</b> <https://example.org> &amp; entity &copy;
[not a link](https://example.org) ![no image](x.png) `no code`
~~not struck~~ trailing hashes ##
   indented four spaces
1\u3000全角スペースの後の段落。
"""


def _read(tmp_path: Path, text: str, name: str = "article.txt") -> ArticleDraft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_canonical_text_is_the_cleaned_text_without_escapes(tmp_path: Path) -> None:
    draft = _read(tmp_path, TRICKY)
    lines = [line.strip() for line in clean_imported_text(TRICKY).split("\n") if line.strip()]
    assert draft.title == lines[0]
    assert canonical_text(draft.body) == "\n".join(lines[1:])
    # Nothing was read as markup: no list, quote, code or rule; headings are ours.
    assert {block.kind for block in parse_blocks(draft.body)} <= {"paragraph", "heading"}
    assert "## 1\\. not a list" not in draft.body  # a numbered sentence with a comma


MARKUP = st.sampled_from(
    [*"\\`*_[]<>&~#+-=.)(!|: 1A日「」。、\t\u3000", "&amp;", "<http://a.b>", "1."]
)


@given(
    st.one_of(
        st.text(st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]), min_size=1),
        st.lists(MARKUP, min_size=1, max_size=30).map("".join),
    ),
    st.sampled_from(["", "## ", "- "]),
)
def test_escaped_text_reads_back_as_itself(text: str, block: str) -> None:
    text = " ".join(text.split())
    if text:
        assert canonical_text(block + escape_markdown(text)) == text


def test_bullets_become_list_items_and_keep_circled_numbers(tmp_path: Path) -> None:
    draft = _read(
        tmp_path,
        "題名\n\n前置き：\n・第一の点\n  • 第二の点\n- third point\n* fourth\n● 五\n■ 六\n"
        "①丸数字の項目\n後の段落。\n",
    )
    blocks = parse_blocks(draft.body)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "前置き："),
        *[("bullet", t) for t in ("第一の点", "第二の点", "third point", "fourth", "五", "六")],
        ("bullet", "①丸数字の項目"),
        ("paragraph", "後の段落。"),
    ]


def test_short_standalone_lines_become_headings(tmp_path: Path) -> None:
    draft = _read(
        tmp_path,
        "ウクライナ停戦後の安全保障\n"
        "はじめに\n"
        "英紙の報道によれば、ウクライナは和平実現後の「安全の保証」をめぐり欧米と合意しました。\n"
        "日本の関与――外務省と政府の姿勢\n"
        "日本政府は慎重かつ積極的な参加への意欲を語りました。\n"
        "3段階の反撃体制の詳細\n"
        "第1段階:24時間以内のウクライナ軍対応\n"
        "停戦違反が発生した場合、最初の24時間はウクライナ軍が対応を担います。\n"
        "キエフ郊外ブチャで2022年4月8日、破壊された装甲車両\n"
        "この枠組みに沿って、日本製建機を供与するよう提案したい。\n"
        "日本から供与されたトラック (Ukrinform/アフロ)\n"
        "軍事面で見ると、ウクライナは実戦を経験している。\n"
        "参考元\n",
    )
    headings = [b.text for b in parse_blocks(draft.body) if b.kind == "heading"]
    assert headings == [
        "はじめに",
        "日本の関与――外務省と政府の姿勢",
        "3段階の反撃体制の詳細",
        "第1段階:24時間以内のウクライナ軍対応",
    ]  # not a caption with a comma or a photo credit, not the last line
    assert "## はじめに" in draft.body


def test_front_matter_in_a_text_file(tmp_path: Path) -> None:
    draft = _read(tmp_path, "---\ntitle: 題\nsource: 外務省\n---\n題\n本文。\n", name="a.text")
    assert (draft.title, draft.source, draft.body) == ("題", "外務省", "本文。\n")


def test_seed_book_chapter_is_reflowed(tmp_path: Path) -> None:
    path = tmp_path / "chapter.txt"
    path.write_bytes((SEEDS / "003_b498de3909962400.txt").read_bytes())
    draft = read_document(path)
    assert draft.title == "NATOとウクライナ"  # 第2章 above it is the chapter's number
    assert draft.author == "合六 強"  # the line under the title, not a heading
    blocks = parse_blocks(draft.body)
    headings = {b.text: b.level for b in blocks if b.kind == "heading"}
    assert headings["はじめに"] == 2 and headings["おわりに"] == 2
    assert headings["1．NATOの東方拡大とNATO・ロシア・ウクライナ三角関係"] == 2
    assert headings["（1）NATOの東方拡大とNATO・ロシア関係"] == 3
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    assert not {"第2章", "NATOとウクライナ", "合六 強"} & set(paragraphs + list(headings))
    # A word the source dropped is marked, not closed up.
    assert "回復・維持していくための〔欠落〕となろう。" in draft.body
    assert any(p.startswith("2022年2月24日にロシアがウクライナへの全面侵攻を") for p in paragraphs)
    assert all("\n" not in b.text for b in blocks)
    assert clean_imported_text(draft.body) == draft.body


def test_seed_policy_proposal_keeps_its_proposals(tmp_path: Path) -> None:
    path = tmp_path / "proposal.txt"
    path.write_bytes((SEEDS / "002_52707df47a773d11.txt").read_bytes())
    draft = read_document(path)
    assert draft.title == "ウクライナ戦争下の世界における日本の外交・安全保障政策に向けた提言"
    blocks = parse_blocks(draft.body)
    headings = [b.text for b in blocks if b.kind == "heading"]
    # Each proposal's label and title make one heading, however the PDF set them.
    assert headings == [
        "提言1：ロシアの侵略阻止を目的とした対露制裁とウクライナ支援",
        "提言2：北方領土・平和条約締結問題についての現実的な見通しに基づく対露政策の立案",
        "提言3：中、朝及び露の軍事的連携に対して抑止の信憑性を確保するための安全保障連携の強化",
    ]
    # Photo captions stand apart, not between two sentences of the argument.
    captions = [b.text for b in blocks if b.kind == "caption"]
    tanker = "ロシアの「影の船団」に所属すると疑われるタンカー。2025年10月にフランスが拿捕した"
    assert f"{tanker} (AP/アフロ)" in captions
    assert not any("アフロ" in b.text for b in blocks if b.kind == "paragraph")
    text = canonical_text(draft.body)
    assert "<https://roles.rcast.u-tokyo.ac.jp/publications>" in text  # not a link: the text
    assert "office@me.rcast.u-tokyo.ac.jp" in text
