"""Every setting the window keeps, declared once with its type and default (after Picard's
``options.py``).

Two kinds, kept apart: *preferences* are what an analyst chooses in the Preferences dialog
(language, theme, text size...) and "Restore Defaults" resets them; *persisted state* is what
the window remembers by itself (geometry, splitters, the last article) and no dialog shows.
Both live in :class:`QSettings` (the per-user configuration file); a value that is missing,
of the wrong type or out of range reads as the default, so a hand-edited or older file can
never break the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key in the configuration file, its default (whose type is the
    setting's type), and what values are allowed."""

    key: str
    default: T
    choices: tuple[T, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def read(self, store: QSettings | None = None) -> T:
        """The stored value, or the default when it is missing or not a valid value."""
        raw = (store or QSettings()).value(self.key)
        if raw is None:
            return self.default
        try:
            value = self._coerce(raw)
        except (TypeError, ValueError):
            return self.default
        return value if self.valid(value) else self.default

    def write(self, value: T, store: QSettings | None = None) -> None:
        if not self.valid(value):
            raise ValueError(f"{self.key}: {value!r} is not an allowed value")
        (store or QSettings()).setValue(self.key, value)

    def reset(self, store: QSettings | None = None) -> None:
        (store or QSettings()).remove(self.key)

    def valid(self, value: Any) -> bool:
        if self.choices and value not in self.choices:
            return False
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return False
            if self.maximum is not None and value > self.maximum:
                return False
        return True

    def _coerce(self, raw: Any) -> T:
        # The native format on Linux gives back every scalar as a string ("12", "true").
        kind = type(self.default)
        if kind is bool:
            if isinstance(raw, str):
                if raw.lower() not in ("true", "false", "1", "0"):
                    raise ValueError(raw)
                return raw.lower() in ("true", "1")  # type: ignore[return-value]
            return bool(raw)  # type: ignore[return-value]
        if kind in (int, float, str):
            return kind(raw)  # type: ignore[return-value]
        return raw  # type: ignore[no-any-return]


@dataclass(frozen=True)
class StateOption(Option[Any]):
    """Remembered window state: an opaque value (geometry bytes, a splitter's state) or an
    id (``integer``); ``None`` means "nothing remembered yet"."""

    integer: bool = False

    def read(self, store: QSettings | None = None) -> Any:
        raw = (store or QSettings()).value(self.key)
        if raw is None:
            return self.default
        if self.integer:
            try:
                return int(raw)
            except (TypeError, ValueError):
                return None
        return raw if isinstance(raw, QByteArray | str) else self.default


# --- preferences (the Preferences dialog) ------------------------------------------------------

LANGUAGES = ("system", "en", "ja")  # "system": the locale's language, English when unknown
THEMES = ("system", "light", "dark")  # "system": the desktop's colour scheme

LANGUAGE = Option("preferences/language", "system", choices=LANGUAGES)
THEME = Option("preferences/theme", "system", choices=THEMES)
# The reading text's size in points; headings scale from it.
TEXT_SIZE = Option("preferences/text_size", 12.0, minimum=8.0, maximum=28.0)
# The reading column's width in full-width characters: 35-45 reads best for Japanese.
READING_WIDTH = Option("preferences/reading_width", 40, minimum=20, maximum=120)
BRIEFING_AUTHOR = Option("preferences/briefing_author", "")
BRIEFING_MARKING = Option("preferences/briefing_marking", "")

PREFERENCES: tuple[Option[Any], ...] = (
    LANGUAGE,
    THEME,
    TEXT_SIZE,
    READING_WIDTH,
    BRIEFING_AUTHOR,
    BRIEFING_MARKING,
)

# --- remembered state (no dialog; never reset by Restore Defaults) -----------------------------

WINDOW_GEOMETRY = StateOption("main_window/geometry", None)
WINDOW_SPLITTER = StateOption("main_window/splitter", None)
WINDOW_DOCKS = StateOption("main_window/docks", None)  # the panes, by their objectName
LIBRARY_COLUMNS = StateOption("main_window/library_columns", None)  # widths and sort
LAST_ARTICLE = StateOption("main_window/article", None, integer=True)
BRIEFING_FOLDER = StateOption("briefing/folder", None)
BRIEFING_OPTIONS = StateOption("briefing/options", None)  # the last choices, as JSON
BRIEFING_GEOMETRY = StateOption("briefing/geometry", None)
BRIEFING_SPLITTER = StateOption("briefing/splitter", None)

PERSISTED: tuple[StateOption, ...] = (
    WINDOW_GEOMETRY,
    WINDOW_SPLITTER,
    WINDOW_DOCKS,
    LIBRARY_COLUMNS,
    LAST_ARTICLE,
    BRIEFING_FOLDER,
    BRIEFING_OPTIONS,
    BRIEFING_GEOMETRY,
    BRIEFING_SPLITTER,
)


def restore_defaults(store: QSettings | None = None) -> None:
    """Forget every preference (each reads as its default again); window state stays."""
    store = store or QSettings()
    for option in PREFERENCES:
        option.reset(store)
