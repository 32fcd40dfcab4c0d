"""``briefing-reader``: no arguments opens the window; subcommands do the same work headless.

Thin on purpose: parse arguments, call :mod:`briefing.services`, print. Errors an analyst can
act on are one line on stderr (exit 2); an import with failures exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__, cli_safety
from briefing.core.errors import BriefingError
from briefing.core.safe_text import visible
from briefing.paths import DB_ENV, default_library_path

# The services (SQLite access, sqlite-utils and what it pulls in, the importers) are imported
# by the commands that use them, after the arguments are parsed: --help, --version and a
# mistyped argument answer at once, and each command loads only what it needs.
if TYPE_CHECKING:
    from briefing.services import Library
    from briefing.services.search import SearchResults


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-reader",
        description="Read, highlight, tag and search articles; build the daily briefing. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"library file (default: ${DB_ENV}, else library.db in the per-user data folder)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="PNG",
        help="open the window, save it as a PNG once shown, and quit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    cli_safety.add_article_options(p)

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

    p = sub.add_parser("search", help="search articles and highlights")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, help="hits to print (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many best hits first")
    p.add_argument("--json", action="store_true")

    sub.add_parser("reindex", help="rebuild the search index from scratch")
    sub.add_parser("sample", help="import the bundled sample articles and highlights")
    _add_export_parser(sub)
    cli_safety.add_parsers(sub)
    return parser


# The shared libraries Qt loads, and the Debian/Ubuntu packages that provide them.
QT_LIBRARY_PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0 (libglib2.0-0t64 on Ubuntu 24.04)",
    "libgthread-2.0.so.0": "libglib2.0-0 (libglib2.0-0t64 on Ubuntu 24.04)",
    "libfreetype.so.6": "libfreetype6",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_library_message(error: ImportError) -> str:
    """One line naming the package to install when Qt cannot load a system library."""
    text = str(error)
    for library, package in QT_LIBRARY_PACKAGES.items():
        if library in text:
            return (
                f"the window needs the system library {library}: install {package} "
                "(or run: bash packaging/dev.sh setup)"
            )
    return f"the window cannot start: {text} (run: bash packaging/dev.sh setup)"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db_path = args.db or default_library_path()
    if (args.db is not None or os.environ.get(DB_ENV)) and not db_path.expanduser().parent.is_dir():
        # A library named explicitly in a folder that does not exist is a typo: creating the
        # folders and an empty library there would hide it.
        folder = visible(str(db_path.expanduser().parent))
        print(f"briefing-reader: {folder}: no such folder (create it first)", file=sys.stderr)
        return 2
    if args.command is None:
        try:
            from briefing.app import run_window
        except ImportError as error:  # Qt's system libraries are missing: say which, in one line
            print(f"briefing-reader: {missing_library_message(error)}", file=sys.stderr)
            return 2
        return run_window(db_path, screenshot=args.screenshot)
    if args.command in cli_safety.FILE_COMMANDS:  # on the file: no opening, no migration
        return cli_safety.run_file_command(db_path, args)
    try:
        from briefing.services.library import Library
        from briefing.store.opening import open_notice

        with Library.open(db_path) as library:
            notice = open_notice(library.db)  # e.g. read-only because the disk is full: once
            if notice:
                print(f"briefing-reader: {notice}", file=sys.stderr)
            return COMMANDS[args.command](library, args)
    except BriefingError as error:
        print(f"briefing-reader: {visible(str(error))}", file=sys.stderr)
        return 2
    except UnicodeEncodeError:
        # Bytes in an argument that are not UTF-8 (a terminal in another encoding).
        print("briefing-reader: an argument is not valid UTF-8 text", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of our output went away (`… | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("briefing-reader: interrupted", file=sys.stderr)
        return 130


def _print_json_rows(rows: list[dict]) -> None:
    """A long list as compact JSON, in one call of the C encoder: ``indent`` makes ``json``
    use its Python encoder (a second for 20,000 articles), and even a call per row costs
    twice the whole list's one."""
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_import(library: Library, args: argparse.Namespace) -> int:
    def progress(done: int, total: int, path: str) -> None:
        if path and sys.stderr.isatty():
            name = visible(Path(path).name)[:60]
            print(f"\r[{done + 1}/{total}] {name:<60}", end="", file=sys.stderr)

    report = library.import_paths(args.paths, progress=progress)
    if sys.stderr.isatty():
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)
    if args.json:
        _print_json([o.__dict__ for o in report.outcomes])
    else:
        for o in report.outcomes:
            detail = o.message if o.status == "failed" else o.title
            extra = f" ({o.message})" if o.status in ("updated", "imported") and o.message else ""
            ident = f"#{o.article_id} " if o.article_id else ""
            # Names, titles and messages come from the files: one escaped line each.
            print(f"{o.status:<9} {ident}{visible(f'{o.path}: {detail}{extra}')}")
        print(report.summary())
    return 1 if report.failed else 0


