"""Printing shared by the commands: JSON on stdout, and the hint shown for an empty library."""

from __future__ import annotations

import json
import sys

EMPTY_LIBRARY_HINT = (
    "briefing-reader: the library is empty; `briefing-reader sample` imports the sample "
    "articles, `briefing-reader import FILE…` your own"
)


def print_json_rows(rows: list[dict]) -> None:
    """A long list as compact JSON, in one call of the C encoder: ``indent`` makes ``json``
    use its Python encoder (a second for 20,000 articles), and even a call per row costs
    twice the whole list's one."""
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")


def print_json(data: object) -> None:
    """``data`` as indented JSON, for a person to read (and a program to parse)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
