"""The search box: results follow changes, and a big library is searched off the UI thread."""

from __future__ import annotations

import time

import pytest
from briefing.services import AddHighlight, Changes, Library
from briefing.ui import search_panel
from briefing.ui.search_delegate import selected_colors
from briefing.ui.search_panel import HIT_ROLE, SearchPanel
from briefing.ui.theme import contrast
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette


@pytest.fixture
def panel(qtbot, sample_library: Library) -> SearchPanel:
    widget = SearchPanel(sample_library)
    qtbot.addWidget(widget)
    sample_library.listeners.append(widget.apply_changes)
    return widget


def test_results_follow_a_change_instead_of_going_stale(
    panel: SearchPanel, sample_library: Library
) -> None:
    panel.field.setText("ZQX確認")
    panel.run()
    assert panel.model.rowCount() == 0
    article = sample_library.articles()[0].id
    changes = sample_library.execute(AddHighlight(article, 0, 10, (), note="ZQX確認 follow up"))
    assert panel.model.rowCount() == 1
    hit = panel.model.index(0, 0).data(HIT_ROLE)
    assert hit.kind == "highlight" and hit.id in changes.highlights
    sample_library.undo()
    assert panel.model.rowCount() == 0


def test_a_write_by_another_program_runs_the_query_again(
    panel: SearchPanel, sample_library: Library, library_path
) -> None:
    panel.field.setText("ZQX確認")
    panel.run()
    with Library.open(library_path) as other:  # the CLI, on the same file
        article = other.articles()[0].id
        other.execute(AddHighlight(article, 0, 10, (), note="ZQX確認 from cron"))
    assert panel.model.rowCount() == 0  # not yet told
    sample_library.announce(Changes(library=True, external=True))
    assert panel.model.rowCount() == 1


def test_a_big_library_is_searched_in_the_background(
    panel: SearchPanel, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(search_panel, "BACKGROUND_FROM", 0)
    panel.field.setText("影の船団")
    panel.run()
    assert panel.model.rowCount() == 0 and panel.pending is not None  # not on this thread
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10000)
    hit = panel.model.index(0, 0).data(HIT_ROLE)
    assert "影の船団" in [hit.snippet[s:e] for s, e in hit.marks]


