"""The proof in the suite (issue 15): writers killed at random moments, two writers at once,
and an I/O error at the write points of an analyst's session. ``bench/kill_bench.py`` runs
the same with hundreds of kills and every write point; the figures are in ``SAFETY.md``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from briefing.services import AddHighlight, Library
from briefing.store import checks
from briefing.store.connection import sqlite3

from tests.services import fault_injection
from tests.services.crash_harness import make_import_files, make_template, run_kills

KILLS_PER_KIND = 10  # 20 in all; bench/kill_bench.py runs hundreds
INJECTION_STRIDE = 3  # the suite fails every third write point; the bench fails each one


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.mark.parametrize("kind", ["import", "highlights"])  # bench/: "folder" too
def test_writers_killed_at_random_moments_lose_nothing_committed(
    kind: str, template: Path, tmp_path: Path
) -> None:
    shutil.copytree(template.parent, tmp_path / "template")
    stats = run_kills(kind, KILLS_PER_KIND, tmp_path, seed=15, max_delay=0.12)
    assert stats.problems == []
    assert stats.kills >= KILLS_PER_KIND * 0.7  # most trials were killed mid-write
    assert stats.committed > 0


def test_a_cli_import_while_the_window_writes_highlights(template: Path, tmp_path: Path) -> None:
    """Two writers at once: the window's connection adds highlights while a second process
    imports a folder through the CLI; both finish, nothing is lost, the index holds."""
    db = tmp_path / "library.db"
    shutil.copyfile(template, db)
    files = make_import_files(tmp_path / "files", 60)
    with Library.open(db) as library:
        first = library.article(library.articles()[0].id)
        cli = subprocess.Popen(
            [sys.executable, "-m", "briefing", "--db", str(db), "import", str(tmp_path / "files")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        added = []
        while cli.poll() is None or len(added) < 20:
            start = (len(added) * 37) % (len(first.text) - 10)
            command = AddHighlight(first.id, start, start + 5, ("sanctions",), f"n{len(added)}")
            library.execute(command)
            added.append(command.highlight_id)
        out, err = cli.communicate()
        assert cli.returncode == 0, err
        assert f"{len(files)} imported" in out.splitlines()[-1]
        assert {h.id for h in library.highlights(article_id=first.id)} >= set(added)
        assert library.article_count() == 5 + len(files)
    assert checks.check_file(db).ok


def test_an_io_error_at_each_write_point_fails_one_step_cleanly(
    template: Path, tmp_path: Path
) -> None:
    db, files = fault_injection.prepare(tmp_path / "count", template)
    clean, total = fault_injection.session(db, files, fail_at=0)
    assert clean.failures == [] and clean.problems == [] and total > 100
    tried = 0
    for fail_at in range(1, total + 1, INJECTION_STRIDE):
        db, files = fault_injection.prepare(tmp_path / "run", template)
        result, _ = fault_injection.session(db, files, fail_at)
        assert result.problems == [], (fail_at, result.problems)
        assert result.failures, f"write {fail_at} failed, and no step said so"
        tried += 1
    assert tried >= total // INJECTION_STRIDE


def test_a_full_disk_at_each_page_of_an_import_keeps_the_library_whole(
    template: Path, tmp_path: Path
) -> None:
    """A real SQLITE_FULL (``max_page_count``) a page further each time: the import says
    "the disk is full" once and stops; what it committed is whole; the checks hold."""
    files = make_import_files(tmp_path / "files", 12)
    db = tmp_path / "library.db"
    for extra_pages in range(8):  # from no page free to room for everything
        shutil.copyfile(template, db)
        with Library.open(db) as library:
            pages = library.db.execute("PRAGMA page_count").fetchone()[0]
            library.db.execute(f"PRAGMA max_page_count = {pages + extra_pages}")
            report = library.import_paths(files)
            failed = [o.message for o in report.outcomes if o.status == "failed"]
            assert all("the disk is full" in m for m in failed)
            # The report is true: an article of a batch SQLite rolled back whole is failed.
            imported = report.count("imported")
            assert library.article_count() == 5 + imported
            assert imported + len(failed) + report.stopped == len(files)
        assert checks.check_file(db).ok, extra_pages
    assert imported == len(files)  # the last limit left room for everything


def test_injection_proxy_counts_and_fails_the_nth_write() -> None:
    conn = sqlite3.connect(":memory:")
    failing = fault_injection.FailingConnection(conn, fail_at=2)
    failing.execute("CREATE TABLE t (x)")
    failing.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        failing.execute("  insert into t values (2)")
    failing.execute("SELECT * FROM t")
    assert failing.writes == 2 and failing.failed_sql.strip().startswith("insert")
