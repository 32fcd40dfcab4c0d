"""What the window says after an import, and the question it asks when a new article has
only the title and source of a known one in common (issue 15)."""

from __future__ import annotations

from pathlib import Path

from briefing.services import Library
from briefing.services import versions as version_service
from briefing.ui.main_window import MainWindow
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.window_fixtures import open_window

MONDAY = "今日の社説は制裁の効果について論じる。\n\n第二段落では北方領土の交渉を扱う。\n"
TUESDAY = "冒頭に一段落が加わった。\n\n今日の社説は制裁の効果について論じる。\n\n結びの段落。\n"


def _write(path: Path, body: str) -> Path:
    path.write_text(f"---\ntitle: 社説\nsource: 朝日新聞\n---\n\n{body}", encoding="utf-8")
    return path


def _answer(button: str, asked: list[str]) -> None:
    """Click ``button`` in the question box as soon as it is shown (it is modal)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "ask_import_update":
            QTimer.singleShot(20, click)
            return
        asked.append(box.text())
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(20, click)


def _import(qtbot, window: MainWindow, path: Path) -> None:
    before = window.statusBar().currentMessage()
    window.import_paths([path])
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() not in ("", before), timeout=20000)


def test_a_new_article_with_a_known_title_and_source_kept_new_says_why(
    qtbot, library: Library, tmp_path: Path
) -> None:
    known = library.import_paths([_write(tmp_path / "mon.md", MONDAY)]).outcomes[0].article_id
    window = open_window(qtbot, library)
    asked: list[str] = []
    _answer("keep_new", asked)
    _import(qtbot, window, _write(tmp_path / "tue.md", TUESDAY))
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert f"article #{known} “社説” has the same title and source" in asked[0]
    assert library.article_count() == 2
    message = window.statusBar().currentMessage()
    assert message.startswith("1 imported")
    assert f"tue.md: a new article, although #{known} has the same title and source" in message
    assert library.article(known).text.startswith("今日の社説")
    window.close()


def test_update_takes_it_as_the_known_articles_text_and_undo_takes_it_back(
    qtbot, library: Library, tmp_path: Path
) -> None:
    known = library.import_paths([_write(tmp_path / "mon.md", MONDAY)]).outcomes[0].article_id
    assert known is not None
    window = open_window(qtbot, library)
    asked: list[str] = []
    _answer("update_known", asked)
    _import(qtbot, window, _write(tmp_path / "tue.md", TUESDAY))
    qtbot.waitUntil(lambda: library.article_count() == 1, timeout=10000)
    assert library.article(known).text.startswith("冒頭に")
    assert [v.number for v in version_service.versions(library, known)] == [1]
    assert f"is now the text of #{known}" in window.statusBar().currentMessage()
    undo = window.actions["edit_undo"]
    assert undo.isEnabled() and "Take as update" in undo.text()
    undo.trigger()
    assert library.article_count() == 2
    assert library.article(known).text.startswith("今日の社説")
    assert version_service.versions(library, known) == []
    window.close()


def test_an_update_says_which_version_keeps_the_earlier_text(
    qtbot, library: Library, tmp_path: Path
) -> None:
    path = _write(tmp_path / "memo.md", MONDAY)
    library.import_paths([path])
    window = open_window(qtbot, library)
    _import(qtbot, window, _write(path, TUESDAY))
    message = window.statusBar().currentMessage()
    assert message.startswith("0 imported, 1 updated")
    assert "memo.md: 0 highlight(s) re-anchored; the earlier text is version 1" in message
    window.close()
