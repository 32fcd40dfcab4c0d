"""The full-text index: contentless FTS5 tables over bigram token strings.

The token strings come from :func:`briefing.core.textindex.index_tokens`; FTS5 needs the
same strings again to delete a row of a contentless table, so every change to an article or
highlight passes its old values through here, inside the caller's transaction. Articles have
a second table, ``article_tri``, of their CJK trigrams without positions or columns
(``detail=none``): a filter that rules out rows which cannot hold a longer term.

A batch of imports (:mod:`briefing.store.batches`) queues these writes and runs them just
before it commits (:func:`defer_writes`): FTS5 writes its pending terms out whenever a
savepoint opens, so writing them article by article, each in its savepoint, cost a segment
per article.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from briefing.core.textindex import INDEX_VERSION, index_token_strings, index_tokens
from briefing.store import meta
from briefing.store.db import LibraryDatabase

ARTICLE_WEIGHTS = (4.0, 1.0)  # title, body
HIGHLIGHT_WEIGHTS = (2.0, 1.0)  # quote, note


# Per connection with a batch open: the FTS writes waiting for the batch to commit.
_queues: dict[int, list[tuple[str, list]]] = {}


def _write(db: LibraryDatabase, sql: str, params: list) -> None:
    queue = _queues.get(id(db))
    if queue is None:
        db.execute(sql, params)
    else:
        queue.append((sql, params))


def defer_writes(db: LibraryDatabase) -> None:
    """Queue this connection's index writes until :func:`flush_writes`."""
    _queues.setdefault(id(db), [])


def queued_writes(db: LibraryDatabase) -> int:
    return len(_queues.get(id(db), ()))


def drop_writes(db: LibraryDatabase, keep: int) -> None:
    """Forget the queued writes after the first ``keep`` (those of a rolled-back article)."""
    del _queues.get(id(db), [])[keep:]


def flush_writes(db: LibraryDatabase, *, stop: bool) -> None:
    """Run the queued writes, in order, in the caller's transaction; ``stop``: write
    directly again from now on."""
    queue = _queues.pop(id(db), []) if stop else _queues.get(id(db), [])
    for sql, params in queue:
        db.execute(sql, params)
    queue.clear()


ArticleTokens = tuple[str, str, str]  # title tokens, body tokens, trigrams of both


def article_tokens(title: str, text: str) -> ArticleTokens:
    """What the index stores of an article: no database needed, so a folder import computes
    it in worker processes (:mod:`briefing.services.import_workers`)."""
    title_tokens, title_trigrams = index_token_strings(title)
    body_tokens, body_trigrams = index_token_strings(text)
    return title_tokens, body_tokens, f"{title_trigrams} {body_trigrams}"


def _article_rows(
    article_id: int, title: str, text: str, tokens: ArticleTokens | None = None
) -> tuple[list, list]:
    title_tokens, body_tokens, trigrams = tokens or article_tokens(title, text)
    return [article_id, title_tokens, body_tokens], [article_id, trigrams]


def add_article(
    db: LibraryDatabase, article_id: int, title: str, text: str, tokens: ArticleTokens | None = None
) -> None:
    """Index an article; ``tokens``: :func:`article_tokens` of ``title`` and ``text``, when
    already computed."""
    bigrams, trigrams = _article_rows(article_id, title, text, tokens)
    _write(db, "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)", bigrams)
    _write(db, "INSERT INTO article_tri (rowid, tokens) VALUES (?, ?)", trigrams)


def remove_article(db: LibraryDatabase, article_id: int, title: str, text: str) -> None:
    bigrams, trigrams = _article_rows(article_id, title, text)
    _write(
        db,
        "INSERT INTO article_fts (article_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        bigrams,
    )
    _write(
        db, "INSERT INTO article_tri (article_tri, rowid, tokens) VALUES ('delete', ?, ?)", trigrams
    )


def add_highlight(db: LibraryDatabase, highlight_id: int, quote: str, note: str) -> None:
    db.execute(
        "INSERT INTO highlight_fts (rowid, quote, note) VALUES (?, ?, ?)",
        [highlight_id, index_tokens(quote), index_tokens(note)],
    )


def remove_highlight(db: LibraryDatabase, highlight_id: int, quote: str, note: str) -> None:
    db.execute(
        "INSERT INTO highlight_fts (highlight_fts, rowid, quote, note) VALUES ('delete', ?, ?, ?)",
        [highlight_id, index_tokens(quote), index_tokens(note)],
    )


