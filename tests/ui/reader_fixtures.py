"""Helpers for the reader tests: a window on a library holding one article with headings,
paragraphs, a list and a link, focused and active so keys reach their shortcuts. Each test
module wraps :func:`open_reader_window` in its own ``window`` fixture."""

from __future__ import annotations

from pathlib import Path

from briefing.services import Library
from briefing.ui.main_window import MainWindow
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.window_fixtures import open_window

ARTICLE = """---
title: 対露制裁の記事
source: テスト通信
url: https://example.com/articles/1
---

# 対露制裁の強化

第一段落。影の船団に対する二次制裁が議論された。

第二段落。石油大手が[声明](https://example.com/statement)を出した。

- 一つ目の項目：輸出規制
- 二つ目の項目：金融制裁

## 見出し二

最後の段落 with English words, and a second sentence here.
"""


def open_reader_window(qtbot, tmp_path: Path, library: Library, text: str = ARTICLE) -> MainWindow:
    article_file = tmp_path / "article.md"
    article_file.write_text(text, encoding="utf-8")
    report = library.import_paths([article_file])
    assert not report.failed, report.outcomes
    window = open_window(qtbot, library, (1300, 800))
    window.reader.setFocus()
    return window


def select(window: MainWindow, start: int, end: int) -> str:
    """Select ``[start, end)`` in the reader; returns the selected text with newlines."""
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    return cursor.selectedText().replace("\u2029", "\n")


def offset_of(window: MainWindow, text: str) -> int:
    at = window.reader.document().toPlainText().index(text)
    assert at >= 0
    return at


def when_modal(action, cls: type) -> None:
    """Run ``action(dialog)`` once a modal dialog of type ``cls`` is up."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, cls) or not dialog.isActiveWindow():
            if isinstance(dialog, cls):
                dialog.activateWindow()  # offscreen, a new dialog is not always made active
            QTimer.singleShot(20, attempt)
            return
        action(dialog)

    QTimer.singleShot(0, attempt)


SHIFT = Qt.KeyboardModifier.ShiftModifier
