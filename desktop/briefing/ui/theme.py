"""The window's style sheet and icon, read from the package's resources (installed or not)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

RESOURCES = "briefing.resources"


def style_sheet() -> str:
    return (resources.files(RESOURCES) / "style.qss").read_text(encoding="utf-8")


def app_icon() -> QIcon:
    data = (resources.files(RESOURCES) / "icons" / "briefing-reader.svg").read_bytes()
    pixmap = QPixmap()
    pixmap.loadFromData(data, "SVG")
    return QIcon(pixmap)


def apply(app: QApplication) -> None:
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
