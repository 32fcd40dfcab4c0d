"""The library list: rows updated by id (no model reset), sorting, filtering, selection kept."""

from __future__ import annotations

import random
import threading
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from briefing.core.model import ArticleSummary
from briefing.services import AddHighlight, Changes, DeleteArticle, Library
from briefing.ui.article_table import (
    HIGHLIGHTS,
    PUBLISHED,
    SOURCE,
    TITLE,
    ArticleTableModel,
)
from briefing.ui.article_view import ArticleTable
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView


def summary(article_id: int, title: str, published: date | None, count: int = 0) -> ArticleSummary:
    return ArticleSummary(
        id=article_id,
        title=title,
        source=f"source {article_id % 3}",
        published=published,
        language="ja",
        char_count=1000 + article_id,
        highlight_count=count,
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def shown_ids(model: ArticleTableModel) -> list[int]:
    return [model.article_at(row).id for row in range(model.rowCount())]  # type: ignore[union-attr]


@pytest.fixture
def table(qtbot, sample_library: Library) -> ArticleTable:
    model = ArticleTableModel()
    model.set_articles(sample_library.articles())
    view = ArticleTable(model)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    return view


def test_starts_in_the_libraries_order(table: ArticleTable, sample_library: Library) -> None:
    assert shown_ids(table.model()) == [a.id for a in sample_library.articles()]


def test_a_new_highlight_updates_its_row_without_a_reset(
    table: ArticleTable, sample_library: Library, qtbot
) -> None:
    model = table.model()
    table.choose(model.article_at(2).id)
    chosen = table.chosen
    before = model.article_at(model.row_of(chosen)).highlight_count  # type: ignore[union-attr]
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.assertNotEmitted(table.article_chosen),
        qtbot.waitSignal(model.dataChanged) as changed,
    ):
        changes = sample_library.execute(AddHighlight(chosen, 0, 5, ("sanctions",)))
        table.apply_changes(changes, sample_library)
    row = model.row_of(chosen)
    assert changed.args[0].row() == row
    assert model.article_at(row).highlight_count == before + 1  # type: ignore[union-attr]
    assert [i.row() for i in table.selectionModel().selectedRows()] == [row]


def test_a_deleted_article_is_one_removed_row_and_its_successor_is_chosen(
    table: ArticleTable, sample_library: Library, qtbot
) -> None:
    model = table.model()
    doomed, successor = model.article_at(1).id, model.article_at(2).id  # type: ignore[union-attr]
    table.choose(doomed)
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.rowsRemoved),
        qtbot.waitSignal(table.article_chosen) as chosen,
    ):
        table.apply_changes(sample_library.execute(DeleteArticle(doomed)), sample_library)
    assert chosen.args == [successor] and model.rowCount() == 4
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        table.apply_changes(sample_library.undo(), sample_library)
    assert model.row_of(doomed) == 1


def test_an_update_that_moves_a_row_keeps_the_selection_on_the_article(qtbot) -> None:
    model = ArticleTableModel()
    model.set_articles(summary(i, f"t{i}", date(2025, 1, i)) for i in range(1, 11))
    view = ArticleTable(model)
    qtbot.addWidget(view)
    view.choose(3)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(view.article_chosen):
        model.upsert(summary(3, "t3", date(2025, 2, 1)))  # now the newest: first row
    assert model.row_of(3) == 0 and view.selectionModel().selectedRows()[0].row() == 0
    assert shown_ids(model) == [3, 10, 9, 8, 7, 6, 5, 4, 2, 1]


