"""Light and dark: the window's colours, palette, style sheet and icon.

Every colour the window draws text or a highlight tint with is named once here, for both
themes (:class:`Colors`); ``tests/ui/test_contrast.py`` checks each text colour on each
background it is drawn on, and the reading text on every tag's tint, against WCAG AA
(4.5:1). The theme follows the desktop's colour scheme (Qt's ``QStyleHints.colorScheme``)
unless the analyst chose one in Preferences; the palette is set explicitly on the Fusion
style, so a dark theme is dark on every desktop, with or without a platform theme.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from importlib import resources
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

RESOURCES = "briefing.resources"


@dataclass(frozen=True)
class Colors:
    """One theme's colours, as ``#rrggbb``."""

    name: str
    window: str  # panes, dialogs, the menu bar
    window_text: str
    base: str  # lists, tables, text fields
    alternate_base: str
    text: str
    muted: str  # secondary text: details under the title, status lines
    title: str  # the article's title above the reader
    border: str
    rule: str  # thin lines between list rows
    field_border: str
    highlight: str  # selection background
    highlighted_text: str
    link: str
    reader_bg: str  # the reading page
    reader_text: str
    note_mark: str  # the reader's mark beside a highlight that has a note
    tooltip_bg: str
    tooltip_text: str
    disabled_text: str
    # How strongly a tag colour is mixed into the page for a highlight: a dark page needs
    # less of it, or light text on the tint loses its contrast.
    tint_scale: float


LIGHT = Colors(
    name="light",
    window="#f3f2ee",
    window_text="#1f1f1f",
    base="#ffffff",
    alternate_base="#f6f4ef",
    text="#1f1f1f",
    muted="#595e63",
    title="#1b2a3a",
    border="#d9d4c7",
    rule="#ece8dc",
    field_border="#b9b3a3",
    highlight="#2f6fb3",
    highlighted_text="#ffffff",
    link="#1a56a6",
    reader_bg="#fffdf8",
    reader_text="#1f1f1f",
    note_mark="#37474f",
    tooltip_bg="#fffbe6",
    tooltip_text="#1f1f1f",
    disabled_text="#6b6f75",
    tint_scale=1.0,
)

DARK = Colors(
    name="dark",
    window="#25272b",
    window_text="#e6e4df",
    base="#1b1c1f",
    alternate_base="#222327",
    text="#e6e4df",
    muted="#aeb3ba",
    title="#eef2f7",
    border="#3c3f45",
    rule="#303236",
    field_border="#5a5e66",
    highlight="#2f6fb3",
    highlighted_text="#ffffff",
    link="#8ab4f8",
    reader_bg="#1d1c1a",
    reader_text="#e8e3d8",
    note_mark="#b0bec5",
    tooltip_bg="#34363b",
    tooltip_text="#eeeeee",
    disabled_text="#8d9199",
    tint_scale=0.8,
)

THEMES = {"light": LIGHT, "dark": DARK}


class _Notifier(QObject):
    changed = Signal(object)  # the new Colors


_current: Colors = LIGHT
_choice: str = "system"
_notifier: _Notifier | None = None


def current() -> Colors:
    """The colours in use now (light until :func:`apply` ran)."""
    return _current


def notifier() -> _Notifier:
    """Emits ``changed(Colors)`` after the theme changed (a choice in Preferences, or the
    desktop switching scheme): views repaint what they coloured themselves."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> Colors:
    """The theme for a Preferences choice: ``light``, ``dark`` or ``system``."""
    if choice in THEMES:
        return THEMES[choice]
    return DARK if system_is_dark() else LIGHT


def tint(color: str, strength: float, colors: Colors | None = None) -> QColor:
    """A tag colour mixed into the reading page at ``strength`` (scaled for the theme): an
    opaque highlighter tint. (A translucent brush leaves seams where Qt paints neighbouring
    glyph runs over each other.)"""
    colors = colors or _current
    page, tag = QColor(colors.reader_bg), QColor(color)
    amount = strength * colors.tint_scale
    pairs = ((page.red(), tag.red()), (page.green(), tag.green()), (page.blue(), tag.blue()))
    return QColor(*(round(p + (t - p) * amount) for p, t in pairs))


def luminance(color: str | QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    c = QColor(color)

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def chip_text(color: str) -> QColor:
    """Black or white, whichever contrasts more with a tag chip of ``color``."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, color) >= contrast(white, color) else white


def palette(colors: Colors) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    for name, value in (
        (role.Window, colors.window),
        (role.WindowText, colors.window_text),
        (role.Base, colors.base),
        (role.AlternateBase, colors.alternate_base),
        (role.Text, colors.text),
        (role.Button, colors.window),
        (role.ButtonText, colors.window_text),
        (role.BrightText, "#ff5555"),
        (role.Highlight, colors.highlight),
        (role.HighlightedText, colors.highlighted_text),
        (role.Link, colors.link),
        (role.LinkVisited, colors.link),
        (role.ToolTipBase, colors.tooltip_bg),
        (role.ToolTipText, colors.tooltip_text),
        (role.PlaceholderText, colors.muted),
        (role.Light, QColor(colors.window).lighter(130).name()),
        (role.Midlight, QColor(colors.window).lighter(115).name()),
        (role.Mid, colors.border),
        (role.Dark, QColor(colors.window).darker(150).name()),
        (role.Shadow, "#000000"),
    ):
        pal.setColor(name, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(disabled, name, QColor(colors.disabled_text))
    return pal


def style_sheet(colors: Colors | None = None) -> str:
    """The window's style sheet with the theme's colours filled in."""
    template = (resources.files(RESOURCES) / "style.qss").read_text(encoding="utf-8")
    return Template(template).substitute(asdict(colors or _current))


def app_icon() -> QIcon:
    data = (resources.files(RESOURCES) / "icons" / "briefing-reader.svg").read_bytes()
    pixmap = QPixmap()
    pixmap.loadFromData(data, "SVG")
    return QIcon(pixmap)


def apply(app: QApplication, choice: str | None = None) -> Colors:
    """Colour the application for ``choice`` (default: the saved preference); with
    ``system``, follow the desktop's scheme from now on."""
    global _current, _choice
    if choice is None:
        from briefing.ui import settings

        choice = settings.THEME.read()
    first = app.property("briefing_theme_applied") is None
    if first:
        app.setProperty("briefing_theme_applied", True)
        app.setStyle("Fusion")  # the palette below is honoured by Fusion on every desktop
        app.setWindowIcon(app_icon())
        hints = app.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(lambda _scheme: _follow_system(app))
    _choice = choice
    colors = resolve(choice)
    changed = colors != _current or first
    _current = colors
    if changed:
        app.setPalette(palette(colors))
        app.setStyleSheet(style_sheet(colors))
        notifier().changed.emit(colors)
    return colors


def _follow_system(app: QApplication) -> None:
    if _choice == "system":
        apply(app, "system")
