"""The subcommands' grammar: each one's arguments and help (the global options are in
:func:`briefing.cli.build_parser`).

Loaded by every run before the arguments are parsed, so it imports only the standard library:
``--help``, ``--version`` and a mistyped argument answer before any service is loaded.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

# The commands that work on the library *file* (see :mod:`briefing.cli.safety`): they never
# open it as a library, which would migrate it or write into a damaged file.
FILE_COMMANDS = ("backup", "restore", "check")

# ``edit``'s options: the article details it can set, and how each is shown in --help.
DETAIL_OPTIONS = (
    ("title", "TEXT"),
    ("source", "TEXT"),
    ("author", "TEXT"),
    ("published", "YYYY-MM-DD"),
    ("url", "URL"),
    ("language", "CODE"),
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _id(text: str) -> int:
    """An article or highlight id: a positive whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text}") from None
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"no such id: {text}")
    return value


def add_commands(parser: argparse.ArgumentParser) -> None:
    """Every subcommand of ``parser``; ``args.command`` is None when none was given."""
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_article_parsers(sub)
    _add_highlight_parsers(sub)
    _add_tag_parsers(sub)

    p = sub.add_parser("search", help="search articles and highlights")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, help="hits to print (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many best hits first")
    p.add_argument("--json", action="store_true")

    sub.add_parser("reindex", help="rebuild the search index from scratch")
    sub.add_parser("sample", help="import the bundled sample articles and highlights")
    _add_export_parser(sub)
    _add_file_parsers(sub)


def _add_article_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import files or folders (recursive)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the outcome of each file as JSON")

    p = sub.add_parser("list", help="list the articles")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("article", help="show one article")
    p.add_argument("id", type=_id)
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--text", action="store_true", help="the canonical plain text (default)")
    shown.add_argument("--markdown", action="store_true", help="the stored Markdown")
    shown.add_argument(
        "--json", action="store_true", help="fields, text, and where each source page starts"
    )
    # An article's earlier texts: run by briefing.cli.safety.article_versions.
    p.add_argument("--versions", action="store_true", help="list the earlier texts")
    p.add_argument("--version", type=int, default=None, metavar="N", help="show version N")
    p.add_argument(
        "--restore-version",
        type=int,
        default=None,
        metavar="N",
        help="make version N the article's text (the current text becomes version N)",
    )

    p = sub.add_parser(
        "edit",
        help="set an article's title, source, author, date, URL or language",
        description="Change an article's details (an empty value clears one; the title "
        "cannot be empty). Its text and highlights stay as they are.",
    )
    p.add_argument("id", type=_id)
    for name, meta in DETAIL_OPTIONS:
        p.add_argument(f"--{name}", metavar=meta, default=None)

    p = sub.add_parser("delete-article", help="delete an article and its highlights")
    p.add_argument("id", type=_id)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _add_highlight_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("highlight", help="highlight a quote in an article")
    p.add_argument("article_id", type=_id, metavar="ARTICLE_ID")
    p.add_argument("--quote", required=True)
    p.add_argument("--occurrence", type=int, default=None, help="which occurrence (1-based)")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("highlights", help="list highlights")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="all of these tags")
    p.add_argument("--any-tag", action="append", default=[], metavar="TAG", help="any of these")
    p.add_argument("--article", type=_id, default=None, metavar="ID")
    p.add_argument("--since", type=_day, default=None, metavar="DATE")
    p.add_argument("--until", type=_day, default=None, metavar="DATE")
    p.add_argument("--orphaned", action="store_true", help="only highlights that lost their text")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("note", help="set (or with an empty text, clear) a highlight's note")
    p.add_argument("highlight_id", type=_id)
    p.add_argument("text")

    p = sub.add_parser("retag", help="replace a highlight's tags")
    p.add_argument("highlight_id", type=_id)
    p.add_argument("--tag", action="append", default=[], metavar="TAG")

    p = sub.add_parser("delete-highlight", help="delete a highlight")
    p.add_argument("highlight_id", type=_id)


