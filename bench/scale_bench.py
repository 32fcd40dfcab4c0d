"""Issue 12: the headless figures at 20,000 articles, each beside its floor in the same run.

Builds the library the way an analyst would, ``briefing-reader import FOLDER`` on generated
Markdown files (``corpus.py``; files and library are cached under ``--work``, never in the
repository), then measures:

* import rate beside the raw bigram index build of the same files: read each file, parse its
  Markdown once, insert the bigram tokens into a bare FTS5 table and the text into a plain
  table, all in one transaction (nothing an import could skip);
* the library file beside the UTF-8 text it holds, and the FTS index beside the text;
* ``list --json`` and the ``--version`` / ``search`` processes beside ``python -c pass``;
* search p50/p95 per query class beside the raw FTS5 ``MATCH … ORDER BY bm25 LIMIT 20`` of
  the same expression on both FTS tables, and an absent term whose bigrams are common, whose
  answer is checked against a substring scan of every text.

    .venv/bin/python bench/scale_bench.py [--articles N] [--runs R] [--rebuild]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from briefing.core.markdown import canonical_text
from briefing.core.normalize import fold_for_search
from briefing.core.query import match_expression, parse_query
from briefing.core.textindex import contains, index_tokens
from briefing.importers.front_matter import split_front_matter
from briefing.services import AddHighlight, Library
from briefing.store import search_index
from briefing.store.articles import iter_titles_and_texts
from corpus import ensure_markdown_folder

VENV_BIN = Path(sys.executable).parent
QUERIES: dict[str, list[str]] = {
    "1 char": ["露", "領", "盟", "船", "裁"],
    "2 chars": ["制裁", "北方", "停戦"],
    "3+ chars": ["安全保障", "ウクライナ", "影の船団", "工作機械", "NSATU"],
    "phrase": ['"安全の保証"', '"北方領土"', '"二次制裁"', '"有志連合"'],
    "mixed": ["NATO 加盟", "制裁 -影の船団", "北方領土 OR NSATU"],
    "tag filter": ["tag:sanctions 制裁", "tag:NSATU", "tag:sanctions has:note"],
}
ABSENT = "統領土"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed_process(args: list[str], runs: int) -> float:
    """Median wall time of a process, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build_library(folder: Path, db_path: Path, articles: int) -> float:
    """Import the folder through the command line; returns articles per second."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [str(VENV_BIN / "briefing-reader"), "--db", str(db_path), "import", str(folder)],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    rate = articles / (time.perf_counter() - start)
    rng = random.Random(7)
    with Library.open(db_path) as library:
        ids = [a.id for a in library.articles()]
        for article_id in ids[:: max(1, len(ids) // 2000)]:
            text = library.article(article_id).text
            at = rng.randrange(0, max(1, len(text) - 60))
            tag = rng.choice(["sanctions", "NSATU", "Northern Territories"])
            note = rng.choice(["", "要確認"])
            library.execute(AddHighlight(article_id, at, at + 40, (tag,), note))
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return rate


def floor_build(folder: Path, work: Path) -> float:
    """The raw bigram index build of the same files; returns articles per second."""
    path = work / "floor.db"
    path.unlink(missing_ok=True)
    files = sorted(folder.rglob("*.md"))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', detail=column, "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    start = time.perf_counter()
    with conn:
        for number, file in enumerate(files, 1):
            fields, body = split_front_matter(file.read_text(encoding="utf-8"))
            text = canonical_text(body)
            title = fields.get("title", "")
            conn.execute("INSERT INTO texts VALUES (?, ?, ?)", (number, title, text))
            conn.execute(
                "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
                (number, index_tokens(title), index_tokens(text)),
            )
    rate = len(files) / (time.perf_counter() - start)
    conn.close()
    path.unlink()
    return rate


def interleaved_ratio(
    folder: Path, work: Path, rounds: int, size: int, jobs: str | None = None
) -> list[float]:
    """Import rate ÷ floor rate, measured ``rounds`` times on ``size`` files each, the import
    (a fresh library, through the command line, with ``--jobs jobs`` if given) and the floor
    back to back: on a machine shared with other work, a load that changes between two long
    runs would skew one ratio."""
    files = sorted(folder.rglob("*.md"))
    ratios = []
    for number in range(rounds):
        part = work / f"round-{number}"
        part.mkdir(exist_ok=True)
        for file in files[number * size : (number + 1) * size]:
            (part / file.name).write_bytes(file.read_bytes())
        ours = size / _timed_import(part, work / f"round-{number}.db", jobs)
        floor = floor_build(part, work)
        ratios.append(ours / floor)
        for leftover in [*part.iterdir(), *work.glob(f"round-{number}.db*")]:
            leftover.unlink()
        part.rmdir()
    return ratios


def _timed_import(folder: Path, db_path: Path, jobs: str | None = None) -> float:
    start = time.perf_counter()
    options = ["--jobs", jobs] if jobs else []
    subprocess.run(
        [str(VENV_BIN / "briefing-reader"), "--db", str(db_path), "import", *options, str(folder)],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def raw_ms(library: Library, query: str, limit: int) -> float:
    """The bare FTS5 part of a query: MATCH + bm25 ranking + LIMIT on both tables."""
    expression = match_expression(parse_query(query))
    if expression is None:
        return float("nan")
    start = time.perf_counter()
    for table, weights in (("article_fts", "4.0, 1.0"), ("highlight_fts", "2.0, 1.0")):
        library.db.execute(
            f"SELECT rowid, bm25({table}, {weights}) AS s FROM {table} WHERE {table} MATCH ? "
            "ORDER BY s LIMIT ?",
            [expression, limit],
        ).fetchall()
    return (time.perf_counter() - start) * 1000


def search_figures(library: Library, runs: int, limit: int) -> list[str]:
    lines = [
        "| query class | p50 ms | p95 ms | raw p50 | raw p95 | p95 ÷ raw p95 | hits (1st) |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, queries in [*QUERIES.items(), ("absent term", [ABSENT])]:
        ours, raw = [], []
        hits = len(library.search(queries[0], limit=limit).hits)
        for _ in range(runs):
            for query in queries:
                start = time.perf_counter()
                results = library.search(query, limit=limit)
                ours.append((time.perf_counter() - start) * 1000)
                assert not results.warnings, results.warnings  # nothing ever gives up
                raw.append(raw_ms(library, query, limit))
        raw = [r for r in raw if r == r] or [float("nan")]
        p95, raw95 = percentile(ours, 0.95), percentile(raw, 0.95)
        lines.append(
            f"| {label} ({', '.join(queries)}) | {percentile(ours, 0.5):.1f} | {p95:.1f} | "
            f"{percentile(raw, 0.5):.1f} | {raw95:.1f} | {p95 / raw95:.2f} | {hits} |"
        )
    return lines


def scan_count(library: Library, term: str) -> int:
    """Articles whose title or text holds ``term``, by folding and scanning every text."""
    needle = fold_for_search(term)
    return sum(
        1
        for _, title, text in iter_titles_and_texts(library.db)
        if contains(fold_for_search(title), needle) or contains(fold_for_search(text), needle)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefing-scale"))
    parser.add_argument("--rebuild", action="store_true", help="import the library again")
    parser.add_argument(
        "--ratio-rounds", type=int, default=5, help="interleaved import/floor rounds (0: none)"
    )
    args = parser.parse_args()

    folder = ensure_markdown_folder(args.work / f"md-{args.articles}", args.articles)
    db_path = args.work / f"library-{args.articles}.db"
    out: list[str] = []
    if args.rebuild or not db_path.exists():
        rate = build_library(folder, db_path, args.articles)
        floor = floor_build(folder, args.work)
        out.append(
            f"import: {rate:,.0f} articles/s; raw bigram index build: {floor:,.0f}/s; "
            f"ratio {rate / floor:.2f}"
        )
    if args.ratio_rounds:
        ratios = interleaved_ratio(folder, args.work, args.ratio_rounds, 1000)
        alone = interleaved_ratio(folder, args.work, args.ratio_rounds, 1000, jobs="1")
        for label, found in (("", ratios), (" in one process (--jobs 1)", alone)):
            out.append(
                f"import{label} ÷ floor, {args.ratio_rounds} interleaved rounds of 1,000 files: "
                f"median {statistics.median(found):.2f} ({', '.join(f'{r:.2f}' for r in found)})"
            )
    exe = str(VENV_BIN / "briefing-reader")
    with Library.open(db_path) as library:
        db = library.db
        text_bytes = sum(
            len(title.encode()) + len(text.encode()) for _, title, text in iter_titles_and_texts(db)
        )
        index_bytes = search_index.index_size_bytes(db)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        file_bytes = db_path.stat().st_size
        out.append(
            f"library file: {file_bytes / 1e6:,.1f} MB = {file_bytes / text_bytes:.2f} x the "
            f"text ({text_bytes / 1e6:,.1f} MB); FTS index {index_bytes / 1e6:,.1f} MB = "
            f"{index_bytes / text_bytes:.2f} x"
        )
        env = {**os.environ, "BRIEFING_DB": str(db_path)}
        os.environ.update(env)
        python = timed_process([sys.executable, "-c", "pass"], 7)
        version = timed_process([exe, "--version"], 7)
        search = timed_process([exe, "search", "制裁"], 7)
        listing = timed_process([exe, "list", "--json"], 5)
        out.append(
            f"processes (median): python -c pass {python:.3f} s; --version {version:.3f} s "
            f"({version / python:.1f}x); search 制裁 {search:.3f} s ({search / python:.1f}x); "
            f"list --json {listing:.3f} s"
        )
        expected = scan_count(library, ABSENT)
        got = len(library.search(ABSENT, limit=1000).hits)
        out.append(f"absent term {ABSENT}: substring scan {expected} articles, search {got}")
        out += search_figures(library, args.runs, args.limit)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
