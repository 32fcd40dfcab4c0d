"""Library ▸ Versions…: the open article's earlier texts, read and restored (issue 15).

An import that updates an article keeps the text it replaces as a version; this dialog lists
them (when each text came in, from which file or page, how long), shows the chosen one as
plain text (never markup: the text came from a file), and restores it through the window's
undo history (:class:`~briefing.services.versions.RestoreVersion` in a
:class:`~briefing.ui.operations.ChangeOp`), so Ctrl+Z in the window takes the restore back.
Not modal: the window's Undo stays at hand, and the list follows every change of the library.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.services import BriefingError, Changes, Library
from briefing.services import versions as version_service
from briefing.ui.operations import ChangeOp


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class VersionsDialog(QDialog):
    """The versions of one article, with a preview and "Restore this version"."""

    def __init__(self, library: Library, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versions_dialog")
        self.library, self.article_id = library, article_id
        self.title = library.article(article_id).title
        self.setWindowTitle(self.tr("Versions of “{0}”").format(self.title))
        self.resize(760, 520)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # a title from a file: no markup
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("versions_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Version"), self.tr("Written"), self.tr("Origin"), self.tr("Length")]
        )
        self.list.currentItemChanged.connect(self._preview)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("version_preview")
        self.preview.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton(self.tr("&Restore This Version"), self)
        self.restore_button.setObjectName("restore_version")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.message = ""  # the last restore's outcome, also shown in the window's status bar
        library.listeners.append(self._library_changed)
        self.finished.connect(self._detach)
        self.reload()

    # --- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        """List the versions again (a restore swaps texts; an import may add one)."""
        number = self.selected_number()
        try:
            found = version_service.versions(self.library, self.article_id)
        except BriefingError:  # the article was deleted meanwhile
            found = []
        self.list.clear()
        for entry in found:
            origin = entry.url or (PurePath(entry.origin).name if entry.origin else "")
            item = QTreeWidgetItem(
                [
                    str(entry.number),
                    _when(entry.written_at),
                    origin,
                    self.tr("{0} characters").format(entry.char_count),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, entry.number)
            item.setToolTip(2, entry.origin)  # plain text: a path is no markup
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        if found:
            self.summary.setText(
                self.tr(
                    "{0} earlier text(s) of this article. Restoring one keeps the current "
                    "text as that version; Undo in the window takes it back."
                ).format(len(found))
            )
        else:
            self.summary.setText(self.tr("This article has no earlier versions."))
        rows = [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]
        chosen = next((i for i in rows if i.data(0, Qt.ItemDataRole.UserRole) == number), None)
        chosen = chosen or (rows[-1] if rows else None)  # the newest earlier text first
        self.list.setCurrentItem(chosen)
        if chosen is None:
            self.preview.clear()
        self.restore_button.setEnabled(chosen is not None and not self.library.read_only)

    def selected_number(self) -> int | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _preview(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            self.preview.clear()
            return
        number = item.data(0, Qt.ItemDataRole.UserRole)
        try:
            text = version_service.version(self.library, self.article_id, number).text
        except BriefingError as error:
            text = str(error)
        self.preview.setPlainText(text)

    # --- restoring --------------------------------------------------------------------------

    def restore_selected(self) -> Changes | None:
        """Restore the chosen version as one undoable step of the window's library."""
        number = self.selected_number()
        if number is None:
            return None
        command = version_service.RestoreVersion(self.article_id, number, self.title)
        changes = ChangeOp(self, self.library, command).run()
        if changes is not None:
            self.message = self.tr(
                "Version {0} restored ({1} highlight(s) placed, {2} orphaned); the text it "
                "replaced is now version {0}."
            ).format(number, command.placed, command.orphaned)
            parent = self.parentWidget()
            status = getattr(parent, "statusBar", None)
            if callable(status):
                status().showMessage(self.message, 10000)
        return changes

    def _library_changed(self, changes: Changes) -> None:
        if changes.library or self.article_id in changes.articles:
            try:
                self.reload()
            except RuntimeError:  # deleted with its window before it was closed
                self._detach()

    def _detach(self) -> None:
        if self._library_changed in self.library.listeners:
            self.library.listeners.remove(self._library_changed)


def show_versions(
    library: Library, article_id: int, parent: QWidget | None = None
) -> VersionsDialog:
    """Open the dialog for ``article_id`` (not modal; deleted when closed)."""
    dialog = VersionsDialog(library, article_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
