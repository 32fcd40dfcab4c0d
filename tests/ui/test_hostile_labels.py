"""Titles, sources and quotes from files are shown as text, never rendered as markup: a title
``<img src="/dev/zero">`` once made the title label read /dev/zero until memory ran out."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.app import make_application
from briefing.services import Library
from briefing.ui.main_window import MainWindow
from briefing.ui.note_editor import NoteEditor
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

HOSTILE_TITLE = '<img src="/dev/zero"><b>bold</b>'
HOSTILE_SOURCE = '<a href="file:///etc/passwd">site</a>'


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp):
    make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


def test_article_title_and_source_are_plain_text(qtbot, library: Library, tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text(
        f"---\ntitle: '{HOSTILE_TITLE}'\nsource: '{HOSTILE_SOURCE}'\n---\n\n本文です。\n",
        encoding="utf-8",
    )
    (outcome,) = library.import_paths([page]).outcomes
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show_article(outcome.article_id)
    assert window.title_label.textFormat() == Qt.TextFormat.PlainText
    assert window.details_label.textFormat() == Qt.TextFormat.PlainText
    assert window.title_label.text() == HOSTILE_TITLE
    assert HOSTILE_SOURCE in window.details_label.text()


def test_note_editor_quote_is_plain_text(qtbot) -> None:
    editor = NoteEditor("", HOSTILE_TITLE)
    qtbot.addWidget(editor)
    (label,) = [w for w in editor.findChildren(QLabel) if w.objectName() == "note_quote"]
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == HOSTILE_TITLE
