"""Render the application icon (resources/icons/briefing-reader.svg) to the PNG sizes desktops
ask for (resources/icons/briefing-reader-SIZE.png). Run again after changing the SVG:
``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"cannot write {target}")


def main() -> int:
    QGuiApplication(sys.argv[:1])
    svg = ICONS / "briefing-reader.svg"
    for size in SIZES:
        render(svg, size, ICONS / f"briefing-reader-{size}.png")
    print(f"rendered {len(SIZES)} sizes into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
