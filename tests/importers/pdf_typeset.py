"""Test PDFs typeset with typst (the engine the briefing export uses), whose text layer is
exact for Japanese too, unlike Qt's (see PLATFORM-NOTES: Qt maps glyphs back to radicals)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

NOTO = Path("/usr/share/fonts/opentype/noto")  # fonts-noto-cjk
Typeset = Callable[..., Path]


def typeset_pdf(source: str, path: Path) -> Path:
    """Compile the typst ``source`` into the PDF ``path`` with the Noto CJK fonts only
    (system fonts ignored, so the result is the same on every machine that has them)."""
    import typst

    path.parent.mkdir(parents=True, exist_ok=True)
    typst.compile(
        source.encode("utf-8"),
        output=str(path),
        font_paths=[str(NOTO)],
        ignore_system_fonts=True,
        pdf_tags=False,
    )
    return path
