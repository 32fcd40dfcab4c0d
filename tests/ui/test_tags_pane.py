"""The tags pane: tags with colour, slot and count; a tag's highlights across the library,
newest first; choosing a tag filters the library list."""

from __future__ import annotations

import pytest
from briefing.core.model import Highlight
from briefing.services import AddHighlight, ChangeHighlightTags, Library
from briefing.ui.article_table import ArticleTableModel
from briefing.ui.article_view import ArticleTable
from briefing.ui.tags_pane import TAG_ID_ROLE, TagsPane
from PySide6.QtCore import Qt


@pytest.fixture
def pane(qtbot, sample_library: Library) -> TagsPane:
    widget = TagsPane(sample_library)
    qtbot.addWidget(widget)
    widget.resize(400, 600)
    widget.show()
    sample_library.listeners.append(widget.apply_changes)
    return widget


def tag_rows(pane: TagsPane) -> dict[str, tuple[str, str]]:
    rows = {}
    for row in range(1, pane.tag_list.topLevelItemCount()):
        item = pane.tag_list.topLevelItem(row)
        rows[item.text(0)] = (item.text(1), item.text(2))
    return rows


def listed(pane: TagsPane) -> list[Highlight]:
    model = pane.highlight_model
    return [model.highlight_at(row) for row in range(model.rowCount())]  # type: ignore[misc]


def click_tag(pane: TagsPane, qtbot, name: str) -> None:
    for row in range(pane.tag_list.topLevelItemCount()):
        item = pane.tag_list.topLevelItem(row)
        if item.text(0) == name:
            rect = pane.tag_list.visualItemRect(item)
            qtbot.mouseClick(pane.tag_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"no tag row {name}")


def test_lists_every_tag_with_colour_slot_and_count(pane: TagsPane, sample_library) -> None:
    usage = sample_library.tag_usage()
    expected = {t.name: (str(t.slot or ""), str(usage[t.id])) for t in sample_library.tags()}
    assert tag_rows(pane) == expected
    item = pane.tag_list.topLevelItem(1)
    tag = sample_library.tag(item.text(0))
    image = item.icon(0).pixmap(12, 12).toImage()
    assert image.pixelColor(6, 6).name() == tag.color


def test_clicking_a_tag_filters_the_table_and_lists_its_highlights_newest_first(
    pane: TagsPane, sample_library: Library, qtbot
) -> None:
    model = ArticleTableModel()
    model.set_articles(sample_library.articles())
    table = ArticleTable(model)
    qtbot.addWidget(table)
    pane.filter_changed.connect(model.set_filter)
    with qtbot.waitSignal(pane.filter_changed):
        click_tag(pane, qtbot, "NSATU")
    nsatu = sample_library.highlights(tags_any=["NSATU"])
    carrying = {h.article_id for h in nsatu}
    assert 0 < len(carrying) < 5
    assert {model.article_at(r).id for r in range(model.rowCount())} == carrying  # type: ignore[union-attr]
    newest_first = sorted(nsatu, key=lambda h: (h.created_at, h.id), reverse=True)
    assert [h.id for h in listed(pane)] == [h.id for h in newest_first]
    click_tag(pane, qtbot, "All articles")
    assert model.rowCount() == 5


def test_a_new_highlight_shows_up_in_the_chosen_tags_view_and_count(
    pane: TagsPane, sample_library: Library, qtbot
) -> None:
    pane.choose("NSATU")
    outside = next(
        a.id for a in sample_library.articles() if a.id not in (pane._filter or frozenset())
    )
    before = int(tag_rows(pane)["NSATU"][1])
    with qtbot.waitSignal(pane.filter_changed) as emitted:
        changes = sample_library.execute(AddHighlight(outside, 0, 8, ("NSATU",)))
    new_id = next(iter(changes.highlights))
    assert outside in emitted.args[0]
    assert (listed(pane)[0].article_id, listed(pane)[0].id) == (outside, new_id)
    assert int(tag_rows(pane)["NSATU"][1]) == before + 1
    sample_library.undo()
    assert int(tag_rows(pane)["NSATU"][1]) == before
    assert outside not in (pane._filter or frozenset())


