"""Fonts that render Japanese: Noto CJK JP where installed, else any font with Japanese."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED = ("Noto Sans CJK JP", "Noto Serif CJK JP", "IPAexGothic", "IPAGothic", "TakaoGothic")


def japanese_family() -> str | None:
    families = set(QFontDatabase.families())
    for name in PREFERRED:
        if name in families:
            return name
    japanese = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    return japanese[0] if japanese else None


def reading_font(point_size: float = 12.0) -> QFont:
    font = QFont()
    family = japanese_family()
    if family:
        font.setFamilies([family, *font.families()])
    font.setPointSizeF(point_size)
    return font
