"""Search and import benchmark on a generated library (issue 4; issue 12's figures, with the
library built through the command line, come from ``scale_bench.py``).

Builds a library of N articles (default 20,000) of about 5,000 Japanese characters each from
the sample articles' sentences, at run time in a temporary folder (never committed), then
reports import throughput, database and index size, and search latency p50/p95 per query
class beside the raw SQLite FTS5 time for the same MATCH, so our own overhead shows as a ratio.

    .venv/bin/python bench/search_bench.py [--articles N] [--runs R] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from briefing.core.markdown import canonical_text
from briefing.core.model import ArticleDraft
from briefing.core.query import match_expression, parse_query
from briefing.services import AddHighlight, Library
from briefing.services.importing import import_draft
from briefing.store import search_index
from briefing.store.articles import iter_titles_and_texts
from corpus import sample_sentences

QUERIES: dict[str, list[str]] = {
    "1 char": ["露", "領", "盟", "船", "裁"],
    "2 chars": ["制裁", "北方", "領土", "停戦", "日本", "加盟"],
    "3+ chars": ["安全保障", "ウクライナ", "影の船団", "工作機械", "NSATU"],
    "phrase": ['"安全の保証"', '"北方領土"', '"二次制裁"', '"有志連合"'],
    "mixed": ["NATO 加盟", "制裁 -影の船団", "北方領土 OR NSATU"],
    "tag filter": [
        "tag:sanctions 制裁",
        "tag:NSATU",
        "tag:北方領土 平和条約",
        "tag:sanctions has:note",
    ],
}


def make_article(
    rng: random.Random, sentences: list[str], number: int, size: int = 5000
) -> ArticleDraft:
    paragraphs, length = [], 0
    while length < size:
        paragraph = "".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        length += len(paragraph)
    title = f"記事{number}：" + rng.choice(sentences)[:30]
    return ArticleDraft(
        title=title,
        body="\n\n".join(paragraphs),
        source=rng.choice(["NHK", "日経", "ROLES", "Bloomberg", "FT"]),
        published=date(2025, rng.randint(1, 12), rng.randint(1, 28)),
        language="ja",
        origin=f"generated-{number}.md",
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def raw_fts_ms(library: Library, query: str, limit: int) -> float:
    """The bare FTS5 part of the same query: MATCH + bm25 ranking + LIMIT, nothing else."""
    expression = match_expression(parse_query(query))
    if expression is None:
        return float("nan")
    start = time.perf_counter()
    library.db.execute(
        "SELECT rowid, bm25(article_fts) AS s FROM article_fts WHERE article_fts MATCH ? "
        "ORDER BY s LIMIT ?",
        [expression, limit * 3],
    ).fetchall()
    library.db.execute(
        "SELECT rowid, bm25(highlight_fts) AS s FROM highlight_fts WHERE highlight_fts MATCH ? "
        "ORDER BY s LIMIT ?",
        [expression, limit * 3],
    ).fetchall()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=None, help="build the library here")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "bench.db"
    if db_path.exists():
        db_path.unlink()
    rng = random.Random(20261122)
    sentences = sample_sentences()
    library = Library.open(db_path)

    drafts = [make_article(rng, sentences, n) for n in range(args.articles)]
    text_chars = sum(len(canonical_text(d.body)) + len(d.title) for d in drafts[:200]) / 200
    start = time.perf_counter()
    ids = []
    for number, draft in enumerate(drafts, 1):
        ids.append(import_draft(library.db, draft).article_id)
        if number % 2000 == 0:
            rate = number / (time.perf_counter() - start)
            print(f"  imported {number:>6} ({rate:,.0f} articles/s)", file=sys.stderr)
    import_seconds = time.perf_counter() - start
    rate = args.articles / import_seconds

    tags = ["sanctions", "NSATU", "Northern Territories"]
    start = time.perf_counter()
    highlights = 0
    for article_id in ids[:: max(1, len(ids) // 2000)]:
        text = library.article(article_id).text
        at = rng.randrange(0, max(1, len(text) - 60))
        library.execute(
            AddHighlight(article_id, at, at + 40, (rng.choice(tags),), rng.choice(["", "要確認"]))
        )
        highlights += 1
    highlight_seconds = time.perf_counter() - start
    library.history.clear()
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    db_bytes = db_path.stat().st_size
    index_bytes = search_index.index_size_bytes(library.db)
    text_bytes = sum(
        len(title.encode()) + len(text.encode())
        for _, title, text in iter_titles_and_texts(library.db)
    )

    print(
        f"\nlibrary: {args.articles:,} articles (~{text_chars:,.0f} characters each), "
        f"{highlights:,} highlights"
    )
    print(
        f"import: {rate:,.0f} articles/s ({import_seconds:.1f} s); "
        f"highlights: {highlights / highlight_seconds:,.0f}/s"
    )
    print(
        f"database file: {db_bytes / 1e6:,.1f} MB; text: {text_bytes / 1e6:,.1f} MB; "
        f"FTS index: {index_bytes / 1e6:,.1f} MB = {index_bytes / text_bytes:.2f} x text"
    )
    print(
        f"\n{'class':<11} {'p50 ms':>8} {'p95 ms':>8} {'raw FTS p50':>12} {'raw p95':>8} "
        f"{'ratio':>6}  hits (first query)"
    )
    rows = []
    for label, queries in QUERIES.items():
        ours, raw = [], []
        first_hits = len(library.search(queries[0], limit=args.limit).hits)
        for _ in range(args.runs):
            for query in queries:
                t0 = time.perf_counter()
                library.search(query, limit=args.limit)
                ours.append((time.perf_counter() - t0) * 1000)
                raw.append(raw_fts_ms(library, query, args.limit))
        raw = [r for r in raw if r == r] or [float("nan")]
        row = (
            label,
            percentile(ours, 0.5),
            percentile(ours, 0.95),
            percentile(raw, 0.5),
            percentile(raw, 0.95),
        )
        rows.append(row)
        ratio = row[2] / row[4] if row[4] == row[4] and row[4] > 0 else float("nan")
        print(
            f"{label:<11} {row[1]:>8.1f} {row[2]:>8.1f} {row[3]:>12.1f} {row[4]:>8.1f} "
            f"{ratio:>6.1f}  {first_hits}"
        )
    library.close()
    print(f"\n(library kept in {folder})" if args.keep else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
