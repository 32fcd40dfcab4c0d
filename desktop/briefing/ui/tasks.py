"""One background runner for long library work (imports, reindexing), after Anki's taskman.

The work function receives its own :class:`Library` opened on the same file (an SQLite
connection belongs to one thread) plus a progress callback and a cancel check; it never
touches a widget. Results, errors and progress come back to the main thread as signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefing.services import BriefingError, Library

Work = Callable[[Library, Callable[[int, int, str], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class LibraryTask(QRunnable):
    def __init__(self, db_path: Path, work: Work) -> None:
        super().__init__()
        self.db_path, self.work = db_path, work
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            with Library.open(self.db_path) as library:
                result = self.work(library, self.signals.progress.emit, self._cancel.is_set)
        except BriefingError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:
            self.signals.failed.emit(f"unexpected error: {error!r}")
        else:
            self.signals.finished.emit(result)


def start(task: LibraryTask) -> LibraryTask:
    QThreadPool.globalInstance().start(task)
    return task
