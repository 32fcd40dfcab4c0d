"""What the reader shows: every tag of a highlight, separate neighbours, note marks, tool
tips; links to the system browser, nothing remote loaded, the one document reused."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from briefing.services import AddHighlight, Library
from briefing.ui.main_window import MainWindow
from briefing.ui.reader import NOTE_MARK
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QHelpEvent,
    QImage,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.reader_fixtures import offset_of, open_reader_window


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path, library: Library) -> MainWindow:
    return open_reader_window(qtbot, tmp_path, library)


def add(window: MainWindow, quote: str, tags: tuple[str, ...], note: str = "") -> int:
    start = offset_of(window, quote)
    command = AddHighlight(window.article_id, start, start + len(quote), tags, note)
    window.library.execute(command)
    return start


def pixels(window: MainWindow) -> set[int]:
    window.reader.viewport().repaint()
    image = window.reader.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}


def color_of(library: Library, name: str) -> QColor:
    return QColor(next(tag.color for tag in library.tags() if tag.name == name))


def test_second_tag_is_a_band_in_its_colour(window: MainWindow, library: Library) -> None:
    band = color_of(library, "NSATU").rgb()
    assert band not in pixels(window)
    add(window, "影の船団に対する", ("sanctions", "NSATU"))
    assert band in pixels(window)


def test_a_note_shows_a_mark(window: MainWindow) -> None:
    assert NOTE_MARK.rgb() not in pixels(window)
    add(window, "石油大手", ("sanctions",), note="check the date")
    assert NOTE_MARK.rgb() in pixels(window)


def test_adjacent_highlights_of_one_tag_are_told_apart(window: MainWindow) -> None:
    first = add(window, "影の船団", ("sanctions",))
    second = add(window, "に対する", ("sanctions",))
    assert second == first + 4
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(first + 1)
    left = cursor.charFormat().background().color()
    cursor.setPosition(second + 1)
    right = cursor.charFormat().background().color()
    assert left != right


def test_hover_shows_tags_and_note(window: MainWindow, qtbot) -> None:
    start = add(window, "石油大手", ("sanctions", "NSATU"), note="check the date")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(start + 2)
    point = window.reader.cursorRect(cursor).center()
    viewport = window.reader.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "sanctions, NSATU\ncheck the date"


class _Browser(QObject):
    """Stands where the system browser would: Qt's own URL handler hook."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_a_link_opens_in_the_system_browser_and_the_reader_stays(window: MainWindow, qtbot):
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        text = window.reader.document().toPlainText()
        cursor = QTextCursor(window.reader.document())
        cursor.setPosition(offset_of(window, "声明") + 1)
        point = window.reader.cursorRect(cursor).center()
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda: bool(browser.opened))
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == ["https://example.com/statement"]
    assert window.reader.document().toPlainText() == text


def test_nothing_remote_is_loaded(window: MainWindow) -> None:
    kind = QTextDocument.ResourceType.ImageResource
    assert window.reader.loadResource(kind, QUrl("https://tracker.example/p.png")) is None
    assert window.reader.loadResource(kind, QUrl("http://tracker.example/p.png")) is None


def test_the_reader_frees_the_document_it_replaces(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    other = tmp_path / "other.md"
    other.write_text("---\ntitle: 別の記事\n---\n\n北方領土の交渉。\n", encoding="utf-8")
    window.library.import_paths([other])
    previous = window.reader.document()
    for row in (0, 1, 0, 1):
        window.table.selectRow(row)
        document = window.reader.document()
        assert document.toPlainText() == window.library.article(window.article_id).text
        assert not shiboken6.isValid(previous)  # deleted, not left to the window
        assert window.reader.findChildren(QTextDocument) == [document]
        previous = document


def test_a_highlight_nested_at_the_start_of_another_stays_visible(window: MainWindow) -> None:
    outer = add(window, "影の船団に対する二次制裁", ("sanctions",))
    inner = add(window, "影の船団", ("NSATU",))
    assert inner == outer
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(inner + 1)
    nested = cursor.charFormat().background().color()
    cursor.setPosition(outer + 6)
    around = cursor.charFormat().background().color()
    assert nested != around  # the inner one's tint, not hidden under the outer one


def test_context_menu_offers_the_highlight_actions(window: MainWindow, qtbot) -> None:
    seen: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, read_menu)
            return
        seen.extend(action.objectName() for action in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_menu)
    point = QPoint(40, 40)
    viewport = window.reader.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert seen[:4] == ["highlight_tag", "highlight_note", "highlight_delete", "highlight_reattach"]
