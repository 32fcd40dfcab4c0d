"""What the highlight keys do: 1–9, H (tag picker), N (note), Delete, re-attach.

Each key acts on what the analyst is pointing at: a selection in the reader makes a new
highlight; with no selection, the highlight under the reader's caret, or the one selected in
the highlights pane when that has the focus. Every change is one undoable command run
through :class:`~briefing.ui.operations.ChangeOp`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from briefing.core.model import Highlight
from briefing.services import (
    AddHighlight,
    ChangeHighlightTags,
    Changes,
    Command,
    CreateTag,
    DeleteHighlight,
    ReattachHighlight,
    set_note,
)
from briefing.ui.operations import ChangeOp

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

SLOTS = range(1, 10)
SCOPED = (
    "highlight_tag",
    "highlight_note",
    "highlight_delete",
    *(f"highlight_slot_{n}" for n in SLOTS),
)


class HighlightActions:
    """Connects the window's highlight actions to commands on its library."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        actions = window.actions
        for n in SLOTS:
            actions[f"highlight_slot_{n}"].triggered.connect(lambda _=False, n=n: self.slot(n))
        actions["highlight_tag"].triggered.connect(self.pick)
        actions["highlight_note"].triggered.connect(self.note)
        actions["highlight_delete"].triggered.connect(self.delete)
        actions["highlight_reattach"].triggered.connect(self.reattach)
        actions.scoped_to(window.reader, *SCOPED)
        for view in (window.highlights_pane.placed_view, window.highlights_pane.orphaned_view):
            actions.scoped_to(view, *SCOPED)
        actions.scoped_to(window.highlights_pane.orphaned_view, "highlight_reattach")
        window.reader.menu_actions = [
            actions["highlight_tag"],
            actions["highlight_note"],
            actions["highlight_delete"],
            actions["highlight_reattach"],
        ]

    # --- what the keys point at ----------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The reader's selection, unless the focus is in the highlights pane."""
        if self.window.highlights_pane.has_focus() or self.window.article_id is None:
            return None
        return self.window.reader.selection_span()

    def target(self) -> Highlight | None:
        pane = self.window.highlights_pane
        if pane.has_focus():
            return pane.selected_highlight()
        return self.window.reader.caret_highlight()

    def _run(self, command: Command) -> Changes | None:
        return ChangeOp(self.window, self.window.library, command, self.window.reader).run()

    def _say(self, message: str) -> None:
        # Messages are translated in this module's context: self.window.tr() would look
        # them up under the window's class, where lupdate never puts them.
        self.window.statusBar().showMessage(message, 5000)

    # --- the actions ---------------------------------------------------------------------------

    def slot(self, n: int) -> None:
        tag = next((t for t in self.window.library.tags() if t.slot == n), None)
        if tag is None:
            self._say(
                QCoreApplication.translate("HighlightActions", "No tag has the key {0}").format(n)
            )
            return
        self.apply_tag(tag.name)

    def apply_tag(self, name: str) -> None:
        """Highlight the selection with tag ``name``, or toggle it on the pointed highlight."""
        span = self.selection()
        if span is not None:
            assert self.window.article_id is not None
            if self._run(AddHighlight(self.window.article_id, *span, (name,))) is not None:
                self.window.reader.place_caret(span[1])  # the caret stays in the new one
            return
        target = self.target()
        if target is None:
            self._say(QCoreApplication.translate("HighlightActions", "Select some text first"))
            return
        self._run(ChangeHighlightTags([target.id], name, add=name not in target.tags))

    def pick(self) -> None:
        target = None if self.selection() else self.target()
        current = target.tags if target else ()
        if self.selection() is None and target is None:
            self._say(QCoreApplication.translate("HighlightActions", "Select some text first"))
            return
        from briefing.ui.tag_picker import pick_tag  # dialogs load when first used

        choice = pick_tag(self.window, self.window.library.tags(), current)
        if choice is None:
            return
        if choice.new and self._run(CreateTag(choice.name)) is None:
            return
        self.apply_tag(choice.name)

    def note(self) -> None:
        from briefing.ui.note_editor import edit_note  # dialogs load when first used

        span = self.selection()
        if span is not None:  # N on a selection: a new highlight carrying the note
            quote = self.window.reader.document().toPlainText()[span[0] : span[1]]
            text = edit_note(self.window, "", quote)
            article_id = self.window.article_id
            if (
                text
                and article_id is not None
                and self._run(AddHighlight(article_id, *span, note=text))
            ):
                self.window.reader.place_caret(span[1])
            return
        target = self.target()
        if target is None:
            self._say(
                QCoreApplication.translate("HighlightActions", "Put the caret in a highlight first")
            )
            return
        text = edit_note(self.window, target.note, target.quote)
        if text is not None:
            self._run(set_note(target.id, text))

    def delete(self) -> None:
        target = self.target()
        if target is None:
            self._say(
                QCoreApplication.translate("HighlightActions", "Put the caret in a highlight first")
            )
            return
        self._run(DeleteHighlight(target.id))

    def reattach(self) -> None:
        orphan = self.window.highlights_pane.selected_orphan()
        span = self.window.reader.selection_span()
        if orphan is None or span is None:
            self._say(
                QCoreApplication.translate(
                    "HighlightActions", "Select an orphaned highlight and the text it belongs to"
                )
            )
            return
        self._run(ReattachHighlight(orphan.id, *span))
