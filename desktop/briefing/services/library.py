"""The library as an analyst uses it: the one API the CLI, the window and the tests call.

A :class:`Library` owns one SQLite connection, which belongs to the thread that opened it;
background work opens its own :class:`Library` on the same file (WAL lets them share).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.core.model import Article, ArticleSummary, Highlight, Tag
from briefing.core.textindex import INDEX_VERSION
from briefing.services.days import day_end, day_start
from briefing.services.search import SearchResults, search
from briefing.store import LibraryDatabase, meta, open_database, reads, search_index
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.db import (
    ConstraintError,
    StoreError,
    data_version,
    is_read_only,
    reading,
    write_transaction,
)

if TYPE_CHECKING:
    # Imported where they are used (an import, a command, a quote to place): reading or
    # searching the library never loads the importers (charset detection, Markdown, HTML
    # and PDF readers), the commands or the anchoring.
    from briefing.services.changes import Changes
    from briefing.services.commands import Command
    from briefing.services.importing import ImportReport, Progress
    from briefing.services.undo import UndoHistory


class Library:
    """An open library file."""

    def __init__(self, db: LibraryDatabase, path: Path) -> None:
        self.db = db
        self.path = path
        self.listeners: list[Callable[[Changes], None]] = []
        # Last reading of PRAGMA data_version: it moves only when ANOTHER connection commits
        # (this one's own commits leave it alone), so poll_external_changes reports just those.
        self._data_version = data_version(db)

    @cached_property
    def history(self) -> UndoHistory:
        """The undo history, made on first use: a command that only reads or searches never
        loads it, nor the change records (:class:`Changes`) that only edits announce."""
        from briefing.services.undo import UndoHistory

        return UndoHistory()

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, check: bool = False) -> Library:
        """Open or create the library at ``path``; raises :class:`BriefingError` with one
        line (read-only, locked, not a library, made by a newer version…). With ``check``
        (the window's start), an existing file must first pass ``quick_check``, else
        :class:`~briefing.services.backup.DamagedLibrary` names the newest good backup and
        nothing is written into the file."""
        path = Path(path).expanduser()
        if check:
            from briefing.services.backup import check_before_open

            check_before_open(path)
        library = cls(open_database(path, read_only=read_only), path)
        if not library.read_only:
            # The stored index version answers for nearly every library in one look-up; only
            # when it differs does index_is_current count the articles (an empty library's
            # index is current whatever its version): 1.6 ms of every command at 20,000.
            version = search_index.stored_index_version(library.db)
            if version != INDEX_VERSION and not search_index.index_is_current(library.db):
                library.reindex()
            if meta.get(library.db, "default_tags") is None:
                from briefing.services.defaults import create_default_tags

                create_default_tags(library.db)
                with write_transaction(library.db):
                    meta.put(library.db, "default_tags", "created")
        return library

    def ensure_sample_library(self) -> ImportReport | None:
        """On the first start of a new, empty library, import the bundled sample articles
        with their highlights, so the window never opens empty. Runs once per library."""
        if self.read_only or meta.get(self.db, "sample_library") is not None:
            return None
        report = self.import_sample_library() if self.article_count() == 0 else None
        with write_transaction(self.db):
            meta.put(self.db, "sample_library", "offered")
        return report

    def import_sample_library(self) -> ImportReport:
        """Import the bundled sample articles and their highlights (again: adds only what is
        missing)."""
        with ExitStack() as stack:
            from briefing.services.defaults import sample_folder

            return self.import_paths([sample_folder(stack)])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return is_read_only(self.db)

    # --- change notification -------------------------------------------------------------------

    def _announce(self, changes: Changes) -> Changes:
        for listener in list(self.listeners):
            listener(changes)
        return changes

    def announce(self, changes: Changes) -> Changes:
        """Tell every listener about changes written elsewhere: by background work on its own
        connection (an import in the window's worker thread), so the views refresh."""
        return self._announce(changes)

    # --- articles ------------------------------------------------------------------------------

    def articles(self, ids: Iterable[int] | None = None) -> list[ArticleSummary]:
        """Every article's summary, or only those of ``ids`` (the window refreshes the rows
        a change touched without listing the whole library)."""
        with reading(self.db):
            return article_store.list_articles(self.db, None if ids is None else list(ids))

    def article(self, article_id: int) -> Article:
        with reading(self.db):
            article = article_store.get_article(self.db, article_id)
        if article is None:
            raise BriefingError(f"no article with id {article_id}")
        return article

    def article_count(self) -> int:
        with reading(self.db):
            return article_store.count_articles(self.db)

    def import_paths(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> ImportReport:
        """Import files and folders; see :func:`briefing.services.importing.import_paths`."""
        from briefing.services.importing import import_paths

        report = import_paths(self.db, [Path(p) for p in paths], progress, cancelled, workers)
        self.record_import(report)
        if any(o.status in ("imported", "updated") for o in report.outcomes):
            from briefing.services.changes import Changes

            self._announce(Changes(library=True))
        return report

    def record_import(self, report: ImportReport) -> None:
        """Bring the undo history up to date with an import (this library's own, or one a
        worker made on its own connection): steps on the updated articles' old texts go,
        and each update becomes one undoable step whose undo restores the earlier text
        (:class:`~briefing.services.versions.ImportedUpdate`)."""
        from briefing.services.versions import record_updates

        self._fence_updated(report)
        record_updates(self, report)

    def _fence_updated(self, report: ImportReport) -> None:
        """An import that rewrote an article cannot be undone: the undo steps made on the
        old text go (see :meth:`UndoHistory.fence`), and the window is told why."""
        updated = [o for o in report.outcomes if o.status == "updated" and o.article_id]
        if not updated:
            return
        dropped = self.history.fence({("article", o.article_id) for o in updated})
        if dropped:
            names = "“" + updated[0].title + "”" if len(updated) == 1 else "updated articles"
            self.history.last_fence_message = (
                f"{dropped} undo step(s) on {names} were removed from the history: "
                "the import replaced the text they were made on"
            )

    # --- tags and highlights -------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        with reading(self.db):
            return tag_store.list_tags(self.db)

    def tag(self, name_or_alias: str) -> Tag:
        with reading(self.db):
            tag_id = tag_store.resolve_tag(self.db, name_or_alias)
            tag = tag_store.get_tag(self.db, tag_id) if tag_id is not None else None
        if tag is None:
            raise BriefingError(f"no tag named “{name_or_alias}”")
        return tag

    def tag_usage(self) -> dict[int, int]:
        with reading(self.db):
            return {tag.id: tag_store.usage_count(self.db, tag.id) for tag in self.tags()}

    def highlight(self, highlight_id: int) -> Highlight:
        found = self.highlights(ids=[highlight_id])
        if not found:
            raise BriefingError(f"no highlight with id {highlight_id}")
        return found[0]

    def highlights(
        self,
        *,
        ids: Iterable[int] | None = None,
        article_id: int | None = None,
        tags_all: Iterable[str] = (),
        tags_any: Iterable[str] = (),
        since: date | None = None,
        until: date | None = None,
        orphaned: bool | None = None,
    ) -> list[Highlight]:
        """Highlights filtered by article, tags (all of / any of, names or aliases), creation
        day range (``until`` inclusive, local days) and orphaned state."""
        with reading(self.db):
            all_ids = [self._tag_id(name) for name in tags_all]
            any_ids = [self._tag_id(name) for name in tags_any]
            return highlight_store.list_highlights(
                self.db,
                ids=ids,
                article_id=article_id,
                tag_ids_all=all_ids,
                tag_ids_any=any_ids,
                since=day_start(since) if since else None,
                until=day_end(until) if until else None,
                orphaned=orphaned,
            )

    def locate_quote(self, article_id: int, quote: str, occurrence: int | None = None) -> int:
        """Start offset of ``quote`` in the article's canonical text. A quote found more than
        once needs ``occurrence`` (1-based), so a highlight never lands on the wrong copy."""
        text = self.article(article_id).text
        from briefing.core.anchoring import find_occurrences

        starts = find_occurrences(text, quote) if quote else []
        if not starts:
            raise BriefingError(f"the quote does not occur in article {article_id}")
        if occurrence is None:
            if len(starts) > 1:
                raise BriefingError(
                    f"the quote occurs {len(starts)} times in article {article_id}; "
                    "say which with --occurrence N"
                )
            occurrence = 1
        if not 1 <= occurrence <= len(starts):
            raise BriefingError(f"the quote occurs only {len(starts)} time(s)")
        return starts[occurrence - 1]

    def _tag_id(self, name: str) -> int:
        tag_id = tag_store.resolve_tag(self.db, name)
        if tag_id is None:
            raise BriefingError(f"no tag named “{name}”")
        return tag_id

    # --- commands and undo ---------------------------------------------------------------------

    def execute(self, command: Command, initiator: object | None = None) -> Changes:
        """Run a command in one transaction and put it on the undo history; the announced
        changes name ``initiator`` so the view that made the edit can skip its own repaint.
        Failures are one line (:class:`BriefingError`), never SQLite's own words."""
        with write_transaction(self.db):
            changes = command.run(self.db)
        self.history.pushed(command)
        return self._announce(changes.by(initiator))

    def undo(self, initiator: object | None = None) -> Changes:
        """Undo the latest step, if the library is still as it left it. If not (another
        program or an import changed its rows), the step and the steps that depend on it
        are dropped from the history, nothing is written, and :class:`BriefingError` says
        so in one line; the rest of the history stays usable."""
        if not self.history.done:
            raise BriefingError("nothing to undo")
        command = self.history.done[-1]
        changes = self._replay(command, "undo")
        self.history.undone.append(self.history.done.pop())
        return self._announce(changes.by(initiator))

    def redo(self, initiator: object | None = None) -> Changes:
        """Redo the latest undone step, with the same checks as :meth:`undo`."""
        if not self.history.undone:
            raise BriefingError("nothing to redo")
        command = self.history.undone[-1]
        changes = self._replay(command, "redo")
        self.history.done.append(self.history.undone.pop())
        return self._announce(changes.by(initiator))

    def _replay(self, command: Command, verb: str) -> Changes:
        from briefing.services.commands import Conflict  # loaded with the first command

        try:
            with write_transaction(self.db):
                if verb == "undo":
                    return command.run_undo(self.db)
                return command.run_redo(self.db)
        except (Conflict, ConstraintError) as error:
            reason = str(error)
        except StoreError:
            raise  # busy, disk full, read-only: nothing changed, the step stays to try again
        except BriefingError as error:
            reason = str(error)  # the command's own check refuses (a name taken since)
        dependents = self.history.drop(command)
        also = f", with {dependents} step(s) that depended on it" if dependents else ""
        raise BriefingError(
            f"Cannot {verb} “{command.text}”: {reason}. It was removed from the undo "
            f"history{also}; nothing was changed."
        )

    def poll_external_changes(self) -> Changes | None:
        """What other programs committed to the file since the last poll (a cron import,
        the CLI, the window's own import worker on its connection), or ``None``. Cheap
        (one pragma): the window calls it on a timer while active. When something changed,
        undo steps whose rows were changed are dropped (``history.last_fence_message``
        says so), and the changes are announced to the listeners."""
        version = data_version(self.db)
        if version == self._data_version:
            return None
        self._data_version = version
        with reading(self.db):
            dropped = self.history.fence_stale(self.db)
        if dropped:
            self.history.last_fence_message = (
                f"{dropped} undo step(s) were removed from the history: another program "
                "changed what they were made on"
            )
        from briefing.services.changes import Changes

        return self._announce(Changes(library=True, external=True))

    # --- read and unread -----------------------------------------------------------------------

    def read_articles(self) -> set[int]:
        """The ids of the articles opened (or marked read) and not marked unread since."""
        with reading(self.db):
            return reads.read_ids(self.db)

    def set_read(self, article_ids: Iterable[int], read: bool = True) -> None:
        """Mark articles read or unread. Not an undo step and not announced (reading is not
        an edit; the list that asked shows it itself); a read-only library keeps no record."""
        if self.read_only:
            return
        when = datetime.now(UTC).isoformat(timespec="seconds")
        with write_transaction(self.db):
            reads.set_read(self.db, article_ids, read, when)

    # --- search --------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, offset: int = 0) -> SearchResults:
        """Articles and highlights matching ``query`` (see :mod:`briefing.core.query`): the
        ``limit`` best after the first ``offset``, with the totals."""
        return search(self.db, query, limit, offset)

    # --- index ---------------------------------------------------------------------------------

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the search index from the articles and highlights; returns rows indexed."""
        with write_transaction(self.db):
            count = search_index.rebuild(self.db, highlight_store.fts_rows(self.db), progress)
        from briefing.services.changes import Changes

        self._announce(Changes(library=True))
        return count
