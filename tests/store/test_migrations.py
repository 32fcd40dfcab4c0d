"""Opening library files: new, older, newer, damaged, read-only and locked."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from briefing.store import StoreError, open_database
from briefing.store import db as store_db
from briefing.store.migrations import LATEST, MIGRATIONS, schema_version


def test_new_file_gets_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    assert schema_version(db) == LATEST
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"articles", "tags", "highlights", "highlight_tags", "article_fts"} <= set(
        db.table_names()
    )
    assert not list(tmp_path.glob("*.bak"))


def test_older_file_is_backed_up_then_migrated_keeping_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    import sqlite_utils

    old = sqlite_utils.Database(conn)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO articles (title, body, text, content_hash, imported_at, updated_at) "
        "VALUES ('制裁の記事', '本文', '本文', 'h1', '2025-01-01', '2025-01-01')"
    )
    conn.commit()
    conn.close()

    db = open_database(path)
    assert schema_version(db) == LATEST
    assert [r["title"] for r in db.query("SELECT title FROM articles")] == ["制裁の記事"]
    backup = tmp_path / "old.db.v1.bak"
    assert backup.exists()
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT title FROM articles").fetchall() == [("制裁の記事",)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    with pytest.raises(StoreError, match="newer Briefing Reader"):
        open_database(path)


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(200), b"hello, not a database"])
def test_not_a_library_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a Briefing Reader library"):
        open_database(path)
    assert path.read_bytes() == content  # nothing overwritten


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_database(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_opens_for_reading_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    open_database(path).close()
    path.chmod(0o444)
    db = open_database(path)
    assert store_db.is_read_only(db)
    with pytest.raises(StoreError, match="read-only"), store_db.write_transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")


def test_query_only_library_reports_read_only_on_write(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    open_database(path).close()
    db = open_database(path, read_only=True)
    assert store_db.is_read_only(db)
    with pytest.raises(StoreError, match="read-only"), store_db.write_transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")


def test_locked_library_is_a_busy_message_not_a_traceback(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "locked.db"
    db = open_database(path)
    db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy"), store_db.write_transaction(db):
            pass
    finally:
        other.rollback()
        other.close()
    with store_db.write_transaction(db):  # free again: works
        db.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")


def test_failed_write_rolls_back_everything(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.db")
    with pytest.raises(StoreError), store_db.write_transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        db.execute("INSERT INTO meta (key, value) VALUES ('a', '2')")  # primary key clash
    assert db.execute("SELECT count(*) FROM meta WHERE key = 'a'").fetchone()[0] == 0


def test_texts_move_to_their_own_table_with_the_markdown_as_a_delta(tmp_path: Path) -> None:
    import sqlite_utils
    from briefing.store import articles
    from briefing.store.migrations import m_article_texts

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    old = sqlite_utils.Database(conn)
    before = MIGRATIONS.index(m_article_texts)
    for step in MIGRATIONS[:before]:
        step(old)
    old.execute(f"PRAGMA user_version = {before}")
    body = "## 見出し\n\n**制裁**の本文。\n\n- 項目 [出典](https://example.org)\n"
    text = "見出し\n制裁の本文。\n項目 出典"
    old.execute(
        "INSERT INTO articles (title, body, text, content_hash, imported_at, updated_at) "
        "VALUES ('ＮＡＴＯの記事', ?, ?, 'h1', '2025-01-01', '2025-01-01')",
        [body, text],
    )
    conn.commit()
    conn.close()

    db = open_database(path)
    article = articles.get_article(db, 1)
    assert article is not None and (article.body, article.text) == (body, text)
    assert [a.char_count for a in articles.list_articles(db)] == [len(text)]
    columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    assert not {"body", "text"} & columns  # the list reads no text
    assert db.execute("SELECT folds FROM article_texts").fetchone()[0] == ""