def test_an_answer_to_an_older_query_is_dropped(panel: SearchPanel, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(search_panel, "BACKGROUND_FROM", 0)
    real_search = Library.search

    def slow_first(library: Library, query: str, limit: int = 20, offset: int = 0):  # type: ignore[no-untyped-def]
        if query == "影の船団":
            time.sleep(0.5)  # the older query answers last
        return real_search(library, query, limit, offset)

    monkeypatch.setattr(Library, "search", slow_first)
    panel.field.setText("影の船団")
    panel.run()
    first = panel.pending
    panel.field.setText("ZQX確認")
    panel.run()
    second = panel.pending
    assert first is not None and second is not None
    qtbot.waitUntil(lambda: first.done and second.done, timeout=10000)
    assert panel.model.rowCount() == 0
    assert panel.status.text().startswith("ZQX確認: 0 articles, 0 highlights")


def test_a_read_only_library_is_searched_on_a_read_only_worker(
    qtbot, sample_library: Library, library_path, monkeypatch
) -> None:
    # The worker opens the file read-only as the window did (QueryOp passes it through).
    monkeypatch.setattr(search_panel, "BACKGROUND_FROM", 0)
    with Library.open(library_path, read_only=True) as read_only:
        panel = SearchPanel(read_only)
        qtbot.addWidget(panel)
        panel.field.setText("影の船団")
        panel.run()
        pending = panel.pending
        assert pending is not None and pending.read_only
        qtbot.waitUntil(lambda: pending.done, timeout=10000)
        assert panel.model.rowCount() > 0


def test_an_answer_after_the_panel_is_gone_raises_nothing(
    qtbot, sample_library: Library, monkeypatch
) -> None:
    monkeypatch.setattr(search_panel, "BACKGROUND_FROM", 0)
    real_search = Library.search

    def slow(library: Library, query: str, limit: int = 20, offset: int = 0):  # type: ignore[no-untyped-def]
        time.sleep(0.3)  # answers after the panel is gone
        return real_search(library, query, limit, offset)

    monkeypatch.setattr(Library, "search", slow)
    panel = SearchPanel(sample_library)
    panel.field.setText("影の船団")
    panel.run()
    pending = panel.pending
    assert pending is not None
    panel.deleteLater()
    qtbot.wait(20)
    with qtbot.captureExceptions() as exceptions:
        qtbot.waitUntil(lambda: pending.done, timeout=10000)
    assert not exceptions


def test_the_status_gives_the_whole_answer_and_scrolling_fetches_the_rest(
    panel: SearchPanel, sample_library: Library, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(search_panel, "PAGE", 3)
    whole = sample_library.search("日", limit=10_000)
    assert whole.total > 6, "the sample library should have many hits for 日"
    panel.resize(400, 200)
    panel.show()
    qtbot.waitExposed(panel)
    panel.field.setText("日")
    panel.run()
    assert panel.status.text().startswith(
        f"日: {whole.total_articles} articles, {whole.total_highlights} highlights"
    )
    assert panel.model.rowCount() == 3  # one page, the rest on demand
    bar = panel.results.verticalScrollBar()
    for _ in range(whole.total):
        if panel.model.rowCount() == whole.total:
            break
        bar.setValue(bar.maximum())  # scrolled to the end: the next page comes
        qtbot.wait(10)
    hits = [panel.model.index(r, 0).data(HIT_ROLE) for r in range(panel.model.rowCount())]
    assert [(h.kind, h.id) for h in hits] == [(h.kind, h.id) for h in whole.hits]


def test_matches_are_not_bracketed_and_a_selected_row_keeps_readable_colours(
    panel: SearchPanel, qtbot
) -> None:
    panel.resize(420, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.field.setText("影の船団")
    panel.run()
    index = panel.model.index(0, 0)
    assert "【" not in index.data() and "】" not in index.data()
    panel.results.setCurrentIndex(index)
    panel.field.setFocus()  # the list loses the focus: its selection must stay readable
    qtbot.wait(20)
    image = panel.results.viewport().grab().toImage()
    rect = panel.results.visualRect(index)
    palette = panel.results.palette()
    active = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    corner = image.pixelColor(rect.left() + 2, rect.center().y())
    assert corner.name() == active.name()
    background, text = selected_colors(palette)
    assert background == active and contrast(text, background) >= 4.5
    # Whatever the palette: a pale highlight gets dark text.
    pale = QPalette(palette)
    pale.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight, QColor("#cfe3ff"))
    assert contrast(*selected_colors(pale)) >= 4.5


def test_down_moves_into_the_results_and_enter_opens_one(panel: SearchPanel, qtbot) -> None:
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)  # focus needs the active window
    panel.field.setText("制裁")
    panel.run()
    panel.field.setFocus()
    opened = []
    panel.hit_activated.connect(opened.append)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.hasFocus() and panel.results.currentIndex().row() == 0
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert opened == [panel.model.index(1, 0).data(HIT_ROLE)]


def test_a_lower_bound_total_still_fetches_every_page(
    panel: SearchPanel, sample_library: Library, qtbot, monkeypatch
) -> None:
    """A checked query stops counting once it has its best hits ("at least N"): scrolling
    must still bring every hit, page after page, until a page comes back short."""
    from briefing.services import search as search_service

    monkeypatch.setattr(search_panel, "PAGE", 2)
    monkeypatch.setattr(search_service, "EXACT_TOTAL_CHECKS", 0)
    monkeypatch.setattr(search_service, "CHECKED_PAGE_FACTOR", 1)
    whole = sample_library.search("NATO加盟", limit=10_000)
    assert whole.total > 2
    first = sample_library.search("NATO加盟", limit=2)
    # The case under test: the bound equals the first page, yet there are more.
    assert not first.total_exact and first.total == len(first.hits) < whole.total
    panel.resize(400, 160)
    panel.show()
    qtbot.waitExposed(panel)
    panel.field.setText("NATO加盟")
    panel.run()
    assert "at least" in panel.status.text()
    bar = panel.results.verticalScrollBar()
    for _ in range(whole.total + 2):
        bar.setValue(bar.maximum())
        qtbot.wait(5)
    hits = [panel.model.index(r, 0).data(HIT_ROLE) for r in range(panel.model.rowCount())]
    assert [(h.kind, h.id) for h in hits] == [(h.kind, h.id) for h in whole.hits]
    assert not panel.model.canFetchMore()
