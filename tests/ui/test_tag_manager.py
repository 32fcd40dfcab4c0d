"""The tag manager dialog: every edit is an undoable command, typed into the real widgets."""

from __future__ import annotations

import pytest
from briefing.core.errors import BriefingError
from briefing.services import Library
from briefing.ui.tag_manager import TagManager, parse_aliases
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox


@pytest.fixture
def manager(qtbot, sample_library: Library) -> TagManager:
    dialog = TagManager(sample_library)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def retype(qtbot, field, text: str) -> None:
    """Select all, type, press Enter: what an analyst does to edit a field."""
    field.setFocus()
    field.selectAll()
    # Japanese comes through an input method QTest cannot drive: insert it like one would.
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_rename_then_undo_restores_the_name(manager: TagManager, sample_library, qtbot) -> None:
    manager.select("NSATU")
    retype(qtbot, manager.name_field, "NATO aid")
    assert sample_library.tag("NATO aid").slot == 2
    assert sample_library.history.undo_text.startswith("Rename tag")
    assert manager.isVisible()  # Enter applied the field, it did not close the dialog
    sample_library.undo()
    assert sample_library.tag("NSATU").slot == 2
    assert manager.name_field.text() == "NSATU"  # the dialog follows the undo
    with pytest.raises(BriefingError):
        sample_library.tag("NATO aid")


def test_a_refused_name_is_one_line_and_the_field_shows_the_stored_name(
    manager: TagManager, sample_library, qtbot
) -> None:
    manager.select("NSATU")
    retype(qtbot, manager.name_field, "sanctions")
    assert "already a tag" in manager.status.text()
    assert manager.name_field.text() == "NSATU"
    assert not sample_library.history.done


def test_aliases_description_and_slot(manager: TagManager, sample_library, qtbot) -> None:
    manager.select("Northern Territories")
    retype(qtbot, manager.aliases_field, "北方領土、北方四島")
    retype(qtbot, manager.description_field, "Kuril islands")
    manager.slot_box.setFocus()
    manager.slot_box.setCurrentIndex(7)
    manager.slot_box.activated.emit(7)
    tag = sample_library.tag("北方四島")
    assert tag.name == "Northern Territories" and tag.aliases == ("北方四島", "北方領土")
    assert tag.description == "Kuril islands" and tag.slot == 7
    assert [c.text.startswith("Edit tag") for c in sample_library.history.done] == [True] * 3
    for _ in range(3):
        sample_library.undo()
    tag = sample_library.tag("Northern Territories")
    assert (tag.aliases, tag.slot, tag.description.startswith("The four islands")) == (
        ("北方領土",),
        3,
        True,
    )


def test_slot_taken_by_another_tag_is_refused(manager: TagManager, sample_library) -> None:
    manager.select("NSATU")
    manager.slot_box.setCurrentIndex(1)
    manager.slot_box.activated.emit(1)
    assert "slot 1 already belongs" in manager.status.text()
    assert manager.slot_box.currentData() == 2


def test_recolour_through_the_colour_dialog(
    manager: TagManager, sample_library, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    manager.select("sanctions")
    qtbot.mouseClick(manager.color_button, Qt.MouseButton.LeftButton)
    assert sample_library.tag("sanctions").color == "#123456"
    assert manager.color_button.text() == "#123456"
    sample_library.undo()
    assert sample_library.tag("sanctions").color == "#d32f2f"


def test_create_merge_and_delete_each_undo(
    manager: TagManager, sample_library, monkeypatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Shadow fleet", True))
    manager.new_button.click()
    assert manager.tag is not None and manager.tag.name == "Shadow fleet"
    used_colors = {t.color for t in sample_library.tags() if t.name != "Shadow fleet"}
    assert manager.tag.color not in used_colors

    sanctions_before = len(sample_library.highlights(tags_any=["sanctions"]))
    nsatu = {h.id for h in sample_library.highlights(tags_any=["NSATU"])}
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("sanctions", True))
    manager.select("NSATU")
    manager.merge_button.click()
    assert sample_library.tag("NSATU").name == "sanctions"  # its name became an alias
    merged = {h.id for h in sample_library.highlights(tags_any=["sanctions"])}
    assert nsatu <= merged
    sample_library.undo()
    assert sample_library.tag("NSATU").name == "NSATU"
    assert len(sample_library.highlights(tags_any=["sanctions"])) == sanctions_before

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    manager.select("NSATU")
    manager.delete_button.click()
    assert "NSATU" not in {t.name for t in sample_library.tags()}
    sample_library.undo()
    assert {h.id for h in sample_library.highlights(tags_any=["NSATU"])} == nsatu


def test_delete_asks_with_cancel_as_the_default(
    manager: TagManager, sample_library, monkeypatch
) -> None:
    defaults: list[QMessageBox.StandardButton] = []

    def cancel(box: QMessageBox) -> int:
        defaults.append(box.standardButton(box.defaultButton()))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    manager.select("sanctions")
    manager.delete_button.click()
    assert defaults == [QMessageBox.StandardButton.Cancel]
    assert sample_library.tag("sanctions")


def test_closing_detaches_from_the_library(manager: TagManager, sample_library) -> None:
    assert manager._library_changed in sample_library.listeners
    manager.close()
    assert manager._library_changed not in sample_library.listeners


def test_aliases_split_on_ascii_and_japanese_commas() -> None:
    assert parse_aliases(" 制裁、対露制裁 , sanctions on Russia;; ") == (
        "制裁",
        "対露制裁",
        "sanctions on Russia",
    )


def test_from_the_window_menu_and_undone_with_the_windows_keys(
    qtbot, sample_library: Library, tmp_path
) -> None:
    from briefing.ui.main_window import MainWindow

    window = MainWindow(sample_library)
    qtbot.addWidget(window)
    window.show()
    window.actions["tags_manage"].trigger()
    manager = window.tag_manager
    assert manager is not None
    manager.activateWindow()
    qtbot.waitUntil(manager.isActiveWindow, timeout=5000)
    manager.select("NSATU")
    retype(qtbot, manager.name_field, "NATO aid")
    assert window.actions["edit_undo"].text().startswith("&Undo Rename tag")
    assert window.tags_pane.tag_list.findItems("NATO aid", Qt.MatchFlag.MatchExactly)
    qtbot.keyClick(manager.tag_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sample_library.tag("NSATU").name == "NSATU"
    assert manager.name_field.text() == "NSATU"
    assert window.tags_pane.tag_list.findItems("NSATU", Qt.MatchFlag.MatchExactly)


def test_a_field_left_after_the_library_closed_raises_nothing(
    manager: TagManager, sample_library: Library, qtbot
) -> None:
    manager.select("NSATU")
    manager.name_field.setFocus()
    manager.name_field.setText("NATO aid")
    sample_library.close()
    with qtbot.captureExceptions() as exceptions:
        manager.name_field.editingFinished.emit()
        manager.close()
    assert not exceptions
