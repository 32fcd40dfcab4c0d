"""Every QAction of the window, declared once by id with its shortcut, reused in menus,
toolbars and shortcuts alike.

A *scoped* action's shortcut works only while the focus is in a widget the action was added
to (``widget.addAction``): Delete deletes an article in the library list and a highlight in
the reader, and does nothing in the search results; the plain keys 1–9, H and N never reach
a text field or the list's type-ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | tuple[str, ...] | None = None
    tip: str = ""
    scoped: bool = False  # shortcut only while the focus is in a widget holding the action
    arg: str = ""  # fills "{0}" in the translated text


def tr(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("Actions", ...)``, in the window's language."""
    return QCoreApplication.translate("Actions", text)


# Texts and tips are marked for lupdate here (QT_TRANSLATE_NOOP) and translated where the
# actions are made; "{0}" in a text is filled with the spec's ``arg``.
SPECS: dict[str, ActionSpec] = {
    "file_import": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Import Files…"),
        Key.Open,
        QT_TRANSLATE_NOOP("Actions", "Import articles into the library"),
    ),
    "file_import_folder": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import &Folder…"),
        "Ctrl+Shift+O",
        QT_TRANSLATE_NOOP("Actions", "Import every article in a folder and its subfolders"),
    ),
    "file_quit": ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Quit"), Key.Quit),
    "edit_undo": ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Undo"), Key.Undo),
    # Redo's standard key differs by desktop (Ctrl+Y on some): both work everywhere.
    "edit_redo": ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
    # Ctrl+F finds in the open article; the library search has keys of its own.
    "edit_find": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Search Library…"),
        ("Ctrl+Shift+F", "Ctrl+K"),
        QT_TRANSLATE_NOOP("Actions", "Search articles and highlights"),
    ),
    "find_in_article": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Find in Article…"),
        Key.Find,
        QT_TRANSLATE_NOOP("Actions", "Find every occurrence of a word in the open article"),
    ),
    "find_next": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Find &Next"),
        "F3",
        QT_TRANSLATE_NOOP("Actions", "The next match in the article"),
    ),
    "find_previous": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        "Shift+F3",
        QT_TRANSLATE_NOOP("Actions", "The previous match in the article"),
    ),
    "library_filter": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "F&ilter Library…"),
        "Ctrl+L",
        QT_TRANSLATE_NOOP("Actions", "Show only the articles whose title or source holds a text"),
    ),
    "article_toggle_read": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Mark Read or &Unread"),
        "Ctrl+U",
        QT_TRANSLATE_NOOP("Actions", "Mark the open article unread, or read again"),
    ),
    "view_zoom_in": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("Actions", "Larger reading text (also Ctrl+wheel)"),
    ),
    "view_zoom_out": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        "Ctrl+-",
        QT_TRANSLATE_NOOP("Actions", "Smaller reading text (also Ctrl+wheel)"),
    ),
    "view_zoom_reset": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Actual Size"),
        "Ctrl+0",
        QT_TRANSLATE_NOOP("Actions", "The default reading text size"),
    ),
    "view_next_pane": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Ne&xt Pane"),
        "F6",
        QT_TRANSLATE_NOOP("Actions", "Move the focus to the next pane"),
    ),
    "view_previous_pane": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Pre&vious Pane"),
        "Shift+F6",
        QT_TRANSLATE_NOOP("Actions", "Move the focus to the previous pane"),
    ),
    "view_outline": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Go to &Heading…"),
        "Ctrl+J",
        QT_TRANSLATE_NOOP("Actions", "The outline of the article's headings"),
    ),
    "help_shortcuts": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts…"),
        "Ctrl+/",
        QT_TRANSLATE_NOOP("Actions", "Every action and its keys; change them"),
    ),
    "edit_preferences": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Preferences…"),
        "Ctrl+,",
        QT_TRANSLATE_NOOP("Actions", "Language, theme, text size and briefing defaults"),
    ),
    "article_delete": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete Article…"),
        Key.Delete,
        QT_TRANSLATE_NOOP("Actions", "Delete the selected article"),
        scoped=True,
    ),
    "article_details": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Article &Details…"),
        "Ctrl+I",
        QT_TRANSLATE_NOOP(
            "Actions", "Edit the open article's title, source, author, date, URL and language"
        ),
    ),
    "highlight_tag": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Tag…"),
        "H",
        QT_TRANSLATE_NOOP("Actions", "Tag the selection or the highlight at the caret"),
        scoped=True,
    ),
    "highlight_note": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Edit &Note…"),
        "N",
        QT_TRANSLATE_NOOP("Actions", "Write a note on the highlight at the caret"),
        scoped=True,
    ),
    "highlight_delete": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Delete &Highlight"),
        Key.Delete,
        QT_TRANSLATE_NOOP("Actions", "Delete the highlight at the caret"),
        scoped=True,
    ),
    "highlight_reattach": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Re-attach to Selection"),
        "Ctrl+Shift+R",
        QT_TRANSLATE_NOOP("Actions", "Place the orphaned highlight on the selected text"),
    ),
    **{
        f"highlight_slot_{n}": ActionSpec(
            QT_TRANSLATE_NOOP("Actions", "Tag Slot &{0}"),
            str(n),
            QT_TRANSLATE_NOOP("Actions", "Highlight with, or toggle, the tag in this slot"),
            True,
            arg=str(n),
        )
        for n in range(1, 10)
    },
    "library_reindex": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Rebuild Search &Index"),
        "Ctrl+Shift+I",
        QT_TRANSLATE_NOOP("Actions", "Rebuild the search index"),
    ),
    "tags_manage": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Manage &Tags…"),
        "Ctrl+T",
        QT_TRANSLATE_NOOP("Actions", "Create, rename, recolour, merge and delete tags"),
    ),
    "briefing_compose": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Briefing…"),
        "Ctrl+E",
        QT_TRANSLATE_NOOP(
            "Actions", "Compile tagged highlights into the briefing: preview, export"
        ),
    ),
    "file_print": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Print Briefing…"),
        Key.Print,
        QT_TRANSLATE_NOOP("Actions", "Print the briefing's PDF pages"),
    ),
    "help_about": ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About Briefing Reader"),
        "Ctrl+F1",
        QT_TRANSLATE_NOOP("Actions", "The version and the licence"),
    ),
}


def icon_text(text: str) -> str:
    """A menu text as a button label: without its mnemonic, a Japanese "(&X)" included, and
    without a trailing ellipsis."""
    text = re.sub(r"\s*\(&[^)]\)", "", text).replace("&&", "\0").replace("&", "")
    return text.replace("\0", "&").removesuffix("…").removesuffix("...")


class ActionCollection:
    """The window's actions by id; created once, parented to the window."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[str, QAction] = {}
        for name, spec in SPECS.items():
            action = QAction(tr(spec.text).replace("{0}", spec.arg), parent)
            # A toolbar button shows no mnemonic: "取り込む(&I)…" is "取り込む" there.
            action.setIconText(icon_text(action.text()))
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

    def names(self) -> list[str]:
        """Every action's id, in the registry's order."""
        return list(self._actions)

    def scoped_to(self, widget: QObject, *names: str) -> None:
        """Make the scoped actions ``names`` answer their keys while ``widget`` has focus."""
        for name in names:
            widget.addAction(self._actions[name])  # type: ignore[attr-defined]