def test_activating_a_highlight_asks_to_open_its_article_there(
    pane: TagsPane, sample_library: Library, qtbot
) -> None:
    pane.choose("制裁")  # an alias chooses its tag
    index = pane.highlight_model.index(0)
    with qtbot.waitSignal(pane.highlight_activated) as activated:
        rect = pane.highlight_list.visualRect(index)
        qtbot.mouseClick(
            pane.highlight_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    article_id, highlight_id = activated.args
    assert sample_library.highlight(highlight_id).article_id == article_id
    assert "sanctions" in sample_library.highlight(highlight_id).tags


def test_a_renamed_tag_stays_chosen_and_untagging_updates_the_list(
    pane: TagsPane, sample_library: Library
) -> None:
    from briefing.services import EditTag

    pane.choose("NSATU")
    tag_id = pane.tag_list.currentItem().data(0, TAG_ID_ROLE)
    sample_library.execute(EditTag("NSATU", name="NATO aid"))
    assert pane.tag_list.currentItem().data(0, TAG_ID_ROLE) == tag_id
    assert pane.tag_list.currentItem().text(0) == "NATO aid"
    shown = len(listed(pane))
    first = listed(pane)[0].id
    sample_library.execute(ChangeHighlightTags([first], "NATO aid", add=False))
    assert len(listed(pane)) == shown - 1 and first not in {h.id for h in listed(pane)}


@pytest.fixture
def window(qtbot, sample_library: Library, tmp_path):
    from briefing.ui.main_window import MainWindow

    win = MainWindow(sample_library)
    qtbot.addWidget(win)
    win.show()
    return win


def test_in_the_window_a_tag_filters_the_list_and_a_highlight_opens_its_article(
    window, sample_library: Library, qtbot
) -> None:
    assert (
        window.tags_dock.objectName() == "tags_dock"
        and window.tags_dock.widget() is window.tags_pane
    )
    click_tag(window.tags_pane, qtbot, "Northern Territories")
    carrying = {h.article_id for h in sample_library.highlights(tags_any=["北方領土"])}
    model = window.table_model
    assert {model.article_at(r).id for r in range(model.rowCount())} == carrying  # type: ignore[union-attr]
    pane = window.tags_pane
    index = pane.highlight_model.index(pane.highlight_model.rowCount() - 1)
    article_id, highlight_id = listed(pane)[-1].article_id, listed(pane)[-1].id
    pane.highlight_list.activated.emit(index)
    assert window.article_id == article_id
    highlight = sample_library.highlight(highlight_id)
    caret = window.reader.textCursor().position()
    assert highlight.selector.start <= caret <= highlight.selector.end


def test_in_the_window_a_highlight_updates_one_row_and_the_manager_opens(
    window, sample_library: Library, qtbot
) -> None:
    model = window.table_model
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        sample_library.execute(AddHighlight(window.article_id, 0, 4, ("sanctions",)))
    window.actions["tags_manage"].trigger()
    manager = window.tag_manager
    assert manager is not None and manager.isVisible()
    manager.close()


def test_the_window_notices_another_programs_write(
    window, sample_library: Library, library_path, qtbot, tmp_path
) -> None:
    new = tmp_path / "cron.md"
    new.write_text("---\ntitle: 定時取込\n---\n\n北方領土の交渉。\n", encoding="utf-8")
    with Library.open(library_path) as cron:
        cron.import_paths([new])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    with qtbot.assertNotEmitted(window.table_model.modelReset):
        qtbot.waitUntil(lambda: window.table_model.rowCount() == 6, timeout=5000)


def test_a_closed_tags_pane_stays_closed_and_comes_back_from_the_view_menu(
    window, sample_library: Library, qtbot
) -> None:
    from briefing.ui.main_window import MainWindow

    window.tags_dock.close()
    window.close()
    second = MainWindow(sample_library)
    qtbot.addWidget(second)
    second.show()
    assert second.tags_dock.isHidden()
    toggle = second.tags_dock.toggleViewAction()
    assert toggle in [a for m in second.menuBar().actions() for a in m.menu().actions()]
    toggle.trigger()
    assert second.tags_dock.isVisible()


def test_small_edits_read_only_the_changed_highlights_and_agree_with_a_full_read(
    pane: TagsPane, sample_library: Library, monkeypatch
) -> None:
    from briefing.services import DeleteHighlight

    pane.choose("NSATU")
    calls: list[dict] = []
    real = sample_library.highlights

    def spy(**kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(sample_library, "highlights", spy)
    articles = [a.id for a in sample_library.articles()]
    other = real(tags_any=["sanctions"])[0].id
    steps = [
        lambda: sample_library.execute(AddHighlight(articles[0], 0, 6, ("NSATU",))),
        lambda: sample_library.execute(AddHighlight(articles[1], 0, 6, ("sanctions",))),
        lambda: sample_library.execute(ChangeHighlightTags([other], "NSATU", add=True)),
        lambda: sample_library.execute(ChangeHighlightTags([other], "NSATU", add=False)),
        lambda: sample_library.execute(DeleteHighlight(listed(pane)[-1].id)),
        sample_library.undo,
        sample_library.undo,
    ]
    for step in steps:
        calls.clear()
        step()
        assert all("tags_any" not in call for call in calls)  # only the changed ones read
        expected = sorted(real(tags_any=["NSATU"]), key=lambda h: (h.created_at, h.id))
        assert [h.id for h in listed(pane)] == [h.id for h in reversed(expected)]
        assert pane._filter == frozenset(h.article_id for h in expected)