def stored_index_version(db: LibraryDatabase) -> str | None:
    return meta.get(db, "index_version")


def index_is_current(db: LibraryDatabase) -> bool:
    """False when the token strings were made by another tokenizer version: rebuild then."""
    empty = db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    return empty or stored_index_version(db) == INDEX_VERSION


def rebuild(
    db: LibraryDatabase,
    highlight_rows: Iterable[tuple[int, str, str]],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Empty both FTS tables and index every article and the given highlights again.

    ``highlight_rows`` yields ``(id, quote, note)``. Returns the number of rows indexed.
    """
    db.execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")
    db.execute("INSERT INTO article_tri (article_tri) VALUES ('delete-all')")
    db.execute("INSERT INTO highlight_fts (highlight_fts) VALUES ('delete-all')")
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    count = 0
    from briefing.store.articles import iter_titles_and_texts  # articles imports this module

    for count, (article_id, title, text) in enumerate(iter_titles_and_texts(db), start=1):
        add_article(db, article_id, title, text)
        if progress and count % 50 == 0:
            progress(count, total)
    for row in highlight_rows:
        add_highlight(db, *row)
        count += 1
    meta.put(db, "index_version", INDEX_VERSION)
    if progress:
        progress(total, total)
    return count


@dataclass(frozen=True)
class Filters:
    """Row filters that apply beside the text match."""

    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    tag_ids: tuple[int, ...] = ()  # all must hold (highlights only)
    # Highlights: creation between these UTC timestamps (the local days' bounds).
    created_from: str | None = None
    created_until: str | None = None
    has_note: bool = False
    orphaned: bool = False
    # Articles: an article_tri MATCH every article holding the terms satisfies (a filter that
    # needs no look-up in the articles table).
    trigrams: str | None = None


def _source_clause(filters: Filters, column: str) -> tuple[list[str], list]:
    if not filters.sources:
        return [], []
    # Sources match as case-insensitive substrings: "source:nhk" finds "NHK NEWS WEB".
    parts = " OR ".join(f"instr(lower({column}), lower(?)) > 0" for _ in filters.sources)
    return [f"({parts})"], list(filters.sources)


def _ids_param(ids: Sequence[int]) -> str:
    return json.dumps(list(ids))


def _ranked(
    db: LibraryDatabase,
    table: str,
    weights: tuple[float, ...],
    rows: str,
    joins: str,
    where: list[str],
    params: list,
    match: str | None,
    exclude: str | None,
    unranked_order: str,
    limit: int | None,
    offset: int,
    within: Sequence[int] | None,
    trigrams: str | None = None,
    count: bool = False,
) -> list[tuple[int, float]]:
    """Ids and bm25 scores (lower is better), best first, of the ``rows`` (a table aliased
    ``x``, with ``joins``) that pass ``where``, the text match and, if given, are ``within``
    those ids. Without a match, rows come in ``unranked_order`` and ``exclude`` drops those
    it matches. ``limit`` None: all of them, unordered (the candidates to check). ``trigrams``:
    an ``article_tri`` MATCH the rows must satisfy too. ``count``: one row, ``(n, 0.0)``, the
    number of rows (FTS5 counts a match without reading its rows), at most ``limit``.

    The FTS table is joined to ``rows`` only when a filter needs a column of theirs: the join
    costs a look-up for every matching row, the ranking a pass over them anyway."""
    joined = bool(where)
    # "+rowid": a plain rowid IN (...) would be handed to FTS5 as a constraint, which then
    # runs the whole MATCH once per listed rowid (minutes at 20,000 articles).
    key = f"+{table}.rowid" if match else "x.id"
    if within is not None:
        where = [*where, f"{key} IN (SELECT value FROM json_each(?))"]
        params = [*params, _ids_param(within)]
    if trigrams is not None:
        where = [*where, f"{key} IN (SELECT rowid FROM article_tri WHERE article_tri MATCH ?)"]
        params = [*params, trigrams]
    if match:
        score = (
            f"bm25({table}, {', '.join(str(w) for w in weights)})" if limit and not count else "0.0"
        )
        source = f"{table} JOIN {rows} ON x.id = {table}.rowid {joins}" if joined else table
        sql = f"SELECT {table}.rowid, {score} AS score FROM {source} WHERE {table} MATCH ?"
        params = [match, *params]
        order = "score"
    else:
        sql = f"SELECT x.id, 0.0 AS score FROM {rows} {joins} WHERE 1"
        if exclude:
            where = [*where, f"x.id NOT IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"]
            params = [*params, exclude]
        order = unranked_order
    sql += "".join(f" AND {clause}" for clause in where)
    if count:
        if limit is not None:  # count at most this many: the look-up stops there
            sql += " LIMIT ?"
            params = [*params, limit]
        sql = f"SELECT count(*), 0.0 FROM ({sql})"
    elif limit is not None:
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return [(row[0], row[1]) for row in db.execute(sql, params).fetchall()]


def match_articles(
    db: LibraryDatabase,
    match: str | None,
    exclude: str | None,
    filters: Filters,
    limit: int | None,
    offset: int = 0,
    within: Sequence[int] | None = None,
    count: bool = False,
) -> list[tuple[int, float]]:
    """Article ids and bm25 scores (lower is better), best first; dates are publication days.
    ``limit`` None gives every matching id, unranked (score 0)."""
    where, params = _source_clause(filters, "x.source")
    if filters.date_from:
        where.append("x.published >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append("x.published <= ?")
        params.append(filters.date_to.isoformat())
    return _ranked(
        db,
        "article_fts",
        ARTICLE_WEIGHTS,
        "articles x",
        "",
        where,
        params,
        match,
        exclude,
        "x.published IS NULL, x.published DESC, x.id DESC",
        limit,
        offset,
        within,
        filters.trigrams,
        count,
    )


def match_highlights(
    db: LibraryDatabase,
    match: str | None,
    exclude: str | None,
    filters: Filters,
    limit: int | None,
    offset: int = 0,
    within: Sequence[int] | None = None,
    count: bool = False,
) -> list[tuple[int, float]]:
    """Highlight ids and bm25 scores (lower is better), best first; dates are creation times.
    ``limit`` None gives every matching id, unranked (score 0)."""
    where, params = _source_clause(filters, "a.source")
    if filters.created_from:
        where.append("x.created_at >= ?")
        params.append(filters.created_from)
    if filters.created_until:
        where.append("x.created_at < ?")
        params.append(filters.created_until)
    for tag_id in filters.tag_ids:
        where.append("x.id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = ?)")
        params.append(tag_id)
    if filters.has_note:
        where.append("trim(x.note) != ''")
    if filters.orphaned:
        where.append("x.orphaned = 1")
    return _ranked(
        db,
        "highlight_fts",
        HIGHLIGHT_WEIGHTS,
        "highlights x",
        "JOIN articles a ON a.id = x.article_id",
        where,
        params,
        match,
        exclude,
        "x.created_at DESC, x.id DESC",
        limit,
        offset,
        within,
        None,
        count,
    )


def index_size_bytes(db: LibraryDatabase) -> int:
    """Bytes the FTS5 tables' own shadow tables take in the file (SQLite's dbstat table)."""
    row = db.execute(
        "SELECT sum(pgsize) FROM dbstat "
        "WHERE name LIKE 'article_fts%' OR name LIKE 'article_tri%' "
        "OR name LIKE 'highlight_fts%'"
    ).fetchone()
    return int(row[0] or 0)


def count_articles(
    db: LibraryDatabase,
    match: str | None,
    exclude: str | None,
    filters: Filters,
    most: int | None = None,
) -> int:
    """How many articles :func:`match_articles` would give without a limit (at most
    ``most``: counting stops there)."""
    return match_articles(db, match, exclude, filters, most, count=True)[0][0]


def count_highlights(
    db: LibraryDatabase,
    match: str | None,
    exclude: str | None,
    filters: Filters,
    most: int | None = None,
) -> int:
    """How many highlights :func:`match_highlights` would give without a limit (at most
    ``most``: counting stops there)."""
    return match_highlights(db, match, exclude, filters, most, count=True)[0][0]


def trigram_rows(db: LibraryDatabase, trigrams: str, most: int) -> list[int] | None:
    """The articles satisfying the ``article_tri`` MATCH ``trigrams``, or None if there are
    more than ``most`` (then they are no short list; the look-up stops reading there)."""
    rows = db.execute(
        "SELECT rowid FROM article_tri WHERE article_tri MATCH ? LIMIT ?", [trigrams, most + 1]
    ).fetchall()
    return [row[0] for row in rows] if len(rows) <= most else None
