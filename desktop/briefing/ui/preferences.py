"""Edit ▸ Preferences: language, theme, text size, reading width, the briefing's default author
and marking, and how many daily backups are kept.

The form reads the declared options (:mod:`briefing.ui.settings`), and writes them only on
OK; "Restore Defaults" puts the defaults into the form. The theme, the text size and the
reading width apply at once; a new language applies at the next start (offered at once).
The backup count belongs to the library file (``backup --keep`` sets the same), so it is
read and written through the services.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing.services import Library
from briefing.services import backup as backup_service
from briefing.ui import i18n, settings, theme


class PreferencesDialog(QDialog):
    applied = Signal()  # after OK wrote the preferences: views re-read what they show

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))

        self.language = QComboBox(self)
        self.language.setObjectName("preferences_language")
        # Each language is named in its own words: whoever cannot read the current one
        # still finds theirs.
        self.language.addItem(self.tr("As the system (locale)"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.theme = QComboBox(self)
        self.theme.setObjectName("preferences_theme")
        self.theme.addItem(self.tr("As the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.text_size = QSpinBox(self)
        self.text_size.setObjectName("preferences_text_size")
        self.text_size.setRange(int(settings.TEXT_SIZE.minimum), int(settings.TEXT_SIZE.maximum))
        self.text_size.setSuffix(self.tr(" pt"))
        self.reading_width = QSpinBox(self)
        self.reading_width.setObjectName("preferences_reading_width")
        self.reading_width.setRange(
            int(settings.READING_WIDTH.minimum), int(settings.READING_WIDTH.maximum)
        )
        self.reading_width.setSuffix(self.tr(" characters"))
        self.reading_width.setToolTip(
            self.tr("The widest the reading column gets; about 40 reads best for Japanese.")
        )
        self.author = QLineEdit(self)
        self.author.setObjectName("preferences_briefing_author")
        self.author.setPlaceholderText(self.tr("e.g. Analysis Division"))
        self.marking = QLineEdit(self)
        self.marking.setObjectName("preferences_briefing_marking")
        self.marking.setPlaceholderText(self.tr("e.g. 取扱注意"))
        self.backups = QSpinBox(self)
        self.backups.setObjectName("preferences_backups")
        self.backups.setRange(1, 365)
        self.backups.setSuffix(self.tr(" days"))
        self.backups.setToolTip(
            self.tr("One backup a day is kept for this many days (weekly and monthly ones too).")
        )
        self.backups.setEnabled(not library.read_only)

        window = QGroupBox(self.tr("Window"), self)
        window_form = QFormLayout(window)
        window_form.addRow(self.tr("&Language:"), self.language)
        window_form.addRow(self.tr("&Theme:"), self.theme)
        window_form.addRow(self.tr("Text &size:"), self.text_size)
        window_form.addRow(self.tr("Reading &width:"), self.reading_width)
        briefing = QGroupBox(self.tr("Briefing defaults"), self)
        briefing_form = QFormLayout(briefing)
        briefing_form.addRow(self.tr("&Author:"), self.author)
        briefing_form.addRow(self.tr("&Marking:"), self.marking)
        library_box = QGroupBox(self.tr("Library"), self)
        library_form = QFormLayout(library_box)
        library_form.addRow(self.tr("Daily &backups kept:"), self.backups)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setObjectName("preferences_restore_defaults")
        restore.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(window)
        layout.addWidget(briefing)
        layout.addWidget(library_box)
        layout.addWidget(buttons)
        self.load()

    # --- load / restore / save ------------------------------------------------------------------

    def load(self) -> None:
        """Fill the form from the saved preferences."""
        self._choose(self.language, settings.LANGUAGE.read())
        self._choose(self.theme, settings.THEME.read())
        self.text_size.setValue(round(settings.TEXT_SIZE.read()))
        self.reading_width.setValue(settings.READING_WIDTH.read())
        self.author.setText(settings.BRIEFING_AUTHOR.read())
        self.marking.setText(settings.BRIEFING_MARKING.read())
        self.backups.setValue(backup_service.rotation_of(self.library).daily)

    def restore_defaults(self) -> None:
        """Put every default into the form (saved only with OK)."""
        self._choose(self.language, settings.LANGUAGE.default)
        self._choose(self.theme, settings.THEME.default)
        self.text_size.setValue(round(settings.TEXT_SIZE.default))
        self.reading_width.setValue(settings.READING_WIDTH.default)
        self.author.setText(settings.BRIEFING_AUTHOR.default)
        self.marking.setText(settings.BRIEFING_MARKING.default)
        self.backups.setValue(backup_service.Rotation().daily)

    def save(self) -> bool:
        """Write the form; returns whether the language changed (it needs a restart)."""
        old_language = i18n.resolve(settings.LANGUAGE.read())
        settings.LANGUAGE.write(self.language.currentData())
        settings.THEME.write(self.theme.currentData())
        settings.TEXT_SIZE.write(float(self.text_size.value()))
        settings.READING_WIDTH.write(self.reading_width.value())
        settings.BRIEFING_AUTHOR.write(self.author.text().strip())
        settings.BRIEFING_MARKING.write(self.marking.text().strip())
        rotation = backup_service.rotation_of(self.library)
        if not self.library.read_only and rotation.daily != self.backups.value():
            backup_service.set_rotation(
                self.library,
                backup_service.Rotation(self.backups.value(), rotation.weekly, rotation.monthly),
            )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.theme.currentData())
        return i18n.resolve(self.language.currentData()) != old_language

    def accept(self) -> None:
        language_changed = self.save()
        super().accept()
        self.applied.emit()
        if language_changed:
            self._offer_restart()

    def _offer_restart(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The new language is used from the next start. Restart Briefing Reader now?"),
            QMessageBox.StandardButton.NoButton,
            self.parentWidget(),
        )
        box.setObjectName("preferences_restart")
        restart = box.addButton(self.tr("Restart Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restart:
            restart_application(self.parentWidget())

    @staticmethod
    def _choose(box: QComboBox, value: str) -> None:
        box.setCurrentIndex(max(box.findData(value), 0))


def restart_application(window: QWidget | None) -> bool:
    """Start the application again with the same arguments, then close ``window`` (which
    saves its state as at any quit). Returns whether the new process started."""
    frozen = getattr(sys, "frozen", False)  # a PyInstaller build: the executable is the app
    program = sys.executable
    arguments = sys.argv[1:] if frozen else sys.argv
    started, _pid = QProcess.startDetached(program, arguments)
    if started and window is not None:
        window.close()
    return started
