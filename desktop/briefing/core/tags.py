"""Tag names: what makes two names the same tag, and the colours new tags get."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Distinct, print-safe colours (readable as highlighter tints on white and in grey print).
PALETTE = (
    "#e53935",
    "#1e88e5",
    "#f9a825",
    "#43a047",
    "#8e24aa",
    "#00897b",
    "#f4511e",
    "#3949ab",
    "#c0ca33",
    "#6d4c41",
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


def valid_color(color: str) -> bool:
    return bool(_COLOR.match(color))


def next_color(used: set[str]) -> str:
    """The first palette colour not yet used (case-insensitive), cycling when all are."""
    lowered = {c.lower() for c in used}
    for color in PALETTE:
        if color not in lowered:
            return color
    return PALETTE[len(used) % len(PALETTE)]
