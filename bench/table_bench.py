"""The library list at 20,000 articles: start-up and single-row updates (issues 12 and 13).

Measures, in one run and on the same rows:

* showing the list: the model filled, the view built, shown and painted once — ours (fixed
  row height, fixed/interactive column widths) beside the previous set-up (two columns sized
  ``ResizeToContents``, which asks ``data()`` of every row) and beside an empty table (the
  floor: a view with nothing to measure);
* one article changed (a highlight added: its count moves): our ``dataChanged`` on one row
  beside the previous full model reset of all rows, each followed by the repaint;
* a new article (one inserted row), a sort by title (a header click), a tag filter of 200
  articles and back;
* with a real library (``--library``, opened read-only): listing every summary, and the
  read of one changed row by id that a change costs now.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/table_bench.py [--rows N] [--runs R]
        [--library /tmp/briefing-scale/library-20000.db]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefing.core.model import ArticleSummary
from briefing.services import Changes, Library
from briefing.ui.article_table import ArticleTableModel
from briefing.ui.article_view import ArticleTable
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

DEFAULT_LIBRARY = Path("/tmp/briefing-scale/library-20000.db")


def synthetic(rows: int, seed: int = 12) -> list[ArticleSummary]:
    rng = random.Random(seed)
    sources = ["NHK", "日経", "ROLES", "Bloomberg", "Financial Times", "読売新聞オンライン"]
    return [
        ArticleSummary(
            id=i,
            title=f"記事{i}：ロシア産原油の価格上限と影の船団への二次制裁 "
            + "続報" * rng.randint(0, 8),
            source=rng.choice(sources),
            published=date(2025, rng.randint(1, 12), rng.randint(1, 28)),
            language="ja",
            char_count=rng.randint(1000, 60000),
            highlight_count=rng.randint(0, 12),
            updated_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
        for i in range(1, rows + 1)
    ]


def ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def show_ours(app: QApplication, rows: list[ArticleSummary]) -> tuple[float, ArticleTable]:
    start = time.perf_counter()
    model = ArticleTableModel()
    model.set_articles(rows)
    view = ArticleTable(model)
    view.resize(800, 600)
    view.show()
    view.grab()  # paint once
    app.processEvents()
    return (time.perf_counter() - start) * 1000, view


def show_previous(app: QApplication, rows: list[ArticleSummary]) -> tuple[float, QTableView]:
    """The set-up before: default row sizing, columns 2 and 3 ResizeToContents."""
    start = time.perf_counter()
    model = ArticleTableModel()
    model.set_articles(rows)
    view = QTableView()
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.setColumnWidth(1, 110)
    for column in (2, 3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    view.resize(800, 600)
    view.show()
    view.grab()
    app.processEvents()
    return (time.perf_counter() - start) * 1000, view


def show_empty(app: QApplication) -> float:
    start = time.perf_counter()
    view = ArticleTable(ArticleTableModel())
    view.resize(800, 600)
    view.show()
    view.grab()
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    view.close()
    return elapsed


def background_sync(app: QApplication, path: Path, runs: int) -> None:
    """The window's path for a library-wide change at this size: the UI thread only starts
    the listing; a worker lists, the comparison runs when it arrives."""
    with Library.open(path) as library:
        model = ArticleTableModel()
        model.set_articles(library.articles())
        view = ArticleTable(model)
        view.resize(800, 600)
        view.show()
        app.processEvents()
        on_ui, until_done = [], []
        for _ in range(max(3, runs // 5)):
            start = time.perf_counter()
            view.apply_changes(Changes(library=True, external=True), library)
            on_ui.append((time.perf_counter() - start) * 1000)
            while view._pending is not None:
                app.processEvents()
                time.sleep(0.001)
            until_done.append((time.perf_counter() - start) * 1000)
        view.close()
    print(
        f"  library change, window path: UI thread p50 {p(on_ui, 0.5):6.2f} ms, "
        f"rows current after p50 {p(until_done, 0.5):6.1f} ms (listing on a worker)"
    )


WINDOW = """
import os, sys, time
from briefing.app import make_application
from briefing.services import Library
from briefing.ui.main_window import MainWindow
app = make_application()
library = Library.open(sys.argv[1])
start = time.perf_counter()
window = MainWindow(library)
window.show()
window.grab()
painted = (time.perf_counter() - start) * 1000
while window.table.loading:
    app.processEvents()
    time.sleep(0.001)
window.grab()
listed = (time.perf_counter() - start) * 1000
print(f"{painted:.0f} {listed:.0f}", flush=True)
"""
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
window.grab()
print(0, 0, flush=True)
"""


