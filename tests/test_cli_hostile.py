"""The command line against hostile input: dates at the ends of the calendar, names and notes
that try to steer the terminal, invisible tag names, a mistyped ``--db``, and a single file
imported from a folder whose ``highlights.json`` speaks of other files.

Each case asserts one clear line (or the right result) and that nothing was lost."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ARTICLES
from tests.conftest import run_cli as run

# What must never reach a terminal raw: ESC (colours, clear screen, cursor moves), CR, other
# C0/C1 controls, bidi overrides/isolates, zero-width characters.
RAW = ("\x1b", "\r", "\x07", "\x9b", "\u202e", "\u2066", "\u200b", "\ufeff")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "x.db")


@pytest.fixture
def sample_db(capsys, db: str) -> str:
    assert run(capsys, "--db", db, "sample")[0] == 0
    return db


@pytest.fixture(params=["Asia/Tokyo", "America/Los_Angeles", "UTC"])
def zone(request, monkeypatch) -> Iterator[str]:
    """Local days at both ends of the calendar leave ``datetime``'s range only when the
    local offset pushes them over: east of UTC for year 1, west for year 9999."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "from:0001-01"),
        ("search", "from:0001-01-01 制裁"),
        ("search", "to:9999"),
        ("search", "to:9999-12-31 has:note"),
        ("search", "from:9999-12-31"),
        ("highlights", "--since", "0001-01-01"),
        ("highlights", "--until", "9999-12-31"),
        ("highlights", "--since", "0001-01-01", "--until", "9999-12-31"),
    ],
)
def test_calendar_ends_are_dates_not_tracebacks(capsys, sample_db: str, zone: str, argv) -> None:
    code, out, err = run(capsys, "--db", sample_db, *argv)
    assert code == 0, err
    assert "Traceback" not in err and "Error" not in err
    if argv[0] == "highlights":  # from the first day of the calendar, or to its last: all
        assert len(re.findall(r"^ *\d+  #\d", out, re.MULTILINE)) == 24


def test_whole_calendar_search_finds_what_an_unbounded_one_finds(capsys, sample_db: str) -> None:
    bounded = run(capsys, "--db", sample_db, "search", "from:0001 to:9999 制裁", "--json")[1]
    unbounded = run(capsys, "--db", sample_db, "search", "制裁", "--json")[1]
    assert json.loads(bounded) and json.loads(bounded) == json.loads(unbounded)


