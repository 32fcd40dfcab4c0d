"""Index-token throughput (moved here from a timed assert in tests/core/test_textindex.py).

Tokenizes 200,000 characters of the sample articles' canonical text with
``core.textindex.index_tokens`` and prints characters per second beside the floor of one
``str.translate`` fold of the same text (the least any tokenizer must do).

    .venv/bin/python bench/textindex_bench.py [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from briefing.core.normalize import fold_for_search
from briefing.core.textindex import index_tokens
from corpus import sample_sentences


def best_seconds(fn: Callable[[str], object], text: str, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    text = ("".join(sample_sentences()) * 50)[:200_000]
    best, median = best_seconds(index_tokens, text, args.runs)
    fold_best, _ = best_seconds(fold_for_search, text, args.runs)
    print(
        f"index_tokens: {len(text) / best / 1e6:.2f} M characters/s (median "
        f"{len(text) / median / 1e6:.2f}); fold alone {len(text) / fold_best / 1e6:.2f} M/s; "
        f"target ≥ 1 M/s (200 articles of 5,000 characters a second)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
