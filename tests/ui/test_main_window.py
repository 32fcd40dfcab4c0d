"""The window, offscreen, driven through its real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.app import make_application
from briefing.core.markdown import canonical_text
from briefing.services import Library
from briefing.ui.main_window import MainWindow
from briefing.ui.search_panel import HIT_ROLE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:
    win = MainWindow(sample_library)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    # Shortcuts and focus need the active window: wait for it rather than excuse it later.
    qtbot.waitUntil(win.isActiveWindow)
    return win


def answer_modal(button: QMessageBox.StandardButton, seen: dict) -> None:
    """Once the next modal message box is up, record its default button and press
    ``button`` on it (as a person would), so the test sees what the analyst saw."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["text"] = box.text()
        seen["default"] = box.standardButton(box.defaultButton())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_opens_on_the_library_list(window: MainWindow) -> None:
    assert window.table_model.rowCount() == 5
    assert window.article_id is not None
    assert window.title_label.text()


def test_reader_shows_exactly_the_canonical_text(
    window: MainWindow, sample_library: Library
) -> None:
    for row in range(window.table_model.rowCount()):
        window.table.selectRow(row)
        article = sample_library.article(window.article_id)
        shown = window.reader.document().toPlainText()
        assert shown == article.text == canonical_text(article.body)


def test_import_runs_in_background_with_progress(window: MainWindow, qtbot, tmp_path: Path) -> None:
    new = tmp_path / "new.md"
    new.write_text("---\ntitle: 新しい記事\n---\n\n北方領土の交渉。\n", encoding="utf-8")
    window.import_paths([new])
    qtbot.waitUntil(lambda: "1 imported" in window.statusBar().currentMessage(), timeout=20000)
    assert window.table_model.rowCount() == 6


def test_import_progress_is_shown_and_cancel_stops_it(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    count = 1000  # seconds of work, so Cancel lands while it runs
    for n in range(count):
        (folder / f"{n:04}.md").write_text(
            f"---\ntitle: 記事 {n}\n---\n\n本文 {n} 制裁の段落。\n", encoding="utf-8"
        )
    op = window.import_paths([folder])
    dialog = op.dialog
    assert dialog is not None
    # The worker's progress reaches the dialog: its range becomes the number of files.
    qtbot.waitUntil(lambda: dialog.maximum() == count, timeout=30000)
    # Cancel once some files are in (Cancel is heard at once, even while the files are
    # still being read by worker processes, so earlier it would stop before the first).
    qtbot.waitUntil(lambda: dialog.bar.value() > 50, timeout=30000)
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()  # the analyst presses Cancel
    qtbot.waitUntil(lambda: op.done, timeout=60000)
    assert op.dialog is None  # closed when done
    assert 5 < window.table_model.rowCount() < 5 + count  # some imported, then it stopped


def test_delete_article_asks_and_undo_restores(window: MainWindow, qtbot) -> None:
    doomed = window.article_id
    title = window.library.article(doomed).title
    seen: dict = {}
    answer_modal(QMessageBox.StandardButton.Yes, seen)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert seen["default"] == QMessageBox.StandardButton.Cancel
    assert title in seen["text"]
    assert window.table_model.rowCount() == 4 and window.table_model.row_of(doomed) == -1
    assert window.actions["edit_undo"].text() == "&Undo Delete article"
    window.actions["edit_undo"].trigger()
    assert window.table_model.row_of(doomed) >= 0


def test_enter_on_the_delete_question_keeps_the_article(window: MainWindow, qtbot) -> None:
    kept = window.article_id

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_enter)
            return
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.table_model.rowCount() == 5 and window.table_model.row_of(kept) >= 0
    assert not window.library.history.done


def test_delete_in_search_results_or_reader_spares_the_article(window: MainWindow, qtbot) -> None:
    window.search_panel.field.setText("制裁")
    window.search_panel.run()
    results = window.search_panel.results
    results.setFocus()
    results.setCurrentIndex(window.search_panel.model.index(0, 0))
    qtbot.keyClick(results, Qt.Key.Key_Delete)
    window.reader.setFocus()
    window.reader.place_caret(0)
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert QApplication.activeModalWidget() is None
    assert window.table_model.rowCount() == 5
    assert not window.library.history.done


def test_window_state_is_remembered(qtbot, sample_library: Library) -> None:
    first = MainWindow(sample_library)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.table.selectRow(3)
    chosen = first.article_id
    first.close()
    second = MainWindow(sample_library)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert second.article_id == chosen


def test_search_box_finds_and_shows_the_passage(window: MainWindow, qtbot) -> None:
    window.actions["edit_find"].trigger()
    assert window.search_panel.field.hasFocus()
    # Japanese arrives through an input method, which QTest cannot type: set the text.
    window.search_panel.field.setText("影の船団")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    model = window.search_panel.model
    assert model.rowCount() > 0
    hit = model.index(0, 0).data(HIT_ROLE)
    assert "【" not in model.index(0, 0).data()  # marked by weight, not by brackets
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["影の船団"] * len(hit.marks)
    window.search_panel.results.activated.emit(model.index(0, 0))
    assert window.article_id == hit.article_id
    # The find bar marks every match; the caret is at the result's own, nothing selected
    # (a selection's colour would hide a highlight's tint).
    cursor = window.reader.textCursor()
    assert not cursor.hasSelection()
    assert window.reader.toPlainText()[cursor.position() :].startswith("影の船団")
    assert window.tools.find_bar.isVisible() or not window.isVisible()
    assert window.tools.find_bar.spans


def test_search_box_reports_problems_in_one_line(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.search_panel.field, "tag:nonexistent")
    window.search_panel.run()
    assert window.search_panel.model.rowCount() == 0
    assert "no tag named" in window.search_panel.status.text()


def test_style_sheet_and_icon_come_from_the_package_resources(qapp) -> None:
    from briefing.ui import theme

    assert "QTextBrowser#reader" in theme.style_sheet()
    assert not theme.app_icon().pixmap(32, 32).isNull()
    make_application()
    assert qapp.styleSheet() == theme.style_sheet()
