"""The keyboard alone reaches every pane and action: Tab order, F6 / Shift+F6 with a visible
focus frame, every action with keys, listed and editable in Help ▸ Keyboard Shortcuts."""

from __future__ import annotations

from briefing.services import Library
from briefing.ui import shortcuts
from briefing.ui.actions import SPECS
from briefing.ui.main_window import MainWindow
from briefing.ui.shortcuts_dialog import ShortcutsDialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.ui import window_fixtures

window = window_fixtures.window


def focused() -> object:
    return QApplication.focusWidget()


def test_tab_leaves_the_library_list_and_goes_round_the_panes(window: MainWindow, qtbot) -> None:
    window.table.setFocus()
    seen = [focused()]
    for _ in range(12):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    # The list hands Tab on (it used to walk its cells for ever), in reading order.
    order = [
        window.table,
        window.reader,
        window.highlights_pane.placed_view,
        window.search_panel.field,
    ]
    positions = [seen.index(widget) for widget in order]
    assert positions == sorted(positions)
    assert seen[1] is window.reader


def test_f6_cycles_the_panes_and_the_frame_follows(window: MainWindow, qtbot) -> None:
    window.table.setFocus()
    frame = window.tools.panes.frame
    qtbot.waitUntil(frame.isVisible)
    assert frame.geometry().contains(window.table.mapTo(window, window.table.rect().center()))
    visited = []
    for _ in range(len(window.tools.panes.panes)):
        qtbot.keyClick(focused(), Qt.Key.Key_F6)
        visited.append(focused())
        pane = window.tools.panes.panes[window.tools.panes.current()]
        centre = pane.frame.mapTo(window, pane.frame.rect().center())
        assert frame.isVisible() and frame.geometry().contains(centre)
    assert visited[0] is window.reader
    assert window.highlights_pane.placed_view in visited
    assert window.search_panel.field in visited
    assert visited[-1] is window.table  # round again
    qtbot.keyClick(focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is window.search_panel.field


def test_the_focus_frame_is_drawn(window: MainWindow, qtbot) -> None:
    window.reader.setFocus()
    frame = window.tools.panes.frame
    qtbot.waitUntil(frame.isVisible)
    image = window.grab().toImage()
    highlight = frame.palette().color(
        frame.palette().ColorGroup.Active, frame.palette().ColorRole.Highlight
    )
    edge = frame.geometry().topLeft()
    pixel = image.pixelColor(edge.x() + frame.width() // 2, edge.y() + 1)
    assert pixel.name() == highlight.name()


def test_every_action_has_keys_and_no_two_clash() -> None:
    keys = {name: shortcuts.default_keys(name) for name in SPECS}
    assert [name for name, k in keys.items() if not k] == []
    assert shortcuts.conflicts(keys) == {}


def test_the_shortcuts_list_comes_from_the_registry(window: MainWindow, qtbot) -> None:
    window.actions["help_shortcuts"].trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    names = [
        dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole + 1)
        for r in range(dialog.table.rowCount())
    ]
    assert names == list(SPECS)
    row = dialog.row_of("find_next")
    assert dialog.table.item(row, 1).text() == QKeySequence("F3").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    dialog.reject()


def test_a_changed_shortcut_works_at_once_and_after_a_restart(
    window: MainWindow, qtbot, sample_library: Library
) -> None:
    dialog = ShortcutsDialog(window.actions, window)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(dialog.row_of("find_next"), 0)
    dialog.editor.setKeySequence(QKeySequence("Ctrl+G"))
    dialog.assign()
    dialog.save()
    assert window.actions["find_next"].shortcuts() == [QKeySequence("Ctrl+G")]
    window.table.choose(window_fixtures.article_with(window, "制裁", 3))
    window.actions["find_in_article"].trigger()
    window.tools.find_bar.field.setText("制裁")
    window.tools.find_bar.field.textEdited.emit("制裁")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.tools.find_bar.count.text().startswith("2 / ")
    window.close()
    again = window_fixtures.open_window(qtbot, sample_library)
    assert again.actions["find_next"].shortcuts() == [QKeySequence("Ctrl+G")]
    assert again.actions["find_previous"].shortcuts() == [QKeySequence("Shift+F3")]


def test_a_clash_is_refused_with_one_line(window: MainWindow, qtbot) -> None:
    dialog = ShortcutsDialog(window.actions, window)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(dialog.row_of("find_next"), 0)
    dialog.editor.setKeySequence(QKeySequence("Ctrl+E"))  # the briefing's
    dialog.assign()
    dialog.save()
    assert dialog.isVisible() or dialog.result() == 0
    assert "\n" not in dialog.message.text() and dialog.message.text()
    assert window.actions["find_next"].shortcuts() == [QKeySequence("F3")]
    assert shortcuts.saved() == {}
