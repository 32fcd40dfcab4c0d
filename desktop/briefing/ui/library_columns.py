"""The library list in a narrow pane: the short columns step aside for the title.

At 1024×700 the list's Source, Published and Highlights columns kept their widths and left the
title column nothing but an ellipsis. Now, when the title would have fewer than
:data:`TITLE_CHARACTERS` full-width characters, the highlight count steps aside first, then the
source, then the date; they come back, in the reverse order, as the list widens. The whole
title and source stay on each row's tooltip.

Only the list's width decides: a column the analyst widened by hand keeps its width, and it
is never hidden for that widening.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView
from shiboken6 import isValid

from briefing.ui.article_table import HIGHLIGHTS, PUBLISHED, SOURCE

TITLE_CHARACTERS = 12  # the least a title shows, in full-width characters, before columns go
STEP_ASIDE = (HIGHLIGHTS, SOURCE, PUBLISHED)  # the first to go comes first


class ColumnsGiveWay(QObject):
    """Hides and shows ``table``'s short columns by the room its title column has."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._widths: dict[int, int] = {}  # a hidden column's width, to show it again at
        self._viewport = table.viewport()
        self._viewport.installEventFilter(self)
        self.update()

    def title_floor(self) -> int:
        return TITLE_CHARACTERS * self.table.fontMetrics().horizontalAdvance("国")

    def width_of(self, column: int) -> int:
        header = self.table.horizontalHeader()
        if not header.isSectionHidden(column):
            self._widths[column] = header.sectionSize(column)
        return self._widths.get(column, header.defaultSectionSize())

    def update(self) -> None:
        """Hide or show columns so the title keeps its floor where the list allows."""
        if not self.table.isVisible():
            return  # not laid out yet: its viewport's size means nothing
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        floor = self.title_floor()
        shown = [c for c in STEP_ASIDE if not header.isSectionHidden(c)]
        used = sum(self.width_of(c) for c in shown)
        # Step aside while the title is short of its floor ...
        for column in STEP_ASIDE:
            if room - used >= floor:
                break
            if column in shown:
                self.width_of(column)
                header.hideSection(column)
                used -= self._widths[column]
        # ... and come back, last gone first, while the title keeps it.
        for column in reversed(STEP_ASIDE):
            if not header.isSectionHidden(column):
                continue
            width = self.width_of(column)
            if room - used - width < floor:
                break
            header.showSection(column)
            header.resizeSection(column, width)
            used += width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport outlives its table for a moment when the window goes: ask Qt first.
        if event.type() == QEvent.Type.Resize and watched is self._viewport and isValid(self.table):
            self.update()
        return False


def install(table: QTableView) -> ColumnsGiveWay:
    """Let ``table``'s short columns give way to its titles in a narrow pane."""
    return ColumnsGiveWay(table)
