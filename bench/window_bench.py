"""The window at scale: start-up, opening a long article, adding a highlight, a long run.

Each figure is printed beside its floor, measured in the same run:

- start to a shown, painted window (a child process, median of runs) beside a bare
  QApplication + QMainWindow;
- opening a 50,000-character article with 300 highlights beside a plain QTextBrowser given
  the same text;
- adding a highlight with key 1 (command, announcement, in-place repaint, paint), with the
  number of article-list resets it caused (the goal is none);
- a long run: article opens, searches and highlights mixed, p50/p95 per action, resident
  memory at the start and the end.

The library is a copy of ``--library`` (default: a 20,000-article library cached under /tmp
by the search benchmark, if one is there), or else one generated from the sample sentences
(``--articles``, default 2,000). Run: ``.venv/bin/python bench/window_bench.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ensure_markdown_folder, make_markdown, sample_sentences

CACHED = (Path("/tmp/briefing-scale/library-20000.db"), Path("/tmp/tagsw/lib20k.db"))
QUERIES = [
    "制裁",
    "北方",
    "停戦",
    "安全保障",
    '"平和条約"',
    "NATO",
    "ウクライナ 支援",
    "tag:sanctions",
]

CHILD_WINDOW = """
import sys
from briefing.app import make_application
from briefing.services import Library
from briefing.ui.main_window import MainWindow
app = make_application()
window = MainWindow(Library.open(sys.argv[1]))
window.show()
app.processEvents()
print("shown", flush=True)
from PySide6.QtCore import QThreadPool
from briefing.ui import operations
operations.cancel_all()  # the list may still be loading on a worker: let it stop cleanly
QThreadPool.globalInstance().waitForDone()
"""
CHILD_BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
print("shown", flush=True)
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(values: list[float]) -> str:
    p50, p95 = percentile(values, 0.5) * 1000, percentile(values, 0.95) * 1000
    return f"p50 {p50:6.1f} ms, p95 {p95:6.1f} ms"


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def time_child(code: str, args: list[str], env: dict[str, str]) -> float:
    """Seconds from starting a Python process to its "shown" line."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=120)
    if line.strip() != "shown":
        raise SystemExit(f"start-up child failed: {line!r}")
    return elapsed


def prepare_library(args: argparse.Namespace, work: Path) -> Path:
    db = work / "library.db"
    source = args.library or next((p for p in CACHED if p.exists()), None)
    if source is not None and not args.generate:
        print(f"library: copy of {source}")
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{source}{suffix}").exists():
                shutil.copy(f"{source}{suffix}", f"{db}{suffix}")
        return db
    from briefing.services import Library

    folder = ensure_markdown_folder(
        Path(tempfile.gettempdir()) / f"window-bench-md-{args.articles}", args.articles
    )
    print(f"library: {args.articles} generated articles")
    with Library.open(db) as library:
        library.import_paths([folder])
    return db


def long_article(work: Path) -> Path:
    """A 50,000-character article (Markdown: headings, lists, bold, links)."""
    rng = random.Random(50_000)
    path = work / "long.md"
    path.write_text(make_markdown(rng, sample_sentences(), 999_999, size=50_000), encoding="utf-8")
    return path


def add_spread_highlights(library, article_id: int, count: int) -> list[tuple[int, int]]:
    """``count`` highlights spread over the article (one tag, two tags, notes); returns the
    free gaps between them, where new highlights can go."""
    from briefing.services import AddHighlight

    text = library.article(article_id).text
    step = len(text) // (count + 1)
    tags = [t.name for t in library.tags()][:3]
    gaps = []
    for n in range(count):
        start = n * step + 5
        while not text[start].strip():
            start += 1
        chosen = (tags[n % 3],) if n % 4 else (tags[n % 3], tags[(n + 1) % 3])
        note = "check the figures" if n % 5 == 0 else ""
        library.execute(AddHighlight(article_id, start, start + 20, chosen, note))
        gaps.append((start + 40, start + 55))
    library.history.done.clear()
    return [g for g in gaps if text[g[0] : g[1]].strip()]


def search(window, app, query: str) -> None:
    """Type a query and wait for its results to be shown (a big library searches on a
    worker: the time is until the answer is in the list, not until the worker started)."""
    panel = window.search_panel
    panel.field.setText(query)
    panel.run()
    while panel.pending is not None and not panel.pending.done:
        app.processEvents()
        time.sleep(0.0005)


