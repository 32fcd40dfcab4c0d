"""Start the window: QApplication, the library (with the sample articles on a first start)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing import APP_NAME, ORG_NAME, __version__
from briefing.services import BriefingError, Library


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from briefing.ui import i18n, theme

    i18n.install(app)  # the saved language, or the locale's
    theme.apply(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def run_window(db_path: Path, screenshot: Path | None = None) -> int:
    """Open the window on the library at ``db_path``; with ``screenshot``, save the window
    as a PNG once it has been shown and quit (a check that it really renders)."""
    from briefing.services import backup
    from briefing.ui.main_window import MainWindow

    app = make_application()
    try:
        library = _open_checked(db_path)
        library.ensure_sample_library()
        backup.backup_if_due(library)  # the daily backup, before anything is edited
    except BriefingError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        print(f"briefing-reader: {error}", file=sys.stderr)
        return 2
    window = MainWindow(library)
    window.show()
    if screenshot is not None:

        def grab() -> None:
            window.grab().save(str(screenshot))
            window.close()

        QTimer.singleShot(800, grab)
    code = app.exec()
    library.close()
    return code


def _open_checked(db_path: Path) -> Library:
    """Open the library after SQLite's quick check. A damaged file is never written to: the
    analyst is offered the newest backup that passes the check (the damaged file is kept
    aside by the restore), or the window does not open."""
    from briefing.services import backup

    try:
        return Library.open(db_path, check=True)
    except backup.DamagedLibrary as damaged:
        if damaged.backup is None:
            raise
        answer = QMessageBox.question(
            None,
            APP_NAME,
            QApplication.translate(
                "app",
                "The library {path} is damaged ({problem}).\n\nRestore the newest good "
                "backup, {backup}? The damaged file is kept beside it.",
            ).format(path=damaged.path, problem=damaged.problems[0], backup=damaged.backup.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        backup.restore(damaged.path, damaged.backup)
    return Library.open(db_path, check=True)
