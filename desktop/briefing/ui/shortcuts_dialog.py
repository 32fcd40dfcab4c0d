"""Help ▸ Keyboard Shortcuts: every action of the registry with its keys, generated from the
window's :class:`~briefing.ui.actions.ActionCollection` (nothing listed by hand, so a new action
shows up by itself), filterable, and editable: choose a row, press the new keys, Save.

Keys given to two actions that both answer everywhere are refused with one line naming both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.ui import shortcuts
from briefing.ui.actions import ActionCollection

NATIVE = QKeySequence.SequenceFormat.NativeText
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def _plain(text: str) -> str:
    """An action's menu text without its mnemonic ampersand or trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutsDialog(QDialog):
    """The keys of every action in ``actions``; Save applies and remembers changes."""

    def __init__(self, actions: ActionCollection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.actions = actions
        self.keys = {name: list(actions[name].shortcuts()) for name in actions.names()}
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter by action or key"))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Keys"), self.tr("What it does")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.editor = QKeySequenceEdit(self)
        self.editor.setObjectName("shortcut_editor")
        self.editor.setMaximumSequenceLength(1)
        self.editor.setClearButtonEnabled(True)
        use = QPushButton(self.tr("&Assign"), self)
        use.setObjectName("assign_shortcut")
        default = QPushButton(self.tr("&Default"), self)
        default.setObjectName("default_shortcut")
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel(self.tr("New keys:"), self))
        edit_row.addWidget(self.editor, 1)
        edit_row.addWidget(use)
        edit_row.addWidget(default)
        self.message = QLabel(self)
        self.message.setObjectName("shortcuts_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.table.currentCellChanged.connect(lambda *_: self._row_chosen())
        use.clicked.connect(self.assign)
        default.clicked.connect(self.use_default)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        self._fill()
        self.resize(760, 560)

    # --- the table --------------------------------------------------------------------------

    def _fill(self) -> None:
        names = self.actions.names()
        self.table.setRowCount(len(names))
        for row, name in enumerate(names):
            action = self.actions[name]
            title = QTableWidgetItem(_plain(action.text()))
            title.setData(NAME_ROLE, name)
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, QTableWidgetItem(self._keys_text(name)))
            self.table.setItem(row, 2, QTableWidgetItem(action.statusTip()))

    def _keys_text(self, name: str) -> str:
        return ", ".join(k.toString(NATIVE) for k in self.keys[name]) or self.tr("(none)")

    def row_of(self, name: str) -> int:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(NAME_ROLE) == name:
                return row
        return -1

    def _current(self) -> str | None:
        row = self.table.currentRow()
        return None if row < 0 else self.table.item(row, 0).data(NAME_ROLE)

    def _row_chosen(self) -> None:
        name = self._current()
        keys = self.keys.get(name, []) if name else []
        self.editor.setKeySequence(keys[0] if keys else QKeySequence())

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column).text().casefold() for column in range(3)]
            self.table.setRowHidden(row, bool(needle) and not any(needle in c for c in cells))

    # --- changing keys ------------------------------------------------------------------------

    def assign(self) -> None:
        """Give the chosen action the keys in the editor (empty: no keys)."""
        name = self._current()
        if name is None:
            return
        sequence = self.editor.keySequence()
        self.keys[name] = [] if sequence.isEmpty() else [sequence]
        self._update_row(name)

    def use_default(self) -> None:
        name = self._current()
        if name is not None:
            self.keys[name] = shortcuts.default_keys(name)
            self._update_row(name)
            self._row_chosen()

    def restore_defaults(self) -> None:
        for name in self.keys:
            self.keys[name] = shortcuts.default_keys(name)
            self._update_row(name)
        self._row_chosen()

    def _update_row(self, name: str) -> None:
        self.table.item(self.row_of(name), 1).setText(self._keys_text(name))
        self._show_conflicts()

    def _show_conflicts(self) -> bool:
        clashes = shortcuts.conflicts(self.keys)
        if not clashes:
            self.message.clear()
            return False
        key, names = next(iter(clashes.items()))
        titles = " / ".join(_plain(self.actions[n].text()) for n in names)
        shown = QKeySequence.fromString(key, shortcuts.PORTABLE).toString(NATIVE)
        self.message.setText(
            self.tr("{0} is given to more than one action: {1}").format(shown, titles)
        )
        return True

    def save(self) -> None:
        """Apply and remember the keys; refused while two actions share keys."""
        if self._show_conflicts():
            return
        for name, keys in self.keys.items():
            self.actions[name].setShortcuts(keys)
        shortcuts.save(self.keys)
        self.accept()


def show_shortcuts(actions: ActionCollection, parent: QWidget) -> ShortcutsDialog:
    dialog = ShortcutsDialog(actions, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