def test_clicking_a_header_sorts_and_clicking_again_reverses(table: ArticleTable, qtbot) -> None:
    model, header = table.model(), table.horizontalHeader()
    table.choose(model.article_at(3).id)
    chosen = table.chosen
    titles = sorted((a.title.casefold(), a.id) for a in map(model.article_at, range(5)))  # type: ignore[union-attr]
    at = QPoint(header.sectionViewportPosition(TITLE) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    first = shown_ids(model)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert {tuple(first), tuple(shown_ids(model))} == {
        tuple(i for _, i in titles),
        tuple(i for _, i in reversed(titles)),
    }
    assert first != shown_ids(model)
    assert table.chosen == chosen
    assert table.selectionModel().selectedRows()[0].row() == model.row_of(chosen)


def test_filter_shows_only_the_given_articles_and_keeps_the_open_one(
    table: ArticleTable, qtbot
) -> None:
    model = table.model()
    everyone = shown_ids(model)
    table.choose(everyone[0])
    with qtbot.assertNotEmitted(table.article_chosen), qtbot.assertNotEmitted(model.modelReset):
        model.set_filter({everyone[1], everyone[3]})
    assert shown_ids(model) == [everyone[1], everyone[3]]
    assert table.chosen == everyone[0]  # the reader keeps the article it shows
    model.set_filter(None)
    assert shown_ids(model) == everyone
    assert table.selectionModel().selectedRows()[0].row() == 0  # selected again


def test_no_column_measures_its_contents_and_tooltips_carry_the_whole_value(
    table: ArticleTable,
) -> None:
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in (TITLE, SOURCE, PUBLISHED, HIGHLIGHTS)]
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    model = table.model()
    article = model.article_at(0)
    assert article is not None
    tip = model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert article.title in tip and f"{article.char_count:,}" in tip
    assert model.index(0, SOURCE).data(Qt.ItemDataRole.ToolTipRole) == article.source


def test_any_sequence_of_edits_matches_a_fresh_sort(qtbot) -> None:
    """Random inserts, updates, removals, filters and sorts, checked against sorted()."""
    rng = random.Random(13)
    model = ArticleTableModel()
    live = {
        i: summary(i, f"記事{rng.randint(0, 50)}", date(2025, 1, 1 + i % 28)) for i in range(60)
    }
    model.set_articles(live.values())
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    article_filter: set[int] | None = None
    column, descending = PUBLISHED, True
    for step in range(400):
        op = rng.random()
        if op < 0.35:
            i = rng.randrange(80)
            live[i] = summary(i, f"記事{rng.randint(0, 50)}", date(2025, 1 + i % 12, 1 + step % 28))
            model.upsert(live[i])
        elif op < 0.55:
            live[i] = replace(live[i := rng.choice(list(live))], highlight_count=rng.randint(0, 5))
            model.upsert(live[i])
        elif op < 0.7 and live:
            i = rng.choice(list(live))
            del live[i]
            model.remove_article(i)
        elif op < 0.8:
            article_filter = None if rng.random() < 0.3 else set(rng.sample(range(80), 30))
            model.set_filter(article_filter)
        else:
            column, descending = rng.randrange(4), rng.random() < 0.5
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            model.sort(column, order)
        expected = sorted(
            (a for a in live.values() if article_filter is None or a.id in article_filter),
            key=lambda a: _key(a, column),
            reverse=descending,
        )
        assert shown_ids(model) == [a.id for a in expected], step
        assert all(model.row_of(a.id) == row for row, a in enumerate(expected))
    assert not resets


def _key(a: ArticleSummary, column: int) -> tuple[object, int]:
    if column == TITLE:
        return a.title.casefold(), a.id
    if column == SOURCE:
        return a.source.casefold(), a.id
    if column == HIGHLIGHTS:
        return a.highlight_count, a.id
    return a.published or date.min, a.id


def test_many_changes_at_once_reset_once_instead(qtbot) -> None:
    model = ArticleTableModel()
    model.set_articles(summary(i, f"t{i}", date(2025, 1, 1)) for i in range(1000))
    with qtbot.waitSignal(model.modelReset):
        model.sync(summary(i, f"t{i}", date(2025, 1, 1)) for i in range(500, 1500))
    assert model.rowCount() == 1000 and model.row_of(1499) == 0


def test_changes_naming_articles_read_only_those(sample_library: Library, monkeypatch) -> None:
    model = ArticleTableModel()
    model.set_articles(sample_library.articles())
    asked: list[object] = []
    real = sample_library.articles

    def spy(ids=None):  # type: ignore[no-untyped-def]
        asked.append(None if ids is None else sorted(ids))
        return real(ids)

    monkeypatch.setattr(sample_library, "articles", spy)
    one = model.article_at(0).id  # type: ignore[union-attr]
    model.apply_changes(Changes(articles=frozenset({one})), sample_library)
    assert asked == [[one]]


