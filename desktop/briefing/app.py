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
    from briefing.ui import theme

    theme.apply(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def run_window(db_path: Path, screenshot: Path | None = None) -> int:
    """Open the window on the library at ``db_path``; with ``screenshot``, save the window
    as a PNG once it has been shown and quit (a check that it really renders)."""
    from briefing.ui.main_window import MainWindow

    app = make_application()
    try:
        library = Library.open(db_path)
        library.ensure_sample_library()
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