def _hostile_article(folder: Path) -> Path:
    """A file whose name forges a report line and whose title, source and author carry an
    ESC sequence that clears the screen, a bidi override and a zero-width space."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "x\nimported  #999 FAKE injected line\x1b[2J.md"
    body = "本文です。制裁の話。\n\n" * 400  # long enough that four controls are not "binary"
    path.write_text(
        "---\ntitle: Title\x1b[31m red \u202eevil.exe\nsource: src\u200b\x07\n"
        f"author: a\x1b]0;owned\x07\n---\n\n{body}",
        encoding="utf-8",
    )
    return path


def _assert_clean(text: str, lines: int | None = None) -> None:
    for char in RAW:
        assert char not in text, (char, text)
    if lines is not None:
        assert len(text.splitlines()) == lines, text


def test_import_report_is_one_escaped_line_per_file(capsys, db: str, tmp_path: Path) -> None:
    path = _hostile_article(tmp_path / "in")
    code, out, err = run(capsys, "--db", db, "import", str(path.parent))
    assert code == 0, out + err
    _assert_clean(out, lines=2)  # the file's line and the summary
    assert out.startswith("imported  #1 ") and "\\nimported  #999 FAKE" in out
    assert "\\x1b[2J" in out and "\\u202e" in out
    assert "#999" not in out.splitlines()[1]
    # The stored title is the importer's (which drops C0 controls from text); the bidi
    # override it keeps is escaped only where it is printed.
    rows = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    assert rows[0]["title"] == "Title[31m red \u202eevil.exe"
    _, listed, _ = run(capsys, "--db", db, "list")
    _assert_clean(listed, lines=1)


def test_notes_and_tag_names_print_escaped(capsys, sample_db: str) -> None:
    note = "fine\x1b[2J\x1b[Hcleared\nforged line\u202e"
    code, _, err = run(capsys, "--db", sample_db, "note", "1", note)
    assert code == 0, err
    code, out, _ = run(capsys, "--db", sample_db, "highlights", "--article", "1")
    _assert_clean(out)
    assert "note: fine\\x1b[2J\\x1b[Hcleared\\nforged line\\u202e" in out
    code, out, _ = run(capsys, "--db", sample_db, "search", "has:note forged")
    _assert_clean(out)
    assert code == 0 and len(out.splitlines()) == 2  # one hit, its two lines
    code, out, _ = run(capsys, "--db", sample_db, "highlights", "--json", "--article", "1")
    assert note in {h["note"] for h in json.loads(out)}  # stored as given


@pytest.mark.parametrize(
    "name",
    ["\u200b", "zero\u200bwidth", "evil\u202eexe", "bell\x07", "esc\x1b[31m", "\ufeffbom"],
)
def test_invisible_and_control_tag_names_are_refused(capsys, db: str, name: str) -> None:
    code, out, err = run(capsys, "--db", db, "tag", "create", name)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert "cannot" in err  # "cannot be empty" or "cannot contain invisible…"
    _assert_clean(err)
    code, out, _ = run(capsys, "--db", db, "tags", "--json")
    assert len(json.loads(out)) == 3  # the standing tags only: nothing was created


def test_alias_with_a_hidden_character_is_refused(capsys, db: str) -> None:
    code, _, err = run(capsys, "--db", db, "tag", "create", "PURL", "--alias", "PU\u200dRL")
    assert code == 2 and "U+200D" in err


def test_look_alike_names_are_one_tag(capsys, db: str) -> None:
    assert run(capsys, "--db", db, "tag", "create", "PURL")[0] == 0
    for twin in ("ＰＵＲＬ", " purl ", "PURL\u3000", "P\uff35RL"):
        code, _, err = run(capsys, "--db", db, "tag", "create", twin)
        assert code == 2 and "already a tag" in err, twin


def test_rename_to_an_invisible_name_is_refused_and_keeps_the_tag(capsys, db: str) -> None:
    assert run(capsys, "--db", db, "tag", "create", "影の船団")[0] == 0
    code, _, err = run(capsys, "--db", db, "tag", "rename", "影の船団", "影の\u200b船団")
    assert code == 2 and "U+200B" in err
    names = {t["name"] for t in json.loads(run(capsys, "--db", db, "tags", "--json")[1])}
    assert "影の船団" in names


def test_db_in_a_missing_folder_is_an_error_not_a_new_library(capsys, tmp_path: Path) -> None:
    typo = tmp_path / "libary" / "sub" / "x.db"
    code, out, err = run(capsys, "--db", str(typo), "list")
    assert code == 2 and out == ""
    assert err.strip() == f"briefing-reader: {typo.parent}: no such folder (create it first)"
    assert not (tmp_path / "libary").exists()


def test_db_in_a_missing_folder_from_the_environment(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "nope" / "x.db"))
    code, _, err = run(capsys, "list")
    assert code == 2 and "no such folder" in err
    assert not (tmp_path / "nope").exists()


def test_zero_byte_library_is_refused(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    old = time.time() - 3600
    os.utime(empty, (old, old))
    code, out, err = run(capsys, "--db", str(empty), "list")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "empty file (0 bytes), not a library" in err
    assert empty.stat().st_size == 0  # not turned into a library


def test_single_file_import_ignores_sidecar_entries_for_other_files(
    capsys, db: str, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    one = folder / "000-nato-security-guarantees.md"
    code, out, err = run(capsys, "--db", db, "import", str(one))
    assert code == 0, out + err
    assert out.splitlines()[-1].startswith("1 imported, 0 updated, 0 skipped, 0 failed")
    sidecar = json.loads((folder / "highlights.json").read_text(encoding="utf-8"))
    mine = [h for h in sidecar["highlights"] if h["article"] == one.name]
    assert f"{len(mine)} highlights added" in out  # this file's highlights came along
    # The rest of the folder later: its highlights come along then, nothing twice.
    code, out, _ = run(capsys, "--db", db, "import", str(folder))
    assert code == 0 and "4 imported" in out
    items = json.loads(run(capsys, "--db", db, "highlights", "--json")[1])
    assert len(items) == len(sidecar["highlights"])
