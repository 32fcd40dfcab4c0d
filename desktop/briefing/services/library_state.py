"""How the library was opened, in words for the analyst: what the window says once at start.

The store opens a library it cannot write (a read-only share, a full disk) read-only rather
than failing on every command, and keeps a notice for the full-disk case
(:func:`briefing.store.opening.open_notice`). The window and the CLI say it once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.opening import open_notice

if TYPE_CHECKING:
    from briefing.services.library import Library

READ_ONLY_NOTICE = "the library is open read-only: it can be read and searched, not changed"


def opening_notice(library: Library) -> str | None:
    """What to tell the analyst once about how ``library`` was opened: the store's own notice
    (the disk is full), the read-only notice for a file that cannot be written, else None."""
    notice = open_notice(library.db)
    if notice:
        return notice
    return READ_ONLY_NOTICE if library.read_only else None
