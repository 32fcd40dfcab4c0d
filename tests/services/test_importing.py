"""Importing into a library: new, duplicate, updated (highlights re-anchored), bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from briefing.services import Library

from tests.conftest import ARTICLES, article_id_by_file


def test_sample_folder_imports_five_articles_and_their_highlights(library: Library) -> None:
    report = library.import_paths([ARTICLES])
    assert report.count("imported") == 5 and not report.failed
    sample = json.loads((ARTICLES / "highlights.json").read_text(encoding="utf-8"))
    assert report.highlights_added == len(sample["highlights"])
    highlights = library.highlights()
    assert len(highlights) == len(sample["highlights"])
    for item in highlights:
        text = library.article(item.article_id).text
        assert text[item.selector.start : item.selector.end] == item.quote
    for tag in ("sanctions", "NSATU", "Northern Territories"):
        assert len(library.highlights(tags_all=[tag])) >= 4


def test_second_import_skips_everything_and_changes_nothing(library: Library) -> None:
    library.import_paths([ARTICLES])
    before = (library.articles(), library.highlights())
    report = library.import_paths([ARTICLES])
    assert report.count("skipped") == 5 and report.count("imported") == 0
    assert report.highlights_added == 0
    assert (library.articles(), library.highlights()) == before


def test_first_start_imports_sample_library_once(library: Library) -> None:
    report = library.ensure_sample_library()
    assert report is not None and report.count("imported") == 5
    for summary in library.articles():
        library.execute(
            __import__("briefing.services", fromlist=["DeleteArticle"]).DeleteArticle(summary.id)
        )
    assert library.ensure_sample_library() is None  # an analyst who emptied it keeps it empty
    assert library.articles() == []


@pytest.fixture
def copied_library(library: Library, tmp_path: Path) -> Library:
    """The sample articles imported from a copy of their folder, so a test can edit a file
    in place: the same file imported again is an update (a copy elsewhere with the same
    title and source is a new article, issue 15)."""
    shutil.copytree(ARTICLES, tmp_path / "articles")
    assert not library.import_paths([tmp_path / "articles"]).failed
    (tmp_path / "articles" / "highlights.json").unlink()  # applied; not again per file
    return library


def _edited_copy(tmp_path: Path, name: str, edit) -> Path:
    target = next((tmp_path / "articles").glob(f"{name}*.md"))
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def test_edited_article_keeps_every_highlight_on_its_quote_or_orphans_it(
    copied_library: Library, tmp_path: Path
) -> None:
    """Sentences added before, between and inside highlighted passages (issue 3)."""
    library = copied_library
    article_id = article_id_by_file(library, "004")
    before = {h.id: h for h in library.highlights(article_id=article_id)}
    assert len(before) >= 3
    ordered = sorted(before.values(), key=lambda h: h.selector.start)
    inside = ordered[1]  # this one gets a sentence inserted in its middle
    middle = len(inside.quote) // 2
    edited_quote = (
        inside.quote[:middle] + "（追記：ここに新しい文が入った。）" + inside.quote[middle:]
    )

    def edit(markdown: str) -> str:
        head, body = markdown.split("\n---\n", 1)
        body = "冒頭に追加された段落。\n\n" + body  # before everything
        body = body.replace(ordered[0].quote, ordered[0].quote + "間に追加された文。", 1)  # between
        body = body.replace(inside.quote, edited_quote, 1)  # inside
        return head + "\n---\n" + body + "\n\n末尾に追加された段落。\n"

    report = library.import_paths([_edited_copy(tmp_path, "004", edit)])
    assert [o.status for o in report.outcomes] == ["updated"]
    assert report.outcomes[0].article_id == article_id
    text = library.article(article_id).text
    after = {h.id: h for h in library.highlights(article_id=article_id)}
    assert after.keys() == before.keys()  # none lost, none duplicated
    # Every passage but the one cut in two is still in the text, word for word: those
    # highlights must be placed on it, not orphaned.
    surviving = {i for i, old in before.items() if old.quote in text}
    assert surviving >= before.keys() - {inside.id} and inside.id not in surviving
    for highlight_id, old in before.items():
        new = after[highlight_id]
        assert new.note == old.note and new.tags == old.tags
        if highlight_id in surviving:
            assert not new.orphaned, old.quote
            assert new.quote == old.quote
            assert text[new.selector.start : new.selector.end] == old.quote
            if text.count(old.quote) == 1:
                assert new.selector.start == text.index(old.quote)
            continue
        # The cut passage: placed on (part of) its edited form, or kept as orphaned.
        if new.orphaned:
            assert new.quote == old.quote
            continue
        assert text[new.selector.start : new.selector.end] == new.quote
        edited_at = text.find(edited_quote)
        assert new.selector.start < edited_at + len(edited_quote)
        assert new.selector.end > edited_at


def test_edited_article_where_a_passage_is_gone_orphans_that_highlight(
    copied_library: Library, tmp_path: Path
) -> None:
    library = copied_library
    article_id = article_id_by_file(library, "002")
    victim = library.highlights(article_id=article_id)[0]

    report = library.import_paths(
        [
            _edited_copy(
                tmp_path, "002", lambda md: md.replace(victim.quote, "（この段落は削除された）")
            )
        ]
    )
    assert report.outcomes[0].status == "updated" and report.outcomes[0].orphaned == 1
    orphaned = library.highlights(orphaned=True)
    assert [h.id for h in orphaned] == [victim.id]
    assert orphaned[0].quote == victim.quote and orphaned[0].note == victim.note
    assert library.search("is:orphaned").hits[0].id == victim.id


def test_bad_files_fail_alone_and_the_rest_imports(library: Library, tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("---\ntitle: 良い記事\n---\n\n制裁の話。\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    report = library.import_paths([tmp_path, tmp_path / "missing.md"])
    status = {Path(o.path).name: o.status for o in report.outcomes}
    assert status == {
        "good.md": "imported",
        "binary.txt": "failed",
        "empty.txt": "failed",
        "broken.pdf": "failed",
        "missing.md": "failed",
    }
    assert all(o.message and "\n" not in o.message for o in report.outcomes if o.status == "failed")
    assert [a.title for a in library.articles()] == ["良い記事"]


def test_cancel_stops_between_files(library: Library) -> None:
    seen = []
    report = library.import_paths(
        [ARTICLES], progress=lambda d, t, p: seen.append(d), cancelled=lambda: len(seen) >= 2
    )
    assert report.cancelled and len(library.articles()) == 2


def test_same_first_line_from_different_files_is_two_articles(
    library: Library, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("はじめに\n\n制裁の第一の論点。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("はじめに\n\n北方領土の別の論点。\n", encoding="utf-8")
    report = library.import_paths([tmp_path])
    assert [o.status for o in report.outcomes] == ["imported", "imported"]
    assert len(library.articles()) == 2


def test_the_same_file_edited_is_an_update(library: Library, tmp_path: Path) -> None:
    note = tmp_path / "memo.txt"
    note.write_text("メモ\n\n制裁の論点。\n", encoding="utf-8")
    first = library.import_paths([note]).outcomes[0]
    note.write_text("メモ\n\n制裁の論点。追記あり。\n", encoding="utf-8")
    second = library.import_paths([note]).outcomes[0]
    assert (second.status, second.article_id) == ("updated", first.article_id)


def test_a_broken_highlights_file_is_reported_not_a_traceback(
    library: Library, tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: 記事\n---\n\n制裁の話。\n", encoding="utf-8")
    (tmp_path / "highlights.json").write_text('{"tags": [{"color": "#000000"}]}', encoding="utf-8")
    report = library.import_paths([tmp_path])
    assert report.count("imported") == 1
    failed = [o for o in report.outcomes if o.status == "failed"]
    assert len(failed) == 1 and "highlights" in failed[0].message
