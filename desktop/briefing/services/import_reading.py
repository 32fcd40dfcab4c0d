"""Reading the files of an import: here, or ahead in worker processes.

Nine tenths of importing an article is work on its text alone: decoding and parsing the file,
the canonical text, its hash, the packed text and Markdown delta, the search-index tokens. Only
the rest needs the library (duplicate checks and the writes). A folder import of many files
therefore reads and prepares them in worker processes, one per processor, while this process
writes what they hand back, in the files' order: the library sees exactly what a one-process
import would write, in the same batches and savepoints, so a kill still loses at most the batch
under way. Workers are started with ``spawn`` (never ``fork``: the window's process has Qt's
threads), and a bounded number of files is read ahead, so memory stays flat whatever the folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.markdown import canonical_text
from briefing.core.model import ArticleDraft
from briefing.core.normalize import clean_imported_text
from briefing.importers import ImportCancelled, ImportFailure, Step, read_document
from briefing.store.articles import StoredForms, stored_forms

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.synchronize import Event

logger = logging.getLogger(__name__)

# Below this many files, starting the workers (a Python each, ~0.2 s) costs more than it saves.
PARALLEL_MIN_FILES = 64
_CHUNK = 8  # files a worker reads per task
_CHUNKS_AHEAD_PER_WORKER = 3  # enough to keep both sides busy, little to hold in memory
_CANCEL_CHECK_SECONDS = 0.1  # how often Cancel is looked at while waiting for a worker


def printable_path(path: Path | str) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are not
    UTF-8 (an old Shift_JIS zip) become U+FFFD instead of breaking the import or the report."""
    return os.fsencode(path).decode("utf-8", "replace")


def content_hash(title: str, text: str) -> str:
    """Identity of an article's content: its title and canonical text."""
    return hashlib.sha256(f"{title}\n\x00{text}".encode()).hexdigest()


@dataclass(frozen=True)
class PreparedDraft:
    """A draft with what an import derives from it before touching the library."""

    draft: ArticleDraft
    origin: str
    title: str
    body: str
    text: str
    digest: str
    forms: StoredForms | None = None  # computed ahead by a worker; else at the insert


def prepare_draft(draft: ArticleDraft, cleaned: bool = False, forms: bool = False) -> PreparedDraft:
    """The title, body, canonical text and hash an import stores for ``draft``; with
    ``forms``, also the packed text and index tokens. ``cleaned``: the draft comes from an
    importer, which has already been through ``clean_imported_text``."""
    origin = printable_path(draft.origin)
    body = draft.body if cleaned else clean_imported_text(draft.body)
    title = clean_imported_text(draft.title).strip() or Path(origin).stem or "Untitled"
    text = canonical_text(body)
    if not text.strip():
        return PreparedDraft(draft, origin, title, body, text, "")
    stored = stored_forms(title, body, text) if forms else None
    return PreparedDraft(draft, origin, title, body, text, content_hash(title, text), stored)


# What reading one file gives: a prepared draft, or the reason it cannot be imported.
Read = PreparedDraft | ImportFailure


def read_prepared(
    path: Path, within: Path | None, step: Step | None = None, *, ahead: bool = False
) -> Read:
    """Read one file and prepare its draft; ``ahead`` (in a worker): with the stored forms
    too, which are computed at the insert otherwise (a duplicate never needs them)."""
    try:
        draft = read_document(path, within, step)
    except ImportFailure as failure:
        return failure
    return prepare_draft(draft, cleaned=True, forms=ahead)


# In a worker process: set when the import stops (Cancel, an error, its end), so that the
# worker stops between files, and inside a long PDF between pages.
_stopping: Event | None = None


def _read_in_worker(chunk: list[tuple[Path, Path | None]]) -> list[tuple[str, object]]:
    """:func:`read_prepared` of each file of ``chunk``, in a worker process (files go in
    chunks: one task per file cost a fifth of the reading in hand-overs). A failure travels as
    its reason (an exception with extra arguments does not survive pickling). Once the import
    stops, the rest of the chunk is left: nobody will read it."""
    results: list[tuple[str, object]] = []
    for path, within in chunk:
        if _stopping is not None and _stopping.is_set():
            break
        try:
            read = read_prepared(path, within, _step_in_worker, ahead=True)
        except ImportCancelled:
            break
        except Exception as error:  # a reader's bug must cost one file, not the import
            logger.exception("reading %s failed", path)
            results.append(("failed", f"could not be imported ({type(error).__name__})"))
            continue
        if isinstance(read, ImportFailure):
            results.append(("failed", read.reason))
        else:
            results.append(("read", read))
    return results


