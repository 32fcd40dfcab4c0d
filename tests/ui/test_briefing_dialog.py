"""The Briefing dialog, offscreen, on the sample library: preview, ticks, order, export,
print, history and remembered choices."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from briefing.core.briefing import BriefingOptions, Period
from briefing.services import Library
from briefing.services.briefing import export_history
from briefing.ui.briefing_dialog import BriefingDialog
from briefing.ui.main_window import MainWindow
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter

TODAY = date.today()


def _dialog(qtbot, library: Library) -> BriefingDialog:
    dialog = BriefingDialog(library)
    qtbot.addWidget(dialog)
    dialog.form.set_options(BriefingOptions(period=Period.day(TODAY), marking="取扱注意"))
    dialog.refresh_items()
    dialog.refresh_preview()
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=15000)
    return dialog


def _wait_for_new_preview(qtbot, dialog: BriefingDialog) -> None:
    dialog.pdf = None
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=15000)


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_preview_shows_the_pdf_pages_and_lists_every_item(qtbot, sample_library: Library) -> None:
    dialog = _dialog(qtbot, sample_library)
    assert dialog.items.count() == 24
    assert all(
        dialog.items.item(i).checkState() == Qt.CheckState.Checked
        for i in range(dialog.items.count())
    )
    assert dialog.preview.page_count == int(
        subprocess.run(["pdfinfo", "-"], input=dialog.pdf, capture_output=True, check=True)
        .stdout.decode()
        .split("Pages:")[1]
        .split()[0]
    )
    assert dialog.preview.page_count >= 3
    assert "取扱注意" in _pdf_text(dialog.pdf)


def test_unticked_items_leave_the_briefing_and_dragged_ones_move(
    qtbot, sample_library: Library
) -> None:
    dialog = _dialog(qtbot, sample_library)
    first, second = dialog.items.item(0), dialog.items.item(1)
    first_quote = sample_library.highlight(first.data(Qt.ItemDataRole.UserRole)).quote
    first.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.options().excluded == (first.data(Qt.ItemDataRole.UserRole),)
    _wait_for_new_preview(qtbot, dialog)
    assert first_quote not in _pdf_text(dialog.pdf).replace("\n", "")
    # Drag the second item (of the first section) below the third: the model's move is
    # what a drop does.
    moved = second.data(Qt.ItemDataRole.UserRole)
    model = dialog.items.model()
    assert model.moveRow(model.index(0, 0).parent(), 1, model.index(0, 0).parent(), 3)
    assert dialog.options().order.index(moved) == 2
    third = sample_library.highlight(dialog.options().order[1]).quote
    _wait_for_new_preview(qtbot, dialog)
    text = _pdf_text(dialog.pdf).replace("\n", "")
    moved_quote = sample_library.highlight(moved).quote
    assert text.index(third[:20]) < text.index(moved_quote[:20])


def test_export_pdf_html_markdown_records_and_lists_history(
    qtbot, sample_library: Library, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, sample_library)
    for fmt in ("pdf", "html", "md"):
        dialog.export_to(tmp_path / f"b.{fmt}", fmt)
        qtbot.waitUntil(lambda f=fmt: (tmp_path / f"b.{f}").exists(), timeout=15000)
    qtbot.waitUntil(lambda: dialog.history.count() == 3, timeout=15000)
    assert [r.format for r in export_history(sample_library)] == ["md", "html", "pdf"]
    assert "取扱注意" in dialog.history.item(0).data(Qt.ItemDataRole.UserRole).marking
    assert _pdf_text((tmp_path / "b.pdf").read_bytes()).count("取扱注意") >= 3


def test_print_sends_the_pdf_pages_to_the_printer(qtbot, sample_library: Library, tmp_path):
    dialog = _dialog(qtbot, sample_library)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.preview.page_count
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert f"Pages:           {dialog.preview.page_count}" in info


def test_choices_are_remembered(qtbot, sample_library: Library) -> None:
    dialog = _dialog(qtbot, sample_library)
    dialog.form.title.setText("朝の報告")
    dialog.form.author.setText("分析官")
    dialog.form.summary.setPlainText("要旨")
    dialog.form.paper.setCurrentIndex(1)
    dialog.close()
    again = BriefingDialog(sample_library)
    qtbot.addWidget(again)
    options = again.form.options()
    assert (options.title, options.author, options.summary, options.paper) == (
        "朝の報告",
        "分析官",
        "要旨",
        "letter",
    )
    assert (options.marking, options.period.kind) == ("取扱注意", "day")


def test_nothing_to_include_shows_a_message_and_disables_export(
    qtbot, sample_library: Library
) -> None:
    dialog = _dialog(qtbot, sample_library)
    dialog.form.set_options(BriefingOptions(period=Period.day(date(2001, 1, 1))))
    dialog.refresh_items()
    dialog.refresh_preview()
    qtbot.waitUntil(lambda: not dialog.preview_ready, timeout=15000)
    assert dialog.items.count() == 0
    assert dialog.preview.message.text().startswith("nothing to include")
    assert not dialog.export_button.isEnabled() and not dialog.print_button.isEnabled()
    assert not dialog.more_button.isEnabled()


def test_ctrl_e_opens_the_dialog_from_the_window(qtbot, sample_library: Library) -> None:
    window = MainWindow(sample_library)
    qtbot.addWidget(window)
    window.show()
    action = window.actions["briefing_compose"]
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert window.actions["file_print"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    action.trigger()
    dialog = window.findChild(BriefingDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(
        lambda: dialog.preview_ready or dialog.preview.message.isVisible(), timeout=15000
    )
    dialog.close()


def test_sections_follow_the_tag_list_and_an_export_can_be_reused(
    qtbot, sample_library: Library, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, sample_library)
    tags = dialog.form.tags
    assert dialog.form.options().tags == ()  # all ticked, library order: every tag
    # Move NSATU to the top and untick "export controls": the sections follow.
    model = tags.model()
    row = next(i for i in range(tags.count()) if tags.item(i).text() == "NSATU")
    assert model.moveRow(model.index(0, 0).parent(), row, model.index(0, 0).parent(), 0)
    next(
        tags.item(i) for i in range(tags.count()) if tags.item(i).text() == "export controls"
    ).setCheckState(Qt.CheckState.Unchecked)
    chosen = dialog.form.options().tags
    assert chosen[0] == "NSATU" and "export controls" not in chosen
    assert dialog.items.item(0).text().startswith("NSATU — ")
    dialog.export_to(tmp_path / "b.md", "md")
    qtbot.waitUntil(lambda: dialog.history.count() == 1, timeout=15000)
    dialog.form.set_options(BriefingOptions(period=Period.day(TODAY)))
    assert dialog.form.options().tags == ()
    dialog._reuse_export(dialog.history.item(0))
    assert dialog.form.options().tags == chosen


def test_a_remembered_day_is_today_and_preferences_fill_author_and_marking(
    qtbot, sample_library: Library
) -> None:
    from briefing.ui import settings

    settings.BRIEFING_AUTHOR.write("分析官 B")
    settings.BRIEFING_MARKING.write("部外秘")
    remembered = BriefingOptions(period=Period.day(date(2020, 1, 2)), title="朝の報告")
    settings.BRIEFING_OPTIONS.write(remembered.to_json())
    dialog = BriefingDialog(sample_library)
    qtbot.addWidget(dialog)
    options = dialog.form.options()
    assert options.period == Period.day(TODAY)
    assert (options.title, options.author, options.marking) == ("朝の報告", "分析官 B", "部外秘")


def test_the_language_choice_drives_the_preview_and_is_remembered(
    qtbot, sample_library: Library
) -> None:
    dialog = _dialog(qtbot, sample_library)
    language = dialog.form.language
    # Automatic on the Japanese sample articles: Japanese labels, and the title they give.
    assert language.currentData() == "" and dialog.options().language == ""
    assert dialog.form.title.text() == ""
    assert dialog.form.title.placeholderText() == "デイリー・ブリーフィング"
    text = _pdf_text(dialog.pdf)
    assert "デイリー・ブリーフィング" in text and "目次" in text and "出典" in text
    assert f"1 / {dialog.preview.page_count} ページ" in text.splitlines()
    language.setCurrentIndex(language.findData("en"))  # as a click on "English" does
    assert dialog.options().language == "en"
    assert dialog.form.title.placeholderText() == "Daily Briefing"
    _wait_for_new_preview(qtbot, dialog)
    text = _pdf_text(dialog.pdf)
    assert "Daily Briefing" in text and "Contents" in text and "Sources" in text
    assert f"Page 1 / {dialog.preview.page_count}" in text.splitlines()
    assert "目次" not in text and "デイリー・ブリーフィング" not in text
    dialog.close()
    again = BriefingDialog(sample_library)
    qtbot.addWidget(again)
    assert again.form.language.currentData() == "en" and again.options().language == "en"
    assert [again.form.language.itemText(i) for i in range(3)] == ["Automatic", "日本語", "English"]


def test_a_remembered_usual_title_follows_the_language(qtbot, sample_library: Library) -> None:
    from briefing.ui import settings

    # Remembered before titles followed the language: the old default was always written.
    old = BriefingOptions(period=Period.day(TODAY), title="Daily Briefing")
    settings.BRIEFING_OPTIONS.write(old.to_json())
    dialog = BriefingDialog(sample_library)
    qtbot.addWidget(dialog)
    assert dialog.form.title.text() == "" and dialog.options().title == ""
    assert dialog.form.title.placeholderText() == "デイリー・ブリーフィング"