def test_a_big_librarys_wide_change_is_listed_off_the_ui_thread(
    table: ArticleTable, sample_library: Library, library_path, qtbot, tmp_path, monkeypatch
) -> None:
    from briefing.ui import article_view

    monkeypatch.setattr(article_view, "BACKGROUND_FROM", 0)
    listed, release = threading.Event(), threading.Event()
    real_articles = Library.articles

    def listing_then_wait(self: Library, ids=None):  # type: ignore[no-untyped-def]
        result = real_articles(self, ids)
        if ids is None and threading.current_thread() is not threading.main_thread():
            listed.set()  # the worker's snapshot is taken before the edit below
            release.wait(10)
        return result

    monkeypatch.setattr(Library, "articles", listing_then_wait)
    model = table.model()
    new = tmp_path / "cron.md"
    new.write_text("---\ntitle: 定時取込\n---\n\n北方領土の交渉。\n", encoding="utf-8")
    with Library.open(library_path) as cron:  # another program imports
        cron.import_paths([new])
    table.apply_changes(Changes(library=True, external=True), sample_library)
    assert model.rowCount() == 5  # not listed on this thread
    assert listed.wait(10)
    # Meanwhile a highlight is added here: the listing must not undo its count.
    edited = model.article_at(4).id  # type: ignore[union-attr]
    table.apply_changes(
        sample_library.execute(AddHighlight(edited, 0, 3, ("sanctions",))), sample_library
    )
    count = model.article_at(model.row_of(edited)).highlight_count  # type: ignore[union-attr]
    release.set()
    with qtbot.assertNotEmitted(model.modelReset):
        qtbot.waitUntil(lambda: model.rowCount() == 6, timeout=10000)
    assert model.article_at(model.row_of(edited)).highlight_count == count  # type: ignore[union-attr]
    assert count == len(sample_library.highlights(article_id=edited))


def test_a_big_library_paints_first_and_lists_on_a_worker(
    qtbot, sample_library: Library, tmp_path, monkeypatch
) -> None:
    """Start-up over a big library: the article read last opens at once, the list follows."""
    from briefing.ui import article_view
    from briefing.ui.main_window import MainWindow

    first = MainWindow(sample_library)
    qtbot.addWidget(first)
    first.table.selectRow(3)
    last = first.article_id
    first.close()

    monkeypatch.setattr(article_view, "BACKGROUND_FROM", 0)
    second = MainWindow(sample_library)
    qtbot.addWidget(second)
    assert second.table_model.rowCount() == 0 and second.table.loading
    assert second.article_id == last and second.title_label.text()  # readable already
    with qtbot.assertNotEmitted(second.table.article_chosen):
        qtbot.waitUntil(lambda: second.table_model.rowCount() == 5, timeout=10000)
    assert not second.table.loading
    selected = second.table.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [second.table_model.row_of(last)]


def test_column_widths_and_sort_are_remembered(qtbot, sample_library: Library, tmp_path) -> None:
    from briefing.ui.main_window import MainWindow

    first = MainWindow(sample_library)
    qtbot.addWidget(first)
    first.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    first.table.setColumnWidth(SOURCE, 177)
    order = shown_ids(first.table_model)
    first.close()
    second = MainWindow(sample_library)
    qtbot.addWidget(second)
    assert second.table.columnWidth(SOURCE) == 177
    assert shown_ids(second.table_model) == order
    header = second.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        TITLE,
        Qt.SortOrder.AscendingOrder,
    )


def test_closing_the_window_while_the_list_is_read_raises_nothing(
    qtbot, sample_library: Library, tmp_path, monkeypatch
) -> None:
    from briefing.ui import article_view
    from briefing.ui.main_window import MainWindow

    monkeypatch.setattr(article_view, "BACKGROUND_FROM", 0)
    window = MainWindow(sample_library)
    listing = window.table._pending
    assert listing is not None
    window.close()
    window.deleteLater()
    qtbot.wait(20)  # the window is gone before the worker answers
    with qtbot.captureExceptions() as exceptions:
        qtbot.waitUntil(lambda: listing.done, timeout=10000)
    assert not exceptions
