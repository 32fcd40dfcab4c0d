"""Tag names: what makes two names the same tag, and the colours new tags get."""

from __future__ import annotations

import re
import unicodedata

from briefing.core.safe_text import hidden_characters

_SPACES = re.compile(r"\s+")

# The colours new tags get, in order (the standing tags take the first three). Chosen so every
# pair stays apart for red-green colour blindness as well as for normal vision:
# tests/services/test_palette.py checks each pair by CIEDE2000 under simulated deuteranopia,
# on the colours and on the pale tints the reader paints. Red and orange, or red and green,
# look alike to a deuteranope, so the palette varies lightness and blue-yellow instead.
PALETTE = (
    "#d32f2f",  # red
    "#1565c0",  # blue
    "#f9a825",  # amber
    "#44bbaa",  # teal
    "#bb0066",  # crimson
    "#ee88ff",  # orchid
    "#ff8899",  # pink
    "#88aa44",  # olive
    "#cc00ff",  # violet
    "#009966",  # green
)
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def tag_key(name: str) -> str:
    """The identity of a tag name: NFKC (width), case folding, single spaces.

    ``ＮＳＡＴＵ``, ``nsatu`` and ``NSATU`` are one tag; so are ``北方領土`` and ``北方領土 ``.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name).casefold()).strip()


def clean_tag_name(name: str) -> str:
    """The name as shown: trimmed, inner runs of white space collapsed, NFC."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()


def hidden_in_name(name: str) -> str | None:
    """Why ``name`` cannot be a tag name or alias, or None: a control, zero-width, bidi or other
    invisible character (after white space is collapsed) would make two different tags look
    the same (``zero\u200bwidth`` beside ``zerowidth``) or garble every list that shows it."""
    hidden = hidden_characters(name)
    if not hidden:
        return None
    return f"a tag name cannot contain invisible or control characters ({', '.join(hidden[:3])})"


def valid_color(color: str) -> bool:
    return bool(_COLOR.match(color))


def next_color(used: set[str]) -> str:
    """The first palette colour not yet used (case-insensitive), cycling when all are."""
    lowered = {c.lower() for c in used}
    for color in PALETTE:
        if color not in lowered:
            return color
    return PALETTE[len(used) % len(PALETTE)]
