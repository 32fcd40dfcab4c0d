"""Help ▸ About: the version, the licence and what the application runs on."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing import APP_NAME, __version__

LICENCE_NAME = "MIT"  # as in pyproject.toml's ``license``
# The licence's own words stay in English: a translation would not be the licence.
LICENCE_TEXT = """\
MIT License

Copyright (c) 2026 the Briefing Reader authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Briefing Reader"))
        icon = QLabel(self)
        if parent is not None and not parent.windowIcon().isNull():
            icon.setPixmap(parent.windowIcon().pixmap(64, 64))
        title = QLabel(self)
        title.setObjectName("about_title")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setText(f"{APP_NAME} {__version__}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        summary = QLabel(
            self.tr(
                "Read, highlight, tag and search Japanese and English articles; compile the "
                "day's tagged highlights into a briefing."
            ),
            self,
        )
        summary.setWordWrap(True)
        built = QLabel(
            self.tr(
                "Version {version} · Licence: {licence}\n"
                "Qt {qt} · PySide6 {pyside} · Python {python}"
            ).format(
                version=__version__,
                licence=LICENCE_NAME,
                qt=qVersion(),
                pyside=PySide6.__version__,
                python=platform.python_version(),
            ),
            self,
        )
        built.setObjectName("about_versions")
        built.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The text is kept wrapped at 95 columns here; the box wraps it to its own width.
        paragraphs = (" ".join(p.split("\n")) for p in LICENCE_TEXT.strip().split("\n\n"))
        licence = QPlainTextEdit("\n\n".join(paragraphs), self)
        licence.setObjectName("about_licence")
        licence.setReadOnly(True)
        licence.setMinimumHeight(180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(summary)
        words.addWidget(built)
        head.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(QLabel(self.tr("Licence"), self))
        layout.addWidget(licence, 1)
        layout.addWidget(buttons)
        self.resize(620, 460)


def show_about(parent: QWidget) -> AboutDialog:
    """Show the About box (modal: it only informs)."""
    dialog = AboutDialog(parent)
    dialog.open()
    return dialog
