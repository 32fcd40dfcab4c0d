"""The highlights pane: the open article's highlights in text order, orphaned ones apart;
click or Enter shows one in the reader; keys act on the selected one."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.services import AddHighlight, Library
from briefing.ui.highlights_pane import HIGHLIGHT_ROLE
from briefing.ui.main_window import MainWindow
from PySide6.QtCore import Qt

from tests.ui.reader_fixtures import ARTICLE, offset_of, open_reader_window, select

LONG = ARTICLE + "".join(f"\n段落 {n}。北方領土の交渉が続く。\n" for n in range(60))


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path, library: Library) -> MainWindow:
    win = open_reader_window(qtbot, tmp_path, library, LONG)
    win.resize(1100, 500)
    return win


def add(window: MainWindow, quote: str, tags: tuple[str, ...] = ("sanctions",)) -> int:
    start = offset_of(window, quote)
    command = AddHighlight(window.article_id, start, start + len(quote), tags)
    window.library.execute(command)
    assert command.highlight_id is not None
    return command.highlight_id


def rows(window: MainWindow) -> list[str]:
    model = window.highlights_pane.placed
    return [model.index(r).data(HIGHLIGHT_ROLE).quote for r in range(model.rowCount())]


def test_listed_in_text_order(window: MainWindow) -> None:
    add(window, "段落 50。")
    add(window, "影の船団")
    add(window, "石油大手")
    assert rows(window) == ["影の船団", "石油大手", "段落 50。"]
    assert window.highlights_pane.placed_label.text() == "Highlights (3)"
    assert not window.highlights_pane.orphaned_view.isVisibleTo(window)


def test_click_shows_it_centred_and_flashes(window: MainWindow, qtbot) -> None:
    add(window, "段落 40。")
    view = window.highlights_pane.placed_view
    rect = view.visualRect(window.highlights_pane.placed.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    reader = window.reader
    assert reader.caret_highlight() is not None
    assert reader.caret_highlight().quote == "段落 40。"
    middle = reader.viewport().height() / 2
    assert abs(reader.cursorRect().center().y() - middle) < reader.fontMetrics().height() * 2
    assert len(reader.extraSelections()) == 1  # the flash
    qtbot.waitUntil(lambda: not reader.extraSelections(), timeout=3000)


def test_keys_act_on_the_selected_row(window: MainWindow, qtbot, library: Library) -> None:
    add(window, "影の船団")
    keep = add(window, "石油大手")
    view = window.highlights_pane.placed_view
    view.setFocus()
    view.setCurrentIndex(window.highlights_pane.placed.index(0))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert library.highlights(article_id=window.article_id)[0].tags == ("sanctions", "NSATU")
    assert view.currentIndex().row() == 0  # updated in place, the selection stays
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [h.id for h in library.highlights(article_id=window.article_id)] == [keep]
    assert library.article_count() == 1
    window.actions["edit_undo"].trigger()
    assert rows(window) == ["影の船団", "石油大手"]


def test_orphaned_listed_apart_and_reattached(
    window: MainWindow, qtbot, library: Library, tmp_path: Path
) -> None:
    orphan_id = add(window, "影の船団に対する二次制裁")
    library.execute(AddHighlight(window.article_id, 0, 4, ("NSATU",), "keep me"))
    changed = LONG.replace("影の船団に対する二次制裁が議論された。", "制裁の強化が決まった。")
    (tmp_path / "article.md").write_text(changed, encoding="utf-8")
    report = library.import_paths([tmp_path / "article.md"])
    assert report.outcomes[0].status == "updated"
    pane = window.highlights_pane
    assert pane.orphaned.rowCount() == 1
    assert pane.orphaned_view.isVisibleTo(window)
    assert pane.orphaned.index(0).data(HIGHLIGHT_ROLE).quote == "影の船団に対する二次制裁"
    assert "影の船団" not in rows(window)
    start = offset_of(window, "制裁の強化が決まった")
    selected = select(window, start, start + len("制裁の強化"))
    pane.orphaned_view.setCurrentIndex(pane.orphaned.index(0))
    window.actions["highlight_reattach"].trigger()
    placed = library.highlight(orphan_id)
    assert (placed.orphaned, placed.quote) == (False, selected)
    assert pane.orphaned.rowCount() == 0 and selected in rows(window)
    window.actions["edit_undo"].trigger()
    assert library.highlight(orphan_id).orphaned
    assert pane.orphaned.rowCount() == 1


def test_enter_on_a_row_shows_it_in_the_reader(window: MainWindow, qtbot) -> None:
    add(window, "影の船団")
    add(window, "段落 30。")
    view = window.highlights_pane.placed_view
    view.setFocus()
    view.setCurrentIndex(window.highlights_pane.placed.index(1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.reader.caret_highlight().quote == "段落 30。"
    assert len(window.reader.extraSelections()) == 1
