"""Every text colour of both themes, and the reading text on every tag's highlight tint,
meets WCAG AA: 4.5:1 for text, 3:1 for marks that are not text (WCAG 1.4.11).

The ratio is computed here from the WCAG 2 definition (relative luminance of linearised
sRGB), not with the theme module's own helper, so a wrong formula there cannot pass itself.
"""

from __future__ import annotations

import pytest
from briefing.core.tags import PALETTE
from briefing.services.defaults import DEFAULT_TAGS
from briefing.ui import theme
from briefing.ui.document import UNTAGGED, tint_strengths

AA_TEXT, AA_MARK = 4.5, 3.0
TAG_COLORS = sorted({*PALETTE, UNTAGGED, *(row[1] for row in DEFAULT_TAGS)})


def _luminance(hex_color: str) -> float:
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (foreground, background) pairs the window draws text with.
TEXT_PAIRS = [
    ("window_text", "window"),
    ("text", "base"),
    ("text", "alternate_base"),
    ("muted", "window"),
    ("muted", "base"),
    ("title", "window"),
    ("highlighted_text", "highlight"),
    ("reader_text", "reader_bg"),
    ("link", "reader_bg"),
    ("tooltip_text", "tooltip_bg"),
]
THEMES = [theme.LIGHT, theme.DARK]


def test_the_formula_matches_wcag_reference_values() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#767676", "#ffffff") == pytest.approx(ratio("#767676", "#ffffff"))


@pytest.mark.parametrize("colors", THEMES, ids=lambda c: c.name)
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_text_meets_aa(colors: theme.Colors, fg: str, bg: str) -> None:
    value = ratio(getattr(colors, fg), getattr(colors, bg))
    assert value >= AA_TEXT, f"{colors.name}: {fg} on {bg} is {value:.2f}:1"


@pytest.mark.parametrize("colors", THEMES, ids=lambda c: c.name)
def test_marks_meet_non_text_contrast(colors: theme.Colors) -> None:
    assert ratio(colors.note_mark, colors.reader_bg) >= AA_MARK
    assert ratio(colors.highlight, colors.base) >= AA_MARK  # where the selection is


@pytest.mark.parametrize("colors", THEMES, ids=lambda c: c.name)
@pytest.mark.parametrize("color", TAG_COLORS)
def test_reading_text_on_every_tag_tint(qapp, colors: theme.Colors, color: str) -> None:
    # Both strengths the reader uses (two touching highlights alternate between them).
    strengths = set(tint_strengths_in_use())
    for strength in strengths:
        background = theme.tint(color, strength, colors).name()
        value = ratio(colors.reader_text, background)
        assert value >= AA_TEXT, (
            f"{colors.name}: text on {color} at {strength} ({background}) is {value:.2f}:1"
        )


def tint_strengths_in_use() -> list[float]:
    """The strengths :func:`tint_strengths` hands out, found by running it on two touching
    highlights (so a new strength there is tested here too)."""
    from briefing.core.model import Highlight, TextSelector

    def highlight(hid: int, start: int, end: int) -> Highlight:
        return Highlight(hid, 1, TextSelector("x" * (end - start), "", "", start, end))

    return list(tint_strengths([highlight(1, 0, 5), highlight(2, 5, 9)]).values())


@pytest.mark.parametrize("color", TAG_COLORS)
def test_chip_labels_read_on_every_tag_colour(qapp, color: str) -> None:
    label = theme.chip_text(color).name()
    assert ratio(label, color) >= AA_TEXT, f"{label} on {color}: {ratio(label, color):.2f}:1"


def test_apply_colours_the_application(qapp) -> None:
    try:
        dark = theme.apply(qapp, "dark")
        assert dark is theme.DARK
        assert qapp.palette().window().color().name() == theme.DARK.window
        assert theme.DARK.reader_bg in qapp.styleSheet()
        assert "$" not in qapp.styleSheet()  # every colour name was filled in
        assert theme.apply(qapp, "light") is theme.LIGHT
        assert qapp.palette().text().color().name() == theme.LIGHT.text
    finally:
        theme.apply(qapp, "light")


def test_system_choice_follows_the_desktop(qapp, monkeypatch) -> None:
    seen: list[str] = []
    theme.notifier().changed.connect(lambda colors: seen.append(colors.name))
    try:
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        assert theme.apply(qapp, "system") is theme.DARK
        monkeypatch.setattr(theme, "system_is_dark", lambda: False)
        theme._follow_system(qapp)  # what the desktop's colorSchemeChanged calls
        assert theme.current() is theme.LIGHT
        assert seen[-2:] == ["dark", "light"]  # views were told both times
        theme.apply(qapp, "dark")  # a fixed choice ignores the desktop
        theme._follow_system(qapp)
        assert theme.current() is theme.DARK
    finally:
        theme.apply(qapp, "light")
