"""Finding the Japanese fonts the briefing PDF is set in.

typst is given explicit font folders and ignores the system's font list, so the same
library and options give the same PDF on every machine that has the same fonts, and a
missing Japanese font is one clear message instead of boxes in the output.
Preferred: Noto Serif CJK JP for the text, Noto Sans CJK JP for headings (Debian's
``fonts-noto-cjk``); otherwise any font fontconfig says covers Japanese.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefing.core.errors import BriefingError

FONT_DIR_ENV = "BRIEFING_FONT_DIR"  # a folder of fonts to use instead of searching
NOTO_DIRS = (
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/opentype/noto-cjk",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)
SERIF = ("Noto Serif CJK JP", "Source Han Serif JP", "IPAexMincho", "IPAMincho")
SANS = ("Noto Sans CJK JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic")
MONO = ("Noto Sans Mono CJK JP",)
MISSING = (
    "no Japanese font found: install the Debian package fonts-noto-cjk "
    "(sudo apt-get install fonts-noto-cjk)"
)


class FontError(BriefingError):
    """No font that can set Japanese text."""


@dataclass(frozen=True)
class FontSet:
    """Font folders for typst and the family lists (first choice first) for each role."""

    folders: tuple[str, ...]
    serif: tuple[str, ...]
    sans: tuple[str, ...]
    mono: tuple[str, ...]


def find_fonts(folders: tuple[str, ...] | None = None, *, use_fontconfig: bool = True) -> FontSet:
    """The Japanese fonts to use, searched in ``folders`` (default: ``$BRIEFING_FONT_DIR``
    if set, else the usual Noto CJK folders, else what ``fc-list :lang=ja`` names).
    Raises :class:`FontError` naming the package to install when there is none."""
    if folders is None:
        override = os.environ.get(FONT_DIR_ENV)
        if override:
            return _font_set((override,), use_fontconfig=False)
        return _cached_default(use_fontconfig)
    return _font_set(folders, use_fontconfig=use_fontconfig)


@lru_cache(maxsize=2)
def _cached_default(use_fontconfig: bool) -> FontSet:
    return _font_set(NOTO_DIRS, use_fontconfig=use_fontconfig)


def _font_set(folders: tuple[str, ...], *, use_fontconfig: bool) -> FontSet:
    existing = tuple(
        str(p) for p in (Path(f).expanduser() for f in folders) if p.is_dir() and _has_cjk(p)
    )
    families = _families(existing)
    fontconfig_names: tuple[str, ...] = ()
    if not _japanese(families) and use_fontconfig:
        fc_folders, fontconfig_names = _fontconfig()
        existing = tuple(dict.fromkeys(existing + fc_folders))
        families = _families(existing)
    japanese = _japanese(families, fontconfig_names)
    if not japanese:
        raise FontError(MISSING)
    serif = tuple(f for f in SERIF if f in families) or japanese
    sans = tuple(f for f in SANS if f in families) or japanese
    mono = tuple(f for f in MONO if f in families) + sans
    return FontSet(existing, serif, sans, mono)


def _has_cjk(folder: Path) -> bool:
    """Whether a folder holds a font whose name says CJK or Japanese: the home font
    folders can hold hundreds of unrelated fonts that would only slow typst's start."""
    if folder.name in ("noto", "noto-cjk", "google-noto-cjk"):
        return True
    markers = ("cjk", "jp", "ipa", "gothic", "mincho", "han")
    try:
        return any(
            p.suffix.lower() in (".ttf", ".otf", ".ttc", ".otc")
            and any(m in p.name.lower() for m in markers)
            for p in folder.rglob("*")
        )
    except OSError:
        return False


def _families(folders: tuple[str, ...]) -> set[str]:
    if not folders:
        return set()
    import typst

    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=list(folders)
    )
    return set(fonts.families())


def _japanese(families: set[str], fontconfig_names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Families that set Japanese: the known ones first, then any named as Japanese, then
    any that fontconfig says covers Japanese."""
    known = [f for f in (*SERIF, *SANS) if f in families]
    named = sorted(f for f in families if f.endswith(" JP") and f not in known)
    listed = [f for f in fontconfig_names if f in families and f not in known + named]
    return tuple(known + named + listed)


def _fontconfig() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Folders and family names of the fonts fontconfig says cover Japanese
    (``fc-list :lang=ja file family``)."""
    if shutil.which("fc-list") is None:
        return (), ()
    try:
        listing = subprocess.run(
            ["fc-list", ":lang=ja", "file", "family"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return (), ()
    folders: dict[str, None] = {}
    names: dict[str, None] = {}
    for line in listing.splitlines():
        path, _, family = line.partition(":")
        if path.strip():
            folders[str(Path(path.strip()).parent)] = None
        for name in family.split(","):  # "Name,Localised name"
            if name.strip():
                names[name.strip()] = None
    return tuple(folders), tuple(names)
