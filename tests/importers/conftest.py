"""Fixtures for the importer tests: PDFs typeset on the spot."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_typeset import NOTO, Typeset, typeset_pdf


@pytest.fixture
def typeset(tmp_path: Path) -> Typeset:
    """``typeset(source, name="doc.pdf")``: a PDF in the test's folder from typst markup."""
    if not NOTO.is_dir():
        pytest.skip(f"no Noto CJK fonts in {NOTO} (apt-get install fonts-noto-cjk)")

    def make(source: str, name: str = "doc.pdf") -> Path:
        return typeset_pdf(source, tmp_path / name)

    return make
