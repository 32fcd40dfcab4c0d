"""Importing documents: new articles, updated versions (with highlights re-anchored), and
duplicates skipped.

Each article is written inside its own savepoint, so a failure leaves nothing of it; a folder
import commits the finished articles in batches (:class:`~briefing.store.batches.BatchedWrites`:
a few hundred articles or a second of work each) instead of once per article. A kill loses at
most the batch under way, never part of an article, and nothing committed before it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.anchoring import make_selector, reanchor
from briefing.core.errors import BriefingError
from briefing.core.model import ArticleDraft
from briefing.importers import ImportCancelled, ImportFailure, Step, iter_import_paths
from briefing.services.annotation_file import ANNOTATION_FILE, apply_annotation_file
from briefing.services.import_reading import (
    PreparedDraft,
    Read,
    prepare_draft,
    printable_path,
    read_ahead,
    read_prepared,
    worker_count,
)
from briefing.services.versions import why_new
from briefing.store import LibraryDatabase
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import versions as version_store
from briefing.store.batches import BatchedWrites
from briefing.store.db import write_transaction
from briefing.store.rows import now_iso

Progress = Callable[[int, int, str], None]
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    status: str  # "imported", "updated", "skipped", "failed"
    article_id: int | None = None
    title: str = ""
    message: str = ""
    reanchored: int = 0
    orphaned: int = 0
    # A new article with the title and source of this known one: the window asks whether it
    # is an update after all (services.import_choice.TakeAsUpdate).
    resembles: int | None = None


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False
    highlights_added: int = 0
    stopped: int = 0  # files not tried because the library could not take any more

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("imported", "updated", "skipped", "failed")]
        if self.highlights_added:
            parts.append(f"{self.highlights_added} highlights added")
        if self.stopped:
            parts.append(f"{self.stopped} not tried")
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")


def _library_refuses(message: str) -> bool:
    """A failure that is the library's, not the file's (see ``store.db.describe``)."""
    return "the disk is full" in message or "the library is read-only" in message


def import_draft(db: LibraryDatabase, draft: ArticleDraft) -> ImportOutcome:
    """Add ``draft`` to the library, update the known article it is a version of, or skip it
    when the same content is already there. One transaction."""
    with write_transaction(db):
        return _import_draft(db, draft)


def _import_draft(db: LibraryDatabase, draft: ArticleDraft | PreparedDraft) -> ImportOutcome:
    """:func:`import_draft` inside the caller's transaction; a :class:`PreparedDraft` comes
    from an importer (already cleaned), perhaps with its stored forms computed ahead."""
    prepared = draft if isinstance(draft, PreparedDraft) else prepare_draft(draft)
    draft, origin, title, text = prepared.draft, prepared.origin, prepared.title, prepared.text
    if not text.strip():
        return ImportOutcome(origin, "failed", title=title, message="no text to import")
    digest = prepared.digest
    values = {
        "title": title,
        "source": draft.source,
        "author": draft.author,
        "url": draft.url,
        "published": draft.published,
        "language": draft.language,
        "body": prepared.body,
        "text": text,
        "content_hash": digest,
        "origin": origin,
        "pages": draft.pages,
    }
    known = article_store.find_by_hash(db, digest)
    if known is not None:
        return ImportOutcome(origin, "skipped", known, title, "already in the library")
    same = article_store.find_same_article(db, draft.url, title, draft.source, origin)
    now = now_iso()
    if same is None:
        article_id = article_store.insert_article(db, values, now, prepared.forms)
        resembles = version_store.same_title_and_source(db, title, draft.source, article_id)
        note = why_new(db, values, article_id) if resembles is not None else ""
        return ImportOutcome(origin, "imported", article_id, title, note, resembles=resembles)
    old = article_store.get_article(db, same)
    kept = version_store.save_current(db, same, now)  # the text replaced stays readable
    article_store.update_article(db, same, values, now)
    placed, orphaned = reanchor_article(db, same, text, len(old.text) if old else None)
    message = f"{placed} highlight(s) re-anchored" + (f", {orphaned} orphaned" if orphaned else "")
    message += f"; the earlier text is version {kept}"
    return ImportOutcome(origin, "updated", same, title, message, placed, orphaned)


def reanchor_article(
    db: LibraryDatabase, article_id: int, text: str, old_length: int | None = None
) -> tuple[int, int]:
    """Place every highlight of an article on its new text; those that cannot be placed are
    kept as orphaned with their quote and note. ``old_length`` (the previous text's length)
    lets re-anchoring expect passages moved by the change in length. Returns
    ``(placed, orphaned)``."""
    placed = orphaned = 0
    for highlight in highlight_store.list_highlights(db, article_id=article_id):
        anchor = reanchor(text, highlight.selector, old_length=old_length)
        if anchor is None:
            orphaned += 1
            if not highlight.orphaned:
                highlight_store.update_highlight(db, highlight.id, orphaned=1)
            continue
        placed += 1
        selector = make_selector(text, anchor.start, anchor.end)
        highlight_store.update_highlight(db, highlight.id, **highlight_store.placed_at(selector))
    return placed, orphaned


def import_paths(
    db: LibraryDatabase,
    paths: Iterable[Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders (recursively). A bad file is reported and the rest go on.
    ``workers``: processes that read the files ahead (:mod:`.import_reading`); ``None``: as
    many as there are processors, for a folder of many files; 0 or 1: none."""
    report = ImportReport()
    files: list[tuple[Path, Path | None]] = []  # a file, and the folder it was found in
    for path in paths:
        if not path.exists() and not path.is_symlink():  # a looping link is reported later
            report.outcomes.append(
                ImportOutcome(printable_path(path), "failed", message="no such file or folder")
            )
            continue
        files.extend(iter_import_paths([path]))
    placed: dict[Path, dict[str, int]] = {}  # folder -> file name -> article, for sidecars
    batches = BatchedWrites(db)
    written: list[tuple[int, int]] = []  # (outcome index, item number in the batches)
    workers = worker_count(len(files)) if workers is None else workers
    reads = read_ahead(files, workers, cancelled) if workers > 1 else None
    try:
        with batches:
            for index, (path, within) in enumerate(files):
                if cancelled and cancelled():
                    report.cancelled = True
                    break
                if progress:
                    progress(index, len(files), printable_path(path))
                try:
                    if reads is not None:  # read ahead by the workers
                        outcome = _import_read(db, path, next(reads), batches)
                    else:
                        step = _step(progress, cancelled, index, len(files), printable_path(path))
                        outcome = _import_read(db, path, read_prepared(path, within, step), batches)
                except ImportCancelled:  # Cancel inside a long file: none of it is kept
                    report.cancelled = True
                    break
                report.outcomes.append(outcome)
                if outcome.status in ("imported", "updated"):
                    written.append((len(report.outcomes) - 1, batches.done))
                if outcome.status == "failed" and _library_refuses(outcome.message):
                    # The disk is full or the library read-only: every later file would fail
                    # the same way. Said once; the files not tried are counted, not listed.
                    report.stopped = len(files) - index - 1
                    break
                if outcome.article_id is not None:
                    placed.setdefault(path.parent, {})[path.name] = outcome.article_id
    except BriefingError as error:  # the last commit failed: that batch is not in the library
        lost = _unsaved(report, written, batches.committed, str(error))
    else:
        lost = _unsaved(report, written, batches.committed, "")
    finally:
        if reads is not None:
            reads.close()  # stops the workers
    if not (report.cancelled or report.stopped or lost):
        _apply_annotation_files(db, report, placed, progress, cancelled)
    if progress and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _unsaved(
    report: ImportReport, written: list[tuple[int, int]], committed: int, reason: str
) -> int:
    """Report as failed the articles whose batch SQLite rolled back whole (a full disk or an
    I/O error at a later article or at the commit): they are not in the library. Returns
    how many."""
    reason = reason or next(
        (o.message for o in reversed(report.outcomes) if _library_refuses(o.message)), ""
    )
    lost = 0
    for index, number in written:
        if number > committed:
            outcome = report.outcomes[index]
            report.outcomes[index] = ImportOutcome(
                outcome.path, "failed", title=outcome.title, message=reason or "not saved"
            )
            lost += 1
    return lost


def _step(
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    index: int,
    count: int,
    label: str,
) -> Step:
    """Progress inside one file ("report.pdf (12/300)") and Cancel honoured there too."""

    def step(done: int, total: int) -> None:
        if cancelled and cancelled():
            raise ImportCancelled
        if progress:
            progress(index, count, f"{label} ({done}/{total})")

    return step


def _apply_annotation_files(
    db: LibraryDatabase,
    report: ImportReport,
    placed: dict[Path, dict[str, int]],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Apply each ``highlights.json`` found beside the imported files, reporting progress in
    highlights (a sidecar can hold thousands) and stopping between chunks when cancelled."""
    for folder, articles_by_file in placed.items():
        sidecar = folder / ANNOTATION_FILE
        if not sidecar.is_file():
            continue
        label = printable_path(sidecar)

        def step(done: int, total: int, label: str = label) -> None:
            if progress:
                progress(done, total, label)

        try:
            result = apply_annotation_file(db, sidecar, articles_by_file, step, cancelled)
        except BriefingError as error:
            report.outcomes.append(
                ImportOutcome(printable_path(sidecar), "failed", message=str(error))
            )
            continue
        report.highlights_added += result.added
        for problem in result.problems:
            report.outcomes.append(
                ImportOutcome(printable_path(sidecar), "failed", message=problem)
            )


def import_file(
    db: LibraryDatabase,
    path: Path,
    batches: BatchedWrites | None = None,
    within: Path | None = None,
    step: Step | None = None,
) -> ImportOutcome:
    """Import one file: in its own transaction, or as one article of ``batches``. ``within``:
    the folder it was found in, which a link in it must not lead out of."""
    return _import_read(db, path, read_prepared(path, within, step), batches)


def _import_read(
    db: LibraryDatabase, path: Path, read: Read, batches: BatchedWrites | None
) -> ImportOutcome:
    """Store what reading ``path`` gave: in its own transaction, or as one item of
    ``batches``."""
    if isinstance(read, ImportFailure):
        return ImportOutcome(printable_path(path), "failed", message=read.reason)
    try:
        if batches is None:
            with write_transaction(db):
                return _import_draft(db, read)
        with batches.item():
            return _import_draft(db, read)
    except BriefingError as error:
        title = read.draft.title
        return ImportOutcome(printable_path(path), "failed", title=title, message=str(error))
    except (UnicodeError, ValueError, OverflowError) as error:
        # e.g. a file name that is not valid text (a Shift_JIS name from an old zip): SQLite
        # cannot store it. One file fails; the batch goes on.
        logger.warning("import of %r failed", path, exc_info=True)
        reason = f"cannot be stored ({type(error).__name__}: {error})".splitlines()[0]
        return ImportOutcome(printable_path(path), "failed", message=reason)
