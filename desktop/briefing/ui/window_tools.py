"""The keyboard and reading tools of the main window, put in place in one call from
``MainWindow._build_menus``: the find bar under the reader, the filter box over the library,
the outline pane, zoom, pane cycling with its focus frame, the Tab order, read/unread, the
analyst's own shortcuts and Help ▸ Keyboard Shortcuts.

The window only lays its panes out; this module adds to them, so the window's file stays the
size of a layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QSplitter

from briefing.services import BriefingError
from briefing.services.search import SearchHit, query_terms
from briefing.ui import shortcuts
from briefing.ui.find_bar import FindBar
from briefing.ui.focus import Pane, PaneCycler, tab_order
from briefing.ui.headings import HeadingBalancer
from briefing.ui.library_filter import LibraryFilter, library_pane
from briefing.ui.measure import MeasureKeeper
from briefing.ui.outline_pane import OutlinePane
from briefing.ui.zoom import Zoom

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction

    from briefing.ui.main_window import MainWindow


class WindowTools(QObject):
    """What :func:`install` added, for the window and its tests to reach. A child of the
    window that holds no reference to it (``window()`` asks Qt): nothing keeps a closed
    window alive."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        reader = window.reader
        self.find_bar = FindBar(reader, reader.parentWidget())
        reader_layout = reader.parentWidget().layout()
        reader_layout.addWidget(self.find_bar)  # under the reader
        self.library_filter = LibraryFilter(window.table_model, window.table)
        left = window.table.parentWidget()
        assert isinstance(left, QSplitter)
        at = left.indexOf(window.table)
        self.library_pane = library_pane(window.table, self.library_filter, left)
        left.insertWidget(at, self.library_pane)
        left.setStretchFactor(at, 3)
        self.outline = OutlinePane(reader, window)
        self.outline_dock = QDockWidget(self.tr("Outline"), window)
        self.outline_dock.setObjectName("outline_dock")
        self.outline_dock.setWidget(self.outline)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.outline_dock)
        window.tabifyDockWidget(window.tags_dock, self.outline_dock)
        window.tags_dock.raise_()
        self.measure = MeasureKeeper(
            window,
            window.splitter,
            reader,
            [window.highlights_dock, window.tags_dock],
            self._dock_floor,
        )
        self.headings = HeadingBalancer(reader)
        self.zoom = Zoom(reader)
        self.zoom.relayout.connect(window.apply_preferences)
        panes = [
            Pane(self.library_pane, window.table),
            Pane(reader.parentWidget(), reader),
            Pane(window.highlights_dock, window.highlights_pane.placed_view),
            Pane(self.outline_dock, self.outline.list),
            Pane(window.tags_dock, window.tags_pane.tag_list),
            Pane(window.search_panel, window.search_panel.field),
        ]
        self.panes = PaneCycler(window, panes)
        tab_order(
            [
                self.library_filter,
                window.table,
                reader,
                self.find_bar.field,
                window.highlights_pane.placed_view,
                window.highlights_pane.orphaned_view,
                self.outline.list,
                window.tags_pane.tag_list,
                window.tags_pane.highlight_list,
                window.search_panel.field,
                window.search_panel.results,
            ]
        )
        self._load_read_marks()
        window.table.article_chosen.connect(self._opened)

    @property
    def window(self) -> MainWindow:
        return self.parent()  # type: ignore[return-value]

    def _dock_floor(self) -> int:
        """The right-hand panes' least width: every tag name whole in the tags pane."""
        dock, pane = self.window.tags_dock, self.window.tags_pane
        return pane.whole_width() + max(0, dock.width() - pane.width())

    def show_shortcuts(self) -> None:
        from briefing.ui.shortcuts_dialog import show_shortcuts  # loaded when first shown

        show_shortcuts(self.window.actions, self.window)

    # --- read and unread ----------------------------------------------------------------------

    def _load_read_marks(self) -> None:
        try:
            self.window.table_model.set_read_ids(self.window.library.read_articles())
        except BriefingError:
            self.window.table_model.set_read_ids(None)  # unknown: nothing shown as unread

    def _opened(self, article_id: int | None) -> None:
        if article_id is not None and not self.window.table_model.is_read(article_id):
            self._set_read(article_id, True)

    def toggle_read(self) -> None:
        article_id = self.window.article_id
        if article_id is not None:
            self._set_read(article_id, not self.window.table_model.is_read(article_id))

    def _set_read(self, article_id: int, read: bool) -> None:
        try:
            self.window.library.set_read([article_id], read)
        except BriefingError as error:  # a locked library: say so, keep reading
            self.window.statusBar().showMessage(str(error), 10000)
            return
        self.window.table_model.mark_read(article_id, read)

    # --- search results -------------------------------------------------------------------------

    def show_hit(self, hit: SearchHit) -> None:
        """The article of a search result is open: mark every match of the query in it and
        step to the result's own (the highlight's passage, for a highlight)."""
        query = self.window.search_panel.query
        terms = query_terms(query)
        near = hit.span[0] if hit.span is not None else None
        if terms:
            self.find_bar.show_terms(query, terms, near)
        elif hit.span is not None:
            self.window.reader.place_caret(hit.span[0])

    def show_outline(self) -> None:
        self.outline_dock.show()
        self.outline_dock.raise_()
        self.outline.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.outline.list.currentIndex().isValid() and self.outline.list.count():
            self.outline.list.setCurrentRow(0)


def install(
    window: MainWindow, edit_menu: QMenu, view_menu: QMenu, library_menu: QMenu, help_menu: QMenu
) -> WindowTools:
    """Add the tools to ``window`` and their actions to its menus."""
    tools = WindowTools(window)
    a = window.actions
    edit_menu.addSeparator()
    _add(
        edit_menu,
        a,
        find_in_article=tools.find_bar.open_find,
        find_next=tools.find_bar.find_next,
        find_previous=tools.find_bar.find_previous,
    )
    library_menu.addSeparator()
    _add(
        library_menu,
        a,
        library_filter=tools.library_filter.focus,
        article_toggle_read=tools.toggle_read,
    )
    view_menu.addAction(tools.outline_dock.toggleViewAction())
    view_menu.addSeparator()
    _add(
        view_menu,
        a,
        view_zoom_in=tools.zoom.zoom_in,
        view_zoom_out=tools.zoom.zoom_out,
        view_zoom_reset=tools.zoom.reset,
    )
    view_menu.addSeparator()
    _add(
        view_menu,
        a,
        view_outline=tools.show_outline,
        view_next_pane=tools.panes.next_pane,
        view_previous_pane=tools.panes.previous_pane,
    )
    first = help_menu.actions()[0] if help_menu.actions() else None
    help_menu.insertAction(first, a["help_shortcuts"])
    a["help_shortcuts"].triggered.connect(tools.show_shortcuts)
    shortcuts.apply(a)
    return tools


def _add(menu: QMenu, actions: dict[str, QAction], **slots: Callable[[], object]) -> None:
    """Each action named by a keyword into ``menu``, triggering the slot given with it."""
    for name, slot in slots.items():
        menu.addAction(actions[name])
        actions[name].triggered.connect(slot)
