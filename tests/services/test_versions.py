"""Versions, not replacement (issue 15): an update keeps the earlier text, restorable and
undoable; only a strong identity updates."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.errors import BriefingError
from briefing.services import Library
from briefing.services import versions as service
from briefing.services.commands import AddHighlight
from briefing.store import checks
from briefing.store.backup import open_for_reading

FIRST = "今日の社説は制裁の効果について論じる。\n\n第二段落では北方領土の交渉を扱う。\n"
SECOND = "冒頭に一段落が加わった。\n\n今日の社説は制裁の効果について論じる。\n\n結びの段落。\n"


def _write(path: Path, body: str, url: str = "", source: str = "朝日新聞") -> Path:
    head = f"---\ntitle: 社説\nsource: {source}\n" + (f"url: {url}\n" if url else "") + "---\n\n"
    path.write_text(head + body, encoding="utf-8")
    return path


def _highlight(library: Library, article_id: int, quote: str) -> int:
    start = library.locate_quote(article_id, quote)
    command = AddHighlight(article_id, start, start + len(quote), ())
    library.execute(command)
    assert command.highlight_id is not None
    return command.highlight_id


def _consistent(library: Library) -> None:
    report = checks.check_connection(open_for_reading(library.path))
    assert report.ok, report.problems


@pytest.fixture
def updated(library: Library, tmp_path: Path) -> tuple[Library, int, int, int]:
    """An article imported, highlighted twice, then updated by the same file: one highlight
    re-anchors, the other (its passage gone) is orphaned."""
    path = _write(tmp_path / "shasetsu.md", FIRST)
    article_id = library.import_paths([path]).outcomes[0].article_id
    kept = _highlight(library, article_id, "制裁の効果")
    gone = _highlight(library, article_id, "北方領土の交渉")
    outcome = library.import_paths([_write(path, SECOND)]).outcomes[0]
    assert (outcome.status, outcome.article_id, outcome.orphaned) == ("updated", article_id, 1)
    assert "version 1" in outcome.message
    return library, article_id, kept, gone


def test_an_update_keeps_the_earlier_text_with_date_origin_and_anchors(updated) -> None:
    library, article_id, kept, _gone = updated
    listed = service.versions(library, article_id)
    assert [(v.number, v.title, v.anchored) for v in listed] == [(1, "社説", 2)]
    assert listed[0].origin.endswith("shasetsu.md") and listed[0].replaced_at is not None
    old = service.version(library, article_id, 1)
    assert "北方領土の交渉" in old.text and "北方領土" not in library.article(article_id).text
    # The highlight follows the new text; on the version it keeps its old place.
    new_text = library.article(article_id).text
    moved = library.highlight(kept)
    assert new_text[moved.selector.start : moved.selector.end] == "制裁の効果"
    assert moved.selector.start != FIRST.index("制裁の効果")
    _consistent(library)


def test_restoring_a_version_puts_text_and_every_anchor_back_and_is_its_own_undo(
    updated,
) -> None:
    library, article_id, _kept, gone = updated
    before_update = service.version(library, article_id, 1).text
    current_text = library.article(article_id).text
    highlights = library.highlights(article_id=article_id)
    anchors_now = {h.id: (h.selector, h.orphaned) for h in highlights}
    library.execute(service.RestoreVersion(article_id, 1))
    assert library.article(article_id).text == before_update
    restored = {h.id: h for h in library.highlights(article_id=article_id)}
    assert not restored[gone].orphaned  # its passage is back, and so is it
    for highlight in restored.values():
        text = before_update[highlight.selector.start : highlight.selector.end]
        assert text == highlight.quote
    # The text it replaced is version 1 now; restoring again (or undo) swaps back exactly.
    assert service.version(library, article_id, 1).text == current_text
    _consistent(library)
    library.undo()
    assert library.article(article_id).text == current_text
    assert {
        h.id: (h.selector, h.orphaned) for h in library.highlights(article_id=article_id)
    } == anchors_now
    library.redo()
    assert library.article(article_id).text == before_update
    _consistent(library)


def test_an_import_update_is_one_undoable_step(updated) -> None:
    library, article_id, _kept, gone = updated
    assert library.history.undo_text == "Import update of “社説”"
    updated_text = library.article(article_id).text
    library.undo()
    assert "北方領土の交渉" in library.article(article_id).text
    assert not library.highlight(gone).orphaned
    library.redo()
    assert library.article(article_id).text == updated_text
    assert library.highlight(gone).orphaned


def test_undo_of_an_import_update_refuses_after_another_program_changed_the_article(
    updated,
) -> None:
    library, article_id, _kept, _gone = updated
    with Library.open(library.path) as other:
        other.execute(service.RestoreVersion(article_id, 1))
    with pytest.raises(BriefingError, match="Cannot undo"):
        library.undo()
    assert "北方領土の交渉" in library.article(article_id).text  # the other program's restore


def test_same_title_and_source_alone_is_a_new_article_with_a_note(
    library: Library, tmp_path: Path
) -> None:
    first = library.import_paths([_write(tmp_path / "mon.md", FIRST)]).outcomes[0]
    second = library.import_paths([_write(tmp_path / "tue.md", SECOND)]).outcomes[0]
    assert second.status == "imported" and second.article_id != first.article_id
    assert f"#{first.article_id} has the same title and source" in second.message
    assert library.article(first.article_id).text.startswith("今日の社説")
    assert service.versions(library, first.article_id) == []


def test_a_known_url_from_another_site_is_a_new_article(library: Library, tmp_path) -> None:
    url = "https://asahi.example/editorial/1"
    first = library.import_paths([_write(tmp_path / "a.md", FIRST, url)]).outcomes[0]
    forged = _write(tmp_path / "page.md", SECOND, url, source="まとめサイト")
    second = library.import_paths([forged]).outcomes[0]
    assert second.status == "imported"
    assert library.article(first.article_id).text.startswith("今日の社説")
    # The same URL from the same site, from another file, is an update.
    third = _write(tmp_path / "b.md", SECOND + "追記。\n", url)
    again = library.import_paths([third]).outcomes[0]
    assert (again.status, again.article_id) == ("updated", first.article_id)


def test_a_missing_version_is_one_clear_line(updated) -> None:
    library, article_id, _kept, _gone = updated
    with pytest.raises(BriefingError, match=f"article {article_id} has no version 7"):
        service.version(library, article_id, 7)
    with pytest.raises(BriefingError, match="no version 7"):
        library.execute(service.RestoreVersion(article_id, 7))


def test_restore_puts_a_highlight_back_on_the_very_copy_it_was_on(
    library: Library, tmp_path: Path
) -> None:
    """A passage repeated word for word: re-anchoring could only guess which copy; the
    version's stored anchor knows."""
    paragraph = "甲の声明。制裁の効果は限定的だ。乙の反論。"
    path = _write(tmp_path / "twice.md", f"{paragraph}\n\n{paragraph}\n")
    article_id = library.import_paths([path]).outcomes[0].article_id
    text = library.article(article_id).text
    second = text.rindex("制裁の効果")
    command = AddHighlight(article_id, second, second + len("制裁の効果"), ())
    library.execute(command)
    library.import_paths([_write(path, f"{paragraph}\n")])
    library.undo()  # the import update: back to both copies
    assert library.highlight(command.highlight_id).selector.start == second


