"""Writing an export without ever leaving a half-written file at the destination."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from briefing.core.errors import BriefingError


def check_destination(path: Path) -> Path:
    """Fail early, with one line, when ``path`` cannot be written: its folder is missing or
    not writable, or the path is a folder. Returns the absolute path."""
    path = Path(path).expanduser().absolute()
    folder = path.parent
    if path.is_dir():
        raise BriefingError(f"{path}: is a folder; give a file name")
    if not folder.is_dir():
        raise BriefingError(f"{folder}: no such folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BriefingError(f"{folder}: cannot write in this folder (permission denied)")
    if path.exists() and not os.access(path, os.W_OK):
        raise BriefingError(f"{path}: the file is read-only")
    return path


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it
    over ``path``: readers see the old file or the new one, never a part. The temporary
    file is removed when anything fails."""
    path = check_destination(path)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as error:
        reason = (error.strerror or "error").lower()
        raise BriefingError(f"{path.parent}: cannot write in this folder ({reason})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); an export is a document to hand over.
        os.chmod(temp_name, 0o666 & ~_UMASK)
        os.replace(temp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise BriefingError(f"{path}: could not be written: {error.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return path


def _read_umask() -> int:
    # Setting and restoring the umask is not thread-safe, so it is read once, at import.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
