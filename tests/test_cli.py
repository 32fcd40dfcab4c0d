"""The command line end to end, in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from briefing.cli import main

from tests.conftest import ARTICLES, write_numbered_articles
from tests.conftest import run_cli as run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "x.db")


def test_import_list_and_second_import(capsys, db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "import", str(ARTICLES))
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("5 imported, 0 updated, 0 skipped, 0 failed")
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 5
    titles = {r["title"] for r in rows}
    assert "NATOとウクライナ" in titles
    assert all(r["language"] == "ja" and r["characters"] > 1000 for r in rows)
    code, out, _ = run(capsys, "--db", db, "import", str(ARTICLES))
    assert code == 0 and "0 imported, 0 updated, 5 skipped, 0 failed" in out
    _, again, _ = run(capsys, "--db", db, "list", "--json")
    assert json.loads(again) == rows


def test_article_text_has_no_broken_lines(capsys, db: str) -> None:
    run(capsys, "--db", db, "import", str(ARTICLES))
    rows = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    chapter = next(r for r in rows if r["title"] == "NATOとウクライナ")
    code, text, _ = run(capsys, "--db", db, "article", str(chapter["id"]), "--text")
    assert code == 0 and "プーチン" in text
    for line in text.splitlines():
        assert len(line) < 40 or line.endswith(("。", "」", "）", ")", ".", "：", ":"))


def test_failed_import_exits_1_with_one_line_per_bad_file(capsys, db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    code, out, _ = run(capsys, "--db", db, "import", str(bad))
    assert code == 1
    assert out.splitlines()[0].startswith("failed") and "bad.txt" in out.splitlines()[0]


def test_highlight_highlights_tags_workflow(capsys, db: str) -> None:
    run(capsys, "--db", db, "import", str(ARTICLES))
    rows = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    article_id = str(rows[0]["id"])
    text = run(capsys, "--db", db, "article", article_id, "--text")[1]
    quote = text.splitlines()[1][:20]
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "highlight",
        article_id,
        "--quote",
        quote,
        "--tag",
        "制裁",
        "--note",
        "cli note",
        "--json",
    )
    assert code == 0
    created = json.loads(out)
    assert created["quote"] == quote and created["tags"] == ["sanctions"]
    listed = json.loads(run(capsys, "--db", db, "highlights", "--tag", "sanctions", "--json")[1])
    assert created["id"] in {h["id"] for h in listed}
    assert all("sanctions" in h["tags"] and h["article"] and h["quote"] for h in listed)
    code, _, err = run(capsys, "--db", db, "highlight", article_id, "--quote", "存在しない引用文")
    assert code == 2 and err.startswith("briefing-reader: the quote does not occur")
    assert run(capsys, "--db", db, "tag", "rename", "sanctions", "Sanctions (RU)")[0] == 0
    tags = json.loads(run(capsys, "--db", db, "tags", "--json")[1])
    assert "Sanctions (RU)" in {t["name"] for t in tags}
    code, _, err = run(capsys, "--db", db, "tag", "delete", "NSATU")
    assert code == 2 and "untag them first" in err
    assert run(capsys, "--db", db, "tag", "color", "NSATU", "#00ff00")[0] == 0


def test_search_json(capsys, db: str) -> None:
    run(capsys, "--db", db, "import", str(ARTICLES))
    code, out, _ = run(capsys, "--db", db, "search", "制裁", "--json", "--limit", "100")
    assert code == 0
    answer = json.loads(out)
    results = answer["hits"]
    assert {r["kind"] for r in results} == {"article", "highlight"}
    assert all("制裁" in r["snippet"] for r in results)
    kinds = [r["kind"] for r in results]
    assert answer["total_articles"] == kinds.count("article") > 0
    assert answer["total_highlights"] == kinds.count("highlight") > 0
    assert answer["total"] == len(results) and answer["remaining"] == 0
    code, out, _ = run(capsys, "--db", db, "reindex")
    assert code == 0 and "rebuilt" in out


def test_search_says_what_the_limit_left_out(capsys, db: str) -> None:
    run(capsys, "--db", db, "import", str(ARTICLES))
    _, out, _ = run(capsys, "--db", db, "search", "制裁", "--json", "--limit", "1000")
    everything = json.loads(out)
    total = everything["total"]
    assert total > 3 and len(everything["hits"]) == total
    code, out, err = run(capsys, "--db", db, "search", "制裁", "--limit", "2")
    assert code == 0
    assert f"{total:,} results" in err and f"{total - 2:,} more" in err
    assert out.count("\n          ") == 2  # two hits printed, each on two lines
    # Pages put together give every hit once, in the same order as one big page.
    pages = []
    for offset in range(0, total, 3):
        _, out, _ = run(
            capsys, "--db", db, "search", "制裁", "--json", "--limit", "3", "--offset", str(offset)
        )
        page = json.loads(out)
        assert page["total"] == total and page["offset"] == offset
        pages += [(h["kind"], h["id"]) for h in page["hits"]]
    assert pages == [(h["kind"], h["id"]) for h in everything["hits"]]
    code, _, err = run(capsys, "--db", db, "search", "制裁", "--limit", "0")
    assert code == 2 and err.count("\n") == 1


def test_not_a_library_is_one_line(capsys, tmp_path: Path) -> None:
    fake = tmp_path / "fake.db"
    fake.write_text("just text")
    code, _, err = run(capsys, "--db", str(fake), "list")
    assert code == 2 and err.count("\n") == 1 and "not a Briefing Reader library" in err


def test_installed_command_and_env_variable(tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFING_DB": str(tmp_path / "env.db")}
    exe = Path(sys.executable).with_name("briefing-reader")
    result = subprocess.run(
        [str(exe), "--help"], capture_output=True, text=True, env=env, check=True
    )
    for command in (
        "import",
        "list",
        "article",
        "highlight",
        "highlights",
        "tags",
        "tag",
        "search",
        "reindex",
    ):
        assert command in result.stdout
    subprocess.run([str(exe), "list"], capture_output=True, env=env, check=True)
    assert (tmp_path / "env.db").exists()


def test_odd_arguments_are_one_line_errors(capsys, db: str) -> None:
    run(capsys, "--db", db, "import", str(ARTICLES))
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db, "article", "99999999999999999999"])
    assert exit_info.value.code == 2
    assert "no such id" in capsys.readouterr().err
    code, _, err = run(capsys, "--db", db, "search", "source:\udcff")
    assert code == 2 and err.strip() == "briefing-reader: an argument is not valid UTF-8 text"
    code, _, err = run(capsys, "--db", db, "article", "12345")
    assert code == 2 and err.strip() == "briefing-reader: no article with id 12345"


def test_a_file_name_that_is_not_utf8_does_not_stop_the_batch(capsys, db: str, tmp_path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("記事A\n\n制裁の話。\n", encoding="utf-8")
    odd = os.fsdecode(b"\x90\xa7\x8d\xd9.txt")  # 制裁.txt in Shift_JIS bytes
    (folder / odd).write_text("記事B\n\n北方領土の話。\n", encoding="utf-8")
    (folder / "z.txt").write_text("記事Z\n\n停戦の話。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(folder))
    assert code == 0 and "3 imported" in out
    assert "\ufffd" in out  # the undecodable name, printed with replacement characters


def test_missing_qt_library_is_named_with_its_package() -> None:
    from briefing.cli import missing_library_message

    error = ImportError(
        "libglib-2.0.so.0: cannot open shared object file: No such file or directory"
    )
    message = missing_library_message(error)
    assert "libglib-2.0.so.0" in message and "libglib2.0-0" in message
    assert "\n" not in message


def test_an_empty_library_says_how_to_fill_it(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "empty.db"), "list"]) == 0
    assert "briefing-reader sample" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "empty.db"), "search", "制裁"]) == 0
    captured = capsys.readouterr()
    assert "no results" in captured.out and "briefing-reader sample" in captured.err


def _modules_after(args: list[str]) -> set[str]:
    """The modules a fresh interpreter has loaded after running the CLI with ``args``."""
    code = (
        "import contextlib, io, sys\n"
        "from briefing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({args!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(' '.join(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_version_loads_no_services_and_search_no_importers(db: str) -> None:
    # Start-up time: --version answers before any of the services, SQLite layer or
    # sqlite-utils is imported; a search never loads the importers, the Markdown parser or
    # sqlite-utils (with click and pluggy).
    loaded = _modules_after(["--version"])
    assert not {m for m in loaded if m.startswith(("briefing.services.", "briefing.store"))}
    assert "sqlite_utils" not in loaded
    assert main(["--db", db, "tags"]) == 0  # the library exists and needs no migration
    loaded = _modules_after(["--db", db, "search", "制裁"])
    assert "briefing.services.search" in loaded
    assert not {m for m in loaded if m.startswith(("briefing.importers", "markdown_it"))}
    assert not {m for m in loaded if m.startswith(("sqlite_utils", "click", "pluggy"))}


def test_a_big_folder_imports_alike_with_workers_or_without(tmp_path: Path) -> None:
    """The installed command reads a big folder in worker processes (started by running the
    command's own script again) or, with ``--jobs 1``, itself: the same articles either way."""
    folder = write_numbered_articles(tmp_path / "inbox", 80)
    exe = str(Path(sys.executable).with_name("briefing-reader"))
    listings = []
    for jobs in (["--jobs", "2"], ["--jobs", "1"]):
        db = str(tmp_path / f"lib{jobs[1]}.db")
        done = subprocess.run(
            [exe, "--db", db, "import", str(folder), *jobs], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert done.stdout.splitlines()[-1] == "80 imported, 0 updated, 0 skipped, 0 failed"
        rows = json.loads(subprocess.check_output([exe, "--db", db, "list", "--json"]))
        listings.append([(r["id"], r["title"], r["characters"]) for r in rows])
        found = subprocess.check_output([exe, "--db", db, "search", "--json", "第42号"])
        assert [hit["title"][:4] for hit in json.loads(found)["hits"]] == ["第42号"]
    assert listings[0] == listings[1] and len(listings[0]) == 80


def test_jobs_must_be_a_small_positive_number(capsys, db: str) -> None:
    for value, message in (("0", "must be between 1 and 64"), ("x", "not a number: 'x'")):
        with pytest.raises(SystemExit):
            main(["--db", db, "import", "--jobs", value, str(ARTICLES)])
        assert f"argument --jobs: {message}" in capsys.readouterr().err
