"""One runner for every operation the window starts, after Anki's ``aqt/operations``.

Two kinds, as in Anki:

- :class:`ChangeOp` runs one undoable :class:`~briefing.services.Command` on the window's own
  library, on the main thread (a highlight or a tag edit takes milliseconds), and the library
  announces its :class:`~briefing.services.Changes` once, naming the initiator.
- :class:`QueryOp` runs work that can take long (an import, a reindex, a search over a big
  library, an export) on the thread pool with its **own** :class:`Library` opened on the same
  file (an SQLite connection belongs to one thread), read-only when the window's is.
  Progress, the result and errors come back on the main thread as signals; the work never
  touches a widget. A background write says what it changed through
  :meth:`QueryOp.announcing`, and the window's library announces it.

Every failure reaches the analyst as one line; an unexpected one is logged with its traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from briefing.services import BriefingError, Changes, Command, Library
from briefing.ui import service_text
from briefing.ui.progress_panel import ProgressPanel

log = logging.getLogger("briefing.ui")
T = TypeVar("T")
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Library, Progress, Cancelled], T]

_running: set[QueryOp[Any]] = set()  # kept alive until finished; cancelled on quit


def show_error(parent: QWidget | None, message: str) -> None:
    """The one way a failed operation is shown: a warning with one line."""
    title = QCoreApplication.translate("Operations", "Briefing Reader")
    QMessageBox.warning(parent, title, service_text.message(message))


class ChangeOp:
    """An undoable change to the window's library; ``run()`` returns the changes or None."""

    def __init__(
        self,
        parent: QWidget | None,
        library: Library,
        command: Command,
        initiator: object | None = None,
    ) -> None:
        self.parent, self.library, self.command = parent, library, command
        self.initiator = initiator
        self._success: Callable[[Changes], None] | None = None
        self._failure: Callable[[str], None] | None = None

    def success(self, callback: Callable[[Changes], None]) -> ChangeOp:
        self._success = callback
        return self

    def failure(self, callback: Callable[[str], None]) -> ChangeOp:
        self._failure = callback
        return self

    def run(self) -> Changes | None:
        try:
            changes = self.library.execute(self.command, initiator=self.initiator)
        except BriefingError as error:
            self._fail(str(error))
            return None
        except Exception as error:  # a bug: keep the traceback, show one line
            log.exception("operation %r failed", self.command.text)
            self._fail(
                QCoreApplication.translate("Operations", "Unexpected error: {0}").format(error)
            )
            return None
        if self._success is not None:
            self._success(changes)
        return changes

    def _fail(self, message: str) -> None:
        if self._failure is not None:
            self._failure(message)
        else:
            show_error(self.parent, message)


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class _Runnable(QRunnable):
    def __init__(self, op: QueryOp[Any]) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        op = self.op
        try:
            # Opened as the window's is: a read-only library stays read-only in the worker.
            with Library.open(op.library_path, read_only=op.read_only) as library:
                result = op.work(library, op.signals.progress.emit, op.cancel_event.is_set)
        except BriefingError as error:
            op.signals.failed.emit(str(error))
        except Exception as error:
            log.exception("background operation failed")
            op.signals.failed.emit(f"unexpected error: {error}")
        else:
            op.signals.finished.emit(result)


class QueryOp(Generic[T]):
    """Work off the UI thread on its own connection, with optional progress and Cancel."""

    def __init__(self, parent: QWidget | None, library: Library, work: Work[T]) -> None:
        self.parent, self.library, self.work = parent, library, work
        self.library_path: Path = library.path
        self.read_only: bool = library.read_only
        self.signals = _Signals()
        self.cancel_event = threading.Event()
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[str], None] | None = None
        self._announce: Callable[[T], Changes] | None = None
        self._label: str | None = None
        self.dialog: QProgressDialog | ProgressPanel | None = None  # where progress shows
        self.done = False

    def with_progress(self, label: str) -> QueryOp[T]:
        """Show progress with Cancel while the work runs: in the window's status bar (the
        window stays usable), or, for another parent, a progress dialog after 300 ms."""
        self._label = label
        return self

    def success(self, callback: Callable[[T], None]) -> QueryOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[str], None]) -> QueryOp[T]:
        self._failure = callback
        return self

    def announcing(self, changes: Callable[[T], Changes]) -> QueryOp[T]:
        """The work writes: after it, the window's library announces ``changes(result)``."""
        self._announce = changes
        return self

    def cancel(self) -> None:
        self.cancel_event.set()

    def run_in_background(self) -> QueryOp[T]:
        if self._label is not None:
            self._make_dialog(self._label)
        self.signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        _running.add(self)
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def _make_dialog(self, label: str) -> None:
        dialog: QProgressDialog | ProgressPanel
        if isinstance(self.parent, QMainWindow):
            dialog = ProgressPanel(label, self.parent)
            self.parent.statusBar().addPermanentWidget(dialog)
        else:
            cancel = QCoreApplication.translate("Operations", "Cancel")
            dialog = QProgressDialog(label, cancel, 0, 0, self.parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
        dialog.canceled.connect(self.cancel)

        def on_progress(done: int, total: int, item: str) -> None:
            if self.dialog is None:
                return
            dialog.setMaximum(total)
            dialog.setValue(done)
            if item:
                dialog.setLabelText(f"{label} {Path(item).name}")

        self.signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        self.dialog = dialog

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        self.done = True
        _running.discard(self)

    def _finished(self, result: T) -> None:
        self._close_dialog()
        if self._announce is not None:
            self.library.announce(self._announce(result))
        if self._success is not None:
            self._success(result)

    def _failed(self, message: str) -> None:
        self._close_dialog()
        if self._failure is not None:
            self._failure(message)
        else:
            show_error(self.parent, message)


def cancel_all() -> None:
    """Ask every running background operation to stop (the window is closing)."""
    for op in list(_running):
        op.cancel()