def timed(action: Callable[[], object], app) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()  # the repaint belongs to the action
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library", type=Path, default=None)
    parser.add_argument("--generate", action="store_true", help="ignore cached libraries")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--opens", type=int, default=2000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--highlights", type=int, default=500)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="window-bench-"))
    env = dict(os.environ, XDG_CONFIG_HOME=str(work / "config"), HOME=str(work / "home"))
    # Start-up as installed: with byte code caches (this sandbox sets the variable globally).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.update(XDG_CONFIG_HOME=env["XDG_CONFIG_HOME"], HOME=env["HOME"])
    try:
        db = prepare_library(args, work)
        run(args, work, db, env)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path, db: Path, env: dict[str, str]) -> None:
    from briefing.app import make_application
    from briefing.services import Library
    from briefing.ui.main_window import MainWindow
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QTextBrowser

    # --- start-up, in fresh processes --------------------------------------------------------
    Library.open(db).close()  # migrations and index checks once, outside the timing
    bare = [time_child(CHILD_BARE, [], env) for _ in range(args.starts)]
    shown = [time_child(CHILD_WINDOW, [str(db)], env) for _ in range(args.starts)]
    print(
        f"start to shown window: median {statistics.median(shown):.2f} s "
        f"(bare QApplication + QMainWindow {statistics.median(bare):.2f} s), {args.starts} runs"
    )

    app = make_application()
    library = Library.open(db)
    count = library.article_count()
    report = library.import_paths([long_article(work)])
    big = report.outcomes[0].article_id
    gaps = add_spread_highlights(library, big, 300)
    window = MainWindow(library)
    window.resize(1400, 900)
    window.show()
    while getattr(window.table, "loading", False):  # a big list loads on a worker
        app.processEvents()
    app.processEvents()
    resets = []
    window.table_model.modelReset.connect(lambda: resets.append(1))
    small = next(a.id for a in library.articles() if a.id != big)
    text = library.article(big).text
    print(f"articles: {count + 1}; long article: {len(text):,} characters, 300 highlights")

    # --- opening the long article ------------------------------------------------------------
    opens = []
    for _ in range(10):
        window.show_article(small)
        opens.append(timed(lambda: window.show_article(big), app))
    plain = QTextBrowser()
    plain.resize(window.reader.size())
    plain.show()
    floor = []
    for _ in range(10):
        plain.clear()
        floor.append(timed(lambda: plain.setPlainText(text), app))
    print(f"open 50,000 chars + 300 highlights: {ms(opens)} (plain QTextBrowser {ms(floor)})")

    # --- adding a highlight with key 1 -------------------------------------------------------
    window.show_article(big)
    app.processEvents()
    reader, bar = window.reader, window.reader.verticalScrollBar()
    adds, jumps = [], 0
    for start, end in gaps[:50]:
        cursor = QTextCursor(reader.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        reader.setTextCursor(cursor)
        app.processEvents()
        before = bar.value()
        adds.append(timed(window.actions["highlight_slot_1"].trigger, app))
        jumps += bar.value() != before
    print(
        f"add a highlight (key 1, repaint in place): {ms(adds)}; "
        f"list resets {len(resets)}, scroll jumps {jumps}, {len(adds)} adds"
    )

    # --- the long run ------------------------------------------------------------------------
    rng = random.Random(7)
    rows = window.table_model.rowCount()
    memory_start = resident_mb()
    times: dict[str, list[float]] = {"open": [], "search": [], "highlight": []}
    started = time.perf_counter()
    every_search = max(1, args.opens // max(1, args.searches))
    every_highlight = max(1, args.opens // max(1, args.highlights))
    for n in range(args.opens):
        row = rng.randrange(rows)
        times["open"].append(timed(lambda row=row: window.table.selectRow(row), app))
        if n % every_search == 0 and len(times["search"]) < args.searches:
            query = QUERIES[len(times["search"]) % len(QUERIES)]
            times["search"].append(timed(lambda query=query: search(window, app, query), app))
        if n % every_highlight == 0 and len(times["highlight"]) < args.highlights:
            plain_text = reader.document().toPlainText()
            start = rng.randrange(max(1, len(plain_text) - 40))
            if plain_text[start : start + 30].strip():
                cursor = QTextCursor(reader.document())
                cursor.setPosition(start)
                cursor.setPosition(start + 30, QTextCursor.MoveMode.KeepAnchor)
                reader.setTextCursor(cursor)
                slot = window.actions[f"highlight_slot_{rng.randint(1, 3)}"]
                times["highlight"].append(timed(slot.trigger, app))
    memory_end = resident_mb()
    print(f"long run ({time.perf_counter() - started:.0f} s):")
    for name, values in times.items():
        print(f"  {name:<9} x{len(values):>5}: {ms(values)}")
    print(f"  resident memory: start {memory_start:.0f} MB, end {memory_end:.0f} MB")
    window.close()
    QSettings().sync()  # written now, so nothing is left to write into the removed folder
    library.close()


if __name__ == "__main__":
    main()
