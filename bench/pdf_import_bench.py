"""PDF and pasted-text import speed on the layout corpus (tests/data/layout), beside the
floor of PDFium's own text extraction of the same pages (``get_text_range``: no boxes, no
sizes, no layout).

For each PDF: PDFium's plain text (the floor), reading every character with its box, size
and weight (``load_pdf``), and the whole import (characters, layout, Markdown, pages);
then the import of its pdftotext output.

    .venv/bin/python bench/pdf_import_bench.py [--runs R]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from briefing.importers import read_document
from briefing.importers.pdf_file import load_pdf

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "layout"


def best(fn: Callable[[], object], runs: int) -> float:
    """The best of ``runs`` timings of ``fn``, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def plain_text(path: Path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "\f".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(
        f"{'case':<12} {'pages':>5} {'chars':>6} {'floor':>8} {'glyphs':>8} {'import':>8}"
        f" {'per page':>9} {'txt':>7}"
    )
    for pdf in sorted(CORPUS.glob("*.pdf")):
        pages, _ = load_pdf(pdf)
        chars = sum(len(page.glyphs) for page in pages)
        floor = best(lambda p=pdf: plain_text(p), runs)
        glyphs = best(lambda p=pdf: load_pdf(p), runs)
        whole = best(lambda p=pdf: read_document(p), runs)
        text = pdf.with_suffix(".txt")
        pasted = best(lambda p=text: read_document(p), runs)
        print(
            f"{pdf.stem:<12} {len(pages):>5} {chars:>6} {floor:>6.1f}ms {glyphs:>6.1f}ms"
            f" {whole:>6.1f}ms {whole / len(pages):>7.1f}ms {pasted:>5.1f}ms"
        )


if __name__ == "__main__":
    main()