def _add_tag_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tags", help="list tags")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("tag", help="create, rename, merge, recolour or delete a tag")
    tag_sub = p.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    t = tag_sub.add_parser("create", help="create a tag")
    t.add_argument("name")
    t.add_argument("--color", default="")
    t.add_argument("--alias", action="append", default=[])
    t.add_argument("--description", default="")
    t.add_argument("--slot", type=int, default=None, help="keyboard slot 1–9")
    t = tag_sub.add_parser("rename", help="rename a tag")
    t.add_argument("name")
    t.add_argument("new_name")
    t = tag_sub.add_parser("merge", help="move SOURCE's highlights to TARGET, delete SOURCE")
    t.add_argument("source")
    t.add_argument("target")
    t = tag_sub.add_parser("delete", help="delete a tag")
    t.add_argument("name")
    t.add_argument("--untag", action="store_true", help="also remove it from its highlights")
    t = tag_sub.add_parser("color", help="recolour a tag")
    t.add_argument("name")
    t.add_argument("color", help="#rrggbb")
    t = tag_sub.add_parser("alias", help="set a tag's aliases (none clears them)")
    t.add_argument("name")
    t.add_argument("aliases", nargs="*")


def _add_export_parser(sub: argparse._SubParsersAction) -> None:
    """``export``: the briefing, headless (for cron); run by :mod:`briefing.cli.export`."""
    p = sub.add_parser(
        "export",
        help="write the briefing (PDF, HTML or Markdown)",
        description="Compile tagged highlights into the briefing. Default period: today.",
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="highlights of one day")
    when.add_argument(
        "--from", dest="date_from", type=_day, metavar="YYYY-MM-DD", help="first day of a range"
    )
    when.add_argument(
        "--since-last", action="store_true", help="what changed since the last export"
    )
    p.add_argument(
        "--to", dest="date_to", type=_day, metavar="YYYY-MM-DD", help="last day (default today)"
    )
    p.add_argument("--tags", default="", help='sections in order: "sanctions,NSATU,..."')
    p.add_argument(
        "--article", type=_id, action="append", default=[], metavar="ID", help="only this article"
    )
    p.add_argument("--source", action="append", default=[], metavar="NAME", help="only this source")
    p.add_argument("--title", default=None, help="default: Daily Briefing")
    p.add_argument("--author", default="")
    p.add_argument("--marking", default="", help="classification marking, e.g. 取扱注意")
    p.add_argument("--summary", type=Path, default=None, metavar="FILE.md", help="Markdown")
    p.add_argument(
        "--format", choices=["pdf", "html", "md"], default=None, help="default: from FILE's suffix"
    )
    p.add_argument("--paper", choices=["a4", "letter"], default="a4")
    p.add_argument(
        "--created", default=None, metavar="YYYY-MM-DDTHH:MM", help="fixed date: identical bytes"
    )
    p.add_argument("--no-record", action="store_true", help="do not add it to the history")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")


def _add_file_parsers(sub: argparse._SubParsersAction) -> None:
    """``backup``, ``restore`` and ``check`` (:data:`FILE_COMMANDS`)."""
    p = sub.add_parser(
        "backup",
        help="a checked copy of the library (default: in backups/ beside it, rotated)",
    )
    p.add_argument("path", nargs="?", type=Path, default=None, metavar="PATH")
    p.add_argument(
        "--keep",
        default=None,
        metavar="D,W,M",
        help="keep the newest backup of the last D days, W weeks, M months (default 7,4,6); "
        "remembered by the library",
    )
    p = sub.add_parser(
        "restore", help="replace the library with a backup (the current file is kept aside)"
    )
    p.add_argument("backup", type=Path, metavar="BACKUP")
    sub.add_parser("check", help="check integrity, the search index and references")
