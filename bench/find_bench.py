"""The search pane's pages and the find bar, timed (issue 17).

Prints, each beside its floor measured in the same run:

- a page of search results at offsets 0, 50, 500 and 2,000 (what scrolling the results asks
  for) beside the first page, with the totals the status line shows;
- every match of a term in one long article (the find bar, ``spans_in_text``) beside a plain
  ``str.find`` loop over the same text, which cannot fold width or case.

The library is ``--library`` (copied first: opening it may upgrade its schema), by default
the 20,000-article library the scale benchmark keeps under /tmp, else the sample library.
Run: ``.venv/bin/python bench/find_bench.py``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from briefing.core.normalize import fold_for_search
from briefing.services import Library
from briefing.services.search import spans_in_text

DEFAULT_LIBRARY = Path("/tmp/briefing-scale/library-20000.db")
QUERIES = ("制裁", "北方", "安全保障", "NSATU", "制裁 -影の船団")
OFFSETS = (0, 50, 500, 2000)
PAGE = 50  # the search pane's page


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def plain_find(text: str, needle: str) -> int:
    count, at = 0, text.find(needle)
    while at >= 0:
        count += 1
        at = text.find(needle, at + len(needle))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="find-bench-"))
    source = args.library or (DEFAULT_LIBRARY if DEFAULT_LIBRARY.exists() else None)
    try:
        path = work / "library.db"
        if source is not None:
            shutil.copy(source, path)
        with Library.open(path) as library:
            if source is None:
                library.import_sample_library()
            print(f"library: {library.article_count():,} articles")
            print("| query | totals | page 0 ms | page 50 | page 500 | page 2,000 |")
            print("|---|---|---|---|---|---|")
            for query in QUERIES:
                first = library.search(query, limit=PAGE)
                least = "" if first.total_exact else "at least "
                totals = f"{least}{first.total_articles:,} + {first.total_highlights:,}"
                cells = [
                    f"{median_ms(lambda o=o, q=query: library.search(q, PAGE, o), args.runs):.1f}"
                    for o in OFFSETS
                ]
                print(f"| {query} | {totals} | {' | '.join(cells)} |")
            longest = max(library.articles(), key=lambda a: a.char_count)
            text = library.article(longest.id).text
            print(f"\nfind bar on the longest article: {len(text):,} characters")
            print("| term | matches | spans_in_text ms | str.find loop ms (floor) |")
            print("|---|---|---|---|")
            for term in ("制裁", "の", "NATO"):
                folded = fold_for_search(term)
                found = len(spans_in_text(text, [folded]))
                ours = median_ms(lambda f=folded: spans_in_text(text, [f]), args.runs)
                floor = median_ms(lambda t=term: plain_find(text, t), args.runs)
                print(f"| {term} | {found:,} | {ours:.2f} | {floor:.2f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
