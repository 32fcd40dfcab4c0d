"""Batched import writes: each article all or nothing, committed articles kept through a kill."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text
from briefing.services import Library
from briefing.store import StoreError, articles, batches


def _write_folder(folder: Path, count: int) -> dict[str, str]:
    """``count`` Markdown files; returns title -> body."""
    folder.mkdir()
    bodies = {}
    for n in range(count):
        title = f"記事{n:04d}"
        body = f"## 見出し{n}\n\n" + f"第{n}号の制裁についての本文。" * 300 + "\n\n- 項目\n"
        (folder / f"{n:04d}.md").write_text(f"---\ntitle: {title}\n---\n\n{body}", "utf-8")
        bodies[title] = body
    return bodies


def test_a_failing_item_leaves_nothing_and_the_others_stay(library: Library) -> None:
    db = library.db
    values = {key: "" for key in articles.ARTICLE_COLUMNS}
    values.update(title="一", body="本文一", text="本文一", content_hash="h1", published=None)
    with batches.BatchedWrites(db) as batch:
        with batch.item():
            articles.insert_article(db, values, "2025-01-01T00:00:00")
        with pytest.raises(StoreError), batch.item():
            articles.insert_article(db, {**values, "title": "二", "content_hash": "h2"}, "t")
            articles.insert_article(db, values, "2025-01-01T00:00:00")  # same hash: refused
    assert [a.title for a in library.articles()] == ["一"]
    assert db.execute("SELECT count(*) FROM article_texts").fetchone()[0] == 1


def test_a_killed_import_keeps_whole_articles_and_resumes(tmp_path: Path) -> None:
    bodies = _write_folder(tmp_path / "in", 600)
    path = tmp_path / "library.db"
    Library.open(path).close()
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing", "--db", str(path), "import", str(tmp_path / "in")],
        stdout=subprocess.DEVNULL,
    )
    watcher = sqlite3.connect(path)
    deadline = time.monotonic() + 60
    while watcher.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
        assert time.monotonic() < deadline and child.poll() is None, "no batch was committed"
        time.sleep(0.01)
    workers = _children(child.pid)  # the processes reading the folder ahead (2 cores or more)
    assert workers or len(os.sched_getaffinity(0)) < 2, "600 files are read by workers"
    child.send_signal(signal.SIGKILL)
    child.wait()
    watcher.close()
    deadline = time.monotonic() + 10
    while any(_running(worker) for worker in workers):  # they die with the import
        assert time.monotonic() < deadline, f"workers {workers} outlived a killed import"
        time.sleep(0.05)

    with Library.open(path) as library:
        kept = library.articles()
        assert 0 < len(kept) < 600, "the kill should land between the first and last batch"
        for summary in kept:  # every committed article is whole: row, text, Markdown, index
            article = library.article(summary.id)
            assert article.body == bodies[article.title].strip() + "\n"
            assert article.text == canonical_text(article.body)
            assert summary.char_count == len(article.text)
            assert {h.id for h in library.search(f'"{article.title}"').hits} == {article.id}
        counts = library.db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_texts)"
        ).fetchone()
        assert counts == (len(kept), len(kept))
        report = library.import_paths([tmp_path / "in"])
        assert report.count("skipped") == len(kept)
        assert report.count("imported") == 600 - len(kept)
        assert library.article_count() == 600



def test_workers_die_with_an_import_killed_as_it_starts_them(tmp_path: Path) -> None:
    """Killed in the tenth of a second a worker takes to start, before the worker could ask
    to die with it: the worker notices it has another parent and ends."""
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one processor: an import starts no workers")
    _write_folder(tmp_path / "in", 200)
    path = tmp_path / "library.db"
    Library.open(path).close()
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing", "--db", str(path), "import", str(tmp_path / "in")],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not (workers := [w for w in _children(child.pid) if _spawned_worker(w)]):
        assert time.monotonic() < deadline and child.poll() is None, "no worker was started"
        time.sleep(0.001)
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 10
    while any(_running(worker) for worker in workers):
        assert time.monotonic() < deadline, f"workers {workers} outlived a killed import"
        time.sleep(0.05)


def _spawned_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False

def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux: /proc/PID/task/*/children)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(n) for n in (task / "children").read_text().split()]
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` is alive (a zombie nobody reaped is dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
