"""Titles, sources and quotes from files are shown as text, never rendered as markup: a title
``<img src="/dev/zero">`` once made the title label read /dev/zero until memory ran out."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.safe_text import plain_tooltip
from briefing.services import Library
from briefing.ui.article_table import SOURCE, TITLE, ArticleTableModel
from briefing.ui.main_window import MainWindow
from briefing.ui.note_editor import NoteEditor
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

HOSTILE_TITLE = '<img src="/dev/zero"><b>bold</b>'
HOSTILE_SOURCE = '<a href="file:///etc/passwd">site</a>'


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


def _shown(tip: str) -> str:
    """What a tooltip shows: Qt renders it as rich text when it looks like markup."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def test_tooltips_show_hostile_titles_as_text(qtbot, library: Library, tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text(
        f"---\ntitle: '{HOSTILE_TITLE}'\nsource: '{HOSTILE_SOURCE}'\n---\n\n本文です。\n",
        encoding="utf-8",
    )
    library.import_paths([page])
    model = ArticleTableModel()
    model.set_articles(library.articles())
    title_tip = model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert _shown(title_tip).startswith(HOSTILE_TITLE)  # the markup, as text
    assert "<img" not in title_tip.replace("&lt;img", "")  # never a live tag
    assert _shown(model.index(0, SOURCE).data(Qt.ItemDataRole.ToolTipRole)) == HOSTILE_SOURCE


@pytest.mark.parametrize("text", ["plain 制裁\nnote", "a < b & c", "<b>x</b>\n  two  spaces"])
def test_plain_tooltip_round_trips(text: str) -> None:
    shown = _shown(plain_tooltip(text))
    assert shown == text
