"""The one exception an importer lets out."""

from __future__ import annotations

from pathlib import Path


class ImportCancelled(Exception):
    """Raised from an importer's ``step`` callback to stop reading a file half-way (the
    analyst pressed Cancel during a long PDF); nothing of the file is kept."""


class ImportFailure(Exception):
    """A file that cannot become an article, with a reason fit for a one-line message.

    ``str(failure)`` is ``"<file name>: <reason>"``; the reason never spans lines, so a batch
    import can list its failures one per line without tracebacks.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = " ".join(reason.split())
        super().__init__(f"{path.name}: {self.reason}")
