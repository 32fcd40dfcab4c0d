"""Which files an import may read: regular files only, links kept inside the chosen folder.

A folder handed over by someone else can hold a link to ``/etc/passwd`` or ``~/.bashrc``
named ``notes.txt``, a link loop, or a FIFO named ``article.md`` that blocks the first read
forever. :func:`iter_document_paths` lists every candidate (so each refused one is reported
on its own line, and the rest go on); :func:`checked_path` says for one candidate which file
will be read — its resolved path, which is also the article's identity, so ``data/x.md`` and
``/home/me/data/x.md`` are one file — or raises :class:`ImportFailure` with the reason.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing.importers.failure import ImportFailure

_log = logging.getLogger(__name__)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def iter_document_paths(
    paths: Iterable[Path], suffixes: frozenset[str]
) -> Iterator[tuple[Path, Path | None]]:
    """``(file, folder it was found in)`` for each file to import: files as given (whatever
    their type, so a wrong one is reported; folder None) and, for each folder, the entries
    with a supported suffix under it, recursively, in name order, hidden ones skipped.

    Links to folders are not followed (a loop would never end; a link inside the folder to
    another part of it would import files twice). Links to files are listed and checked by
    :func:`checked_path` against the folder, as are FIFOs and devices, so they are refused
    with a reason instead of passed over in silence."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from ((found, path) for found in _walk(path, suffixes))
        else:
            yield path, None


def _walk(folder: Path, suffixes: frozenset[str]) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        _log.warning("cannot list %s: %s", folder, exc.strerror)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False
        if is_folder:
            yield from _walk(Path(entry.path), suffixes)
        elif Path(entry.name).suffix.lower() in suffixes:
            yield Path(entry.path)


def checked_path(path: Path, within: Path | None = None) -> Path:
    """The resolved, absolute path of the regular file ``path`` names, or
    :class:`ImportFailure`. With ``within`` (the folder being imported), a link must lead
    to a file inside that folder."""
    try:
        resolved = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 names a link loop this way
        raise ImportFailure(path, "symbolic link loop") from None
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            raise ImportFailure(path, "symbolic link loop") from None
        reason = "broken symbolic link" if path.is_symlink() else exc.strerror or str(exc)
        raise ImportFailure(path, f"cannot read: {reason}") from None
    except ValueError:  # a NUL byte in the name
        raise ImportFailure(path, "cannot read: invalid file name") from None
    if within is not None and not resolved.is_relative_to(within.resolve()):
        raise ImportFailure(path, "a link to a file outside the imported folder; not read")
    try:
        mode = resolved.stat().st_mode
    except OSError as exc:
        raise ImportFailure(path, f"cannot read: {exc.strerror or exc}") from None
    refuse_special(path, mode)
    return resolved


def refuse_special(path: Path, mode: int) -> None:
    """:class:`ImportFailure` unless ``mode`` is a regular file's: reading a FIFO blocks until
    someone writes, a device never ends."""
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise ImportFailure(path, f"{kind}, not a regular file; not read")
