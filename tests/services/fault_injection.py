"""An I/O error at every write point of an analyst's session (issue 15).

No VFS shim is at hand in the standard ``sqlite3`` module, so the connection the library
writes through is wrapped: every statement that writes or ends a transaction or a
savepoint (``INSERT``, ``UPDATE``, ``DELETE``, ``REPLACE``, ``BEGIN``, ``COMMIT``,
``RELEASE``) is a write point,
and the N-th raises SQLite's own ``disk I/O error``, as a failing disk would. The session
(:func:`session`) is run once to count its write points, then once per point with that
point failing; each step must fail whole, in one line, or succeed, and afterwards the file
must pass every check (:func:`briefing.store.checks.check_file`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core.errors import BriefingError
from briefing.services import (
    AddHighlight,
    CreateTag,
    DeleteArticle,
    DeleteHighlight,
    EditHighlight,
    EditTag,
    Library,
    MergeTags,
)
from briefing.services.versions import RestoreVersion
from briefing.store import checks
from briefing.store.connection import sqlite3

WRITE_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "COMMIT", "RELEASE")


class FailingConnection:
    """A ``sqlite3.Connection`` whose ``fail_at``-th write statement raises an I/O error
    (0: none fails); ``writes`` counts the write statements seen."""

    def __init__(self, conn: sqlite3.Connection, fail_at: int = 0) -> None:
        self._conn = conn
        self.fail_at = fail_at
        self.writes = 0
        self.failed_sql = ""

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        words = sql.lstrip().split(None, 1)
        if words and words[0].upper().rstrip(";") in WRITE_WORDS:
            self.writes += 1
            if self.writes == self.fail_at:
                self.failed_sql = sql
                raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def state(conn: sqlite3.Connection) -> tuple:
    """Everything an analyst's work consists of, to compare before and after a step."""
    queries = (
        "SELECT id, content_hash, title, updated_at FROM articles ORDER BY id",
        "SELECT id, article_id, quote, note, start_pos, end_pos, orphaned FROM highlights "
        "ORDER BY id",
        "SELECT highlight_id, tag_id FROM highlight_tags ORDER BY 1, 2",
        "SELECT id, name, color, slot FROM tags ORDER BY id",
        "SELECT alias_key, tag_id FROM tag_aliases ORDER BY 1",
        "SELECT article_id, number, content_hash FROM article_versions ORDER BY 1, 2",
    )
    return tuple(tuple(conn.execute(sql).fetchall()) for sql in queries)


@dataclass
class SessionResult:
    failures: list[str] = field(default_factory=list)  # one-line messages of failed steps
    problems: list[str] = field(default_factory=list)  # what must not happen
    steps: int = 0


def _steps(library: Library, folder: Path) -> list[tuple[str, Callable[[], object]]]:
    """An analyst's session: imports (one an update), highlight edits, tag work, a delete
    and its undo, a version restore."""
    memo = folder / "memo.md"
    first = library.article(library.articles()[0].id)
    quote_at = first.text.index("。") + 1

    def update_memo() -> object:
        memo.write_text("---\ntitle: メモ\n---\n\n書き直した。制裁の効果。\n", encoding="utf-8")
        return library.import_paths([memo])

    def restore() -> object:
        article_id = library.articles()[0].id
        for summary in library.articles():
            if summary.title == "メモ":
                article_id = summary.id
        return library.execute(RestoreVersion(article_id, 1))

    def newest_highlight() -> int:
        return max(h.id for h in library.highlights())

    return [
        ("import", lambda: library.import_paths([folder / "new"])),
        ("import memo", lambda: library.import_paths([memo])),
        ("update memo", update_memo),
        ("restore version", restore),
        ("add highlight", lambda: library.execute(
            AddHighlight(first.id, quote_at, quote_at + 8, ("sanctions",), "a note")
        )),
        ("edit note", lambda: library.execute(EditHighlight(newest_highlight(), note="new"))),
        ("retag", lambda: library.execute(EditHighlight(newest_highlight(), tags=("NSATU",)))),
        ("create tag", lambda: library.execute(CreateTag("試験", aliases=("test",)))),
        ("rename tag", lambda: library.execute(EditTag("試験", name="試験2"))),
        ("merge tags", lambda: library.execute(MergeTags("試験2", "sanctions"))),
        ("delete highlight", lambda: library.execute(DeleteHighlight(newest_highlight()))),
        ("delete article", lambda: library.execute(DeleteArticle(first.id))),
        ("undo", library.undo),
        ("undo again", library.undo),
    ]


def prepare(workdir: Path, template: Path) -> tuple[Path, Path]:
    """A fresh copy of the template library and the files the session imports."""
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "files" / "new").mkdir(parents=True)
    for number in range(3):
        (workdir / "files" / "new" / f"n{number}.md").write_text(
            f"---\ntitle: 新着{number}\n---\n\n新しい記事{number}。制裁と停戦の論点。\n",
            encoding="utf-8",
        )
    (workdir / "files" / "memo.md").write_text(
        "---\ntitle: メモ\n---\n\n最初の文。制裁の効果。\n", encoding="utf-8"
    )
    db = workdir / "library.db"
    shutil.copyfile(template, db)
    return db, workdir / "files"


def session(db: Path, files: Path, fail_at: int) -> tuple[SessionResult, int]:
    """Run the session with write ``fail_at`` failing; returns the result and how many
    write points the session passed through."""
    result = SessionResult()
    with Library.open(db) as library:
        real = library.db.conn
        failing = FailingConnection(real, fail_at)
        steps = _steps(library, files)
        library.db.conn = failing  # type: ignore[assignment]
        try:
            for name, step in steps:
                before = state(real)
                result.steps += 1
                try:
                    outcome = step()
                except BriefingError as error:
                    message = str(error)
                    result.failures.append(f"{name}: {message}")
                    if "\n" in message:
                        result.problems.append(f"{name}: a message of several lines")
                    if real.in_transaction:
                        result.problems.append(f"{name}: left a transaction open")
                    # A failed undo drops the step from the history and changes nothing.
                    if state(real) != before:
                        result.problems.append(f"{name}: failed, but changed the library")
                    continue
                report_failures = [
                    o for o in getattr(outcome, "outcomes", ()) if o.status == "failed"
                ]
                for failed in report_failures:
                    result.failures.append(f"{name}: {failed.message}")
        finally:
            library.db.conn = real
        writes = failing.writes
    report = checks.check_file(db)
    result.problems.extend(report.problems)
    return result, writes
