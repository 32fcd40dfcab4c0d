"""Saved web pages: the article's text and metadata, none of the page's furniture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text, parse_blocks
from briefing.core.model import ArticleDraft
from briefing.importers import ImportFailure, read_document

FURNITURE = ("SCRIPTTEXT", "STYLETEXT", "NAVTEXT", "HEADERTEXT", "FOOTERTEXT", "ASIDETEXT")

PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="{charset}">
<title>制裁の効果 | 国際ニュース</title>
<meta name="author" content="山田 太郎">
<meta property="og:site_name" content="国際ニュース">
<meta property="og:title" content="制裁の効果">
<meta property="article:published_time" content="2025-08-19T10:00:00+09:00">
<link rel="canonical" href="https://example.org/news/1">
<style>.STYLETEXT {{ color: red }}</style>
<script>var secret = "SCRIPTTEXT";</script>
</head><body>
<header>HEADERTEXT サイトの見出し</header>
<nav><a href="/">ホーム</a> NAVTEXT</nav>
<article>
<h1>制裁の効果</h1>
<p>2025年8月19日、<b>北大西洋条約機構</b>(NATO)事務総長は、ウクライナへの「安全の保証」を構築する
取り組みに⽇本を含む約30カ国が関与していることを明らかにしました。</p>
<h2>日本の関与</h2>
<p>日本政府は、ウクライナ支援について慎重かつ積極的な参加を表明しています。外務省も国際社会との連携を
強めると述べました。関係者によれば、支援の範囲は今後の協議で決まる見込みです。</p>
<ul><li>第一の点: 資金支援</li><li>第二の点: 物資支援 *強調*</li></ul>
<p>最後の段落では a_b_c と 1 &lt; 2 を扱います。これは十分な長さの本文であることを示す文です。</p>
</article>
<aside>ASIDETEXT 関連記事</aside>
<footer>FOOTERTEXT 著作権表示</footer>
</body></html>
"""


def _read(tmp_path: Path, data: bytes, name: str = "page.html") -> ArticleDraft:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


def test_main_content_and_metadata(tmp_path: Path) -> None:
    draft = _read(tmp_path, PAGE.format(charset="utf-8").encode("utf-8"))
    assert draft.title == "制裁の効果"
    assert draft.author == "山田 太郎"
    assert draft.source == "国際ニュース"
    assert draft.url == "https://example.org/news/1"
    assert draft.published == date(2025, 8, 19)
    assert draft.language == "ja"
    text = canonical_text(draft.body)
    for marker in FURNITURE:
        assert marker not in draft.body
    assert not text.startswith("制裁の効果")  # the title heading is not repeated
    assert "日本を含む約30カ国" in text  # radical ⽇ folded, like every imported text
    assert "1 < 2" in text and "a_b_c" in text and "*強調*" in text
    blocks = parse_blocks(draft.body)
    assert ("heading", "日本の関与") in [(b.kind, b.text) for b in blocks]
    bullets = [b.text for b in blocks if b.kind == "bullet"]
    assert bullets == ["第一の点: 資金支援", "第二の点: 物資支援 *強調*"]
    assert any(b.kind == "paragraph" and b.spans for b in blocks)  # <b> kept as strong


def test_declared_shift_jis_page(tmp_path: Path) -> None:
    draft = _read(tmp_path, PAGE.format(charset="Shift_JIS").replace("⽇", "日").encode("cp932"))
    assert draft.title == "制裁の効果"
    assert "北大西洋条約機構" in canonical_text(draft.body)


def test_undeclared_euc_jp_page(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="{charset}">', "").replace("⽇", "日")
    draft = _read(tmp_path, page.format().encode("euc_jp"), name="page.htm")
    assert "北大西洋条約機構" in canonical_text(draft.body)


def test_short_page_keeps_its_text_and_drops_navigation(tmp_path: Path) -> None:
    # On a page this short trafilatura's own fallback would keep the <nav> text.
    page = (
        "<html><head><title>短い頁</title><script>x='SCRIPTTEXT'</script></head><body>"
        "<nav>NAVTEXT</nav><div>一行だけの本文。<!-- a comment -->続き。</div>"
        "<footer>FOOTERTEXT</footer></body></html>"
    )
    draft = _read(tmp_path, page.encode("utf-8"))
    assert draft.title == "短い頁"
    assert canonical_text(draft.body) == "一行だけの本文。続き。"


def test_page_trafilatura_rejects_falls_back_to_visible_body_text(tmp_path: Path) -> None:
    # trafilatura drops a block classed as comments and then finds nothing at all.
    page = (
        "<html><head><title>掲示</title></head><body><header>HEADERTEXT</header>"
        "<div class='comments'><h1>掲示</h1><p>会合は<b>延期</b>された。<!-- x -->詳細は後日。</p>"
        "<ul><li>・第一の点</li></ul></div><aside>ASIDETEXT</aside></body></html>"
    )
    draft = _read(tmp_path, page.encode("utf-8"))
    assert draft.title == "掲示"
    assert canonical_text(draft.body) == "会合は延期された。詳細は後日。\n第一の点"
    assert "HEADERTEXT" not in draft.body and "ASIDETEXT" not in draft.body


def test_page_without_text(tmp_path: Path) -> None:
    page = "<html><head><title>空</title><style>p{}</style></head><body><nav>x</nav></body></html>"
    with pytest.raises(ImportFailure, match="no text besides the title"):
        _read(tmp_path, page.encode("utf-8"))


def test_xhtml_page_with_xml_declaration(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>Memo</title>'
        "</head><body><p>The sanctions were tightened again in 2024, officials said.</p>"
        "</body></html>"
    )
    draft = _read(tmp_path, page.encode("utf-8"), name="memo.htm")
    assert draft.title == "Memo"
    assert (
        canonical_text(draft.body) == "The sanctions were tightened again in 2024, officials said."
    )


def test_metadata_from_json_ld_without_context(tmp_path: Path) -> None:
    page = """<html lang="ja"><head>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "停戦監視の枠組み",
 "author": [{"@type": "Person", "name": "田中 一"}, {"name": "佐藤 花子"}],
 "publisher": {"@type": "Organization", "name": "朝日新聞"},
 "datePublished": "2025-11-02T08:00:00+09:00"}</script>
</head><body><p>停戦監視の枠組みについて、関係国の協議が続いている。</p></body></html>"""
    draft = _read(tmp_path, page.encode("utf-8"))
    assert draft.title == "停戦監視の枠組み"
    assert (draft.author, draft.source) == ("田中 一、佐藤 花子", "朝日新聞")
    assert draft.published == date(2025, 11, 2)
