"""What keeps the window safe with an unusual library or a hostile article (issue 15), put
in place in one call from ``MainWindow._build_menus``:

- Library ▸ Versions… for the open article (:mod:`briefing.ui.versions_dialog`);
- a library opened read-only (a read-only share, a full disk) says so once, in the status
  bar and the window title, and its import and edit actions stay disabled;
- an article the window was opening when it last stopped (it crashed or was killed before
  the article was painted) is not opened again by itself at the next start: the window
  says so, and the analyst can still choose it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from briefing.services.library_state import opening_notice
from briefing.ui import service_text, settings
from briefing.ui.settings import StateOption

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

# "id@library path" of the article being opened, until it has been painted once.
OPENING = StateOption("main_window/opening_article", None)
# What a library opened read-only may not do: every action that writes.
WRITING_ACTIONS = (
    "file_import",
    "file_import_folder",
    "library_reindex",
    "article_delete",
    "tags_manage",
    "edit_undo",
    "edit_redo",
    "highlight_tag",
    "highlight_note",
    "highlight_delete",
    "highlight_reattach",
    *(f"highlight_slot_{n}" for n in range(1, 10)),
)


class WindowSafety(QObject):
    """What :func:`install` added. A child of the window holding no reference to it."""

    def __init__(self, window: MainWindow, library_menu: QMenu) -> None:
        super().__init__(window)
        self._key = str(window.library.path)
        self._painting: int | None = None  # the article built, not yet painted
        self.versions_action = QAction(self.tr("&Versions…"), window)
        self.versions_action.setObjectName("article_versions")
        self.versions_action.setToolTip(
            self.tr("The open article's earlier texts, to read and restore")
        )
        self.versions_action.triggered.connect(self.show_versions)
        _insert_after(library_menu, window.actions["article_details"], self.versions_action)
        library_menu.aboutToShow.connect(self._update_versions_action)
        self.notice = opening_notice(window.library)
        self.notice_label: QLabel | None = None
        if self.notice:
            self._lock_writing(window)
        self.suspect = self._read_suspect()
        if self.suspect is not None:
            if settings.LAST_ARTICLE.read() == self.suspect:
                settings.LAST_ARTICLE.reset()  # the list must not choose it by itself either
            window.statusBar().showMessage(
                self.tr(
                    "Article #{0} was being opened when the window last stopped, so it was "
                    "not opened again. Choose it in the list to open it."
                ).format(self.suspect)
            )
        window.installEventFilter(self)
        window.reader.viewport().installEventFilter(self)

    @property
    def window(self) -> MainWindow:
        return self.parent()  # type: ignore[return-value]

    # --- Versions… ------------------------------------------------------------------------

    def _update_versions_action(self) -> None:
        self.versions_action.setEnabled(self.window.article_id is not None)

    def show_versions(self) -> object | None:
        """Open the versions of the open article (nothing without one)."""
        if self.window.article_id is None:
            return None
        from briefing.ui.versions_dialog import show_versions  # loaded when first shown

        return show_versions(self.window.library, self.window.article_id, self.window)

    # --- a read-only library ----------------------------------------------------------------

    def _lock_writing(self, window: MainWindow) -> None:
        """Say once how the library was opened, and keep every writing action disabled
        (the window enables some as articles open: they are switched off again)."""
        text = self.tr("Read-only: {0}").format(service_text.message(self.notice or ""))
        self.notice_label = QLabel(text, window)
        self.notice_label.setObjectName("read_only_notice")
        window.statusBar().addPermanentWidget(self.notice_label)
        window.windowTitleChanged.connect(self._mark_title)
        self._mark_title(window.windowTitle())
        for name in WRITING_ACTIONS:
            try:
                action = window.actions[name]
            except KeyError:
                continue
            action.setEnabled(False)
            action.changed.connect(lambda action=action: _keep_disabled(action))

    def title_suffix(self) -> str:
        return self.tr(" [read-only]")

    def _mark_title(self, title: str) -> None:
        suffix = self.title_suffix()
        if not title.endswith(suffix):
            self.window.setWindowTitle(title + suffix)  # emits again, then ends here

    # --- not reopening an article that failed ------------------------------------------------

    def _read_suspect(self) -> int | None:
        """The article this library's window was opening when it last stopped, if any."""
        value = OPENING.read()
        if not isinstance(value, str) or "@" not in value:
            return None
        article, _, path = value.partition("@")
        if path != self._key or not article.isdigit():
            return None
        return int(article)

    def may_open(self, article_id: int) -> bool:
        """False for the article the window was opening when it last stopped, if the start
        chooses it by itself (it may be what stopped the window). Only the first article
        the window opens is checked: that one is the start's choice, every later one the
        analyst's."""
        suspect, self.suspect = self.suspect, None
        if article_id != suspect:
            return True
        _write_opening(None)
        QTimer.singleShot(0, self._forget_choice)
        return False

    def _forget_choice(self) -> None:
        # The list leaves the row unselected, so choosing that article opens it.
        table = self.window.table
        table.clearSelection()
        table.choose(None)

    def opening(self, article_id: int) -> None:
        """The window is about to build and paint ``article_id``: remember it until painted."""
        self._painting = article_id
        _write_opening(f"{article_id}@{self._key}")

    def painted(self) -> None:
        if self._painting is not None:
            self._painting = None
            _write_opening(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and self._painting is not None:
            QTimer.singleShot(0, self.painted)  # after the paint, not before it
        elif kind == QEvent.Type.Close and watched is self.window:
            self.painted()  # a window that closes normally did not fail on its article
        return False


def _write_opening(value: str | None) -> None:
    """Write the flag to disk at once: a crash right after leaves no chance to flush."""
    store = QSettings()
    if value is None:
        store.remove(OPENING.key)
    else:
        store.setValue(OPENING.key, value)
    store.sync()


def _keep_disabled(action: QAction) -> None:
    if action.isEnabled():
        action.setEnabled(False)


def _insert_after(menu: QMenu, anchor: QAction, action: QAction) -> None:
    actions = menu.actions()
    if anchor in actions:
        at = actions.index(anchor) + 1
        if at < len(actions):
            menu.insertAction(actions[at], action)
            return
    menu.addAction(action)


def install(window: MainWindow, library_menu: QMenu) -> WindowSafety:
    """Add the versions action, the read-only notice and the start guard to ``window``."""
    return WindowSafety(window, library_menu)
