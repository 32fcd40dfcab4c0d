"""Declared settings, the Preferences dialog, Article Details and About."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing import __version__
from briefing.services import Library
from briefing.services import backup as backup_service
from briefing.ui import settings, theme
from briefing.ui.about import AboutDialog
from briefing.ui.article_details import ArticleDetailsDialog
from briefing.ui.main_window import MainWindow
from briefing.ui.preferences import PreferencesDialog
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QPlainTextEdit


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QSettings().clear()
    yield
    QSettings().clear()
    theme.apply(qapp, "light")


def test_options_read_typed_values_and_fall_back_to_defaults() -> None:
    store = QSettings()
    assert settings.TEXT_SIZE.read() == 12.0
    store.setValue(settings.TEXT_SIZE.key, "14.5")  # the native format stores text
    assert settings.TEXT_SIZE.read() == 14.5
    store.setValue(settings.TEXT_SIZE.key, "huge")
    assert settings.TEXT_SIZE.read() == 12.0
    store.setValue(settings.TEXT_SIZE.key, "200")  # out of range
    assert settings.TEXT_SIZE.read() == 12.0
    store.setValue(settings.THEME.key, "purple")  # not a choice
    assert settings.THEME.read() == "system"
    store.setValue(settings.LAST_ARTICLE.key, "7")
    assert settings.LAST_ARTICLE.read() == 7
    with pytest.raises(ValueError, match="not an allowed value"):
        settings.LANGUAGE.write("fr")


def test_restore_defaults_forgets_preferences_but_keeps_window_state() -> None:
    settings.THEME.write("dark")
    settings.BRIEFING_AUTHOR.write("分析官")
    settings.LAST_ARTICLE.write(3)
    settings.restore_defaults()
    assert settings.THEME.read() == "system"
    assert settings.BRIEFING_AUTHOR.read() == ""
    assert settings.LAST_ARTICLE.read() == 3


def test_preferences_dialog_saves_and_applies(qtbot, qapp, library: Library) -> None:
    dialog = PreferencesDialog(library)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_size.setValue(15)
    dialog.reading_width.setValue(36)
    dialog.author.setText("  分析官 ")
    dialog.marking.setText("取扱注意")
    dialog.backups.setValue(10)
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    assert (settings.THEME.read(), settings.TEXT_SIZE.read(), settings.READING_WIDTH.read()) == (
        "dark",
        15.0,
        36,
    )
    assert (settings.BRIEFING_AUTHOR.read(), settings.BRIEFING_MARKING.read()) == (
        "分析官",
        "取扱注意",
    )
    assert backup_service.rotation_of(library) == backup_service.Rotation(10, 4, 6)
    assert theme.current() is theme.DARK
    assert qapp.palette().window().color().name() == theme.DARK.window

    again = PreferencesDialog(library)
    qtbot.addWidget(again)
    assert again.theme.currentData() == "dark" and again.text_size.value() == 15
    again.restore_defaults()  # into the form only: Cancel keeps what was saved
    assert again.theme.currentData() == "system" and again.backups.value() == 7
    assert again.author.text() == ""
    again.reject()
    assert settings.THEME.read() == "dark"


def test_window_applies_text_size_and_reading_width(qtbot, sample_library: Library) -> None:
    window = MainWindow(sample_library)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    settings.TEXT_SIZE.write(16.0)
    settings.READING_WIDTH.write(30)
    window.apply_preferences()
    assert window.reader.font().pointSizeF() == 16.0
    margins = window.reader.viewportMargins()
    assert margins.left() == margins.right() > 0  # a centred column, not the full width
    column = window.reader.viewport().width()
    settings.READING_WIDTH.write(60)
    window.apply_preferences()
    assert window.reader.viewport().width() > column


def test_article_details_dialog_edits_undoably(qtbot, sample_library: Library) -> None:
    window = MainWindow(sample_library)
    qtbot.addWidget(window)
    article_id = sample_library.articles()[0].id
    window.show_article(article_id)
    dialog = ArticleDetailsDialog(sample_library, sample_library.article(article_id), window)
    qtbot.addWidget(dialog)
    dialog.published.setText("2025-02-30")
    dialog.accept()
    assert dialog.status.text() == "Not a date (YYYY-MM-DD): 2025-02-30"
    assert not sample_library.history.done  # nothing written, the form still open
    dialog.published.setText("")
    dialog.title.setText("題名を直した記事")
    dialog.source.setText("NHK")
    changed = dialog.changed_values()
    assert set(changed) - {"published"} == {"title", "source"}  # only what the form changed
    dialog.accept()
    assert window.title_label.text() == "題名を直した記事"
    assert window.details_label.text().startswith("NHK")
    assert window.actions["edit_undo"].text() == "&Undo Edit article details"
    window.actions["edit_undo"].trigger()
    restored = sample_library.article(article_id).title
    assert window.title_label.text() == restored != "題名を直した記事"


def test_about_names_version_and_licence(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Briefing Reader {__version__}" in text
    assert "Licence: MIT" in text
    licence = dialog.findChild(QPlainTextEdit, "about_licence")
    assert "Permission is hereby granted" in licence.toPlainText()
