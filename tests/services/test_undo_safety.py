"""Undo and redo never write onto a library that changed behind them (issue 13, item 2).

Other writers are real: a second :class:`Library` on the same file stands for the CLI, a
cron import, or the window's own import worker (each has its own SQLite connection).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from briefing.services import (
    AddHighlight,
    BriefingError,
    ChangeHighlightTags,
    Changes,
    CreateTag,
    DeleteArticle,
    DeleteHighlight,
    DeleteTag,
    EditTag,
    Library,
    set_note,
)
from briefing.services.commands import Command
from briefing.store import replay
from briefing.store.db import ConstraintError, describe, write_transaction

ARTICLE = """---
title: 制裁の行方
source: テスト通信
url: https://example.com/sanctions
---

対露制裁は石油大手に及んだ。

影の船団への二次制裁も検討されている。
"""
# The same URL, a changed text: a paragraph added in front moves every offset, so a
# highlight replayed at its old place would cover other words.
EDITED = ARTICLE.replace("対露制裁は", "欧州連合は新たな措置を決めた。\n\n対露制裁は")
OTHER = """---
title: 北方領土の話
source: テスト通信
---

北方領土と平和条約の交渉は止まったままだ。
"""
RAW_SQLITE = ("UNIQUE", "constraint", "FOREIGN KEY", "sqlite", "no such")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "sanctions.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "territories.md").write_text(OTHER, encoding="utf-8")
    return {"sanctions": folder / "sanctions.md", "territories": folder / "territories.md"}


@pytest.fixture
def ids(library: Library, files: dict[str, Path]) -> dict[str, int]:
    report = library.import_paths(files.values())
    assert report.count("imported") == 2
    return {Path(o.path).stem: o.article_id for o in report.outcomes}


@pytest.fixture
def other(library_path: Path, library: Library) -> Iterator[Library]:
    """Another program on the same file (the CLI, a cron import, an import worker)."""
    with Library.open(library_path) as lib:
        yield lib


def add(library: Library, article_id: int, quote: str, *tags: str) -> int:
    start = library.locate_quote(article_id, quote)
    command = AddHighlight(article_id, start, start + len(quote), tags)
    library.execute(command)
    assert command.highlight_id is not None
    return command.highlight_id


def reimport_edited(library: Library, path: Path) -> None:
    path.write_text(EDITED, encoding="utf-8")
    assert [o.status for o in library.import_paths([path]).outcomes] == ["updated"]


def assert_one_clear_line(error: pytest.ExceptionInfo[BriefingError]) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert not any(word.lower() in message.lower() for word in RAW_SQLITE), message
    return message


# --- the two cases from the issue -----------------------------------------------------------


def test_undo_delete_after_the_article_was_imported_again(
    library: Library, ids: dict[str, int], files: dict[str, Path]
) -> None:
    kept = add(library, ids["territories"], "平和条約", "Northern Territories")
    add(library, ids["sanctions"], "二次制裁", "sanctions")
    library.execute(DeleteArticle(ids["sanctions"]))
    again = library.import_paths([files["sanctions"]]).outcomes[0]
    assert again.status == "imported" and again.article_id != ids["sanctions"]

    with pytest.raises(BriefingError) as error:
        library.undo()
    message = assert_one_clear_line(error)
    assert message.startswith("Cannot undo “Delete article”: the article was imported again")
    assert "with 1 step(s) that depended on it" in message  # the highlight made on it
    # Nothing written: the re-imported copy is the only one, the old id stays free.
    assert sorted(a.id for a in library.articles()) == sorted(
        [ids["territories"], again.article_id]
    )
    assert library.highlights(article_id=again.article_id) == []
    # The history goes on: the independent step below is undone normally.
    assert library.history.undo_text == "Add highlight"
    library.undo()
    assert library.highlights() == []
    library.redo()
    assert [h.id for h in library.highlights()] == [kept]


def test_redo_after_an_edited_version_was_imported_is_refused(
    library: Library, other: Library, ids: dict[str, int], files: dict[str, Path]
) -> None:
    article_id = ids["sanctions"]
    add(library, article_id, "二次制裁", "sanctions")
    library.undo()
    reimport_edited(other, files["sanctions"])  # the CLI, while the window is open

    with pytest.raises(BriefingError) as error:
        library.redo()
    message = assert_one_clear_line(error)
    assert message.startswith("Cannot redo “Add highlight”: the article's text has changed")
    assert library.highlights(article_id=article_id) == []  # never on other text
    assert library.history.redo_text == ""
    with pytest.raises(BriefingError, match="nothing to redo"):
        library.redo()


def test_redo_after_an_update_in_this_window_is_fenced(
    library: Library, ids: dict[str, int], files: dict[str, Path]
) -> None:
    keep = add(library, ids["territories"], "平和条約")
    add(library, ids["sanctions"], "二次制裁", "sanctions")
    library.undo()
    library.undo()
    reimport_edited(library, files["sanctions"])
    # The import fenced the step made on the old text, and said so; the other stays.
    message = library.history.take_fence_message()
    assert message.startswith("1 undo step(s) on “制裁の行方” were removed")
    assert library.history.take_fence_message() == ""
    assert library.history.redo_text == "Add highlight"
    library.redo()
    assert [h.id for h in library.highlights()] == [keep]
    with pytest.raises(BriefingError, match="nothing to redo"):
        library.redo()


# --- dependents dropped, independent steps kept ---------------------------------------------


def test_a_refused_redo_takes_its_dependents_and_keeps_the_rest(
    library: Library, other: Library, ids: dict[str, int], files: dict[str, Path]
) -> None:
    first = add(library, ids["sanctions"], "二次制裁")
    second = add(library, ids["territories"], "平和条約")  # independent of `first`
    library.execute(ChangeHighlightTags([first, second], "NSATU", add=True))  # needs `first`
    library.execute(set_note(second, "after the tagging"))  # needs the tagging: a chain
    for _ in range(4):
        library.undo()
    reimport_edited(other, files["sanctions"])

    with pytest.raises(BriefingError) as error:
        library.redo()
    assert "with 2 step(s) that depended on it" in assert_one_clear_line(error)
    assert library.history.redo_text == "Add highlight"
    library.redo()
    assert [(h.id, h.tags, h.note) for h in library.highlights()] == [(second, (), "")]
    assert library.history.redo_text == "" and library.history.undo_text == "Add highlight"


def test_other_programs_edit_blocks_only_the_steps_on_that_highlight(
    library: Library, other: Library, ids: dict[str, int]
) -> None:
    independent = add(library, ids["territories"], "平和条約")
    edited = add(library, ids["sanctions"], "二次制裁")
    other.execute(set_note(edited, "a note written in the CLI"))
    with pytest.raises(BriefingError) as error:
        library.undo()
    assert "the highlight was changed since" in assert_one_clear_line(error)
    assert library.highlight(edited).note == "a note written in the CLI"
    library.undo()
    assert [h.id for h in library.highlights()] == [edited]
    assert independent not in [h.id for h in library.highlights()]


def test_undo_of_a_highlight_deleted_elsewhere_is_refused(
    library: Library, other: Library, ids: dict[str, int]
) -> None:
    highlight_id = add(library, ids["sanctions"], "二次制裁")
    library.execute(DeleteHighlight(highlight_id))
    other.execute(DeleteArticle(ids["sanctions"]))
    with pytest.raises(BriefingError) as error:
        library.undo()
    assert "the article was deleted since" in assert_one_clear_line(error)
    assert library.history.undo_text == ""  # the add went with it: same highlight
    assert other.history.undo_text == "Delete article"
    other.undo()  # the other program's own undo still works: nothing was written in between
    assert library.article(ids["sanctions"]).title == "制裁の行方"


# --- tags --------------------------------------------------------------------------------------


def test_redo_create_tag_after_its_name_was_taken(library: Library, other: Library) -> None:
    library.execute(CreateTag("shadow fleet"))
    library.undo()
    other.execute(CreateTag("Shadow Fleet"))
    with pytest.raises(BriefingError) as error:
        library.redo()
    assert "“shadow fleet” now names another tag" in assert_one_clear_line(error)
    assert [t.name for t in library.tags()].count("Shadow Fleet") == 1


def test_undo_delete_tag_after_its_name_was_taken(
    library: Library, other: Library, ids: dict[str, int]
) -> None:
    highlight_id = add(library, ids["sanctions"], "二次制裁", "NSATU")
    library.execute(DeleteTag("NSATU", untag=True))
    other.execute(CreateTag("nsatu"))
    with pytest.raises(BriefingError) as error:
        library.undo()
    assert_one_clear_line(error)
    assert library.highlight(highlight_id).tags == ()
    assert library.tag("NSATU").name == "nsatu"


def test_undo_delete_tag_after_its_keyboard_slot_was_given_away(
    library: Library, other: Library
) -> None:
    library.execute(DeleteTag("NSATU"))  # slot 2
    other.execute(EditTag("Northern Territories", slot=2))
    with pytest.raises(BriefingError) as error:
        library.undo()
    assert "keyboard slot 2 now belongs to another tag" in assert_one_clear_line(error)
    assert library.tag("Northern Territories").slot == 2
    with pytest.raises(BriefingError, match="no tag named"):
        library.tag("NSATU")


def test_undo_create_tag_that_another_program_put_on_a_highlight(
    library: Library, other: Library, ids: dict[str, int]
) -> None:
    library.execute(CreateTag("shadow fleet"))
    highlight_id = add(other, ids["sanctions"], "影の船団", "shadow fleet")
    with pytest.raises(BriefingError) as error:
        library.undo()
    assert "is now on 1 highlight(s)" in assert_one_clear_line(error)
    assert library.highlight(highlight_id).tags == ("shadow fleet",)


def test_own_steps_in_between_are_no_conflict(library: Library, ids: dict[str, int]) -> None:
    """Snapshots compare with what the nearest step left, so a long own history replays."""
    library.execute(CreateTag("shadow fleet", aliases=("影の船団",)))
    highlight_id = add(library, ids["sanctions"], "影の船団への二次制裁", "影の船団")
    library.execute(ChangeHighlightTags([highlight_id], "制裁", add=True))
    library.execute(set_note(highlight_id, "watch"))
    library.execute(EditTag("shadow fleet", name="dark fleet", color="#123456"))
    library.execute(DeleteArticle(ids["sanctions"]))
    for _ in range(6):
        library.undo()
    assert library.tags() and library.highlights() == []
    for _ in range(6):
        library.redo()
    assert library.highlights() == [] and library.tag("dark fleet").color == "#123456"
    for _ in range(2):
        library.undo()
    assert library.highlight(highlight_id).note == "watch"
    assert library.highlight(highlight_id).tags == ("shadow fleet", "sanctions")


# --- no raw SQLite message -------------------------------------------------------------------


def test_a_constraint_the_checks_missed_is_still_one_clear_line(
    library: Library, ids: dict[str, int], files: dict[str, Path], monkeypatch
) -> None:
    """Even if a snapshot missed something, the schema's own rule becomes the same clear
    refusal: the step is dropped and nothing is written."""
    library.execute(DeleteArticle(ids["sanctions"]))
    library.import_paths([files["sanctions"]])
    monkeypatch.setattr(Command, "verify", lambda self, db, keys=None: None)
    with pytest.raises(BriefingError) as error:
        library.undo()
    message = assert_one_clear_line(error)
    assert "the same article is already in the library" in message
    assert library.history.undo_text == "" and len(library.articles()) == 2


def test_sqlite_errors_are_described_never_quoted(library: Library) -> None:
    for raw, expected in [
        ("UNIQUE constraint failed: articles.content_hash", "same article is already"),
        ("UNIQUE constraint failed: tags.name_key", "already a tag or an alias"),
        ("FOREIGN KEY constraint failed", "no longer in the library"),
        ("no such table: articlez", "unexpected database error"),
    ]:
        text = describe(sqlite3.IntegrityError(raw))
        assert expected in text and raw not in text
    with pytest.raises(ConstraintError) as error, write_transaction(library.db):
        library.db.execute(
            "INSERT INTO tags (name, name_key, color, created_at) VALUES "
            "('x', 'sanctions', '#000000', '')"
        )
    assert "already a tag or an alias" in str(error.value)


# --- writes by other programs noticed ----------------------------------------------------------


def test_poll_reports_only_other_connections_commits(
    library: Library, other: Library, ids: dict[str, int]
) -> None:
    heard: list[Changes] = []
    library.listeners.append(heard.append)
    assert library.poll_external_changes() is None
    add(library, ids["sanctions"], "二次制裁")  # own commit: announced by execute, not by poll
    heard.clear()
    assert library.poll_external_changes() is None
    add(other, ids["territories"], "平和条約")
    changes = library.poll_external_changes()
    assert changes is not None and changes.library and changes.external
    assert heard == [changes]
    assert library.poll_external_changes() is None  # reported once


def test_poll_fences_steps_whose_rows_another_program_changed(
    library: Library, other: Library, ids: dict[str, int], files: dict[str, Path]
) -> None:
    mine = add(library, ids["territories"], "平和条約")
    add(library, ids["sanctions"], "二次制裁")
    reimport_edited(other, files["sanctions"])  # e.g. the window's import worker
    assert library.poll_external_changes() is not None
    assert library.history.take_fence_message().startswith("1 undo step(s) were removed")
    assert library.history.undo_text == "Add highlight"
    library.undo()
    assert mine not in [h.id for h in library.highlights()]
    assert library.highlights(article_id=ids["sanctions"])  # the fenced one stays


def test_replay_lookups_read_the_current_rows(library: Library, ids: dict[str, int]) -> None:
    hashes = replay.content_hashes(library.db, [ids["sanctions"], 10_000])
    assert list(hashes) == [ids["sanctions"]]
    assert replay.holder_of_name(library.db, "制裁") == library.tag("sanctions").id
    assert replay.existing_tag_ids(library.db, [library.tag("NSATU").id, 10_000]) == {
        library.tag("NSATU").id
    }


def test_poll_keeps_steps_whose_rows_only_this_window_changed(
    library: Library, other: Library, ids: dict[str, int]
) -> None:
    """Each row is compared with the step nearest the present that touched it: the add's
    row differs from what the add left, but the note step after it explains that."""
    highlight_id = add(library, ids["sanctions"], "二次制裁")
    library.execute(set_note(highlight_id, "mine"))
    library.execute(CreateTag("shadow fleet"))
    library.undo()  # one step on the redo side too
    add(other, ids["territories"], "平和条約")  # unrelated: another program, another article
    assert library.poll_external_changes() is not None
    assert library.history.take_fence_message() == ""
    assert (len(library.history.done), len(library.history.undone)) == (2, 1)
    library.redo()
    for _ in range(3):
        library.undo()
    assert library.highlights(article_id=ids["sanctions"]) == []


def test_a_new_time_stamp_alone_is_no_conflict(
    library: Library, other: Library, ids: dict[str, int]
) -> None:
    """A step redone later stamps its own time (a re-attach, say); the steps after it must
    still replay: time stamps are no content."""
    from briefing.store import highlights as highlight_store

    highlight_id = add(library, ids["sanctions"], "二次制裁")
    library.execute(set_note(highlight_id, "n"))
    with write_transaction(other.db):
        highlight_store.update_highlight(other.db, highlight_id, updated_at="2030-01-01T00:00:00")
    library.undo()
    assert library.highlight(highlight_id).note == ""