def test_deleting_an_article_and_undoing_keeps_its_versions(updated) -> None:
    from briefing.services import DeleteArticle

    library, article_id, _kept, _gone = updated
    before = service.versions(library, article_id)
    library.execute(DeleteArticle(article_id))
    library.undo()
    assert service.versions(library, article_id) == before
    assert "北方領土の交渉" in service.version(library, article_id, 1).text
    _consistent(library)


def test_an_unrelated_page_with_a_known_canonical_url_does_not_replace_the_article(
    library: Library, tmp_path: Path
) -> None:
    """Issue 15: a page whose ``<link rel="canonical">`` copies a known article's URL."""
    canonical = '<link rel="canonical" href="https://www.asahi.com/articles/ASX1.html">'
    (tmp_path / "real.html").write_text(
        f'<html lang="ja"><head><title>社説：制裁の行方</title>{canonical}'
        '<meta property="og:site_name" content="朝日新聞"></head><body><article>'
        "<h1>社説：制裁の行方</h1><p>ロシアに対する制裁の効果をめぐって、各国の議論が続いている。"
        "輸出管理の抜け穴も指摘される。</p><p>日本政府は追加の措置を検討している。</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "fake.html").write_text(
        f'<html lang="ja"><head><title>無関係なページ</title>{canonical}</head><body><article>'
        "<h1>無関係なページ</h1><p>これは全く関係のない内容のページであり、記事を置き換えるべき"
        "ではない。広告の文章が続く。</p><p>さらに無関係な段落がここにある。</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    real = library.import_paths([tmp_path / "real.html"]).outcomes[0]
    fake = library.import_paths([tmp_path / "fake.html"]).outcomes[0]
    assert (fake.status, fake.article_id != real.article_id) == ("imported", True)
    assert library.article(real.article_id).title == "社説：制裁の行方"
