"""Bounds on hostile input, measured: time and peak memory of ``briefing-reader import`` on
files built to hurt (bench/hostile_files.py), each in a fresh process on a fresh library.

Cases: a PDF flate bomb (1 GB of page operators in 2.6 MB), PDFs just under and over the
expansion caps, saved web pages of 1.5 / 4.6 / 14 MB, pasted text of 4 / 8 / 50 MB, and
``highlights.json`` files of 3,000 and 9,000 entries (also how long each write transaction
held the lock, from the import's progress calls) and of 60 MB.

    .venv/bin/python bench/hostile_bench.py [--only NAME] [--keep DIR]

Each child runs with a 6 GB address-space limit, so a regression shows as a failure here
instead of taking the machine down.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_files import (
    flate_bomb_pdf,
    highlights_file,
    html_page,
    long_text,
)

REPO = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "briefing"]
LIMIT_BYTES = 6 * 1024**3


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def run_import(db: Path, target: Path) -> tuple[float, float, int, str]:
    """Seconds, peak RSS in MB, exit code and last output line of one import process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [*CLI, "--db", str(db), "import", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        preexec_fn=_limit,
        cwd=REPO,
    )
    assert child.stdout is not None
    output = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    lines = [line for line in output.splitlines() if line.strip()]
    shown = next((line for line in lines if line.startswith("failed")), lines[-1] if lines else "")
    return seconds, usage.ru_maxrss / 1024, code, shown[:110]


def sidecar_article(folder: Path, paragraphs: int) -> tuple[Path, list[str]]:
    """An article whose paragraphs each hold the same three quotes once."""
    quotes = ["影の船団", "二次制裁", "輸出管理"]
    body = "".join(
        f"第{n}段落：{quotes[0]}への{quotes[1]}と{quotes[2]}をめぐる議論。\n\n"
        for n in range(paragraphs)
    )
    path = folder / "report.md"
    path.write_text(f"---\ntitle: 報告\nsource: 調査室\n---\n\n{body}", encoding="utf-8")
    return path, quotes


def sidecar_case(folder: Path, entries: int) -> str:
    """Import a folder with an ``entries``-long highlights.json in this process, timing the
    gaps between progress calls of the sidecar phase (each gap is one write transaction)."""
    sys.path.insert(0, str(REPO / "desktop"))
    from briefing.services import Library

    folder.mkdir()
    _, quotes = sidecar_article(folder, entries // 3 + 1)
    stamps: list[float] = []

    def progress(done: int, total: int, label: str) -> None:
        if label.endswith("highlights.json"):
            stamps.append(time.perf_counter())

    with Library.open(folder / "lib.db") as library:
        library.import_paths([folder / "report.md"])  # the article first, timed apart
        highlights_file(folder / "highlights.json", "report.md", quotes, entries)
        start = time.perf_counter()
        report = library.import_paths([folder], progress=progress)
        seconds = time.perf_counter() - start
    gaps = [b - a for a, b in zip([start, *stamps], stamps, strict=False)]
    return (
        f"{seconds:.1f} s, {report.highlights_added} added, longest transaction "
        f"{max(gaps):.2f} s over {len(stamps)} chunks ({report.summary()})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="")
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    files: dict[str, Callable[[Path], Path]] = {
        "pdf-bomb-1GB": lambda p: flate_bomb_pdf(p.with_suffix(".pdf"), 1024),
        "pdf-23MB-page": lambda p: flate_bomb_pdf(p.with_suffix(".pdf"), 23),
        "pdf-10x23MB": lambda p: flate_bomb_pdf(p.with_suffix(".pdf"), 230, pages=10),
        "pdf-12x44MB": lambda p: flate_bomb_pdf(p.with_suffix(".pdf"), 528, pages=12),
        "html-1.5MB": lambda p: html_page(p.with_suffix(".html"), 1.5),
        "html-4.6MB": lambda p: html_page(p.with_suffix(".html"), 4.6),
        "html-14MB": lambda p: html_page(p.with_suffix(".html"), 14),
        "text-4MB": lambda p: long_text(p.with_suffix(".txt"), 4),
        "text-8MB": lambda p: long_text(p.with_suffix(".txt"), 7.9),
        "text-50MB": lambda p: long_text(p.with_suffix(".txt"), 50),
    }
    print("| case | file | seconds | peak RSS MB | exit | first failure or summary |")
    print("|---|---|---|---|---|---|")
    for name, build in files.items():
        if args.only and args.only not in name:
            continue
        target = build(work / name)
        seconds, rss, code, shown = run_import(work / f"{name}.db", target)
        size = target.stat().st_size / 2**20
        print(f"| {name} | {size:.1f} MB | {seconds:.1f} | {rss:.0f} | {code} | {shown} |")
    for entries in (3000, 9000):
        name = f"sidecar-{entries}"
        if not args.only or args.only in name:
            print(f"| {name} | | {sidecar_case(work / name, entries)} |")
    name = "sidecar-60MB"
    if not args.only or args.only in name:
        folder = work / name
        folder.mkdir()
        sidecar_article(folder, 10)
        entry = {"article": "report.md", "quote": "影の船団", "note": "x" * 1000}
        (folder / "highlights.json").write_text(json.dumps({"highlights": [entry] * 60_000}))
        seconds, rss, code, shown = run_import(work / f"{name}.db", folder)
        print(f"| {name} | 60 MB | {seconds:.1f} | {rss:.0f} | {code} | {shown} |")


if __name__ == "__main__":
    main()