def _step_in_worker(done: int, total: int) -> None:
    if _stopping is not None and _stopping.is_set():
        raise ImportCancelled


def _worker_started(importer: int, stopping: Event) -> None:
    """In each worker, first: die with the importing process ``importer`` (a kill -9 of it
    must not leave workers reading on, or waiting, for ever: Linux delivers SIGKILL when the
    thread that started the worker ends), leave Ctrl+C to the importer, and remember the
    event that says the import stops."""
    global _stopping
    _stopping = stopping
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the importer stops us, without tracebacks
    if sys.platform != "linux":
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    # Compared with the importer's own pid: had it died before the line above (the worker
    # takes a tenth of a second to get here), this worker is another process's child by now.
    if os.getppid() != importer:
        os._exit(1)


def worker_count(files: int) -> int:
    """How many worker processes a folder import of ``files`` files uses: none (read here)
    for a few files or a single processor; else one per processor this process may use."""
    if files < PARALLEL_MIN_FILES:
        return 0
    try:
        processors = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        processors = os.cpu_count() or 1
    return processors if processors > 1 else 0


def read_ahead(
    files: list[tuple[Path, Path | None]],
    workers: int,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Read]:
    """What reading each of ``files`` gives, in order, read by ``workers`` processes ahead of
    the caller. Raises :class:`ImportCancelled` as soon as ``cancelled()`` says so, also while
    waiting for a worker. Closing the generator early (Cancel, an error) stops the workers;
    ``for`` loops and ``with contextlib.closing`` do that. Should the workers die (a reader
    crashing on a malformed file), the files not yet read are read in this process instead."""
    # Imported here: multiprocessing would add to every command's start-up.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as Waiting
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    stopping = context.Event()
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_worker_started,
        initargs=(os.getpid(), stopping),
    )
    chunks = (files[at : at + _CHUNK] for at in range(0, len(files), _CHUNK))
    pending: deque[tuple[list[tuple[Path, Path | None]], Future | None]] = deque()
    broken = False

    def submit(chunk: list[tuple[Path, Path | None]]) -> Future | None:
        """The chunk handed to a worker, or ``None`` (read it here) once the pool is broken."""
        nonlocal broken
        if not broken:
            try:
                return pool.submit(_read_in_worker, chunk)
            except (BrokenProcessPool, OSError, RuntimeError):  # a worker died meanwhile
                broken = True
                logger.warning("import workers stopped; reading the rest here")
        return None

    try:
        for chunk in chunks:
            pending.append((chunk, submit(chunk)))
            if len(pending) >= workers * _CHUNKS_AHEAD_PER_WORKER:
                break
        while pending:
            chunk, future = pending.popleft()
            results = None
            if future is not None:
                try:
                    while results is None:
                        if cancelled and cancelled():
                            raise ImportCancelled
                        try:
                            results = future.result(timeout=_CANCEL_CHECK_SECONDS)
                        except Waiting:
                            continue
                except BrokenProcessPool:
                    if not broken:
                        logger.warning("import workers stopped; reading the rest here")
                    broken = True
            following = next(chunks, None)
            if following is not None:
                pending.append((following, submit(following)))
            if results is None:  # the workers died: read here
                for path, within in chunk:
                    yield read_prepared(path, within)
                continue
            for (path, _within), (kind, value) in zip(chunk, results, strict=True):
                yield ImportFailure(path, value) if kind == "failed" else value  # type: ignore[arg-type]
    finally:
        _stop(pool, stopping)


def _stop(pool: ProcessPoolExecutor, stopping: Event) -> None:
    """Stop the workers: each ends after the page it is reading, never in the middle of
    handing back its results (a worker killed there would leave the pool's reader waiting
    for the rest of a message for ever, and this process could not exit).

    A broken pool is the exception: its own thread has stopped reading results and waits
    for every worker to end, and a worker started in the same instant (Python 3.11 starts
    them as work is handed over, and the pool's clean-up can miss the newest) would wait for
    ever to hand its results over. Nothing reads them any more, so such workers are killed."""
    stopping.set()
    if getattr(pool, "_broken", False):  # no public API says so
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.kill()
    pool.shutdown(wait=True, cancel_futures=True)
