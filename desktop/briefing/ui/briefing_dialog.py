"""The Briefing dialog (Ctrl+E): options, the items to tick and reorder, a live preview of the
PDF's own pages, Export PDF / HTML / Markdown, Print (Ctrl+P), and the export history.

The preview is the exported PDF itself: typst typesets it and PDFium renders its pages on a
worker thread (:class:`~briefing.ui.operations.QueryOp`), a few hundred milliseconds after
the last change. Exports also run in the background and are recorded in the library, which
is what "since the last briefing" and the history read. The last choices are remembered.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.core.briefing import BriefingOptions, Period
from briefing.core.safe_text import plain_tooltip
from briefing.services import BriefingError, Changes, Library
from briefing.services import briefing as service
from briefing.ui import operations, settings
from briefing.ui.actions import ActionCollection
from briefing.ui.briefing_form import BriefingForm
from briefing.ui.briefing_preview import PageImage, PreviewPane, print_pdf, rasterize

FILTERS = {"pdf": "PDF (*.pdf)", "html": "HTML (*.html)", "md": "Markdown (*.md)"}
DELAY_MS = 350  # after the last keystroke or tick, before the preview is typeset again


def _preview_work(options: BriefingOptions):
    def work(library: Library, progress, cancelled) -> tuple[bytes, list[PageImage]]:
        pdf = service.render(service.build_briefing(library, options), "pdf")
        return pdf, rasterize(pdf)

    return work


class BriefingDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefing_dialog")
        self.setWindowTitle(self.tr("Briefing"))
        self.library = library
        self.settings = QSettings()
        self.pdf: bytes | None = None  # the previewed PDF, printed as it is
        self._generation = 0  # the newest preview asked for; older results are dropped
        self._excluded: set[int] = set()
        self._order: list[int] = []

        self.form = BriefingForm(self)
        self.items = QListWidget(self)
        self.items.setObjectName("briefing_items")
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setToolTip(self.tr("Untick to leave out; drag to reorder within a section"))
        self.history = QListWidget(self)
        self.history.setObjectName("briefing_history")
        self.history.setToolTip(self.tr("Double-click to use an export's options again"))
        tabs = QTabWidget(self)
        tabs.addTab(self.items, self.tr("&Items"))
        tabs.addTab(self.history, self.tr("&History"))
        self.preview = PreviewPane(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        self.status.setObjectName("briefing_status")

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form)
        column.addWidget(tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("&Export PDF…"), self)
        self.export_button.setObjectName("briefing_export_pdf")
        formats = QMenu(self)
        for fmt, label in (
            ("html", self.tr("Export &HTML…")),
            ("md", self.tr("Export &Markdown…")),
        ):
            formats.addAction(label, lambda f=fmt: self.choose_export(f))
        more = self.more_button = QPushButton(self.tr("More &Formats"), self)
        more.setMenu(formats)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        for button in (self.export_button, more, self.print_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.export_button.clicked.connect(lambda: self.choose_export("pdf"))
        self.print_button.clicked.connect(self.choose_print)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.choose_print)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.form.scope_changed.connect(self.refresh_items)
        self.form.changed.connect(self._timer.start)
        self.items.itemChanged.connect(self._item_ticked)
        self.items.model().rowsMoved.connect(self._items_moved)
        self.history.itemDoubleClicked.connect(self._reuse_export)
        self.library.listeners.append(self._library_changed)

        self.form.set_choices(library.tags(), library.articles())
        self._restore()
        self.refresh_items()
        self.refresh_history()
        self.refresh_preview()

    # --- options -------------------------------------------------------------------------------

    def options(self) -> BriefingOptions:
        """Everything chosen, the items' ticks and order included."""
        return self.form.options().with_changes(
            excluded=tuple(sorted(self._excluded)), order=tuple(self._order)
        )

    def _options_changed(self) -> None:
        self.refresh_items()
        self._timer.start()

    def _item_ticked(self, item: QListWidgetItem) -> None:
        hid = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._excluded.discard(hid)
        else:
            self._excluded.add(hid)
        self._timer.start()

    def _items_moved(self, *args: object) -> None:
        rows = range(self.items.count())
        self._order = [self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in rows]
        self._timer.start()

    def _library_changed(self, changes: Changes) -> None:
        if changes.empty:
            return
        if changes.tags or changes.library:
            options = self.form.options() if self._valid() else None
            self.form.set_choices(self.library.tags(), self.library.articles())
            if options is not None:
                self.form.set_options(options)
        self.refresh_items()
        self._timer.start()

    def _valid(self) -> bool:
        try:
            self.form.options()
        except BriefingError:
            return False
        return True

    # --- the items -----------------------------------------------------------------------------

    def refresh_items(self) -> None:
        """List what the briefing would hold with every item ticked, in its order: section
        by section, each item with its tick and its section."""
        self.items.blockSignals(True)
        self.items.clear()
        try:
            # Every item, in the language "Automatic" would give (the list does not depend on
            # the language; the form shows that language's title as the default).
            options = self.options().with_changes(excluded=(), language="")
            briefing = service.build_briefing(self.library, options)
        except BriefingError as error:
            self.items.blockSignals(False)
            self.status.setText(str(error))
            return
        self.form.set_automatic_language(briefing.language)
        for section in briefing.sections:
            for entry in section.items:
                quote = entry.quote.replace("\n", " ")
                item = QListWidgetItem(f"{section.tag} — {quote[:80]}", self.items)
                item.setData(Qt.ItemDataRole.UserRole, entry.highlight_id)
                item.setToolTip(plain_tooltip(f"{entry.quote}\n\n{entry.note_markdown}".strip()))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                excluded = entry.highlight_id in self._excluded
                item.setCheckState(Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked)
        self.items.blockSignals(False)
        self.status.setText(self.tr("{0} items").format(self.items.count()))

    # --- preview -------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Typeset and render the pages in the background; only the newest result is shown."""
        self._timer.stop()
        try:
            options = self.options()
        except BriefingError as error:
            self._preview_failed(self._generation, str(error))
            return
        self._generation += 1
        generation = self._generation
        operations.QueryOp(self, self.library, _preview_work(options)).success(
            lambda result: self._preview_ready(generation, result)
        ).failure(lambda message: self._preview_failed(generation, message)).run_in_background()

    def _preview_ready(self, generation: int, result: tuple[bytes, list[PageImage]]) -> None:
        if generation != self._generation:
            return
        self.pdf, pages = result
        self.preview.show_pages([page.image() for page in pages])
        for button in (self.print_button, self.export_button, self.more_button):
            button.setEnabled(True)

    def _preview_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.pdf = None
        self.preview.show_message(message)
        for button in (self.print_button, self.export_button, self.more_button):
            button.setEnabled(False)

    @property
    def preview_ready(self) -> bool:
        return self.pdf is not None

    # --- export and print ----------------------------------------------------------------------

    def choose_export(self, fmt: str) -> None:
        folder = Path(str(settings.BRIEFING_FOLDER.read(self.settings) or Path.home()))
        name = f"briefing-{date.today().isoformat()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Briefing"), str(folder / name), FILTERS[fmt]
        )
        if path:
            settings.BRIEFING_FOLDER.write(str(Path(path).parent), self.settings)
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> operations.QueryOp:
        """Write the briefing to ``path`` in the background and record it."""
        try:
            options = self.options()
        except BriefingError as error:
            operations.show_error(self, str(error))
            raise
        self._remember()
        self.status.setText(self.tr("Writing {0}…").format(path.name))

        def work(library: Library, progress, cancelled) -> service.ExportResult:
            return service.export_briefing(library, options, path, fmt)

        def done(result: service.ExportResult) -> None:
            self.status.setText(
                self.tr("Wrote {0} ({1} highlights)").format(result.path, len(result.highlight_ids))
            )
            self.refresh_history()
            if options.period.kind == "since_last":  # the last briefing is now this one
                self.refresh_items()
                self._timer.start()

        def failed(message: str) -> None:
            self.status.setText(message)
            operations.show_error(self, message)

        op = operations.QueryOp(self, self.library, work).success(done).failure(failed)
        return op.run_in_background()

    def choose_print(self) -> None:
        if self.pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed PDF's pages; returns how many were printed."""
        if self.pdf is None:
            return 0
        printed = print_pdf(self.pdf, printer)
        self.status.setText(self.tr("Printed {0} pages").format(printed))
        return printed

    # --- history and remembered choices --------------------------------------------------------

    def refresh_history(self) -> None:
        self.history.clear()
        for record in service.export_history(self.library):
            when = record.exported_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = self.tr("{0}  {1}  {2} highlights  {3}").format(
                when, record.format.upper(), len(record.highlight_ids), record.output_path
            )
            item = QListWidgetItem(text, self.history)
            item.setData(Qt.ItemDataRole.UserRole, record.options)

    def _reuse_export(self, item: QListWidgetItem) -> None:
        options = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(options, BriefingOptions):
            self.form.set_options(options)
            self._excluded, self._order = set(options.excluded), list(options.order)
            self._options_changed()

    def _remember(self) -> None:
        try:
            options = self.form.options()
        except BriefingError:
            return
        settings.BRIEFING_OPTIONS.write(options.to_json(), self.settings)

    def _restore(self) -> None:
        """The last choices; a day is today's again (the everyday case is "this morning"),
        and the Preferences' author and marking fill what was never set."""
        options = BriefingOptions()
        saved = settings.BRIEFING_OPTIONS.read(self.settings)
        if saved:
            # Written by another version, unreadable: start from the defaults.
            with contextlib.suppress(ValueError, TypeError, KeyError, BriefingError):
                options = BriefingOptions.from_json(str(saved))
        if options.period.kind == "day":
            options = options.with_changes(period=Period.day(date.today()))
        options = options.with_changes(
            author=options.author or settings.BRIEFING_AUTHOR.read(self.settings),
            marking=options.marking or settings.BRIEFING_MARKING.read(self.settings),
        )
        self.form.set_options(options)
        geometry = settings.BRIEFING_GEOMETRY.read(self.settings)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # the first time: 1180×780, or what a small screen (1024×700) has room for
            screen = (self.parentWidget() or self).screen().availableGeometry()
            self.resize(min(1180, screen.width() - 40), min(780, screen.height() - 60))
        splitter = settings.BRIEFING_SPLITTER.read(self.settings)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([480, 700])

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again after a close: listen again and catch up with what changed meanwhile."""
        super().showEvent(event)
        if self._library_changed not in self.library.listeners:
            self.library.listeners.append(self._library_changed)
            self._library_changed(Changes(library=True))
            self.refresh_history()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember()
        settings.BRIEFING_GEOMETRY.write(self.saveGeometry(), self.settings)
        settings.BRIEFING_SPLITTER.write(self.splitter.saveState(), self.settings)
        self._timer.stop()
        self._generation += 1  # a preview still running is dropped when it ends
        if self._library_changed in self.library.listeners:
            self.library.listeners.remove(self._library_changed)
        super().closeEvent(event)


def open_briefing(window: QMainWindow, library: Library) -> BriefingDialog:
    """Show the window's Briefing dialog, making it on first use (one per window)."""
    dialog = getattr(window, "_briefing_dialog", None)
    if dialog is None:
        dialog = BriefingDialog(library, window)
        window._briefing_dialog = dialog  # type: ignore[attr-defined]
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def install(window: QMainWindow, library: Library, menu: QMenu, actions: ActionCollection) -> None:
    """Wire the window's Briefing (Ctrl+E) and Print (Ctrl+P) actions into ``menu``."""
    compose, print_action = actions["briefing_compose"], actions["file_print"]
    menu.addAction(compose)
    menu.addAction(print_action)
    compose.triggered.connect(lambda: open_briefing(window, library))

    def print_now() -> None:
        dialog = open_briefing(window, library)
        if dialog.preview_ready:
            dialog.choose_print()
        else:
            dialog.status.setText(
                QCoreApplication.translate(
                    "BriefingDialog", "Preparing the pages; Print when they are shown"
                )
            )

    print_action.triggered.connect(print_now)
