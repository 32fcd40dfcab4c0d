"""Progress of background work in the window's status bar, with Cancel.

A window-modal progress dialog would lock the analyst out of the window for as long as an
import runs; here the label, bar and Cancel button sit in the status bar and the window
stays usable (reading, highlighting, searching go on while the import writes on its own
connection)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ProgressPanel(QWidget):
    """A label, a bar (busy until the total is known) and Cancel."""

    canceled = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_panel")
        self.label = QLabel(label, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton(QCoreApplication.translate("Operations", "Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)  # one press is enough; the work stops soon
        self.canceled.emit()

    def maximum(self) -> int:
        return self.bar.maximum()

    def setMaximum(self, total: int) -> None:
        self.bar.setMaximum(max(total, 0))

    def setValue(self, done: int) -> None:
        self.bar.setValue(done)

    def setLabelText(self, text: str) -> None:
        self.label.setText(text)

    def reset(self) -> None:
        self.hide()
