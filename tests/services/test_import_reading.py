"""A folder import read ahead by worker processes writes what a one-process import writes,
and its workers never outlive it (Cancel, a dead worker)."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from briefing.importers import ImportCancelled
from briefing.services import Library, import_reading
from briefing.services.backup import check
from briefing.services.import_reading import (
    PARALLEL_MIN_FILES,
    PreparedDraft,
    read_ahead,
    worker_count,
)
from briefing.services.importing import import_paths

from tests.conftest import write_numbered_articles

FILES = PARALLEL_MIN_FILES + 6


def _folder(root: Path) -> Path:
    """A folder as analysts have them: many articles, one of them twice, and files that fail
    (binary, empty, Shift_JIS)."""
    folder = write_numbered_articles(root / "inbox", FILES)
    (folder / "900-again.md").write_bytes((folder / "007.md").read_bytes())
    (folder / "901-binary.md").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "902-empty.txt").write_bytes(b"")
    (folder / "903-sjis.txt").write_bytes("制裁の対象となる北方領土".encode("shift_jis"))
    return folder


def _contents(db_path: Path) -> list[tuple]:
    """Every article row the import wrote, its text row, and its index rows' tokens."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT a.id, a.title, a.content_hash, a.char_count, t.packed, t.markup, t.folds "
            "FROM articles a JOIN article_texts t ON t.id = a.id ORDER BY a.id"
        ).fetchall()
    finally:
        conn.close()


def test_workers_write_what_one_process_writes(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    reports, hits = {}, {}
    for workers in (0, 2):
        with Library.open(tmp_path / f"w{workers}.db") as library:
            reports[workers] = import_paths(library.db, [folder], workers=workers)
            hits[workers] = [hit.article_id for hit in library.search("北方領土", limit=500).hits]
        assert check(tmp_path / f"w{workers}.db").problems == []
    serial, parallel = reports[0], reports[2]
    assert [(o.path, o.status, o.title, o.message) for o in parallel.outcomes] == [
        (o.path, o.status, o.title, o.message) for o in serial.outcomes
    ]
    assert parallel.count("imported") == FILES
    assert parallel.count("skipped") == 1
    assert parallel.count("failed") == 3
    assert hits[2] == hits[0] and hits[0]
    assert _contents(tmp_path / "w2.db") == _contents(tmp_path / "w0.db")
    assert multiprocessing.active_children() == []


def test_cancel_stops_the_workers_and_keeps_what_was_imported(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    seen: list[int] = []
    with Library.open(tmp_path / "lib.db") as library:
        report = import_paths(
            library.db,
            [folder],
            progress=lambda done, total, label: seen.append(done),
            cancelled=lambda: len(seen) > 20,
            workers=2,
        )
        assert report.cancelled
        assert multiprocessing.active_children() == []
        kept = len(library.articles())
        assert 0 < kept < FILES
        assert kept == report.count("imported")
    assert check(tmp_path / "lib.db").problems == []


def test_dead_workers_cost_no_file(tmp_path: Path) -> None:
    """Workers that die (here: killed as they start, before they could hand anything back)
    leave the files to this process: every file is read, in order. One worker: with two,
    Python 3.11's pool can itself hang when one dies while it is starting the other."""
    folder = _folder(tmp_path)
    files = [(path, folder) for path in sorted(folder.glob("0*.md"))]
    killer = threading.Thread(target=_kill_workers_as_they_start, daemon=True)
    killer.start()
    reads = list(read_ahead(files, 1))
    killer.join(5)
    assert [read.title.split(" ")[0] for read in reads] == [  # type: ignore[union-attr]
        f"第{number}号" for number in range(len(files))
    ]
    assert all(isinstance(read, PreparedDraft) for read in reads)
    assert multiprocessing.active_children() == []


def _kill_workers_as_they_start() -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        workers = [p for p in multiprocessing.active_children() if "SpawnProcess" in p.name]
        if workers:
            for worker in workers:
                worker.kill()
            return
        time.sleep(0.001)


def test_cancel_is_heard_while_waiting_for_a_worker(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    files = [(path, folder) for path in sorted(folder.glob("0*.md"))]
    stop = threading.Event()
    reads = read_ahead(files, 2, stop.is_set)
    for _ in range(import_reading._CHUNK):  # the first chunk, handed over whole
        assert isinstance(next(reads), PreparedDraft)
    stop.set()  # the next chunk is not waited for, read or not: Cancel wins
    with pytest.raises(ImportCancelled):
        next(reads)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(("files", "expected"), [(1, 0), (PARALLEL_MIN_FILES - 1, 0)])
def test_a_few_files_are_read_here(files: int, expected: int) -> None:
    assert worker_count(files) == expected
