"""The search box: results follow changes, and a big library is searched off the UI thread."""

from __future__ import annotations

import time

import pytest
from briefing.services import AddHighlight, Changes, Library
from briefing.ui import search_panel
from briefing.ui.search_panel import HIT_ROLE, SearchPanel


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
    assert "【影の船団】" in panel.model.index(0, 0).data()


def test_an_answer_to_an_older_query_is_dropped(panel: SearchPanel, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(search_panel, "BACKGROUND_FROM", 0)
    real_search = Library.search

    def slow_first(library: Library, query: str, limit: int = 20):  # type: ignore[no-untyped-def]
        if query == "影の船団":
            time.sleep(0.5)  # the older query answers last
        return real_search(library, query, limit)

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
    assert panel.status.text().startswith("0 ")


def test_a_read_only_library_is_searched_in_place(
    qtbot, sample_library: Library, library_path, monkeypatch
) -> None:
    # A worker would open the file read-write: a read-only library never goes there.
    monkeypatch.setattr(search_panel, "BACKGROUND_FROM", 0)
    with Library.open(library_path, read_only=True) as read_only:
        panel = SearchPanel(read_only)
        qtbot.addWidget(panel)
        panel.field.setText("影の船団")
        panel.run()
        assert panel.pending is None and panel.model.rowCount() > 0


def test_an_answer_after_the_panel_is_gone_raises_nothing(
    qtbot, sample_library: Library, monkeypatch
) -> None:
    monkeypatch.setattr(search_panel, "BACKGROUND_FROM", 0)
    real_search = Library.search

    def slow(library: Library, query: str, limit: int = 20):  # type: ignore[no-untyped-def]
        time.sleep(0.3)  # answers after the panel is gone
        return real_search(library, query, limit)

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
