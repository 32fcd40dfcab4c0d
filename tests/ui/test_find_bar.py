"""The find bar: every match of the open article, F3 / Shift+F3, "n / N", the current one in
the middle of the view; a search result opens with all its query's matches."""

from __future__ import annotations

from briefing.core.normalize import fold_for_search
from briefing.ui.main_window import MainWindow
from briefing.ui.search_panel import HIT_ROLE
from PySide6.QtCore import Qt

from tests.ui import window_fixtures
from tests.ui.window_fixtures import article_with

window = window_fixtures.window


def occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle))
    return found


def caret_line_offset(window: MainWindow) -> int:
    """How far the caret's line is from the middle of the reader's view, in pixels."""
    rect = window.reader.cursorRect(window.reader.textCursor())
    return abs(rect.center().y() - window.reader.viewport().height() // 2)


def test_ctrl_f_finds_every_match_and_f3_steps_through_them(window: MainWindow, qtbot) -> None:
    window.table.choose(article_with(window, "制裁", 5))
    text = window.reader.toPlainText()
    expected = occurrences(text, "制裁")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.tools.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    bar.field.setText("制裁")  # Japanese comes through an input method: set the text
    bar.field.textEdited.emit("制裁")
    assert [start for start, _ in bar.spans] == expected
    assert bar.count.text() == f"1 / {len(expected)}"
    assert len(window.reader.find_selections) == len(expected)
    window.reader.setFocus()
    for step in range(2, 5):
        qtbot.keyClick(window.reader, Qt.Key.Key_F3)
        assert bar.count.text() == f"{step} / {len(expected)}"
        cursor = window.reader.textCursor()
        assert cursor.position() == expected[step - 1] and not cursor.hasSelection()
    qtbot.keyClick(window.reader, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"3 / {len(expected)}"
    # Past the last one, F3 comes round to the first.
    for _ in range(len(expected) - 2):
        qtbot.keyClick(window.reader, Qt.Key.Key_F3)
    assert bar.count.text() == f"1 / {len(expected)}"


def test_the_current_match_is_centred(window: MainWindow, qtbot) -> None:
    window.resize(1000, 500)
    window.table.choose(article_with(window, "制裁", 8))
    bar = window.tools.find_bar
    window.actions["find_in_article"].trigger()
    bar.field.setText("制裁")
    bar.field.textEdited.emit("制裁")
    scroll = window.reader.verticalScrollBar()
    centred = 0
    for _ in range(len(bar.spans)):
        window.actions["find_next"].trigger()
        if 0 < scroll.value() < scroll.maximum():  # not pinned at either end of the text
            assert caret_line_offset(window) <= window.reader.fontMetrics().height() * 2
            centred += 1
    assert centred > 0


def test_width_and_case_fold_and_escape_closes(window: MainWindow, qtbot) -> None:
    window.table.choose(article_with(window, "NATO", 2))
    text = window.reader.toPlainText()
    bar = window.tools.find_bar
    window.actions["find_in_article"].trigger()
    qtbot.keyClicks(bar.field, "nato")
    folded = fold_for_search(text)
    assert len(bar.spans) == folded.count("nato") > 1
    assert all(text[s:e].casefold() == "nato" for s, e in bar.spans)
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.reader.find_selections == []
    assert window.reader.hasFocus()


def test_a_search_result_opens_with_every_match_of_its_query(window: MainWindow, qtbot) -> None:
    panel = window.search_panel
    panel.field.setText("影の船団")
    panel.run()
    hit = next(
        h
        for h in (panel.model.index(r, 0).data(HIT_ROLE) for r in range(panel.model.rowCount()))
        if h.kind == "article"
    )
    row = [panel.model.index(r, 0).data(HIT_ROLE) for r in range(panel.model.rowCount())]
    panel.results.setFocus()
    panel.results.setCurrentIndex(panel.model.index(row.index(hit), 0))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)  # Enter opens
    assert window.article_id == hit.article_id
    text = window.reader.toPlainText()
    bar = window.tools.find_bar
    assert bar.isVisible() and bar.field.text() == "影の船団"
    assert [s for s, _ in bar.spans] == occurrences(text, "影の船団")
    assert window.reader.textCursor().position() == hit.span[0]
    assert (
        bar.count.text() == f"{[s for s, _ in bar.spans].index(hit.span[0]) + 1} / {len(bar.spans)}"
    )


def test_library_search_has_its_own_keys(window: MainWindow, qtbot) -> None:
    window.reader.setFocus()
    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.search_panel.field.hasFocus()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_panel.field.hasFocus()
    assert not window.tools.find_bar.isVisible()


def test_a_highlight_result_steps_from_the_match_inside_the_highlight(
    window: MainWindow, qtbot
) -> None:
    panel = window.search_panel
    panel.field.setText("NSATU")
    panel.run()
    hits = [panel.model.index(r, 0).data(HIT_ROLE) for r in range(panel.model.rowCount())]
    chosen = None
    for row, hit in enumerate(hits):
        if hit.kind != "highlight" or hit.span is None:
            continue
        text = window.library.article(hit.article_id).text
        if text.find("NSATU") < hit.span[0]:  # the article mentions it before the highlight
            chosen = row
            break
    assert chosen is not None, "the sample highlights should include such a case"
    panel.results.activated.emit(panel.model.index(chosen, 0))
    hit = hits[chosen]
    bar = window.tools.find_bar
    starts = [s for s, _ in bar.spans]
    current = window.reader.textCursor().position()
    assert current == min(s for s in starts if s >= hit.span[0])
    assert bar.count.text() == f"{starts.index(current) + 1} / {len(starts)}"
    assert starts.index(current) > 0


def test_zooming_keeps_the_step_and_a_new_article_is_marked_at_once(
    window: MainWindow, qtbot
) -> None:
    window.table.choose(article_with(window, "制裁", 3))
    bar = window.tools.find_bar
    window.actions["find_in_article"].trigger()
    bar.field.setText("制裁")
    bar.field.textEdited.emit("制裁")
    window.actions["find_next"].trigger()
    assert bar.count.text().startswith("2 / ")
    window.actions["view_zoom_in"].trigger()  # the same text laid out again
    assert bar.count.text().startswith("2 / ") and window.reader.find_selections
    other = next(
        a.id
        for a in window.library.articles()
        if a.id != window.article_id and "制裁" in window.library.article(a.id).text
    )
    window.table.choose(other)
    text = window.reader.toPlainText()
    assert [s for s, _ in bar.spans] == occurrences(text, "制裁")
    assert len(window.reader.find_selections) == len(bar.spans)
