"""The main window: the library list beside the article reader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.services import BriefingError, Changes, DeleteArticle, Library
from briefing.services.importing import ImportReport
from briefing.services.search import SearchHit
from briefing.ui import operations
from briefing.ui.actions import ActionCollection
from briefing.ui.article_table import ArticleTableModel
from briefing.ui.document import build_document, paint_highlights
from briefing.ui.fonts import reading_font
from briefing.ui.search_panel import SearchPanel


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.settings = QSettings()
        self.setWindowTitle(self.tr("Briefing Reader — {0}").format(library.path.name))
        self.actions = ActionCollection(self)
        self.article_id: int | None = None

        self.table_model = ArticleTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("library_table")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.reader = QTextBrowser(self)
        self.reader.setObjectName("reader")
        self.reader.setOpenExternalLinks(False)
        self.reader.setFont(reading_font())
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setObjectName("article_title")
        title_font = reading_font(17)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(self)
        self.details_label.setObjectName("article_details")
        self.details_label.setFont(reading_font(10))
        reader_pane = QWidget(self)
        pane_layout = QVBoxLayout(reader_pane)
        pane_layout.setContentsMargins(12, 8, 4, 0)
        pane_layout.addWidget(self.title_label)
        pane_layout.addWidget(self.details_label)
        pane_layout.addWidget(self.reader, 1)

        self.search_panel = SearchPanel(library, self)
        self.search_panel.hit_activated.connect(self.show_hit)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("left_splitter")
        left.addWidget(self.table)
        left.addWidget(self.search_panel)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("main_splitter")
        splitter.addWidget(left)
        splitter.addWidget(reader_pane)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self._build_menus()
        self.library.listeners.append(self._library_changed)
        self.refresh_articles()
        self._restore_state()
        self._update_undo_actions()

    # --- construction --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a["file_import"])
        file_menu.addAction(a["file_import_folder"])
        file_menu.addSeparator()
        file_menu.addAction(a["file_quit"])
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(a["edit_undo"])
        edit_menu.addAction(a["edit_redo"])
        library_menu = self.menuBar().addMenu(self.tr("&Library"))
        library_menu.addAction(a["article_delete"])
        library_menu.addAction(a["library_reindex"])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.addAction(a["file_import"])
        toolbar.addAction(a["edit_undo"])
        toolbar.addAction(a["edit_redo"])
        edit_menu.addSeparator()
        edit_menu.addAction(a["edit_find"])
        a["edit_find"].triggered.connect(self.search_panel.focus)
        a["file_import"].triggered.connect(self.choose_import)
        a["file_import_folder"].triggered.connect(self.choose_import_folder)
        a["file_quit"].triggered.connect(self.close)
        a["edit_undo"].triggered.connect(lambda: self._run(self.library.undo))
        a["edit_redo"].triggered.connect(lambda: self._run(self.library.redo))
        a["article_delete"].triggered.connect(self.delete_article)
        a["library_reindex"].triggered.connect(lambda: self._run(self.library.reindex))
        self.statusBar()

    def _restore_state(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 800)
        splitter = self.settings.value("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([470, 730])
        last = self.settings.value("main_window/article")
        row = self.table_model.row_of(int(last)) if last is not None else -1
        self.table.selectRow(max(row, 0))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/splitter", self.splitter.saveState())
        if self.article_id is not None:
            self.settings.setValue("main_window/article", self.article_id)
        operations.cancel_all()
        super().closeEvent(event)

    # --- reacting to changes -------------------------------------------------------------------

    def _run(self, operation: object) -> None:
        """Run a library call from an action; a problem is one line in a message box."""
        try:
            operation()  # type: ignore[operator]
        except BriefingError as error:
            QMessageBox.warning(self, self.tr("Briefing Reader"), str(error))

    def _library_changed(self, changes: Changes) -> None:
        if changes.library or changes.articles or changes.highlights:
            self.refresh_articles()
            if self.search_panel.field.text().strip():
                self.search_panel.run()
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        history = self.library.history
        undo, redo = self.actions["edit_undo"], self.actions["edit_redo"]
        undo.setEnabled(bool(history.done))
        redo.setEnabled(bool(history.undone))
        undo.setText(self.tr("&Undo {0}").format(history.undo_text).strip())
        redo.setText(self.tr("&Redo {0}").format(history.redo_text).strip())
        self.actions["article_delete"].setEnabled(self.article_id is not None)
        self.actions["library_reindex"].setEnabled(not self.library.read_only)
        for name in ("file_import", "file_import_folder"):
            self.actions[name].setEnabled(not self.library.read_only)

    def refresh_articles(self) -> None:
        current = self.article_id
        self.table_model.set_articles(self.library.articles())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 110)
        for column in (2, 3):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        row = self.table_model.row_of(current) if current is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.show_article(current)
        elif self.table_model.rowCount():
            self.table.selectRow(0)
        else:
            self.show_article(None)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        article = self.table_model.article_at(rows[0].row()) if rows else None
        self.show_article(article.id if article else None)

    def show_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.actions["article_delete"].setEnabled(article_id is not None)
        try:
            article = self.library.article(article_id) if article_id is not None else None
        except BriefingError:
            article = None
        if article is None:
            self.reader.clear()
            self.title_label.clear()
            self.details_label.clear()
            return
        document = build_document(article.body, self.reader.font())
        document.setParent(self.reader)
        colors = {tag.name: tag.color for tag in self.library.tags()}
        paint_highlights(document, self.library.highlights(article_id=article_id), colors)
        self.reader.setDocument(document)
        self.title_label.setText(article.title)
        details = [
            article.source,
            article.author,
            article.published.isoformat() if article.published else "",
        ]
        self.details_label.setText(" · ".join(d for d in details if d))
        self.setWindowTitle(self.tr("{0} — Briefing Reader").format(article.title))

    def show_hit(self, hit: SearchHit) -> None:
        """Open the article of a search result and select the matched passage."""
        row = self.table_model.row_of(hit.article_id)
        if row >= 0:
            self.table.selectRow(row)
        if self.article_id != hit.article_id:
            self.show_article(hit.article_id)
        if hit.span is not None:
            cursor = self.reader.textCursor()
            cursor.setPosition(hit.span[0])
            cursor.setPosition(hit.span[1], QTextCursor.MoveMode.KeepAnchor)
            self.reader.setTextCursor(cursor)
            self.reader.ensureCursorVisible()

    # --- user actions --------------------------------------------------------------------------

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import articles"),
            str(Path.home()),
            self.tr("Articles (*.md *.markdown *.txt *.text *.html *.htm *.pdf);;All files (*)"),
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import a folder"), str(Path.home())
        )
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> operations.QueryOp[ImportReport]:
        """Import in the background with a cancellable progress dialog."""

        def imported(report: ImportReport) -> Changes:
            changed = any(o.status in ("imported", "updated") for o in report.outcomes)
            return Changes(library=changed)

        def on_finished(report: ImportReport) -> None:
            self.statusBar().showMessage(report.summary(), 10000)
            failures = [
                f"{Path(o.path).name}: {o.message}" for o in report.outcomes if o.status == "failed"
            ]
            if failures:
                QMessageBox.warning(self, self.tr("Import"), "\n".join(failures[:20]))

        return (
            operations.QueryOp(
                self,
                self.library,
                lambda library, progress, cancelled: library.import_paths(
                    paths, progress, cancelled
                ),
            )
            .with_progress(self.tr("Importing…"))
            .announcing(imported)
            .success(on_finished)
            .run_in_background()
        )

    def delete_article(self) -> None:
        if self.article_id is None:
            return
        article = self.library.article(self.article_id)
        count = len(self.library.highlights(article_id=self.article_id))
        answer = QMessageBox.question(
            self,
            self.tr("Delete article"),
            self.tr(
                "Delete “{0}” and its {1} highlight(s)? You can undo this until you quit."
            ).format(article.title, count),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.article_id = None
            self._run(lambda: self.library.execute(DeleteArticle(article.id)))
