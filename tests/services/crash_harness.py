"""Killing writers at random moments, and what must hold afterwards (issue 15).

Shared by ``tests/services/test_crash_safety.py`` (a few kills in the default suite) and
``bench/kill_bench.py`` (hundreds). A writer runs in a forked child of this process (the
modules are imported once; a fork costs milliseconds where a new interpreter costs most of a
second): it opens the library, says it is ready, then imports files one by one, or imports
a whole folder in batches, or makes a burst of highlight edits, appending to a journal file
what it is about to do (``intent``) and what was committed (``done``: the call returned, so
its transaction committed). The parent waits for ``ready``, sleeps a random moment and sends
SIGKILL. Afterwards:

* SQLite's integrity check, the search index against the texts, and the references hold
  (:func:`briefing.store.checks.check_file`);
* every journaled ``done`` is in the library exactly (the article with its content hash,
  the highlight with its quote and note; a deleted highlight absent);
* the one ``intent`` without ``done`` is either wholly applied or not at all.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.services import AddHighlight, DeleteHighlight, EditHighlight, Library
from briefing.store import checks

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "articles"
READY_TIMEOUT_S = 30.0


@dataclass
class KillStats:
    """What a run of kills tried and found."""

    kills: int = 0  # the child was still writing when it was killed
    finished: int = 0  # the child had finished before the signal: no kill
    committed: int = 0  # journaled commits verified after the kills
    problems: list[str] = field(default_factory=list)


def make_template(folder: Path) -> Path:
    """A library holding the sample articles and highlights, closed and checkpointed."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "template.db"
    with Library.open(path) as library:
        assert not library.import_sample_library().failed
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def make_import_files(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """``count`` small, distinct Markdown articles."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    words = ["制裁", "北方領土", "停戦", "交渉", "安全保障", "経済", "外交", "国連", "声明"]
    files = []
    for number in range(count):
        paragraphs = [
            "。".join(f"{rng.choice(words)}の論点{number}-{p}-{s}" for s in range(6)) + "。"
            for p in range(rng.randint(3, 12))
        ]
        path = folder / f"article-{number:03d}.md"
        path.write_text(
            f"---\ntitle: 記事{number}\nsource: 試験通信\n---\n\n" + "\n\n".join(paragraphs),
            encoding="utf-8",
        )
        files.append(path)
    return files


class Journal:
    """Lines appended with one ``write`` each (no buffer): a kill never tears one in two
    and never loses one already written."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def __call__(self, *fields: object) -> None:
        os.write(self.fd, ("\t".join(str(f) for f in fields) + "\n").encode())


def import_workload(db: Path, files: list[Path], journal: Journal) -> None:
    with Library.open(db) as library:
        journal("ready")
        for path in files:
            journal("intent", "import", path.name)
            outcome = library.import_paths([path]).outcomes[0]
            if outcome.status in ("imported", "updated"):
                article = library.article(outcome.article_id)
                journal("done", "article", outcome.article_id, article.content_hash)


def folder_workload(db: Path, folder: Path, journal: Journal) -> None:
    """One folder import (articles batched into few transactions, the search index written
    just before each commit): a kill loses the batch under way, never part of one."""
    with Library.open(db) as library:
        journal("ready")
        journal("intent", "import", folder.name)
        for outcome in library.import_paths([folder]).outcomes:
            if outcome.status in ("imported", "updated"):
                article = library.article(outcome.article_id)
                journal("done", "article", outcome.article_id, article.content_hash)


def highlight_workload(db: Path, seed: int, journal: Journal) -> None:
    """Add, re-note, retag and delete highlights as fast as the library takes them."""
    rng = random.Random(seed)
    with Library.open(db) as library:
        articles = [(a.id, library.article(a.id).text) for a in library.articles()]
        live = [h.id for h in library.highlights()]
        journal("ready")
        for step in range(100_000):
            kind = rng.choices(["add", "note", "tags", "delete"], [5, 3, 1, 1])[0]
            if kind != "add" and not live:
                kind = "add"
            if kind == "add":
                article_id, text = rng.choice(articles)
                start = rng.randrange(0, len(text) - 20)
                note = f"note {seed}-{step}"
                journal("intent", "add", article_id, start)
                command = AddHighlight(article_id, start, start + rng.randint(2, 20), (), note)
                library.execute(command)
                live.append(command.highlight_id)
                journal("done", "highlight", command.highlight_id, note)
            elif kind == "note":
                highlight_id, note = rng.choice(live), f"edited {seed}-{step}"
                journal("intent", "note", highlight_id, note)
                library.execute(EditHighlight(highlight_id, note=note))
                journal("done", "highlight", highlight_id, note)
            elif kind == "tags":
                highlight_id = rng.choice(live)
                tags = tuple(rng.sample(["sanctions", "NSATU", "Northern Territories"], 2))
                journal("intent", "tags", highlight_id)
                library.execute(EditHighlight(highlight_id, tags=tags))
                journal("done", "tags", highlight_id, ",".join(sorted(tags)))
            else:
                highlight_id = live.pop(rng.randrange(len(live)))
                journal("intent", "delete", highlight_id)
                library.execute(DeleteHighlight(highlight_id))
                journal("done", "deleted", highlight_id)


def run_child(work, *args: object) -> int:
    """Fork; the child runs ``work(*args)`` and exits without running the parent's cleanup."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            work(*args)
        except BaseException:  # a child must never return into pytest
            code = 3
        finally:
            os._exit(code)
    return pid


def _wait_ready(journal_path: Path, pid: int) -> bool:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        with contextlib.suppress(FileNotFoundError):
            if journal_path.read_bytes().startswith(b"ready\n"):
                return True
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return False
        time.sleep(0.002)
    return False


def kill_at_random(pid: int, journal_path: Path, delay: float) -> bool:
    """Kill the child ``delay`` seconds after it is ready; True if it was still running."""
    if not _wait_ready(journal_path, pid):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise RuntimeError("the writer never got ready")
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def verify(db: Path, journal_path: Path) -> tuple[int, list[str]]:
    """What must hold after a kill; returns (commits verified, problems)."""
    lines = [line.split("\t") for line in journal_path.read_text().splitlines()]
    with Library.open(db) as library:  # recovers the -wal, as the next start would
        problems = list(checks.check_file(db).problems)
        expected_articles: dict[int, str] = {}
        notes: dict[int, str] = {}
        tags: dict[int, str] = {}
        deleted: set[int] = set()
        for line in lines:
            if line[0] != "done":
                continue
            kind, ident = line[1], int(line[2])
            if kind == "article":
                expected_articles[ident] = line[3]
            elif kind == "highlight":
                notes[ident] = line[3]
                deleted.discard(ident)
            elif kind == "tags":
                tags[ident] = line[3]
            elif kind == "deleted":
                deleted.add(ident)
                notes.pop(ident, None)
                tags.pop(ident, None)
        pending = lines[-1] if lines and lines[-1][0] == "intent" else None
        in_flight = int(pending[2]) if pending and pending[1] in ("note", "tags", "delete") else 0
        for article_id, digest in expected_articles.items():
            try:
                article = library.article(article_id)
            except Exception:  # reported, not raised
                problems.append(f"committed article #{article_id} is missing")
                continue
            if article.content_hash != digest:
                problems.append(f"article #{article_id} is not the text committed")
        present = {h.id: h for h in library.highlights()}
        for highlight_id, note in notes.items():
            found = present.get(highlight_id)
            if found is None:
                if not (highlight_id == in_flight and pending[1] == "delete"):
                    problems.append(f"committed highlight #{highlight_id} is missing")
            elif found.note != note and highlight_id != in_flight:
                problems.append(f"highlight #{highlight_id} lost its committed note")
        for highlight_id, names in tags.items():
            found = present.get(highlight_id)
            if found and ",".join(sorted(found.tags)) != names and highlight_id != in_flight:
                problems.append(f"highlight #{highlight_id} lost its committed tags")
        for highlight_id in deleted & present.keys():
            problems.append(f"deleted highlight #{highlight_id} came back")
    committed = len(expected_articles) + len(notes) + len(tags) + len(deleted)
    return committed, problems


def _start(kind: str, db: Path, files: list[Path], seed: int, journal: Journal) -> int:
    if kind == "import":
        shuffled = random.Random(seed).sample(files, len(files))
        return run_child(import_workload, db, shuffled, journal)
    if kind == "folder":
        return run_child(folder_workload, db, files[0].parent, journal)
    return run_child(highlight_workload, db, seed, journal)


def _fresh(workdir: Path, name: str, template: Path) -> tuple[Path, Path, Journal]:
    folder = workdir / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copyfile(template, folder / "library.db")
    return folder / "library.db", folder / "journal", Journal(folder / "journal")


def calibrate(kind: str, workdir: Path, template: Path, files: list[Path]) -> float:
    """How long the writer works from ``ready`` to its end when nobody kills it (the
    highlight burst never ends: ``inf``), so that kills land over the whole of its work
    whatever the machine's speed."""
    if kind == "highlights":
        return float("inf")
    db, journal_path, journal = _fresh(workdir, f"{kind}-calibration", template)
    pid = _start(kind, db, files, 0, journal)
    os.close(journal.fd)
    if not _wait_ready(journal_path, pid):
        raise RuntimeError("the writer never got ready")
    started = time.monotonic()
    os.waitpid(pid, 0)
    return time.monotonic() - started


def run_kills(
    kind: str, count: int, workdir: Path, seed: int = 0, max_delay: float = 0.3
) -> KillStats:
    """Trials of ``kind`` ("import": file by file, "folder": one batched folder import, or
    "highlights") until ``count`` were killed (at most ``3 * count`` trials), each on a fresh
    copy of the template library, killed at a random moment of the writer's work (at most
    ``max_delay`` seconds after it is ready)."""
    rng = random.Random(seed)
    template = workdir / "template" / "template.db"
    if not template.exists():
        make_template(template.parent)
    files = make_import_files(workdir / "files", 40, seed=seed + 1)
    window = min(max_delay, calibrate(kind, workdir, template, files))
    stats = KillStats()
    # A writer that ends before its kill proves less: run more trials (up to three times as
    # many) until ``count`` of them were killed, since the calibration run may have been
    # slower than the trials (a loaded machine).
    trial = -1
    while stats.kills < count and trial + 1 < 3 * count:
        trial += 1
        db, journal_path, journal = _fresh(workdir, f"{kind}-{trial}", template)
        pid = _start(kind, db, files, seed * 1000 + trial, journal)
        os.close(journal.fd)
        killed = kill_at_random(pid, journal_path, rng.uniform(0, window * 0.8))
        stats.kills += killed
        stats.finished += not killed
        committed, problems = verify(db, journal_path)
        stats.committed += committed
        stats.problems.extend(f"{kind} trial {trial}: {p}" for p in problems)
        if not problems:
            shutil.rmtree(db.parent, ignore_errors=True)
    return stats
