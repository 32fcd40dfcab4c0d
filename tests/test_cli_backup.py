"""``backup``, ``restore``, ``check`` and ``article --versions`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ARTICLES
from tests.conftest import run_cli as run


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    path = str(tmp_path / "lib.db")
    assert run(capsys, "--db", path, "import", str(ARTICLES))[0] == 0
    return path


def test_backup_check_and_restore(capsys, db: str, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0 and out.startswith("backup written: ")
    made = Path(out.split(": ", 1)[1].splitlines()[0])
    assert made.parent == tmp_path / "backups" and made.is_file()
    code, out, _ = run(capsys, "--db", db, "check")
    assert (code, out.strip()) == (0, "ok: SQLite integrity, references, search index")
    run(capsys, "--db", db, "delete-article", "1", "--yes")
    code, out, _ = run(capsys, "--db", db, "restore", str(made))
    assert code == 0 and "the previous library is kept as" in out
    assert list(tmp_path.glob("lib.db.before-restore-*"))
    code, out, _ = run(capsys, "--db", db, "list")
    assert len(out.strip().splitlines()) == 5


def test_backup_to_a_path_and_keep_option(capsys, db: str, tmp_path: Path) -> None:
    code, _out, _ = run(capsys, "--db", db, "backup", str(tmp_path / "copy.db"), "--keep", "2,1,1")
    assert code == 0 and (tmp_path / "copy.db").is_file()
    code, _, err = run(capsys, "--db", db, "backup", "--keep", "two")
    assert code == 2 and err.count("\n") == 1 and "not a rotation" in err


def test_check_reports_a_damaged_file_and_restore_refuses_it(
    capsys, db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "backup", str(tmp_path / "copy.db"))
    copy = tmp_path / "copy.db"
    with copy.open("r+b") as handle:
        handle.seek(copy.stat().st_size // 2)
        handle.write(b"\x00" * 8192)
    code, out, _ = run(capsys, "--db", str(copy), "check")
    assert code == 1 and "problem(s) found" in out
    before = Path(db).read_bytes()
    code, _, err = run(capsys, "--db", db, "restore", str(copy))
    assert code == 2 and "not a usable backup" in err and err.count("\n") == 1
    assert Path(db).read_bytes() == before


def test_article_versions_show_and_restore(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    memo = tmp_path / "memo.md"
    memo.write_text("---\ntitle: メモ\n---\n\n最初の文章。制裁の話。\n", encoding="utf-8")
    run(capsys, "--db", db, "import", str(memo))
    memo.write_text("---\ntitle: メモ\n---\n\n書き直した文章。制裁の話。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(memo))
    assert code == 0 and "the earlier text is version 1" in out
    code, out, _ = run(capsys, "--db", db, "article", "1", "--versions")
    assert code == 0 and out.lstrip().startswith("1  ") and "memo.md" in out
    code, out, _ = run(capsys, "--db", db, "article", "1", "--version", "1", "--text")
    assert out == "最初の文章。制裁の話。\n"
    code, out, _ = run(capsys, "--db", db, "article", "1", "--restore-version", "1")
    assert code == 0 and "version 1 restored" in out
    assert run(capsys, "--db", db, "article", "1")[1] == "最初の文章。制裁の話。\n"
    shown = run(capsys, "--db", db, "article", "1", "--version", "1")[1]
    assert shown == "書き直した文章。制裁の話。\n"
    listed = json.loads(run(capsys, "--db", db, "article", "1", "--versions", "--json")[1])
    assert [(v["number"], v["characters"]) for v in listed] == [(1, len(shown) - 1)]
    code, _, err = run(capsys, "--db", db, "article", "1", "--version", "9")
    assert code == 2 and "has no version 9" in err


def test_same_title_and_source_imports_a_new_article_with_a_note(capsys, tmp_path) -> None:
    db = str(tmp_path / "n.db")
    for day, text in (("mon", "月曜の社説。"), ("tue", "火曜の社説。")):
        (tmp_path / f"{day}.md").write_text(
            f"---\ntitle: 社説\nsource: 朝日新聞\n---\n\n{text}\n", encoding="utf-8"
        )
    run(capsys, "--db", db, "import", str(tmp_path / "mon.md"))
    code, out, _ = run(capsys, "--db", db, "import", str(tmp_path / "tue.md"))
    assert code == 0 and out.startswith("imported  #2")
    assert "#1 has the same title and source" in out
