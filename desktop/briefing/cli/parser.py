"""The subcommands' grammar: each one's arguments and help (the global options are in
:func:`briefing.cli.build_parser`).

Loaded by every run before the arguments are parsed, so it imports only the standard library:
``--help``, ``--version`` and a mistyped argument answer before any service is loaded. Each
subcommand's parser is made only when that command is parsed (:class:`Commands`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
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

Grammar = Callable[[argparse.ArgumentParser], None]


def terminal_columns() -> int:
    """What ``shutil.get_terminal_size().columns`` answers: ``$COLUMNS`` if it is a positive
    number, else the width of the terminal on stdout, else 80. Without importing ``shutil``
    (with bz2, lzma and zlib: 2 ms of every run), for a width only --help and errors use."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, its default width found by :func:`terminal_columns`:
    argparse makes a formatter for every argument added (to check its metavar), and the
    stock one imports ``shutil`` to find the width."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2  # as argparse's own does
        super().__init__(prog, indent_increment, max_help_position, width)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that formats with :class:`HelpFormatter`; its subcommands'
    parsers are of this class too (argparse makes them of the parent's class)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


class Commands(argparse._SubParsersAction):
    """The subcommands, each one's parser made when that command is parsed.

    Making all of them cost every run about 5 ms, a sixth of a ``search``: an
    ``ArgumentParser`` each (three gettext look-ups in its constructor, more with a ``LANG``
    to look up) and a help formatter for every argument added. The top-level ``--help`` and
    the "invalid choice" error need only the names, in order, and their one-line help, which
    :meth:`add_command` records as ``add_parser`` would; ``briefing-reader CMD --help`` and
    CMD's errors come from CMD's own parser, made before it parses. The output is argparse's
    own, word for word.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._grammars: dict[str, tuple[Grammar | None, dict[str, object]]] = {}

    def add_command(self, name: str, grammar: Grammar | None = None, **kwargs: object) -> None:
        """Name the subcommand ``name``: ``grammar`` adds its arguments to its parser when it is
        made; ``kwargs`` are ``add_parser``'s (``help``, ``description``)."""
        if name in self._name_parser_map:
            raise ValueError(f"subcommand {name} named twice")
        if "help" in kwargs:  # the line of the top-level --help, as add_parser adds it
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), kwargs.pop("help")))
        # The name is a valid choice now (argparse checks and lists the map's keys, in order);
        # its parser is made by parser().
        self._name_parser_map[name] = None
        self._grammars[name] = (grammar, kwargs)

    def parser(self, name: str) -> argparse.ArgumentParser:
        """The parser of subcommand ``name``, made on first use."""
        made = self._name_parser_map[name]
        if made is None:
            grammar, kwargs = self._grammars[name]
            made = self._parser_class(prog=f"{self._prog_prefix} {name}", **kwargs)
            if grammar is not None:
                grammar(made)
            self._name_parser_map[name] = made  # same key: the order of the choices stays
        return made

    def made(self) -> list[str]:
        """The subcommands whose parser has been made so far."""
        return [name for name, made in self._name_parser_map.items() if made is not None]

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: list[str],
        option_string: str | None = None,
    ) -> None:
        # argparse has checked that values[0] is one of the names before calling this.
        self.parser(values[0])
        super().__call__(parser, namespace, values, option_string)


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


