"""The window's language: Japanese or English, from the locale or the Preferences choice.

The translations are ``resources/translations/briefing_ja.ts`` (made by ``pyside6-lupdate``
from the ``tr()`` calls in ``ui/`` and ``app.py``, translated in Qt Linguist or by hand) and
the compiled ``briefing_ja.qm`` shipped in the package. Qt's own strings (the Yes/Cancel
buttons, a file dialog) come from PySide6's ``qtbase_ja.qm`` where it is installed.
English is the source language: it needs no file.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

RESOURCES = "briefing.resources"
SUPPORTED = ("en", "ja")

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer
_data: list[bytes] = []  # a translator loaded from memory reads these bytes, never a copy


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """``en`` or ``ja`` for a Preferences choice (``system`` reads the locale: any Japanese
    in its UI languages gives Japanese, anything else English)."""
    if choice in SUPPORTED:
        return choice
    locale = locale or QLocale.system()
    for name in locale.uiLanguages() or [locale.name()]:
        language = name.replace("_", "-").split("-")[0].lower()
        if language in SUPPORTED:
            return language
    return "en"


def _qm_file(language: str) -> Traversable:
    return resources.files(RESOURCES) / "translations" / f"briefing_{language}.qm"


def install(app: QCoreApplication, choice: str | None = None) -> str:
    """Load the translations for ``choice`` (default: the saved preference) into ``app``;
    returns the language now in use. Calling it again replaces the earlier translators."""
    if choice is None:
        from briefing.ui import settings

        choice = settings.LANGUAGE.read()
    language = resolve(choice)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _data.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    ours = QTranslator(app)
    try:
        data = _qm_file(language).read_bytes()
    except OSError:  # a broken installation: the window still opens, in English
        data = b""
    if data and ours.load(data):
        _data.append(data)
        _installed.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_folder):
        _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return language
