"""The entries of a ``highlights.json``, checked one by one against what the file may hold.

Each check returns the entry as typed values, or ``None`` with the reason it was refused, so
one wrong entry (a note that is a number, aliases given as a string) is reported on its own
line and never discards the others. Nothing is coerced silently: ``"aliases": "abc"`` is an
error, not the aliases a, b and c; ``"occurrence": true`` is not 1.

Tag spec: ``{"name": str, "color"?: "#rrggbb", "description"?: str, "aliases"?: [str]}``.
Highlight spec: ``{"article": file name, "quote": str, "occurrence"?: int >= 1,
"tags"?: [str], "note"?: str, "author"?: str}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.core.tags import valid_color

MAX_FIELD_CHARS = 100_000  # a note or quote longer than this is not an analyst's
MAX_NAME_CHARS = 200
MAX_LIST_ITEMS = 50  # tags or aliases on one entry


@dataclass(frozen=True)
class TagSpec:
    name: str
    color: str = ""
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class HighlightSpec:
    article: str
    quote: str
    occurrence: int = 1
    tags: tuple[str, ...] = ()
    note: str = ""
    author: str = "sample"


class _Refused(Exception):
    """One entry's reason for refusal; caught by the check that raised it."""


def check_tag(raw: object) -> tuple[TagSpec | None, str]:
    """A tag entry as :class:`TagSpec`, or ``(None, reason)``."""
    try:
        entry = _object(raw, "a tag")
        _known(entry, {"name", "color", "description", "aliases"})
        color = _text(entry, "color", "", MAX_NAME_CHARS)
        if color and not valid_color(color):
            raise _Refused(f"“color” must be #rrggbb, not {color[:20]!r}")
        spec = TagSpec(
            name=_text(entry, "name", None, MAX_NAME_CHARS),
            color=color,
            description=_text(entry, "description", "", MAX_FIELD_CHARS),
            aliases=_names(entry, "aliases"),
        )
    except _Refused as refused:
        return None, str(refused)
    return spec, ""


def check_highlight(raw: object) -> tuple[HighlightSpec | None, str]:
    """A highlight entry as :class:`HighlightSpec`, or ``(None, reason)``."""
    try:
        entry = _object(raw, "a highlight")
        _known(entry, {"article", "quote", "occurrence", "tags", "note", "author"})
        occurrence = entry.get("occurrence", 1)
        if type(occurrence) is not int or occurrence < 1:  # bool is an int subclass: refused
            raise _Refused("“occurrence” must be a whole number from 1")
        spec = HighlightSpec(
            article=_text(entry, "article", None, MAX_NAME_CHARS),
            quote=_text(entry, "quote", None, MAX_FIELD_CHARS),
            occurrence=occurrence,
            tags=_names(entry, "tags"),
            note=_text(entry, "note", "", MAX_FIELD_CHARS, blank=True),
            author=_text(entry, "author", "sample", MAX_NAME_CHARS),
        )
    except _Refused as refused:
        return None, str(refused)
    return spec, ""


def _object(raw: object, what: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _Refused(f"{what} must be an object, not {_kind(raw)}")
    return raw


def _known(entry: dict[str, Any], keys: set[str]) -> None:
    unknown = sorted(str(key) for key in entry if key not in keys)
    if unknown:
        raise _Refused(f"unknown field {unknown[0][:40]!r}")


def _text(
    entry: dict[str, Any], key: str, default: str | None, limit: int, *, blank: bool = False
) -> str:
    """``entry[key]`` as a string; required when ``default`` is None."""
    if key not in entry:
        if default is None:
            raise _Refused(f"missing “{key}”")
        return default
    value = entry[key]
    if not isinstance(value, str):
        raise _Refused(f"“{key}” must be text, not {_kind(value)}")
    if len(value) > limit:
        raise _Refused(f"“{key}” is longer than {limit:,} characters")
    if not blank and default is None and not value.strip():
        raise _Refused(f"“{key}” is empty")
    return value


def _names(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise _Refused(f"“{key}” must be a list of names, not {_kind(value)}")
    if len(value) > MAX_LIST_ITEMS:
        raise _Refused(f"“{key}” has more than {MAX_LIST_ITEMS} names")
    for item in value:
        if not isinstance(item, str) or not item.strip() or len(item) > MAX_NAME_CHARS:
            raise _Refused(f"“{key}” must hold non-empty names, not {_kind(item)}")
    return tuple(value)


def _kind(value: object) -> str:
    """How a JSON value is named in a message."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    return {int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
