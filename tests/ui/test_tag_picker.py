"""The tag picker on its own: filtering by name and alias, creating, keys."""

from __future__ import annotations

import pytest
from briefing.services import Library
from briefing.ui.tag_picker import TagChoice, TagPicker
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


@pytest.fixture
def picker(qtbot, library: Library) -> TagPicker:
    dialog = TagPicker(library.tags(), current=("NSATU",))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown(picker: TagPicker) -> list[str]:
    return [picker.list.item(r).text() for r in range(picker.list.count())]


def test_lists_tags_by_slot_and_marks_current(picker: TagPicker) -> None:
    names = shown(picker)
    assert names[0].startswith("1  sanctions") and names[1].startswith("✓ 2  NSATU")


def test_alias_finds_its_tag(picker: TagPicker) -> None:
    picker.field.setText("制裁")
    assert shown(picker) == ["1  sanctions   (制裁, 対露制裁)"]
    assert picker.choice() == TagChoice("sanctions")


def test_filter_ignores_case_and_width(picker: TagPicker, qtbot) -> None:
    qtbot.keyClicks(picker.field, "nsa")
    assert [c.name for c in [picker.choice()]] == ["NSATU"]
    picker.field.setText("ＮＳＡ")
    assert picker.choice() == TagChoice("NSATU")


def test_a_new_name_offers_to_create(picker: TagPicker, qtbot) -> None:
    qtbot.keyClicks(picker.field, "energy  policy")
    assert shown(picker) == ["Create tag “energy policy”"]
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted
    assert picker.choice() == TagChoice("energy policy", new=True)


def test_arrows_move_and_enter_picks(picker: TagPicker, qtbot) -> None:
    qtbot.keyClick(picker.field, Qt.Key.Key_Down)
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    assert picker.choice() == TagChoice("NSATU")
    assert picker.result() == QDialog.DialogCode.Accepted


def test_escape_cancels(picker: TagPicker, qtbot) -> None:
    qtbot.keyClick(picker.field, Qt.Key.Key_Escape)
    assert picker.result() == QDialog.DialogCode.Rejected
