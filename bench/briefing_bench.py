"""500 highlights → the briefing PDF, beside Qt printing the same content, in the same run.

A temporary library holds seeds 002 and 003 (the PDF-extracted policy proposal and book
chapter) and 500 highlights on their sentences (20–240 characters, three tags, a Markdown
note on every other one). The script prints, for typst (tagged and untagged PDF) and for
``QTextDocument.print_`` to a ``QPdfWriter`` of the same briefing (its HTML export):
time, pages, size, and how many quotes ``pdftotext`` returns exactly; then the wall time of
the whole ``briefing-reader export`` process (start-up included).
Run: ``.venv/bin/python bench/briefing_bench.py``.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefing.core.briefing import BriefingOptions, Period
from briefing.core.briefing_text import parse_rich
from briefing.export.html import render_html
from briefing.export.pdf import render_pdf
from briefing.services import AddHighlight, Library
from briefing.services.briefing import build_briefing

REPO = Path(__file__).resolve().parent.parent
SEEDS = [
    REPO / "tests/data/seeds/002_52707df47a773d11.txt",
    REPO / "tests/data/seeds/003_b498de3909962400.txt",
]
COUNT = 500
TAGS = ("sanctions", "NSATU", "Northern Territories")
NOTES = (
    "**Check**: has Japan matched the G7 measures? 影の船団 / 二次制裁",
    "Baseline for judging the current ones; see 提言 1 and `PURL`.",
)
RUNS = 5
OPTIONS = BriefingOptions(period=Period.day(date.today()), marking="取扱注意")


def make_library(folder: Path) -> Library:
    """A new library of seeds 002 and 003 with COUNT highlights on their sentences."""
    library = Library.open(folder / "bench.db")
    report = library.import_paths(SEEDS)
    assert not report.failed, report.outcomes
    passages: list[tuple[int, int, int]] = []
    for summary in library.articles():
        text = library.article(summary.id).text
        for match in re.finditer(r"[^。\n]{19,239}。", text):
            passages.append((summary.id, match.start(), match.end()))
    for n in range(COUNT):
        article_id, start, end = passages[n % len(passages)]
        tags = (TAGS[n % 3],) if n % 5 else (TAGS[n % 3], TAGS[(n + 1) % 3])
        note = NOTES[n % 2] if n % 2 == 0 else ""
        library.execute(AddHighlight(article_id, start, end, tags, note))
    return library


def timed(fn, runs: int = RUNS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def exact_quotes(pdf: bytes, quotes: list[str]) -> int:
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout
    flat = re.sub(r"\s+", "", text.decode("utf-8"))
    return sum(re.sub(r"\s+", "", q) in flat for q in quotes)


def pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, text=False).stdout
    return int(re.search(rb"Pages:\s+(\d+)", info).group(1))


def qt_print(html: bytes, target: Path) -> bytes:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml(html.decode("utf-8"))
    writer = QPdfWriter(str(target))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 25, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle("Daily Briefing")
    document.print_(writer)
    del writer
    return target.read_bytes()


def one_shot(db: Path, engine: str) -> None:
    """In a fresh process: one render by ``engine``, timed from the compiled briefing to the
    PDF's bytes (fonts loaded and, for typst, the compiler made, inside the time)."""
    library = Library.open(db)
    briefing = build_briefing(library, OPTIONS)
    if engine == "qt":
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841
        html = render_html(briefing)
        started = time.perf_counter()
        data = qt_print(html, db.with_name("qt.pdf"))
    else:
        started = time.perf_counter()
        data = render_pdf(briefing, tagged=engine == "typst")
    elapsed = time.perf_counter() - started
    db.with_name(f"{engine}.pdf").write_bytes(data)
    print(f"{elapsed:.4f}")


def fresh(db: Path, engine: str) -> tuple[float, bytes]:
    """Median time of RUNS fresh processes, and the PDF the last one wrote."""
    times = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(db), engine],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        times.append(float(out.split()[-1]))
    return statistics.median(times), db.with_name(f"{engine}.pdf").read_bytes()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench.db"
        started = time.perf_counter()
        with make_library(folder) as library:
            print(f"library: {COUNT} highlights made in {time.perf_counter() - started:.1f} s")
            compile_s, briefing = timed(lambda: build_briefing(library, OPTIONS))
            quotes = [item.quote for item in briefing.items]
            assert len(quotes) == COUNT
            render_pdf(briefing)
            edits = iter(range(RUNS))
            again_s, _ = timed(
                lambda: render_pdf(replace(briefing, summary=parse_rich(f"要旨 {next(edits)}。")))
            )

        print(f"compile (choose + arrange {COUNT} highlights): {compile_s * 1000:.0f} ms")
        print(f"each engine in {RUNS} fresh processes (fonts loaded inside the time); median:")
        print("| engine | time | pages | size | quotes exact (pdftotext) |")
        print("|---|---|---|---|---|")
        results = {}
        for engine, name in (
            ("typst", "typst, tagged PDF (default)"),
            ("typst-untagged", "typst, untagged"),
            ("qt", "Qt QTextDocument.print_ → QPdfWriter"),
        ):
            seconds, data = fresh(db, engine)
            results[engine] = seconds
            print(
                f"| {name} | {seconds:.2f} s | {pages(data)} | {len(data) / 1024:.0f} KiB "
                f"| {exact_quotes(data, quotes)} / {COUNT} |"
            )
        print(f"typst ÷ Qt: {results['typst'] / results['qt']:.2f}")
        print(f"typst again in the same process, summary changed (the preview): {again_s:.2f} s")

        walls = []
        command = [
            str(Path(sys.executable).with_name("briefing-reader")),
            "--db", str(db), "export", "--marking", "取扱注意",
            "--no-record", "-o", str(folder / "cli.pdf"),
        ]  # fmt: skip
        for _ in range(RUNS):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            walls.append(time.perf_counter() - started)
        print(
            f"whole `briefing-reader export` process, {COUNT} highlights → PDF: "
            f"median {statistics.median(walls):.2f} s, max {max(walls):.2f} s"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one_shot(Path(sys.argv[2]), sys.argv[3])
    else:
        main()
