"""Where the library lives unless the analyst says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "briefing-reader"
DB_ENV = "BRIEFING_DB"


def default_library_path() -> Path:
    """``$BRIEFING_DB`` if set, else ``library.db`` in the per-user data folder
    (``~/.local/share/briefing-reader`` on Linux, as Qt's AppDataLocation would put it)."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    import platformdirs  # only when no library is named: --db or $BRIEFING_DB never loads it

    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False) / "library.db"
