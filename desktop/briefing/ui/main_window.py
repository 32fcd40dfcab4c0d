"""The main window: the library list beside the article reader and its highlights pane.

It lays the panes out and wires the actions; each view refreshes only what a change touched
(the reader repaints highlight formats in place, it never rebuilds the open article for a
highlight edit)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Article, Highlight
from briefing.services import BriefingError, Changes, DeleteArticle, Library
from briefing.services.search import SearchHit
from briefing.ui import (
    briefing_dialog,
    library_columns,
    operations,
    reading_column,
    service_text,
    settings,
    theme,
)
from briefing.ui.actions import ActionCollection
from briefing.ui.article_table import ArticleTableModel
from briefing.ui.article_view import ArticleTable
from briefing.ui.fonts import reading_font
from briefing.ui.highlight_actions import HighlightActions
from briefing.ui.highlights_pane import HighlightsPane
from briefing.ui.reader import Reader
from briefing.ui.search_panel import SearchPanel
from briefing.ui.tag_manager import TagManager
from briefing.ui.tags_pane import TagsPane
from briefing.ui.window_safety import install as install_safety
from briefing.ui.window_tools import install as install_tools

if TYPE_CHECKING:  # the importers load on the first import, not at start-up
    from briefing.services.importing import ImportReport


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle(self.tr("Briefing Reader — {0}").format(library.path.name))
        self.actions = ActionCollection(self)
        self._plain_undo = self.actions["edit_undo"].text()
        self._plain_redo = self.actions["edit_redo"].text()
        self.article_id: int | None = None
        self._shown_hash: str | None = None  # the open article's content, to skip rebuilds
        self._highlights: list[Highlight] = []  # the open article's, orphaned ones included

        self.table_model = ArticleTableModel(self)
        self.table = ArticleTable(self.table_model, self)
        self.table.article_chosen.connect(self.show_article)
        library_columns.install(self.table)  # in a narrow list the title keeps its room

        self.reader = Reader(self)
        reading_column.install(self.reader)  # text size and column width from Preferences
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        self.title_label.setWordWrap(True)
        self.title_label.setObjectName("article_title")
        title_font = reading_font(17)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(self)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        self.details_label.setObjectName("article_details")
        # A long source and author wrap: unwrapped, they set the reader pane's least width
        # and squeeze the library and the docks in a small window.
        self.details_label.setWordWrap(True)
        self.details_label.setFont(reading_font(10))
        reader_pane = QWidget(self)
        pane_layout = QVBoxLayout(reader_pane)
        pane_layout.setContentsMargins(8, 8, 0, 0)  # the reader's own padding does the rest
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
        # A small window (1024×700) takes its room from the panes beside the reader first
        # (ui/measure.py), never down to an unreadable sliver of the library list.
        left.setMinimumWidth(180)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("main_splitter")
        splitter.addWidget(left)
        splitter.addWidget(reader_pane)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.highlights_pane = HighlightsPane(self)
        self.highlights_pane.highlight_activated.connect(self.reader.reveal)
        dock = QDockWidget(self.tr("Highlights"), self)
        dock.setObjectName("highlights_dock")
        dock.setWidget(self.highlights_pane)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.highlights_dock = dock
        self.tags_pane = TagsPane(library, self)
        self.tags_pane.filter_changed.connect(self.table_model.set_filter)
        self.tags_pane.highlight_activated.connect(self.open_highlight)
        self.tags_dock = QDockWidget(self.tr("Tags"), self)
        self.tags_dock.setObjectName("tags_dock")
        self.tags_dock.setWidget(self.tags_pane)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tags_dock)
        self.tag_manager: TagManager | None = None
        self._build_menus()
        self.highlight_actions = HighlightActions(self)
        self.library.listeners.append(self._library_changed)
        self._restore_state()
        self.refresh_articles()
        self._update_undo_actions()
        # Writes by other programs (a cron import, the CLI) show up within a poll while the
        # window is active: one PRAGMA per tick.
        self._poll = QTimer(self, interval=1500)
        self._poll.timeout.connect(self.poll_external_changes)
        self._poll.start()

    # --- construction --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a["file_import"])
        file_menu.addAction(a["file_import_folder"])
        file_menu.addSeparator()
        briefing_dialog.install(self, self.library, file_menu, a)
        file_menu.addSeparator()
        file_menu.addAction(a["file_quit"])
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(a["edit_undo"])
        edit_menu.addAction(a["edit_redo"])
        edit_menu.addSeparator()
        for name in ("highlight_tag", "highlight_note", "highlight_delete", "highlight_reattach"):
            edit_menu.addAction(a[name])
        slots_menu = edit_menu.addMenu(self.tr("Tag &Slots"))
        for n in range(1, 10):
            slots_menu.addAction(a[f"highlight_slot_{n}"])
        library_menu = self.menuBar().addMenu(self.tr("&Library"))
        library_menu.addAction(a["article_delete"])
        library_menu.addAction(a["library_reindex"])
        library_menu.addSeparator()
        library_menu.addAction(a["tags_manage"])
        a["tags_manage"].triggered.connect(self.manage_tags)
        view_menu = self.menuBar().addMenu(self.tr("&View"))  # a closed pane comes back here
        view_menu.addAction(self.highlights_dock.toggleViewAction())
        view_menu.addAction(self.tags_dock.toggleViewAction())
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.addAction(a["file_import"])
        toolbar.addAction(a["edit_undo"])
        toolbar.addAction(a["edit_redo"])
        toolbar.addAction(a["highlight_tag"])
        toolbar.addAction(a["highlight_note"])
        # Delete deletes an article only from the library list (after asking): in the reader
        # and the highlights pane it deletes a highlight, in the search results nothing.
        a.scoped_to(self.table, "article_delete")
        edit_menu.addSeparator()
        edit_menu.addAction(a["edit_find"])
        a["edit_find"].triggered.connect(self.search_panel.focus)
        edit_menu.addSeparator()
        edit_menu.addAction(a["edit_preferences"])
        a["edit_preferences"].triggered.connect(self.show_preferences)
        library_menu.insertAction(a["article_delete"], a["article_details"])
        a["article_details"].triggered.connect(self.edit_article_details)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a["help_about"])
        a["help_about"].triggered.connect(self.show_about)
        theme.notifier().changed.connect(self._theme_changed)
        a["file_import"].triggered.connect(self.choose_import)
        a["file_import_folder"].triggered.connect(self.choose_import_folder)
        a["file_quit"].triggered.connect(self.close)
        a["edit_undo"].triggered.connect(lambda: self._run(self.library.undo))
        a["edit_redo"].triggered.connect(lambda: self._run(self.library.redo))
        a["article_delete"].triggered.connect(self.delete_article)
        a["library_reindex"].triggered.connect(lambda: self._run(self.library.reindex))
        # Find bar, library filter, outline, zoom, F6 between panes, read/unread, own keys.
        self.tools = install_tools(self, edit_menu, view_menu, library_menu, help_menu)
        # Versions…, a read-only library's notice, no blind reopening of a failed article.
        self.safety = install_safety(self, library_menu)
        self.statusBar()

    def _restore_state(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.read()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 800)
        splitter = settings.WINDOW_SPLITTER.read()
        if splitter is not None:
            self.splitter.restoreState(splitter)
            # The analyst's own layout stays as it was; later changes of the window's width
            # let the panes give way to the reader's measure.
            QTimer.singleShot(0, lambda: self.tools.measure.arm(now=False))
        else:
            self.splitter.setSizes([470, 730])
            QTimer.singleShot(0, self._first_split)  # once shown, at the window's real width
        docks = settings.WINDOW_DOCKS.read()
        if docks is not None:
            self.restoreState(docks)
        columns = settings.LIBRARY_COLUMNS.read()
        if columns is not None:
            self.table.restore_state(columns)

    def _first_split(self) -> None:
        """The first start: the reader gets room for its full column, the library what is left
        (240 to 470 px), whatever the window's width; in a small window the panes then give
        way to the reader's measure (ui/measure.py)."""
        docks = max(260, min(340, round(self.width() * 0.2)))  # tag names whole on a wide screen
        self.resizeDocks([self.highlights_dock], [docks], Qt.Orientation.Horizontal)
        total = sum(self.splitter.sizes())
        if total > 0:
            reader_pane = self.reader.parentWidget().width() - self.reader.width()
            reader = self.tools.measure.full_width() + reader_pane
            left = max(240, min(470, total - reader))
            self.splitter.setSizes([left, max(total - left, 1)])
        self.tools.measure.arm(now=True)  # then the panes give way to the reader's measure

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.WINDOW_GEOMETRY.write(self.saveGeometry())
        settings.WINDOW_SPLITTER.write(self.splitter.saveState())
        settings.WINDOW_DOCKS.write(self.saveState())
        settings.LIBRARY_COLUMNS.write(self.table.save_state())
        if self.article_id is not None:
            settings.LAST_ARTICLE.write(self.article_id)
        operations.cancel_all()
        super().closeEvent(event)

    # --- reacting to changes -------------------------------------------------------------------

    def _run(self, operation: object) -> None:
        """Run a library call from an action; a problem is one line in a message box."""
        try:
            operation()  # type: ignore[operator]
        except BriefingError as error:
            QMessageBox.warning(self, self.tr("Briefing Reader"), service_text.message(str(error)))

    def _library_changed(self, changes: Changes) -> None:
        # Adding, deleting or re-importing articles announces ``library``; anything else is
        # about highlights and tags, which the reader repaints in place.
        self.table.apply_changes(changes, self.library)  # rows by id, never a reset
        self.tags_pane.apply_changes(changes)
        if changes.library:
            self.show_article(self.article_id)  # a re-imported text rebuilds, else repaints
        elif changes.highlights or changes.tags or self.article_id in changes.articles:
            self.refresh_highlights(changes.highlights)
        if self.article_id in changes.articles and not changes.library:
            self._show_details()  # a title, source or date edited
        self.search_panel.apply_changes(changes)
        self._update_undo_actions()

    def refresh_highlights(self, changed: frozenset[int] = frozenset()) -> None:
        """Repaint the open article's highlights in place and update the pane: no document
        rebuild, no list reload. With ``changed``, only those highlights are read again."""
        if self.article_id is None:
            return
        if changed:
            fresh = {h.id: h for h in self.library.highlights(ids=changed)}
            kept = {h.id: h for h in self._highlights if h.id not in changed}
            kept.update((i, h) for i, h in fresh.items() if h.article_id == self.article_id)
            highlights = list(kept.values())
        else:
            highlights = self.library.highlights(article_id=self.article_id)
        self._highlights = highlights
        colors = {tag.name: tag.color for tag in self.library.tags()}
        self.reader.update_highlights(highlights, colors)
        self.highlights_pane.show_highlights(highlights, colors)

    def _update_undo_actions(self) -> None:
        history = self.library.history
        undo, redo = self.actions["edit_undo"], self.actions["edit_redo"]
        undo.setEnabled(bool(history.done))
        redo.setEnabled(bool(history.undone))
        undo_text = service_text.command_text(history.undo_text)
        redo_text = service_text.command_text(history.redo_text)
        # "&Undo Tag sanctions"; with nothing to undo, the action's own "&Undo".
        undo.setText(self.tr("&Undo {0}").format(undo_text) if undo_text else self._plain_undo)
        redo.setText(self.tr("&Redo {0}").format(redo_text) if redo_text else self._plain_redo)
        self.actions["article_details"].setEnabled(self.article_id is not None)
        self.actions["article_delete"].setEnabled(self.article_id is not None)
        self.actions["library_reindex"].setEnabled(not self.library.read_only)
        for name in ("file_import", "file_import_folder"):
            self.actions[name].setEnabled(not self.library.read_only)

    def refresh_articles(self) -> None:
        """Load the whole list (start-up); later changes update its rows by id. A big
        library is listed on a worker: the article read last opens at once, the list follows."""
        self.table.load(self.library, self._list_loaded)
        last = settings.LAST_ARTICLE.read()
        if self.table.loading and last is not None:
            self.table.choose(last)

    def _list_loaded(self) -> None:
        """Choose the article read last, or the first one, once the list is in."""
        last = settings.LAST_ARTICLE.read()
        row = self.table_model.row_of(last) if last is not None else -1
        article = self.table_model.article_at(max(row, 0))
        self.table.choose(article.id if article else None)
        if article is None:
            self.show_article(None)

    def poll_external_changes(self) -> None:
        """Notice writes by other programs while the window is active (the library announces
        them, and every view refreshes as for its own edits)."""
        # Any of the application's windows (this one, the tag manager) counts as active.
        if QApplication.activeWindow() is None or not hasattr(
            self.library, "poll_external_changes"
        ):
            return
        try:
            self.library.poll_external_changes()
        except BriefingError as error:
            self.statusBar().showMessage(str(error), 10000)
            return
        message = getattr(self.library.history, "last_fence_message", "")
        if message:
            self.library.history.last_fence_message = ""
            self.statusBar().showMessage(message, 10000)

    def open_highlight(self, article_id: int, highlight_id: int) -> None:
        """Open an article at one of its highlights (from the tags pane's review list)."""
        self.table.choose(article_id)
        if self.article_id != article_id:
            self.show_article(article_id)
        if hasattr(self, "show_highlight"):
            self.show_highlight(highlight_id)
            return
        try:
            highlight = self.library.highlight(highlight_id)
        except BriefingError:
            return
        if highlight.orphaned:
            self.statusBar().showMessage(
                self.tr("This highlight is orphaned: its passage is no longer in the article."),
                10000,
            )
        else:
            self.reader.reveal(highlight)

    def manage_tags(self) -> TagManager:
        """Show the tag manager (one at a time, not modal: Undo keeps working)."""
        if self.tag_manager is None or not self.tag_manager.isVisible():
            undo_redo = [self.actions["edit_undo"], self.actions["edit_redo"]]
            self.tag_manager = TagManager(self.library, self, undo_redo)
        self.tag_manager.show()
        self.tag_manager.raise_()
        self.tag_manager.activateWindow()
        return self.tag_manager

    def show_article(self, article_id: int | None) -> None:
        if article_id is not None and not self.safety.may_open(article_id):
            article_id = None  # it was being opened when the window last stopped
        if article_id != self.article_id:
            self._shown_hash = None
        self.article_id = article_id
        self.actions["article_delete"].setEnabled(article_id is not None)
        self.actions["article_details"].setEnabled(article_id is not None)
        try:
            article = self.library.article(article_id) if article_id is not None else None
        except BriefingError:
            article = None
        if article is None:
            self._shown_hash = None
            self._highlights = []
            self.reader.clear_article()
            self.highlights_pane.show_highlights([], {})
            self.title_label.clear()
            self.details_label.clear()
            return
        if article.content_hash == self._shown_hash:  # the same text: repaint, keep the place
            self.refresh_highlights()
            return
        self._shown_hash = article.content_hash
        colors = {tag.name: tag.color for tag in self.library.tags()}
        highlights = self.library.highlights(article_id=article_id)
        self._highlights = highlights
        self.safety.opening(article.id)  # remembered until painted: see window_safety
        self.reader.show_article(article.body, highlights, colors)
        self.highlights_pane.show_highlights(highlights, colors)
        self._show_details(article)

    def _show_details(self, article: Article | None = None) -> None:
        """The open article's title and details above the reader, and in the title bar."""
        if article is None:
            if self.article_id is None:
                return
            try:
                article = self.library.article(self.article_id)
            except BriefingError:
                return
        self.title_label.setText(article.title)
        details = [
            article.source,
            article.author,
            article.published.isoformat() if article.published else "",
        ]
        self.details_label.setText(" · ".join(d for d in details if d))
        self.setWindowTitle(self.tr("{0} — Briefing Reader").format(article.title))

    def show_hit(self, hit: SearchHit) -> None:
        """Open the article of a search result with every match of the query marked in the
        find bar, the result's own match current and centred."""
        row = self.table_model.row_of(hit.article_id)
        if row >= 0:
            self.table.selectRow(row)
        if self.article_id != hit.article_id:
            self.show_article(hit.article_id)
        self.tools.show_hit(hit)

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
            # The worker's own Library kept no history for this window: each update becomes
            # an undo step here (undo restores the earlier text), steps on old texts go.
            self.library.record_import(report)
            changed = any(o.status in ("imported", "updated") for o in report.outcomes)
            return Changes(library=changed)

        def on_finished(report: ImportReport) -> None:
            from briefing.ui import import_feedback

            # The summary and notes; asks about an article that matched by title and source.
            import_feedback.show_report(self, self.library, report)
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
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete article"),
            self.tr(
                "Delete “{0}” and its {1} highlight(s)? You can undo this until you quit."
            ).format(article.title, count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirm_delete_article")
        # Enter must never destroy: the safe answer is the default.
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Yes:
            self.article_id = None
            self._run(lambda: self.library.execute(DeleteArticle(article.id)))

    def edit_article_details(self) -> None:
        """Library ▸ Article Details for the open article."""
        if self.article_id is None:
            return
        from briefing.ui.article_details import edit_details

        edit_details(self.library, self.article_id, self)

    def show_preferences(self) -> None:
        from briefing.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.library, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.apply_preferences)
        dialog.open()

    def apply_preferences(self) -> None:
        """Text size and reading width changed: lay the open article out again."""
        reading_column.install(self.reader)
        self._shown_hash = None
        self.show_article(self.article_id)

    def _theme_changed(self, _colors: object) -> None:
        # Links and highlight tints are baked into the document: build it again.
        self._shown_hash = None
        self.show_article(self.article_id)

    def show_about(self) -> None:
        from briefing.ui.about import show_about

        show_about(self)
