"""The search commands: ``search`` prints ranked hits and totals, ``reindex`` rebuilds the
index. Loaded only for these commands: a search never imports the importers or sqlite-utils."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from briefing.cli.output import EMPTY_LIBRARY_HINT, print_json
from briefing.core.safe_text import visible

if TYPE_CHECKING:
    from briefing.services import Library
    from briefing.services.search import SearchResults


def cmd_search(library: Library, args: argparse.Namespace) -> int:
    if args.limit < 1 or args.offset < 0:
        print("briefing-reader: --limit must be 1 or more, --offset 0 or more", file=sys.stderr)
        return 2
    results = library.search(args.query, limit=args.limit, offset=args.offset)
    for warning in results.warnings:
        print(f"briefing-reader: {visible(warning)}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "total": results.total,
                "total_articles": results.total_articles,
                "total_highlights": results.total_highlights,
                "total_exact": results.total_exact,
                "offset": results.offset,
                "remaining": results.remaining,
                "hits": [hit.to_json() for hit in results.hits],
            }
        )
        return 0
    # On a terminal a match is bold; in a file or a pipe it is bracketed.
    marks = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("【", "】")
    for hit in results.hits:
        print(visible(hit.display(*marks), keep="\n\x1b"))
    if results.hits or results.total:
        # On stderr: the terminal shows it, a pipe gets the hits alone.
        print(_search_summary(results), file=sys.stderr)
    if not results.hits:
        print("no results")
        if library.article_count() == 0:
            print(EMPTY_LIBRARY_HINT, file=sys.stderr)
    return 0


def _search_summary(results: SearchResults) -> str:
    """The totals, and what this page left out: never a silent cap. Totals that are lower
    bounds (a common term checked against the texts only as far as the page needs) say so."""
    least = "" if results.total_exact else "at least "
    line = (
        f"{least}{results.total:,} results: {least}{results.total_articles:,} articles, "
        f"{results.total_highlights:,} highlights"
    )
    if results.hits:
        first = results.offset + 1
        line += f"; shown {first:,}–{results.offset + len(results.hits):,}"
    if results.remaining:
        line += (
            f"; {least}{results.remaining:,} more "
            f"(--offset {results.offset + len(results.hits)} or a larger --limit)"
        )
    return line


def cmd_reindex(library: Library, args: argparse.Namespace) -> int:
    count = library.reindex()
    print(f"search index rebuilt: {count} rows")
    return 0
