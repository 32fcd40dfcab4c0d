"""Typeset the layout corpus: each ``NAME.json`` (the truth: title, author, blocks, and the
layout to set them in) becomes ``NAME.pdf`` through ``template.typ``, and ``NAME.txt`` is
what ``pdftotext`` extracts from it, as an analyst would paste it.

Run from the repository: ``.venv/bin/python tests/data/layout/build.py`` (needs typst, the
Noto CJK fonts in /usr/share/fonts/opentype/noto and poppler-utils). The outputs are
committed, so the tests need none of these.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import typst

HERE = Path(__file__).resolve().parent
FONTS = "/usr/share/fonts/opentype/noto"


def build(case: Path) -> None:
    pdf = case.with_suffix(".pdf")
    typst.compile(
        str(HERE / "template.typ"),
        output=str(pdf),
        root=str(HERE),
        font_paths=[FONTS],
        ignore_system_fonts=True,
        sys_inputs={"case": case.name},
        pdf_tags=False,
        timestamp=1764460800,  # 2025-11-30: the same bytes on every build
    )
    text = case.with_suffix(".txt")
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(text)], check=True)


if __name__ == "__main__":
    for case in sorted(HERE.glob("*.json")):
        build(case)
        print(case.stem, case.with_suffix(".pdf").stat().st_size // 1024, "KiB")