def window_start(path: Path, runs: int) -> None:
    """Process start to a painted window on the library, beside a bare QApplication and
    QMainWindow in the same run (each a new process, settings in a fresh folder)."""
    results: dict[str, list[float]] = {"bare QApplication + QMainWindow": [], "window": []}
    inside: list[float] = []
    listed: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        for _ in range(runs):
            for label, code, argv in (
                ("bare QApplication + QMainWindow", BARE, []),
                ("window", WINDOW, [str(path)]),
            ):
                start = time.perf_counter()
                out = subprocess.run(
                    [sys.executable, "-c", code, *argv],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.split()
                results[label].append((time.perf_counter() - start) * 1000)
                if label == "window":
                    inside.append(float(out[-2]))
                    listed.append(float(out[-1]))
    print(f"\nprocess start to a painted window on {path.name}, ms (includes process exit):")
    for label, values in results.items():
        print(f"  {label:<32} p50 {p(values, 0.5):7.0f}   p95 {p(values, 0.95):7.0f}")
    print(f"  of which MainWindow() to painted p50 {p(inside, 0.5):7.0f}")
    print(f"  MainWindow() to the list in and painted p50 {p(listed, 0.5):7.0f}")


def tags_pane(app: QApplication, path: Path, runs: int) -> None:
    """The tags pane with a tag chosen, as highlights of that tag are added (each undone
    afterwards): the few changed rows read, beside reading the tag's whole list again."""
    from briefing.services import AddHighlight
    from briefing.ui.tags_pane import TagsPane

    with Library.open(path) as library:
        pane = TagsPane(library)
        tag = library.tags()[0].name
        pane.choose(tag)
        listed = pane.highlight_model.rowCount()
        incremental, full = [], []
        for summary in library.articles()[:runs]:
            changes = library.execute(AddHighlight(summary.id, 0, 5, (tag,)))
            incremental.append(ms(lambda c=changes: pane.apply_changes(c)))
            full.append(ms(pane.refresh))
            app.processEvents()
        for _ in range(len(incremental)):
            library.undo()
        pane.close()
    print(f"\ntags pane, '{tag}' chosen ({listed:,} highlights listed), one highlight added, ms:")
    for label, values in (("changed rows read (ours)", incremental), ("whole list again", full)):
        print(f"  {label:<26} p50 {p(values, 0.5):7.2f}   p95 {p(values, 0.95):7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--library", type=Path, default=DEFAULT_LIBRARY)
    parser.add_argument(
        "--writable",
        type=Path,
        default=None,
        help="a copy of the library the worker may open read-write (the window's own path)",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    rows = synthetic(args.rows)
    rng = random.Random(13)

    show_empty(app)  # warm up fonts and styles once
    starts: dict[str, list[float]] = {"empty table (floor)": [], "ours": [], "previous": []}
    for _ in range(max(3, args.runs // 6)):
        starts["empty table (floor)"].append(show_empty(app))
        elapsed, ours = show_ours(app, rows)
        starts["ours"].append(elapsed)
        ours.close()
        elapsed, previous = show_previous(app, rows)
        starts["previous"].append(elapsed)
        previous.close()
    print(f"showing {args.rows:,} rows (model filled, view shown and painted), ms:")
    for label, values in starts.items():
        print(f"  {label:<22} p50 {p(values, 0.5):8.1f}   p95 {p(values, 0.95):8.1f}")

    _, view = show_ours(app, rows)
    model = view.model()
    view.choose(rows[len(rows) // 2].id)
    updates, resets, inserts = [], [], []
    live = {r.id: r for r in rows}
    for _ in range(args.runs):
        article = live[rng.randrange(1, args.rows + 1)]
        live[article.id] = article = replace(article, highlight_count=article.highlight_count + 1)
        updates.append(ms(lambda a=article: (model.upsert(a), view.viewport().repaint())))
    _, old_view = show_previous(app, rows)
    old_model = old_view.model()
    for _ in range(max(3, args.runs // 3)):
        everything = list(live.values())
        resets.append(
            ms(lambda e=everything: (old_model.set_articles(e), old_view.viewport().repaint()))
        )
    old_view.close()
    next_id = args.rows + 1
    for _ in range(args.runs):
        new = replace(rows[0], id=next_id, title=f"新着{next_id}")
        next_id += 1
        inserts.append(ms(lambda n=new: (model.upsert(n), view.viewport().repaint())))
    sorts = [
        ms(lambda: model.sort(0, Qt.SortOrder.AscendingOrder)),
        ms(lambda: model.sort(2, Qt.SortOrder.DescendingOrder)),
    ]
    few = rng.sample(list(live), 200)
    filters = [ms(lambda: model.set_filter(few)), ms(lambda: model.set_filter(None))]
    print("\nchanges, ms (with the repaint):")
    print(f"  one row updated (ours)   p50 {p(updates, 0.5):8.2f}   p95 {p(updates, 0.95):8.2f}")
    print(f"  full reset (previous)    p50 {p(resets, 0.5):8.2f}   p95 {p(resets, 0.95):8.2f}")
    print(f"  one row inserted (ours)  p50 {p(inserts, 0.5):8.2f}   p95 {p(inserts, 0.95):8.2f}")
    print(f"  sort by title / by date  {sorts[0]:8.1f} / {sorts[1]:.1f}")
    print(f"  filter to 200 / back     {filters[0]:8.1f} / {filters[1]:.1f}")

    if args.library.exists():
        with Library.open(args.library, read_only=True) as library:
            listing = [ms(library.articles) for _ in range(3)]
            summaries = library.articles()
            by_id, applied = [], []
            real = ArticleTableModel()
            real.set_articles(summaries)
            for _ in range(args.runs):
                one = rng.choice(summaries)
                by_id.append(ms(lambda o=one: library.articles(ids=[o.id])))
                # The model holds a stale count; the change brings the stored one back.
                real.upsert(replace(one, highlight_count=one.highlight_count + 1))
                changes = Changes(articles=frozenset({one.id}))
                applied.append(ms(lambda c=changes: real.apply_changes(c, library)))
            synced = [ms(lambda: real.apply_changes(Changes(library=True), library))]
        print(f"\nreal library {args.library} ({len(summaries):,} articles), ms:")
        print(f"  list every summary        p50 {statistics.median(listing):8.1f}")
        print(f"  read one summary by id    p50 {p(by_id, 0.5):8.2f}   p95 {p(by_id, 0.95):8.2f}")
        print(
            f"  apply one article change  p50 {p(applied, 0.5):8.2f}   p95 {p(applied, 0.95):8.2f}"
        )
        print(f"  apply a library change (list + compare, nothing differs) {synced[0]:8.1f}")
        if args.writable is not None:
            background_sync(app, args.writable, args.runs)
            tags_pane(app, args.writable, args.runs)
            window_start(args.writable, max(3, args.runs // 6))
    view.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
