"""The tag palette stays distinguishable for red-green colour blindness.

About 5 % of men are deuteranomalous or deuteranopic; for them the obvious highlighter set
(red, orange, green) collapses into a few olive-browns. Each pair of palette colours is
compared as a deuteranope sees it: the colour is simulated with the Machado, Oliveira and
Fernandes (2009) matrix for deuteranopia at severity 1.0 (applied to linear sRGB, as the paper
does), then the two simulated colours are converted to CIELAB (D65) and compared by CIEDE2000.

Thresholds, and why: a ΔE2000 of about 1–2 is just noticeable side by side, 5 is clear at a
glance, 10 reads as "another colour" even apart (a chip in the tags pane against a tint three
screens away). The swatches and chips use the full colours, so each pair must be ≥ 10 for a
deuteranope and for normal vision. The reader paints highlights as pale tints (the colour
mixed into white at about a third), which shrinks every difference about threefold, so the
tints must stay ≥ 5: still clearly different, and no pair may fall to look-alike level.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
from briefing.core.tags import PALETTE
from briefing.services.defaults import DEFAULT_TAGS

# Machado et al. 2009, deuteranopia, severity 1.0 (rows: R', G', B' from linear R, G, B).
DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)
IDENTITY = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
READER_TINT = 0.32  # the strength the reader mixes a tag colour into white with
FULL_MIN, TINT_MIN = 10.0, 5.0

Lab = tuple[float, float, float]


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def tint(color: str, strength: float = READER_TINT) -> str:
    return "#" + "".join(f"{round(255 + (c - 255) * strength):02x}" for c in _rgb(color))


def seen_as_lab(color: str, matrix: tuple[tuple[float, ...], ...]) -> Lab:
    """CIELAB (D65) of ``color`` after the vision simulation ``matrix``."""
    linear = [_linear(c) for c in _rgb(color)]
    r, g, b = (
        min(1.0, max(0.0, sum(m * v for m, v in zip(row, linear, strict=True)))) for row in matrix
    )
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(first: Lab, second: Lab) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), kL = kC = kH = 1."""
    (l1, a1, b1), (l2, a2, b2) = first, second
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_big_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if not c1p * c2p:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    dl, dc, d_big_h = dl / s_l, dc / s_c, d_big_h / s_h
    return math.sqrt(dl**2 + dc**2 + d_big_h**2 + r_t * dc * d_big_h)


def test_ciede2000_matches_sharma_reference_pairs() -> None:
    # Pairs 1, 7 and 17 of Sharma, Wu and Dalal's published test data.
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


def test_simulation_merges_what_a_deuteranope_confuses() -> None:
    # The check must be able to fail: red and green of equal lightness look alike.
    red, green = "#c0392b", "#6f8b00"
    normal = ciede2000(seen_as_lab(red, IDENTITY), seen_as_lab(green, IDENTITY))
    deuteranope = ciede2000(seen_as_lab(red, DEUTERANOPIA), seen_as_lab(green, DEUTERANOPIA))
    assert normal > 30 and deuteranope < FULL_MIN


def _pairs(colors: list[str]) -> list[tuple[str, str]]:
    return list(itertools.combinations(colors, 2))


@pytest.mark.parametrize("vision", [DEUTERANOPIA, IDENTITY], ids=["deuteranopia", "normal"])
def test_every_palette_pair_stays_apart(vision: tuple[tuple[float, ...], ...]) -> None:
    colors = list(dict.fromkeys([*PALETTE, *(tag[1] for tag in DEFAULT_TAGS)]))
    too_close = [
        (a, b, round(d, 1))
        for a, b in _pairs(colors)
        if (d := ciede2000(seen_as_lab(a, vision), seen_as_lab(b, vision))) < FULL_MIN
    ]
    assert not too_close


def test_reader_tints_stay_apart_for_a_deuteranope() -> None:
    too_close = [
        (a, b, round(d, 1))
        for a, b in _pairs(list(PALETTE))
        if (d := ciede2000(seen_as_lab(tint(a), DEUTERANOPIA), seen_as_lab(tint(b), DEUTERANOPIA)))
        < TINT_MIN
    ]
    assert not too_close


def test_sample_library_tags_stay_apart_for_a_deuteranope() -> None:
    # The first library an analyst sees: the standing tags plus the sample file's own.
    sample = Path(__file__).resolve().parents[2] / "articles" / "highlights.json"
    extra = [tag["color"] for tag in json.loads(sample.read_text(encoding="utf-8"))["tags"]]
    colors = [*(tag[1] for tag in DEFAULT_TAGS), *extra]
    assert len(set(colors)) == len(colors)
    too_close = [
        (a, b)
        for a, b in _pairs(colors)
        if ciede2000(seen_as_lab(a, DEUTERANOPIA), seen_as_lab(b, DEUTERANOPIA)) < FULL_MIN
    ]
    assert not too_close


def test_standing_tags_take_distinct_palette_colours() -> None:
    colors = [tag[1] for tag in DEFAULT_TAGS]
    assert len(set(colors)) == len(colors) and set(colors) <= set(PALETTE)
