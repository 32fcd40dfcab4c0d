"""The reader driven by keys, as an analyst does: select, 1–9, H, N, Delete, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.services import Library
from briefing.ui.main_window import MainWindow
from briefing.ui.note_editor import NoteEditor
from briefing.ui.tag_picker import TagPicker
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.reader_fixtures import SHIFT, offset_of, open_reader_window, select, when_modal


@pytest.fixture
def reader_window(qtbot, qapp, tmp_path: Path, library: Library) -> MainWindow:
    return open_reader_window(qtbot, tmp_path, library)


def only_highlight(library: Library, window: MainWindow):
    found = library.highlights(article_id=window.article_id)
    assert len(found) == 1
    return found[0]


def press_slot_and_check(window: MainWindow, qtbot, library: Library, selected: str) -> None:
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    highlight = only_highlight(library, window)
    text = window.reader.document().toPlainText()
    assert highlight.quote == selected
    assert highlight.quote == text[highlight.selector.start : highlight.selector.end]
    assert highlight.tags == ("sanctions",)


def test_keyboard_selection_to_line_end_then_1(reader_window, qtbot, library) -> None:
    window = reader_window
    window.reader.place_caret(offset_of(window, "影の船団"))
    qtbot.keyClick(window.reader, Qt.Key.Key_End, SHIFT)
    selected = window.reader.textCursor().selectedText()
    assert selected.startswith("影の船団")
    press_slot_and_check(window, qtbot, library, selected)


def test_quote_across_paragraphs(reader_window, qtbot, library) -> None:
    window = reader_window
    start = offset_of(window, "二次制裁")
    end = offset_of(window, "石油大手") + len("石油大手")
    selected = select(window, start, end)
    assert "\n" in selected
    press_slot_and_check(window, qtbot, library, selected)


def test_quote_across_list_items(reader_window, qtbot, library) -> None:
    window = reader_window
    start = offset_of(window, "輸出規制")
    end = offset_of(window, "金融制裁") + len("金融制裁")
    selected = select(window, start, end)
    assert selected == "輸出規制\n二つ目の項目：金融制裁"
    press_slot_and_check(window, qtbot, library, selected)


def test_quote_of_a_heading_from_its_start(reader_window, qtbot, library) -> None:
    window = reader_window
    window.reader.place_caret(offset_of(window, "見出し二"))
    qtbot.keyClick(window.reader, Qt.Key.Key_End, SHIFT)
    selected = window.reader.textCursor().selectedText()
    assert selected == "見出し二"
    press_slot_and_check(window, qtbot, library, selected)


def test_slot_key_in_a_highlight_toggles_its_tag_undoably(reader_window, qtbot, library) -> None:
    window = reader_window
    select(window, offset_of(window, "影の船団"), offset_of(window, "影の船団") + 4)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert not window.reader.textCursor().hasSelection()  # the caret sits in the new one
    qtbot.keyClick(window.reader, Qt.Key.Key_Left)
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert only_highlight(library, window).tags == ("sanctions", "NSATU")
    assert window.actions["edit_undo"].text() == "&Undo Tag NSATU"  # named in the Edit menu
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert only_highlight(library, window).tags == ("NSATU",)
    undo = window.actions["edit_undo"]
    assert undo.text() == "&Undo " + library.history.undo_text
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert only_highlight(library, window).tags == ("sanctions", "NSATU")
    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert only_highlight(library, window).tags == ("NSATU",)


def test_h_opens_the_picker_aliases_match(reader_window, qtbot, library) -> None:
    window = reader_window
    selected = select(window, offset_of(window, "石油大手"), offset_of(window, "石油大手") + 4)

    def pick(picker: TagPicker) -> None:
        picker.field.setText("対露")  # an alias of sanctions (typed through an input method)
        assert picker.list.currentItem().text().endswith("(制裁, 対露制裁)")
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)

    when_modal(pick, TagPicker)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    highlight = only_highlight(library, window)
    assert (highlight.quote, highlight.tags) == (selected, ("sanctions",))


def test_h_with_a_new_name_creates_the_tag(reader_window, qtbot, library) -> None:
    window = reader_window
    select(window, offset_of(window, "石油大手"), offset_of(window, "石油大手") + 4)

    def pick(picker: TagPicker) -> None:
        qtbot.keyClicks(picker.field, "energy")
        assert picker.choice().new
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)

    when_modal(pick, TagPicker)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert only_highlight(library, window).tags == ("energy",)
    assert "energy" in {tag.name for tag in library.tags()}


def test_n_edits_the_note_with_preview_and_undo(reader_window, qtbot, library) -> None:
    window = reader_window
    select(window, offset_of(window, "影の船団"), offset_of(window, "影の船団") + 4)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    shown: dict[str, str] = {}

    def write(editor: NoteEditor) -> None:
        qtbot.keyClicks(editor.editor, "**watch** secondary sanctions")
        shown["preview"] = editor.preview.toPlainText()
        qtbot.keyClick(editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_modal(write, NoteEditor)
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    assert shown["preview"] == "watch secondary sanctions"  # rendered, not raw Markdown
    assert only_highlight(library, window).note == "**watch** secondary sanctions"
    window.actions["edit_undo"].trigger()
    assert only_highlight(library, window).note == ""


def test_delete_in_reader_removes_the_highlight_not_the_article(
    reader_window, qtbot, library
) -> None:
    window = reader_window
    select(window, offset_of(window, "影の船団"), offset_of(window, "影の船団") + 4)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert library.highlights(article_id=window.article_id) == []
    assert library.article_count() == 1
    window.actions["edit_undo"].trigger()
    assert len(library.highlights(article_id=window.article_id)) == 1


def test_adding_a_highlight_keeps_the_scroll_and_the_document(
    reader_window, qtbot, library
) -> None:
    window = reader_window
    window.resize(700, 300)  # short, so the article scrolls
    qtbot.waitUntil(lambda: window.reader.verticalScrollBar().maximum() > 0)
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    document = window.reader.document()
    start = offset_of(window, "最後の段落")
    select(window, start, start + 5)
    scrolled = bar.value()
    assert scrolled > 0
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert bar.value() == scrolled
    assert window.reader.document() is document
    # painted in place: the tint is on exactly those characters
    cursor = QTextCursor(document)
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background().color().name() != "#000000"
    assert cursor.charFormat().hasProperty(window.reader.HIGHLIGHT_ID)
    cursor.setPosition(start + 6)
    assert not cursor.charFormat().hasProperty(window.reader.HIGHLIGHT_ID)


def test_n_on_a_selection_makes_a_highlight_with_the_note(reader_window, qtbot, library) -> None:
    window = reader_window
    selected = select(window, offset_of(window, "石油大手"), offset_of(window, "石油大手") + 4)

    def write(editor: NoteEditor) -> None:
        qtbot.keyClicks(editor.editor, "who said it?")
        qtbot.keyClick(editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_modal(write, NoteEditor)
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    highlight = only_highlight(library, window)
    assert (highlight.quote, highlight.tags, highlight.note) == (selected, (), "who said it?")


def test_highlight_keys_act_only_from_the_reader(reader_window, qtbot, library) -> None:
    window = reader_window
    select(window, offset_of(window, "石油大手"), offset_of(window, "石油大手") + 4)
    field = window.search_panel.field
    field.setFocus()
    qtbot.keyClicks(field, "12n")
    assert field.text() == "12n"
    window.table.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_H, Qt.Key.Key_N):
        qtbot.keyClick(window.table, key)
    assert library.highlights(article_id=window.article_id) == []