def add_commands(parser: argparse.ArgumentParser) -> Commands:
    """Every subcommand of ``parser``, in the order --help lists them; ``args.command`` is
    None when none was given."""
    sub = parser.add_subparsers(action=Commands, dest="command", metavar="COMMAND")
    sub.add_command("import", _import, help="import files or folders (recursive)")
    sub.add_command("list", _json_only, help="list the articles")
    sub.add_command("article", _article, help="show one article")
    sub.add_command(
        "edit",
        _edit,
        help="set an article's title, source, author, date, URL or language",
        description="Change an article's details (an empty value clears one; the title "
        "cannot be empty). Its text and highlights stay as they are.",
    )
    sub.add_command("delete-article", _delete_article, help="delete an article and its highlights")
    sub.add_command("highlight", _highlight, help="highlight a quote in an article")
    sub.add_command("highlights", _highlights, help="list highlights")
    sub.add_command("note", _note, help="set (or with an empty text, clear) a highlight's note")
    sub.add_command("retag", _retag, help="replace a highlight's tags")
    sub.add_command("delete-highlight", _highlight_id, help="delete a highlight")
    sub.add_command("tags", _json_only, help="list tags")
    sub.add_command("tag", _tag, help="create, rename, merge, recolour or delete a tag")
    sub.add_command("search", _search, help="search articles and highlights")
    sub.add_command("reindex", help="rebuild the search index from scratch")
    sub.add_command("sample", help="import the bundled sample articles and highlights")
    sub.add_command(
        "export",
        _export,
        help="write the briefing (PDF, HTML or Markdown)",
        description="Compile tagged highlights into the briefing. Default period: today. "
        "Its labels (title, Contents, Sources, page numbers) are in the language most of the "
        "quoted articles are in (Japanese on a tie) unless --language says otherwise.",
    )
    sub.add_command(
        "backup",
        _backup,
        help="a checked copy of the library (default: in backups/ beside it, rotated)",
    )
    sub.add_command(
        "restore",
        _restore,
        help="replace the library with a backup (the current file is kept aside)",
    )
    sub.add_command("check", help="check integrity, the search index and references")
    return sub


# --- each subcommand's arguments (a Grammar: called with the command's own parser) ---------


def _json_only(p: argparse.ArgumentParser) -> None:
    """``list`` and ``tags``."""
    p.add_argument("--json", action="store_true")


def _import(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the outcome of each file as JSON")
    p.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="processes that read the files of a big folder (default: one per processor; "
        "1: read them in this process)",
    )


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 1 <= jobs <= 64:
        raise argparse.ArgumentTypeError("must be between 1 and 64")
    return jobs


def _article(p: argparse.ArgumentParser) -> None:
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


def _edit(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=_id)
    for name, meta in DETAIL_OPTIONS:
        p.add_argument(f"--{name}", metavar=meta, default=None)


def _delete_article(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=_id)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _highlight(p: argparse.ArgumentParser) -> None:
    p.add_argument("article_id", type=_id, metavar="ARTICLE_ID")
    p.add_argument("--quote", required=True)
    p.add_argument("--occurrence", type=int, default=None, help="which occurrence (1-based)")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--note", default="")
    p.add_argument("--json", action="store_true")


def _highlights(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="all of these tags")
    p.add_argument("--any-tag", action="append", default=[], metavar="TAG", help="any of these")
    p.add_argument("--article", type=_id, default=None, metavar="ID")
    p.add_argument("--since", type=_day, default=None, metavar="DATE")
    p.add_argument("--until", type=_day, default=None, metavar="DATE")
    p.add_argument("--orphaned", action="store_true", help="only highlights that lost their text")
    p.add_argument("--json", action="store_true")


def _highlight_id(p: argparse.ArgumentParser) -> None:
    """``delete-highlight``, and the first argument of ``note`` and ``retag``."""
    p.add_argument("highlight_id", type=_id)


def _note(p: argparse.ArgumentParser) -> None:
    _highlight_id(p)
    p.add_argument("text")


def _retag(p: argparse.ArgumentParser) -> None:
    _highlight_id(p)
    p.add_argument("--tag", action="append", default=[], metavar="TAG")


def _tag(p: argparse.ArgumentParser) -> None:
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


def _search(p: argparse.ArgumentParser) -> None:
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, help="hits to print (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many best hits first")
    p.add_argument("--json", action="store_true")


def _export(p: argparse.ArgumentParser) -> None:
    """``export``: the briefing, headless (for cron); run by :mod:`briefing.cli.export`."""
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
    p.add_argument(
        "--title",
        default=None,
        help="default: the language's usual title (デイリー・ブリーフィング / Daily Briefing)",
    )
    p.add_argument(
        "--language",
        choices=["ja", "en"],
        default=None,
        help="the labels' language (default: the one most of the quoted articles are in; "
        "Japanese on a tie)",
    )
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


def _backup(p: argparse.ArgumentParser) -> None:
    """``backup`` (a :data:`FILE_COMMANDS` command, like ``restore`` and ``check``)."""
    p.add_argument("path", nargs="?", type=Path, default=None, metavar="PATH")
    p.add_argument(
        "--keep",
        default=None,
        metavar="D,W,M",
        help="keep the newest backup of the last D days, W weeks, M months (default 7,4,6); "
        "remembered by the library",
    )


def _restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", type=Path, metavar="BACKUP")
