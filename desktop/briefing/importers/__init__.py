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
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing.core.markdown import canonical_text
from briefing.core.model import ArticleDraft
from briefing.importers.decode import UndecodableError, decode_text
from briefing.importers.failure import ImportFailure

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ImportFailure",
    "iter_document_paths",
    "read_document",
]

MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".md", ".markdown", ".txt", ".text", ".html", ".htm", ".pdf"}
)
_log = logging.getLogger(__name__)


def read_document(path: Path) -> ArticleDraft:
    """Import one file as an article draft, choosing the importer by suffix.

    Raises :class:`ImportFailure` for every file that cannot become an article.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFailure(path, f"unsupported file type {suffix or '(no extension)'}")
    data = _read_bytes(path)
    if not data.strip():
        raise ImportFailure(path, "empty file")
    try:
        draft = _import(path, suffix, data)
    except ImportFailure:
        raise
    except Exception as exc:  # a parser's bug must not end a folder import with a traceback
        _log.exception("importing %s failed", path)
        raise ImportFailure(path, f"could not be imported ({type(exc).__name__})") from exc
    if not canonical_text(draft.body).strip():
        raise ImportFailure(path, "empty file" if not draft.title else "no text besides the title")
    return draft


def iter_document_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given (whatever their type, so that a wrong one is reported), and for each
    folder the supported files under it, recursively, in name order, skipping hidden files
    and folders and not following symbolic links to folders (a link loop would never end)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        _log.warning("cannot list %s: %s", folder, exc.strerror)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES and entry.is_file():
            yield Path(entry.path)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailure(path, f"larger than {_size(MAX_BYTES)}")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(path, f"cannot read: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a NUL byte in the name: no file system can have it
        raise ImportFailure(path, "cannot read: invalid file name") from exc
    if len(data) > MAX_BYTES:  # grew since stat, or a device that reports no size
        raise ImportFailure(path, f"larger than {_size(MAX_BYTES)}")
    return data


def _size(count: int) -> str:
    megabytes = count / (1024 * 1024)
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{count} bytes"


def _import(path: Path, suffix: str, data: bytes) -> ArticleDraft:
    # Imported here so that reading a text file never loads PDFium or trafilatura.
    if suffix == ".pdf":
        from briefing.importers.pdf_file import read_pdf

        return read_pdf(path, data)
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

    return read_plain_text(path, text)
