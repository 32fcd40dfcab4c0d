"""The note editor (N in the reader): a highlight's note in Markdown, with a live preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing.ui.reader import LocalOnlyBrowser


class NoteEditor(QDialog):
    """Edit ``note``; Ctrl+Return or OK keeps it, Esc leaves it as it was."""

    def __init__(self, note: str, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note_editor")
        self.setWindowTitle(self.tr("Note"))
        quote_label = QLabel(quote if len(quote) <= 160 else quote[:159] + "…", self)
        quote_label.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        quote_label.setWordWrap(True)
        quote_label.setObjectName("note_quote")
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("note_text")
        self.editor.setPlaceholderText(self.tr("Markdown: **bold**, *italic*, - lists, [links](…)"))
        self.editor.setPlainText(note)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        # The preview is a browser that never navigates or fetches: a note is the analyst's
        # text, not a web page.
        self.preview = LocalOnlyBrowser(self)
        self.preview.setObjectName("note_preview")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Ctrl+Return keeps the note · Esc cancels"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label)
        layout.addWidget(split, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.editor.textChanged.connect(self._render)
        self._render()
        self.resize(620, 320)

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _render(self) -> None:
        self.preview.document().setMarkdown(self.editor.toPlainText())


def edit_note(parent: QWidget, note: str, quote: str) -> str | None:
    """The edited note, or None when cancelled or unchanged."""
    dialog = NoteEditor(note, quote, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text() if dialog.text() != note.strip() else None
    finally:
        dialog.deleteLater()
        # Give the keyboard back to the window: without a window manager (a kiosk, a test
        # display) nobody else does, and Ctrl+Z would go nowhere.
        parent.activateWindow()
