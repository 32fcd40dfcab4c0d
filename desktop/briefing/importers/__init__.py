"""Files → :class:`~briefing.core.model.ArticleDraft`: Markdown, plain text, HTML, PDF.

The services layer calls :func:`read_document` for each path :func:`iter_document_paths`
yields. Whatever is wrong with a file (empty, too large, binary, unreadable, damaged) comes
back as one :class:`ImportFailure` with a one-line reason, never as another exception, so a
folder import reports bad files and goes on. Every text an importer produces has been
through :func:`~briefing.core.normalize.clean_imported_text`; ``body`` is Markdown.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefing.core.markdown import canonical_text
from briefing.core.model import ArticleDraft
from briefing.importers import paths as _paths
from briefing.importers.decode import UndecodableError, decode_text
from briefing.importers.failure import ImportCancelled, ImportFailure

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ImportCancelled",
    "ImportFailure",
    "Step",
    "iter_document_paths",
    "iter_import_paths",
    "read_document",
]

MAX_BYTES = 100 * 1024 * 1024  # the ceiling for every kind; tests lower it
# Per kind, from what an import takes (bench/hostile_bench.py): pasted text is reflowed at
# about 3.5 s and 35 MB of memory per MB (8 MB, some 2.7 million Japanese characters or
# several books, is the limit); a large HTML page is read linearly, about 1.2 s per MB; a
# PDF's size says little (its compressed parts are measured: importers/pdf_limits.py).
MAX_BYTES_BY_KIND = {
    "text": 8 * 1024 * 1024,
    "HTML": 32 * 1024 * 1024,
    "PDF": 100 * 1024 * 1024,
}
_KIND = {
    ".md": "text",
    ".markdown": "text",
    ".txt": "text",
    ".text": "text",
    ".html": "HTML",
    ".htm": "HTML",
    ".pdf": "PDF",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".md", ".markdown", ".txt", ".text", ".html", ".htm", ".pdf"}
)
_log = logging.getLogger(__name__)
# ``step(done, total)``: how far an importer is inside one file (PDF pages); it may raise
# ImportCancelled to stop there.
Step = Callable[[int, int], None]


def read_document(
    path: Path, within: Path | None = None, step: Step | None = None
) -> ArticleDraft:
    """Import one file as an article draft, choosing the importer by suffix.

    The file is read by its resolved path, which becomes the draft's ``origin`` (the same
    file under another spelling is the same article). ``within``: the folder being imported,
    which a link must not lead out of. ``step`` hears of progress inside the file (a PDF's
    pages) and may stop it with :class:`ImportCancelled`. Raises :class:`ImportFailure` for
    every file that cannot become an article.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailure(path, f"unsupported file type {suffix or '(no extension)'}")
    resolved = _paths.checked_path(path, within)
    data = _read_bytes(resolved, path, *_limit(suffix))
    if not data.strip():
        raise ImportFailure(path, "empty file")
    try:
        draft = _import(resolved, suffix, data, step)
    except (ImportFailure, ImportCancelled):
        raise
    except Exception as exc:  # a parser's bug must not end a folder import with a traceback
        _log.exception("importing %s failed", path)
        raise ImportFailure(path, f"could not be imported ({type(exc).__name__})") from exc
    if not canonical_text(draft.body).strip():
        raise ImportFailure(path, "empty file" if not draft.title else "no text besides the title")
    return draft


def iter_document_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """The files :func:`iter_import_paths` lists, without the folder each was found in."""
    for path, _folder in iter_import_paths(paths):
        yield path


def iter_import_paths(paths: Iterable[Path]) -> Iterator[tuple[Path, Path | None]]:
    """``(file, folder it was found in or None)`` for each file to import: files as given
    (whatever their type, so that a wrong one is reported) and for each folder the supported
    files under it, recursively, in name order, hidden ones skipped; links to folders are not
    followed, links to files are checked by :func:`read_document` against the folder."""
    return _paths.iter_document_paths(paths, SUPPORTED_SUFFIXES)


def _limit(suffix: str) -> tuple[int, str]:
    kind = _KIND[suffix]
    return min(MAX_BYTES, MAX_BYTES_BY_KIND[kind]), kind


def _read_bytes(path: Path, shown: Path, limit: int, kind: str) -> bytes:
    """The bytes of the regular file ``path`` (``shown`` names it in messages), at most
    ``limit``. Opened without blocking and checked again on the open handle, so a FIFO
    swapped in after the check cannot block the import."""
    too_big = f"larger than {_size(limit)}, the limit for {kind} files"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ImportFailure(shown, f"cannot read: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a NUL byte in the name: no file system can have it
        raise ImportFailure(shown, "cannot read: invalid file name") from exc
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(handle.fileno())
            _paths.refuse_special(shown, info.st_mode)
            if info.st_size > limit:
                raise ImportFailure(shown, too_big)
            data = handle.read(limit + 1)
        except OSError as exc:
            raise ImportFailure(shown, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > limit:  # grew since stat
        raise ImportFailure(shown, too_big)
    return data


def _size(count: int) -> str:
    megabytes = count / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{count} bytes"


def _import(path: Path, suffix: str, data: bytes, step: Step | None = None) -> ArticleDraft:
    # Imported here so that reading a text file never loads PDFium or trafilatura.
    if suffix == ".pdf":
        from briefing.importers.pdf_file import read_pdf

        return read_pdf(path, data, step)
    if suffix in (".html", ".htm"):
        from briefing.importers.html_page import read_html

        return read_html(path, data)
    try:
        text = decode_text(data)
    except UndecodableError as exc:
        raise ImportFailure(path, "binary or undecodable file") from exc
    if not text.strip():
        raise ImportFailure(path, "empty file")
    if suffix in (".md", ".markdown"):
        from briefing.importers.markdown_file import read_markdown

        return read_markdown(path, text)
    from briefing.importers.plain_text import read_plain_text

    return read_plain_text(path, text, step)
