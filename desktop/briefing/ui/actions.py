"""Every QAction of the window, declared once by id with its shortcut, reused in menus,
toolbars and shortcuts alike.

A *scoped* action's shortcut works only while the focus is in a widget the action was added
to (``widget.addAction``): Delete deletes an article in the library list and a highlight in
the reader, and does nothing in the search results; the plain keys 1–9, H and N never reach
a text field or the list's type-ahead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | tuple[str, ...] | None = None
    tip: str = ""
    scoped: bool = False  # shortcut only while the focus is in a widget holding the action


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


SPECS: dict[str, ActionSpec] = {
    "file_import": ActionSpec("&Import Files…", Key.Open, "Import articles into the library"),
    "file_import_folder": ActionSpec(
        "Import &Folder…", "Ctrl+Shift+O", "Import every article in a folder and its subfolders"
    ),
    "file_quit": ActionSpec("&Quit", Key.Quit),
    "edit_undo": ActionSpec("&Undo", Key.Undo),
    # Redo's standard key differs by desktop (Ctrl+Y on some): both work everywhere.
    "edit_redo": ActionSpec("&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    "edit_find": ActionSpec("&Search…", Key.Find, "Search articles and highlights"),
    "article_delete": ActionSpec(
        "&Delete Article…", Key.Delete, "Delete the selected article", scoped=True
    ),
    "highlight_tag": ActionSpec(
        "&Tag…", "H", "Tag the selection or the highlight at the caret", scoped=True
    ),
    "highlight_note": ActionSpec(
        "Edit &Note…", "N", "Write a note on the highlight at the caret", scoped=True
    ),
    "highlight_delete": ActionSpec(
        "Delete &Highlight", Key.Delete, "Delete the highlight at the caret", scoped=True
    ),
    "highlight_reattach": ActionSpec(
        "&Re-attach to Selection", None, "Place the orphaned highlight on the selected text"
    ),
    **{
        f"highlight_slot_{n}": ActionSpec(
            f"Tag Slot &{n}", str(n), "Highlight with, or toggle, the tag in this slot", True
        )
        for n in range(1, 10)
    },
    "library_reindex": ActionSpec("Rebuild Search &Index", None, "Rebuild the search index"),
    "tags_manage": ActionSpec(
        "Manage &Tags…", None, "Create, rename, recolour, merge and delete tags"
    ),
    "briefing_compose": ActionSpec(
        "&Briefing…", "Ctrl+E", "Compile tagged highlights into the briefing: preview, export"
    ),
    "file_print": ActionSpec("&Print Briefing…", Key.Print, "Print the briefing's PDF pages"),
}


class ActionCollection:
    """The window's actions by id; created once, parented to the window."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[str, QAction] = {}
        for name, spec in SPECS.items():
            action = QAction(tr(spec.text), parent)
            action.setObjectName(name)
            if isinstance(spec.shortcut, tuple):
                action.setShortcuts([QKeySequence(keys) for keys in spec.shortcut])
            elif spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.scoped:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if spec.tip:
                action.setStatusTip(tr(spec.tip))
                action.setToolTip(tr(spec.tip))
            self._actions[name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def scoped_to(self, widget: QObject, *names: str) -> None:
        """Make the scoped actions ``names`` answer their keys while ``widget`` has focus."""
        for name in names:
            widget.addAction(self._actions[name])  # type: ignore[attr-defined]
