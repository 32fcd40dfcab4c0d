"""The window, offscreen, driven through its real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.app import make_application
from briefing.core.markdown import canonical_text
from briefing.services import Library
from briefing.ui.main_window import MainWindow
from briefing.ui.search_panel import HIT_ROLE
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp):
    make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:
    win = MainWindow(sample_library)
    qtbot.addWidget(win)
    win.show()
    return win


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


def test_delete_article_asks_and_undo_restores(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    doomed = window.article_id
    window.actions["article_delete"].trigger()
    assert window.table_model.rowCount() == 4 and window.table_model.row_of(doomed) == -1
    assert window.actions["edit_undo"].text() == "&Undo Delete article"
    window.actions["edit_undo"].trigger()
    assert window.table_model.row_of(doomed) >= 0


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
    assert window.search_panel.field.hasFocus() or not window.isActiveWindow()
    # Japanese arrives through an input method, which QTest cannot type: set the text.
    window.search_panel.field.setText("影の船団")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    model = window.search_panel.model
    assert model.rowCount() > 0
    assert "【影の船団】" in model.index(0, 0).data()
    window.search_panel.results.activated.emit(model.index(0, 0))
    hit = model.index(0, 0).data(HIT_ROLE)
    assert window.article_id == hit.article_id
    selected = window.reader.textCursor().selectedText()
    assert "影の船団" in selected


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
