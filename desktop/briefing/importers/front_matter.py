"""YAML-like front matter (``---`` … ``---``) and the dates found in it.

Only the flat ``key: value`` form that note-taking tools and our own exports write is read:
values quoted or not, ``#`` comments, nothing nested. That covers the keys an article has
without a YAML dependency; anything fancier is ignored rather than misread.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TypedDict

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")
_DATES = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return ``(fields, body)``. Keys are lower-case; without front matter ``fields`` is
    empty and ``body`` is ``text``. An opening ``---`` without a closing one is not front
    matter (it is a thematic break or a table), so the text comes back whole."""
    opening = _OPEN.match(text)
    if not opening:
        return {}, text
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, text
    fields: dict[str, str] = {}
    for line in text[opening.end() : closing.start()].splitlines():
        match = _KEY_VALUE.fullmatch(line.strip())
        if match:
            fields[match.group(1).lower()] = _value(match.group(2))
    return fields, text[closing.end() :].lstrip("\n")


def _value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        inner = raw[1:-1]
        # YAML doubles a single quote inside '…' and backslash-escapes inside "…".
        return inner.replace("''", "'") if raw[0] == "'" else inner.replace('\\"', '"')
    return re.sub(r"\s+#.*$", "", raw)  # an unquoted value ends at a comment


def parse_date(value: str) -> date | None:
    """``YYYY-MM-DD``, ``YYYY/MM/DD`` or ``YYYY年M月D日`` (a time after it is ignored); an
    impossible or unknown date gives ``None`` rather than failing the import."""
    for pattern in _DATES:
        match = pattern.match(value.strip())
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    return None


class DraftFields(TypedDict):
    source: str
    author: str
    url: str
    language: str
    published: date | None


def draft_fields(fields: dict[str, str]) -> DraftFields:
    """The :class:`~briefing.core.model.ArticleDraft` keyword arguments that front matter
    ``fields`` provide besides the title (``date`` and ``lang`` are accepted as aliases)."""
    published = fields.get("published") or fields.get("date") or ""
    return {
        "source": " ".join(fields.get("source", "").split()),
        "author": " ".join(fields.get("author", "").split()),
        "url": fields.get("url", "").strip(),
        "language": (fields.get("language") or fields.get("lang") or "").strip(),
        "published": parse_date(published) if published else None,
    }
