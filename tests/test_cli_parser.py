"""The command line's grammar: every command listed by --help and parsed as before, while a
run makes only its own command's parser (:class:`briefing.cli.parser.Commands`)."""

from __future__ import annotations

import contextlib
import io
import re
import shutil

import pytest
from briefing.cli import COMMANDS, build_parser
from briefing.cli.parser import FILE_COMMANDS, Commands, Parser, add_commands, terminal_columns

ALL_COMMANDS = [*COMMANDS, *FILE_COMMANDS]


def _commands() -> tuple[Parser, Commands]:
    parser = Parser(prog="briefing-reader")
    return parser, add_commands(parser)


def _exit_output(parser: Parser, argv: list[str]) -> tuple[int, str]:
    """What parse_args prints (stdout and stderr) and its exit code, for --help or an error."""
    out = io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(out),
        pytest.raises(SystemExit) as exited,
    ):
        parser.parse_args(argv)
    return int(exited.value.code or 0), out.getvalue()


def test_help_lists_every_command_with_its_line() -> None:
    help_text = build_parser().format_help()
    # "    NAME  its help", or a long NAME alone with its help on the next line.
    listed = re.findall(r"^    ([a-z-]+)(?: +|\n {10,})\S", help_text, re.MULTILINE)
    assert sorted(listed) == sorted(ALL_COMMANDS)
    assert "delete a highlight" in help_text and "check integrity" in help_text


def test_a_run_makes_only_its_own_command_parser() -> None:
    parser, commands = _commands()
    assert commands.made() == []
    args = parser.parse_args(["search", "制裁", "--limit", "5"])
    assert (args.command, args.query, args.limit, args.offset) == ("search", "制裁", 5, 0)
    assert commands.made() == ["search"]
    parser.format_help()  # the top-level help needs no command's parser
    assert commands.made() == ["search"]


def test_every_command_has_its_own_help_and_errors() -> None:
    for name in ALL_COMMANDS:
        code, out = _exit_output(build_parser(), [name, "--help"])
        assert code == 0 and out.startswith(f"usage: briefing-reader {name}"), name
    code, out = _exit_output(build_parser(), ["article", "abc"])
    assert code == 2 and "briefing-reader article: error: argument id: not an id: abc" in out
    code, out = _exit_output(build_parser(), ["serch", "x"])
    assert code == 2 and "invalid choice: 'serch' (choose from 'import', 'list'," in out
    assert all(repr(name) in out for name in ALL_COMMANDS)


def test_terminal_columns_answers_as_shutil(monkeypatch: pytest.MonkeyPatch) -> None:
    for columns in ("57", "0", "-3", "wide", None):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        assert terminal_columns() == shutil.get_terminal_size().columns, columns
