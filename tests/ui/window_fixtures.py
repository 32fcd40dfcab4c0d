"""A main window on the sample library, shown and active (keys and focus need that), with its
settings in a temporary folder: imported by the keyboard, find bar and reading tests."""

from __future__ import annotations

import pytest
from briefing.services import Library
from briefing.ui.main_window import MainWindow


def open_window(qtbot, library: Library, size: tuple[int, int] = (1200, 800)) -> MainWindow:
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:
    return open_window(qtbot, sample_library)


def article_with(window: MainWindow, needle: str, at_least: int = 2) -> int:
    """The id of a sample article whose text holds ``needle`` at least ``at_least`` times."""
    for summary in window.library.articles():
        if window.library.article(summary.id).text.count(needle) >= at_least:
            return summary.id
    raise AssertionError(f"no sample article holds {needle} {at_least} times")
