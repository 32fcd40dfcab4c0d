"""Checking a library file: SQLite's integrity, the search index against the texts, and the
references between rows.

The search index is contentless (FTS5 keeps only the tokens), so FTS5's own integrity check
cannot compare it with the articles. Here the index each article and highlight *should* have
is built again in temporary tables of the same kind, and both are read back through
``fts5vocab`` (term, row, column): any difference names the rows whose index is wrong. Only
temporary tables are written; the library file itself is only read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.textindex import INDEX_VERSION, index_tokens
from briefing.store import articles as article_store
from briefing.store.connection import LibraryDatabase, sqlite3
from briefing.store.db import describe
from briefing.store.migrations import TOKENIZER
from briefing.store.search_index import _article_rows

# name, columns, options: the library's FTS tables as the migrations declare them.
_FTS_TABLES = (
    ("article_fts", "title, body", f"detail=column, tokenize='{TOKENIZER}'"),
    ("article_tri", "tokens", "detail=none, tokenize='ascii'"),
    ("highlight_fts", "quote, note", f"detail=column, tokenize='{TOKENIZER}'"),
)
MAX_LISTED = 10  # ids named per problem; the count says how many more


@dataclass
class CheckReport:
    """What a check found: one line per problem (empty when the library is sound), and what
    was looked at."""

    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _ids(ids: list[int]) -> str:
    shown = ", ".join(f"#{i}" for i in ids[:MAX_LISTED])
    return shown + (f" and {len(ids) - MAX_LISTED} more" if len(ids) > MAX_LISTED else "")


def integrity(conn: sqlite3.Connection, report: CheckReport) -> bool:
    """``PRAGMA integrity_check``; returns whether the file is sound enough to read on."""
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    report.checked.append("SQLite integrity")
    if rows != ["ok"]:
        report.problems.extend(f"integrity: {row}" for row in rows[:MAX_LISTED])
        return False
    return True


def references(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Rows that refer to rows which are gone, articles without text, highlights outside
    their article's text."""
    report.checked.append("references")
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:50]:
        report.problems.append(f"references: a row of {table} refers to a missing {parent} row")
    missing = [r[0] for r in conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN article_texts t ON t.id = a.id WHERE t.id IS NULL"
    )]
    if missing:
        report.problems.append(f"references: articles without text: {_ids(missing)}")
    outside = [r[0] for r in conn.execute(
        "SELECT h.id FROM highlights h JOIN articles a ON a.id = h.article_id "
        "WHERE h.orphaned = 0 AND (h.start_pos < 0 OR h.end_pos < h.start_pos "
        "OR h.end_pos > a.char_count)"
    )]
    if outside:
        report.problems.append(f"references: highlights outside their text: {_ids(outside)}")


def _expected_index(conn: sqlite3.Connection) -> None:
    """Temporary FTS tables holding the index the current rows should have."""
    for name, columns, options in _FTS_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.want_{name}")
        conn.execute(
            f"CREATE VIRTUAL TABLE temp.want_{name} USING fts5({columns}, content='', {options})"
        )
    db = LibraryDatabase(conn)
    ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
    for start in range(0, len(ids), 200):
        texts = article_store.titles_and_texts(db, ids[start : start + 200])
        for article_id, (title, text) in sorted(texts.items()):
            _expect_article(conn, article_id, title, text)
    for highlight_id, quote, note in conn.execute("SELECT id, quote, note FROM highlights"):
        conn.execute(
            "INSERT INTO temp.want_highlight_fts (rowid, quote, note) VALUES (?, ?, ?)",
            [highlight_id, index_tokens(quote), index_tokens(note)],
        )


def _expect_article(conn: sqlite3.Connection, article_id: int, title: str, text: str) -> None:
    bigrams, trigrams = _article_rows(article_id, title, text)
    conn.execute("INSERT INTO temp.want_article_fts (rowid, title, body) VALUES (?, ?, ?)", bigrams)
    conn.execute("INSERT INTO temp.want_article_tri (rowid, tokens) VALUES (?, ?)", trigrams)


def search_index(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Compare each FTS table with the index rebuilt from the rows."""
    report.checked.append("search index")
    version = conn.execute("SELECT value FROM meta WHERE key = 'index_version'").fetchone()
    has_rows = conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    if has_rows and (version is None or version[0] != INDEX_VERSION):
        report.problems.append("search index: made by another version; run `reindex`")
        return
    _expected_index(conn)
    try:
        for name, _columns, options in _FTS_TABLES:
            for schema, table in (("main", name), ("temp", f"want_{name}")):
                conn.execute(f"DROP TABLE IF EXISTS temp.vocab_{table}")
                conn.execute(
                    f"CREATE VIRTUAL TABLE temp.vocab_{table} "
                    f"USING fts5vocab({schema}, {table}, instance)"
                )
            cols = "term, doc" if "detail=none" in options else "term, doc, col"
            have, want = f"temp.vocab_{name}", f"temp.vocab_want_{name}"
            only_have = f"SELECT {cols} FROM {have} EXCEPT SELECT {cols} FROM {want}"
            only_want = f"SELECT {cols} FROM {want} EXCEPT SELECT {cols} FROM {have}"
            sql = (
                f"SELECT doc FROM ({only_have}) UNION SELECT doc FROM ({only_want}) ORDER BY doc"
            )
            wrong = [row[0] for row in conn.execute(sql)]
            if wrong:
                what = "highlights" if name.startswith("highlight") else "articles"
                report.problems.append(
                    f"search index: {name} does not match the {what} {_ids(wrong)}; run `reindex`"
                )
    finally:
        for name, _columns, _options in _FTS_TABLES:
            for table in (name, f"want_{name}"):
                conn.execute(f"DROP TABLE IF EXISTS temp.vocab_{table}")
            conn.execute(f"DROP TABLE IF EXISTS temp.want_{name}")


def check_connection(conn: sqlite3.Connection) -> CheckReport:
    """Every check, in order; the index and references are checked only on a sound file."""
    report = CheckReport()
    try:
        if integrity(conn, report):
            references(conn, report)
            search_index(conn, report)
    finally:
        # The temporary tables' writes opened a transaction (Python's sqlite3 does so
        # before an INSERT): ending it lets the next check read the file as it is then.
        if conn.in_transaction:
            conn.rollback()
    return report


def check_file(path: Path) -> CheckReport:
    """:func:`check_connection` on the file at ``path``, opened read-only; a file SQLite
    cannot read at all is one problem, said in one line."""
    from briefing.store.backup import open_for_reading, quick_check

    problems = quick_check(path)
    if problems and not Path(path).is_file():
        return CheckReport(problems=problems, checked=["file"])
    try:
        conn = open_for_reading(path)
    except sqlite3.Error as error:
        return CheckReport(problems=[describe(error, path)], checked=["file"])
    try:
        return check_connection(conn)
    except sqlite3.Error as error:  # damaged beyond what the checks can read
        return CheckReport(problems=[*problems, describe(error, path)], checked=["file"])
    finally:
        conn.close()
