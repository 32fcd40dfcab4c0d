"""The tag manager: create, rename, recolour, alias, describe, slot, merge and delete tags.

Every edit is one undoable services command run through :class:`ChangeOp`, applied as soon as
a field is left (or a colour picked), so Undo in the Edit menu names it ("Undo Rename tag").
The dialog is not modal: the window's Undo/Redo keep working, and it follows changes made
anywhere else (an undo, the CLI) through the library's announcements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Tag
from briefing.services import (
    BriefingError,
    Changes,
    Command,
    CreateTag,
    DeleteTag,
    EditTag,
    Library,
    MergeTags,
)
from briefing.ui.operations import ChangeOp
from briefing.ui.tags_pane import TAG_ID_ROLE, swatch

_ALIAS_SEPARATORS = re.compile(r"[,、，;；]")


def parse_aliases(text: str) -> tuple[str, ...]:
    """Aliases as typed: separated by commas (ASCII or Japanese) or semicolons."""
    return tuple(a.strip() for a in _ALIAS_SEPARATORS.split(text) if a.strip())


class TagManager(QDialog):
    def __init__(
        self, library: Library, parent: QWidget | None = None, actions: Iterable[QAction] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tag_manager")
        self.setWindowTitle(self.tr("Manage Tags"))
        self.library = library
        self.addActions(list(actions))  # the window's Undo/Redo answer their keys here too
        self._tag_id: int | None = None

        self.tag_list = QListWidget(self)
        self.tag_list.setObjectName("tag_manager_list")
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.merge_button = QPushButton(self.tr("&Merge Into…"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.merge_button, self.delete_button):
            button.setAutoDefault(False)  # Enter applies a field; it never presses a button
            list_buttons.addWidget(button)

        self.name_field = QLineEdit(self)
        self.name_field.setObjectName("tag_name")
        self.color_button = QPushButton(self)
        self.color_button.setObjectName("tag_color")
        self.aliases_field = QLineEdit(self)
        self.aliases_field.setObjectName("tag_aliases")
        self.aliases_field.setPlaceholderText(
            self.tr("other names, separated by commas: 制裁, 対露制裁")
        )
        self.description_field = QLineEdit(self)
        self.description_field.setObjectName("tag_description")
        self.slot_box = QComboBox(self)
        self.slot_box.setObjectName("tag_slot")
        self.slot_box.addItem(self.tr("none"), None)
        for slot in range(1, 10):
            self.slot_box.addItem(str(slot), slot)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow(self.tr("&Colour:"), self.color_button)
        form.addRow(self.tr("&Aliases:"), self.aliases_field)
        form.addRow(self.tr("D&escription:"), self.description_field)
        form.addRow(self.tr("&Key (1–9):"), self.slot_box)
        self.form = QWidget(self)
        self.form.setLayout(form)

        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        self.status.setObjectName("tag_manager_status")
        self.status.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.tag_list, 1)
        left.addLayout(list_buttons)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addStretch(1)
        right.addWidget(self.status)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.tag_list.currentItemChanged.connect(lambda *_: self._tag_selected())
        self.new_button.clicked.connect(self._ask_new)
        self.merge_button.clicked.connect(self._ask_merge)
        self.delete_button.clicked.connect(self._ask_delete)
        self.color_button.clicked.connect(self._ask_color)
        self.name_field.editingFinished.connect(self._name_edited)
        self.aliases_field.editingFinished.connect(self._aliases_edited)
        self.description_field.editingFinished.connect(self._description_edited)
        self.slot_box.activated.connect(self._slot_chosen)
        self.library.listeners.append(self._library_changed)
        self.finished.connect(self._detach)
        self.resize(640, 380)
        self.refresh()

    # --- showing --------------------------------------------------------------------------------

    @property
    def tag(self) -> Tag | None:
        """The tag being edited (None once the library is closed under a dialog left open:
        a field losing focus as the dialog goes must not raise)."""
        try:
            tags = self.library.tags()
        except BriefingError:
            return None
        return next((t for t in tags if t.id == self._tag_id), None)

    def select(self, name: str) -> None:
        tag_id = self.library.tag(name).id
        for row in range(self.tag_list.count()):
            if self.tag_list.item(row).data(TAG_ID_ROLE) == tag_id:
                self.tag_list.setCurrentRow(row)
                return

    def refresh(self) -> None:
        tags = self.library.tags()
        if self._tag_id not in {t.id for t in tags}:
            self._tag_id = tags[0].id if tags else None
        self.tag_list.blockSignals(True)
        try:
            self.tag_list.clear()
            for tag in tags:
                label = f"{tag.name}   [{tag.slot}]" if tag.slot else tag.name
                item = QListWidgetItem(swatch(tag.color), label)
                item.setData(TAG_ID_ROLE, tag.id)
                self.tag_list.addItem(item)
                if tag.id == self._tag_id:
                    self.tag_list.setCurrentItem(item)
        finally:
            self.tag_list.blockSignals(False)
        self._show_tag()

    def _tag_selected(self) -> None:
        item = self.tag_list.currentItem()
        self._tag_id = item.data(TAG_ID_ROLE) if item is not None else None
        self.status.clear()
        self._show_tag()

    def _show_tag(self) -> None:
        tag = self.tag
        for widget in (self.form, self.merge_button, self.delete_button):
            widget.setEnabled(tag is not None)
        if tag is None:
            for field in (self.name_field, self.aliases_field, self.description_field):
                field.clear()
            return
        self.name_field.setText(tag.name)
        self.aliases_field.setText(", ".join(tag.aliases))
        self.description_field.setText(tag.description)
        for field in (self.name_field, self.aliases_field, self.description_field):
            field.setCursorPosition(0)  # a long text shows its beginning, not its end
        self.color_button.setIcon(swatch(tag.color, 16))
        self.color_button.setText(tag.color)
        self.slot_box.setCurrentIndex(tag.slot or 0)

    def _library_changed(self, _changes: Changes) -> None:
        self.refresh()

    def _detach(self) -> None:
        if self._library_changed in self.library.listeners:
            self.library.listeners.remove(self._library_changed)

    # --- editing: each a command ---------------------------------------------------------------

    def _run(self, command: Command) -> bool:
        self.status.clear()
        changes = ChangeOp(self, self.library, command, initiator=self).failure(self._failed).run()
        return changes is not None

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self._show_tag()  # the fields show what is stored, not the refused value

    def _edit(self, **values: object) -> bool:
        tag = self.tag
        return tag is not None and self._run(EditTag(tag.name, **values))  # type: ignore[arg-type]

    def _name_edited(self) -> None:
        tag, name = self.tag, self.name_field.text().strip()
        if tag is not None and name != tag.name:
            self._edit(name=name)

    def _aliases_edited(self) -> None:
        tag, aliases = self.tag, parse_aliases(self.aliases_field.text())
        if tag is not None and aliases != tag.aliases:
            self._edit(aliases=aliases)

    def _description_edited(self) -> None:
        tag, text = self.tag, self.description_field.text().strip()
        if tag is not None and text != tag.description:
            self._edit(description=text)

    def _slot_chosen(self, _index: int) -> None:
        tag, slot = self.tag, self.slot_box.currentData()
        if tag is not None and slot != tag.slot:
            self._edit(slot=slot)

    def set_color(self, color: str) -> bool:
        tag = self.tag
        return tag is not None and color.lower() != tag.color.lower() and self._edit(color=color)

    def create_tag(self, name: str) -> bool:
        """Create a tag (the next palette colour) and select it."""
        command = CreateTag(name)
        if not self._run(command):
            return False
        self._tag_id = command.tag_id
        self.refresh()
        self.name_field.setFocus()
        return True

    def merge_into(self, target: str) -> bool:
        tag = self.tag
        return tag is not None and self._run(MergeTags(tag.name, target))

    def delete_tag(self) -> bool:
        tag = self.tag
        return tag is not None and self._run(DeleteTag(tag.name, untag=True))

    # --- asking ---------------------------------------------------------------------------------

    def _ask_color(self) -> None:
        tag = self.tag
        if tag is None:
            return
        color = QColorDialog.getColor(
            QColor(tag.color), self, self.tr("Colour of {0}").format(tag.name)
        )
        if color.isValid():
            self.set_color(color.name())

    def _ask_new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New tag"), self.tr("Name:"))
        if ok and name.strip():
            self.create_tag(name)

    def _ask_merge(self) -> None:
        tag = self.tag
        if tag is None:
            return
        others = [t.name for t in self.library.tags() if t.id != tag.id]
        if not others:
            return
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge tags"),
            self.tr("Move every highlight of “{0}” to:").format(tag.name),
            others,
            0,
            False,
        )
        if ok and target:
            self.merge_into(target)

    def _ask_delete(self) -> None:
        tag = self.tag
        if tag is None:
            return
        used = self.library.tag_usage().get(tag.id, 0)
        if used:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Delete tag"),
                self.tr(
                    "Remove “{0}” from {1} highlight(s) and delete it? Undo brings it back."
                ).format(tag.name, used),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        self.delete_tag()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Enter in a field applies it (editingFinished); it must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