EMPTY_LIBRARY_HINT = (
    "briefing-reader: the library is empty; `briefing-reader sample` imports the sample "
    "articles, `briefing-reader import FILE…` your own"
)


def cmd_list(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    rows = [serialize.article_summary(a) for a in library.articles()]
    if not rows:
        print(EMPTY_LIBRARY_HINT, file=sys.stderr)
    if args.json:
        _print_json_rows(rows)
        return 0
    for r in rows:
        print(
            f"{r['id']:>5}  {r['published'] or '':<10}  {r['language']:<3} {r['characters']:>7}  "
            + visible(f"{r['title']}" + (f" — {r['source']}" if r["source"] else ""))
        )
    return 0


def cmd_article(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    if cli_safety.wants_versions(args):
        return cli_safety.article_versions(library, args)
    article = library.article(args.id)
    if args.json:
        _print_json(serialize.article(article))
        return 0
    sys.stdout.write((article.body if args.markdown else article.text) + "\n")
    return 0


DETAIL_OPTIONS = (
    ("title", "TEXT"),
    ("source", "TEXT"),
    ("author", "TEXT"),
    ("published", "YYYY-MM-DD"),
    ("url", "URL"),
    ("language", "CODE"),
)


def cmd_edit(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.article_details import EditArticleDetails

    values = {name: getattr(args, name) for name, _ in DETAIL_OPTIONS}
    values = {name: value for name, value in values.items() if value is not None}
    library.article(args.id)  # "no article with id N" before anything else
    library.execute(EditArticleDetails(args.id, **values))
    print(f"article {args.id}: {', '.join(values)} changed")
    return 0


def cmd_delete_article(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.article_commands import DeleteArticle

    article = library.article(args.id)
    count = len(library.highlights(article_id=args.id))
    if not args.yes:
        if not sys.stdin.isatty():
            raise BriefingError("deleting an article needs --yes when not run interactively")
        answer = input(f"Delete “{visible(article.title)}” and its {count} highlight(s)? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 0
    library.execute(DeleteArticle(args.id))
    print(f"deleted article {args.id} and {count} highlight(s)")
    return 0


def cmd_highlight(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize
    from briefing.services.commands import AddHighlight

    start = library.locate_quote(args.article_id, args.quote, args.occurrence)
    command = AddHighlight(
        args.article_id, start, start + len(args.quote), tuple(args.tag), args.note
    )
    library.execute(command)
    item = library.highlight(command.highlight_id)
    if args.json:
        _print_json(serialize.highlight(item))
    else:
        print(
            f"highlight {item.id} on article {item.article_id} "
            f"at {item.selector.start}–{item.selector.end}"
        )
    return 0


def cmd_highlights(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    items = library.highlights(
        article_id=args.article,
        tags_all=args.tag,
        tags_any=args.any_tag,
        since=args.since,
        until=args.until,
        orphaned=True if args.orphaned else None,
    )
    if args.json:
        _print_json([serialize.highlight(h) for h in items])
        return 0
    for h in items:
        flag = " [orphaned]" if h.orphaned else ""
        tags = visible(f" [{', '.join(h.tags)}]") if h.tags else ""
        title = visible(h.article_title[:30])
        print(f"{h.id:>5}  #{h.article_id} {title}{flag}{tags}\n       「{visible(h.quote)}」")
        if h.note:
            print(f"       note: {visible(h.note)}")
    return 0


def cmd_note(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.commands import EditHighlight

    library.execute(EditHighlight(args.highlight_id, note=args.text, text="Edit note"))
    print(f"note {'set' if args.text else 'cleared'} on highlight {args.highlight_id}")
    return 0


def cmd_retag(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.commands import EditHighlight

    library.execute(EditHighlight(args.highlight_id, tags=tuple(args.tag), text="Retag"))
    print(f"highlight {args.highlight_id}: {visible(', '.join(args.tag)) or 'no tags'}")
    return 0


def cmd_delete_highlight(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.commands import DeleteHighlight

    library.execute(DeleteHighlight(args.highlight_id))
    print(f"deleted highlight {args.highlight_id}")
    return 0


def cmd_tags(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    usage = library.tag_usage()
    rows = [serialize.tag(t, usage.get(t.id, 0)) for t in library.tags()]
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        slot = f"[{r['slot']}]" if r["slot"] else "   "
        aliases = f"  (= {visible(', '.join(r['aliases']))})" if r["aliases"] else ""
        name = visible(r["name"])
        print(f"{slot} {r['color']}  {name:<24} {r['highlights']:>4} highlights{aliases}")
    return 0


def cmd_tag(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.tag_commands import CreateTag, DeleteTag, EditTag, MergeTags

    action = args.tag_command
    if action == "create":
        command = CreateTag(args.name, args.color, args.description, tuple(args.alias), args.slot)
        done = f"created tag “{command.name}”"
    elif action == "rename":
        command, done = (
            EditTag(args.name, name=args.new_name),
            f"renamed “{args.name}” to “{args.new_name}”",
        )
    elif action == "merge":
        command, done = (
            MergeTags(args.source, args.target),
            f"merged “{args.source}” into “{args.target}”",
        )
    elif action == "delete":
        command, done = DeleteTag(args.name, untag=args.untag), f"deleted tag “{args.name}”"
    elif action == "color":
        command, done = EditTag(args.name, color=args.color), f"“{args.name}” is now {args.color}"
    else:
        command, done = (
            EditTag(args.name, aliases=tuple(args.aliases)),
            f"aliases of “{args.name}” set",
        )
    library.execute(command)
    print(visible(done))
    return 0


def cmd_search(library: Library, args: argparse.Namespace) -> int:
    if args.limit < 1 or args.offset < 0:
        print("briefing-reader: --limit must be 1 or more, --offset 0 or more", file=sys.stderr)
        return 2
    results = library.search(args.query, limit=args.limit, offset=args.offset)
    for warning in results.warnings:
        print(f"briefing-reader: {visible(warning)}", file=sys.stderr)
    if args.json:
        _print_json(
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


def cmd_sample(library: Library, args: argparse.Namespace) -> int:
    report = library.import_sample_library()
    print(report.summary())
    return 1 if report.failed else 0


COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "article": cmd_article,
    "edit": cmd_edit,
    "delete-article": cmd_delete_article,
    "highlight": cmd_highlight,
    "highlights": cmd_highlights,
    "note": cmd_note,
    "retag": cmd_retag,
    "delete-highlight": cmd_delete_highlight,
    "tags": cmd_tags,
    "tag": cmd_tag,
    "search": cmd_search,
    "reindex": cmd_reindex,
    "sample": cmd_sample,
    "export": lambda library, args: cmd_export(library, args),
}


def _add_export_parser(sub: argparse._SubParsersAction) -> None:
    """``export``: the briefing, headless (for cron). Defined here, run by :func:`cmd_export`."""
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
    p.add_argument(
        "--source", action="append", default=[], metavar="NAME", help="only this source"
    )
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


def cmd_export(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import briefing as briefing_service

    options, created = briefing_service.options_from_cli(
        date=args.date,
        date_from=args.date_from,
        date_to=args.date_to,
        since_last=args.since_last,
        tags=args.tags,
        article_ids=args.article,
        sources=args.source,
        title=args.title,
        author=args.author,
        marking=args.marking,
        summary_file=args.summary,
        paper=args.paper,
        created=args.created,
    )
    result = briefing_service.export_briefing(
        library, options, args.output, args.format, created=created, record=not args.no_record
    )
    note = "" if result.export_id or args.no_record else " (library read-only: not recorded)"
    shown = visible(str(result.path))
    print(f"wrote {shown} ({result.format}, {len(result.highlight_ids)} highlights){note}")
    return 0
