"""``briefing-reader``: no arguments opens the window; subcommands do the same work headless.

Thin on purpose: parse arguments, call :mod:`briefing.services`, print. Errors an analyst can
act on are one line on stderr (exit 2); an import with failures exits 1.

The subcommands' arguments are in :mod:`briefing.cli.parser`; the commands themselves are in a
module per domain (:mod:`~briefing.cli.articles`, :mod:`~briefing.cli.highlights`,
:mod:`~briefing.cli.tags`, :mod:`~briefing.cli.search`, :mod:`~briefing.cli.export`,
:mod:`~briefing.cli.safety`), imported only for the command that runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from briefing import __version__
from briefing.cli.parser import FILE_COMMANDS, Parser, add_commands
from briefing.core.errors import BriefingError
from briefing.core.safe_text import visible
from briefing.paths import DB_ENV, default_library_path

__all__ = ["COMMANDS", "build_parser", "main", "missing_library_message"]

# The services (SQLite access, sqlite-utils and what it pulls in, the importers) are imported
# by the commands that use them, after the arguments are parsed: --help, --version and a
# mistyped argument answer at once, and each command loads only what it needs. Hence the
# commands are named here, as (module in briefing.cli, function), and imported when run.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("articles", "cmd_import"),
    "list": ("articles", "cmd_list"),
    "article": ("articles", "cmd_article"),
    "edit": ("articles", "cmd_edit"),
    "delete-article": ("articles", "cmd_delete_article"),
    "sample": ("articles", "cmd_sample"),
    "highlight": ("highlights", "cmd_highlight"),
    "highlights": ("highlights", "cmd_highlights"),
    "note": ("highlights", "cmd_note"),
    "retag": ("highlights", "cmd_retag"),
    "delete-highlight": ("highlights", "cmd_delete_highlight"),
    "tags": ("tags", "cmd_tags"),
    "tag": ("tags", "cmd_tag"),
    "search": ("search", "cmd_search"),
    "reindex": ("search", "cmd_reindex"),
    "export": ("export", "cmd_export"),
}


def build_parser() -> argparse.ArgumentParser:
    """The whole ``briefing-reader`` parser: the global options here, the subcommands from
    :mod:`briefing.cli.parser`."""
    parser = Parser(
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
    add_commands(parser)
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


def command(name: str) -> Callable[..., int]:
    """The function that runs the subcommand ``name``, its module imported now."""
    module, function = COMMANDS[name]
    return getattr(_load(module), function)


def _load(module: str) -> ModuleType:
    """One command module of :data:`COMMANDS`. Spelled out, not ``importlib``: PyInstaller
    finds what to bundle by reading import statements, and must see every command module."""
    if module == "articles":
        from briefing.cli import articles as loaded
    elif module == "highlights":
        from briefing.cli import highlights as loaded
    elif module == "tags":
        from briefing.cli import tags as loaded
    elif module == "search":
        from briefing.cli import search as loaded
    else:
        from briefing.cli import export as loaded
    return loaded


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
    if args.command in FILE_COMMANDS:  # on the file: no opening, no migration
        from briefing.cli.safety import run_file_command

        return run_file_command(db_path, args)
    try:
        run = command(args.command)
        from briefing.services.library import Library
        from briefing.store.opening import open_notice

        with Library.open(db_path) as library:
            notice = open_notice(library.db)  # e.g. read-only because the disk is full: once
            if notice:
                print(f"briefing-reader: {notice}", file=sys.stderr)
            return run(library, args)
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
