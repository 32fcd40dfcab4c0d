"""Every window test keeps its settings (QSettings) in its own temporary folder, so remembered
window state, preferences and shortcuts never leak between tests or into the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from briefing.app import make_application
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp) -> Iterator[None]:
    make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield
