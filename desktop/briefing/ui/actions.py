"""Every QAction of the window, declared once by id with its shortcut, reused in menus,
toolbars and shortcuts alike."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


SPECS: dict[str, ActionSpec] = {
    "file_import": ActionSpec("&Import Files…", Key.Open, "Import articles into the library"),
    "file_import_folder": ActionSpec(
        "Import &Folder…", "Ctrl+Shift+O", "Import every article in a folder and its subfolders"
    ),
    "file_quit": ActionSpec("&Quit", Key.Quit),
    "edit_undo": ActionSpec("&Undo", Key.Undo),
    "edit_redo": ActionSpec("&Redo", Key.Redo),
    "edit_find": ActionSpec("&Search…", Key.Find, "Search articles and highlights"),
    "article_delete": ActionSpec("&Delete Article…", Key.Delete, "Delete the selected article"),
    "library_reindex": ActionSpec("Rebuild Search &Index", None, "Rebuild the search index"),
}


class ActionCollection:
    """The window's actions by id; created once, parented to the window."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[str, QAction] = {}
        for name, spec in SPECS.items():
            action = QAction(tr(spec.text), parent)
            action.setObjectName(name)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.tip:
                action.setStatusTip(tr(spec.tip))
                action.setToolTip(tr(spec.tip))
            self._actions[name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]
