"""The tag picker (H in the reader): type to filter, aliases match, Enter picks, a new name
offers to create the tag."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Tag
from briefing.core.safe_text import plain_tooltip
from briefing.core.tags import clean_tag_name, tag_key

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TagChoice:
    name: str
    new: bool = False  # the tag does not exist yet: create it first


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def matches(tag: Tag, key: str) -> bool:
    """``key`` (already folded) occurs in the tag's name or in one of its aliases."""
    return not key or any(key in tag_key(name) for name in (tag.name, *tag.aliases))


class TagPicker(QDialog):
    """Lists the tags, filtered as one types; the tags in ``current`` are marked (picking one
    of them takes it off the highlight)."""

    def __init__(
        self, tags: list[Tag], current: tuple[str, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag"))
        self.setObjectName("tag_picker")
        self.tags = sorted(tags, key=lambda t: (t.slot is None, t.slot or 0, tag_key(t.name)))
        self.current = {tag_key(name) for name in current}
        self.field = QLineEdit(self)
        self.field.setObjectName("tag_filter")
        self.field.setPlaceholderText(self.tr("Type a tag or an alias; a new name creates it"))
        self.list = QListWidget(self)
        self.list.setObjectName("tag_list")
        hint = QLabel(self.tr("Enter picks · Esc cancels"), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._filter)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._filter("")
        # Wide enough for every tag with its aliases (up to a limit; the rest is on the row's
        # tooltip): a label is never cut at the list's edge.
        widest = self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + 40
        self.resize(max(360, min(widest, 640)), 380)

    def _filter(self, text: str) -> None:
        self.list.clear()
        key = tag_key(text)
        exact = False
        for tag in self.tags:
            if not matches(tag, key):
                continue
            exact = exact or key in {tag_key(n) for n in (tag.name, *tag.aliases)}
            label = f"{tag.slot}  {tag.name}" if tag.slot else f"    {tag.name}"
            if tag.aliases:
                label += f"   ({', '.join(tag.aliases)})"
            if tag_key(tag.name) in self.current:
                label = "✓ " + label
            item = QListWidgetItem(swatch(tag.color), label, self.list)
            item.setToolTip(plain_tooltip(label.strip()))  # names from files: never markup
            item.setData(CHOICE_ROLE, TagChoice(tag.name))
        name = clean_tag_name(text)
        if name and not exact:
            item = QListWidgetItem(self.tr("Create tag “{0}”").format(name), self.list)
            item.setData(CHOICE_ROLE, TagChoice(name, new=True))
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down move through the list while the typing stays in the field.
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def choice(self) -> TagChoice | None:
        item = self.list.currentItem()
        return item.data(CHOICE_ROLE) if item is not None else None

    def accept(self) -> None:
        if self.choice() is not None:
            super().accept()


def pick_tag(parent: QWidget, tags: list[Tag], current: tuple[str, ...] = ()) -> TagChoice | None:
    """Ask for a tag; None when cancelled."""
    picker = TagPicker(tags, current, parent)
    try:
        return picker.choice() if picker.exec() == QDialog.DialogCode.Accepted else None
    finally:
        picker.deleteLater()
        # Give the keyboard back to the window: without a window manager (a kiosk, a test
        # display) nobody else does, and Ctrl+Z would go nowhere.
        parent.activateWindow()
