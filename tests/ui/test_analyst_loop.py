"""Issue 13's "done when", end to end in the real widgets: with the keyboard alone an analyst
selects a sentence, tags it sanctions with 1, adds a note with N, undoes and redoes, then sees
the highlight in the highlights pane, in the sanctions view of the tags pane and in the
search results — while an import runs in the background and changes nothing of it."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from briefing.services import Library
from briefing.ui.main_window import MainWindow
from briefing.ui.note_editor import NoteEditor
from briefing.ui.search_panel import HIT_ROLE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.reader_fixtures import SHIFT, offset_of, open_reader_window, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"extra-{number:03}.md").write_text(
            f"---\ntitle: 追加記事 {number}\nsource: テスト\n---\n\n北方領土の交渉 {number}。\n",
            encoding="utf-8",
        )
    return folder


def test_select_tag_note_undo_redo_then_find_it_everywhere(
    qtbot, tmp_path: Path, library: Library
) -> None:
    window: MainWindow = open_reader_window(qtbot, tmp_path, library)
    background = window.import_paths([write_articles(tmp_path / "extra", 60)])

    # Keyboard only: caret to the sentence, Shift+End, 1, N + a note, Ctrl+Z, Ctrl+Shift+Z.
    window.reader.place_caret(offset_of(window, "影の船団"))
    qtbot.keyClick(window.reader, Qt.Key.Key_End, SHIFT)
    selected = window.reader.textCursor().selectedText()
    qtbot.keyClick(window.reader, Qt.Key.Key_1)

    def write(editor: NoteEditor) -> None:
        qtbot.keyClicks(editor.editor, "watch secondary sanctions")
        qtbot.keyClick(editor.editor, Qt.Key.Key_Return, CTRL)

    when_modal(write, NoteEditor)
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    qtbot.waitUntil(window.isActiveWindow)  # the note editor hands the keyboard back
    (made,) = library.highlights(article_id=window.article_id)
    assert (made.quote, made.tags, made.note) == (
        selected,
        ("sanctions",),
        "watch secondary sanctions",
    )
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert library.highlight(made.id).note == ""
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)
    assert library.highlight(made.id).note == "watch secondary sanctions"

    # The background import finishes and leaves the highlight as it was.
    qtbot.waitUntil(lambda: background.done, timeout=60000)
    assert library.article_count() == 61
    assert library.highlight(made.id) == library.highlights(ids=[made.id])[0]
    kept = library.highlight(made.id)
    assert (kept.quote, kept.tags, kept.note, kept.orphaned) == (
        selected,
        ("sanctions",),
        "watch secondary sanctions",
        False,
    )

    # The highlights pane of the open article lists it.
    pane = window.highlights_pane
    row = pane.placed.row_of(made.id)
    assert row >= 0 and pane.placed.highlight_at(row).note == "watch secondary sanctions"

    # The sanctions view of the tags pane lists it, and filters the library to its article.
    window.tags_pane.choose("sanctions")
    review = window.tags_pane.highlight_model
    assert made.id in {review.highlight_at(r).id for r in range(review.rowCount())}
    assert window.table_model.rowCount() == 1

    # The search box finds it (as a highlight) by a word of its note.
    window.search_panel.field.setText("secondary")
    window.search_panel.run()
    model = window.search_panel.model

    def found() -> bool:
        hits = [model.index(r).data(HIT_ROLE) for r in range(model.rowCount())]
        return any(h.kind == "highlight" and h.id == made.id for h in hits)

    qtbot.waitUntil(found, timeout=20000)


def test_the_window_stays_usable_while_an_import_runs(
    qtbot, tmp_path: Path, library: Library
) -> None:
    window: MainWindow = open_reader_window(qtbot, tmp_path, library)
    count = 1000
    op = window.import_paths([write_articles(tmp_path / "many", count)])
    progress = op.dialog
    assert progress is not None and progress.parent() is not None
    qtbot.waitUntil(lambda: progress.isVisible() and progress.maximum() == count, timeout=30000)
    assert QApplication.activeModalWidget() is None  # nothing locks the window
    assert not op.done
    window.reader.place_caret(offset_of(window, "影の船団"))
    qtbot.keyClick(window.reader, Qt.Key.Key_End, SHIFT)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert [h.tags for h in library.highlights(article_id=window.article_id)] == [("sanctions",)]
    progress.findChild(QPushButton).click()  # Cancel in the status bar
    assert op.cancel_event.is_set()
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    # A folder this big is read by worker processes (spawned from the operation's thread):
    # Cancel leaves none behind.
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=10000)
