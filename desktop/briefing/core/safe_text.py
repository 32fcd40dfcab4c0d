"""Untrusted text made safe to print on a terminal, and the characters a name may not hide.

A file name, title, tag name or note comes from files the analyst did not write. Printed raw,
an ESC sequence can clear the terminal or fake a line of output, a newline can forge a whole
``imported #999 …`` line, a bidi override (U+202E) reverses what follows, and a zero-width
character makes two different names look the same. :func:`visible` shows each such character
as an escape (``\\x1b``, ``\\n``, ``\\u202e``) so that what is printed is exactly one line per
field and reads as what is stored; ordinary text, Japanese included, is left as it is.
"""

from __future__ import annotations

import unicodedata

__all__ = ["hidden_characters", "is_hidden", "plain_tooltip", "visible"]

# Categories whose characters either steer the terminal or show nothing: Cc (C0/C1 controls,
# DEL), Cf (format: zero-width space/joiners, bidi embeddings, overrides and isolates, BOM,
# soft hyphen, invisible operators), Zl/Zp (line and paragraph separators, which break a line
# on some terminals), Co (private use) and Cs (lone surrogates from undecodable file names).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})
# Blank-looking letters that are not in those categories but render as nothing.
_BLANK_LETTERS = frozenset({"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
_CACHE: dict[str, bool] = {}


def is_hidden(char: str) -> bool:
    """True for a character that is invisible or controls the display rather than showing."""
    hidden = _CACHE.get(char)
    if hidden is None:
        hidden = unicodedata.category(char) in _HIDDEN_CATEGORIES or char in _BLANK_LETTERS
        if len(_CACHE) < 10_000:
            _CACHE[char] = hidden
    return hidden


def hidden_characters(text: str) -> list[str]:
    """The hidden characters of ``text``, as code point names such as ``U+200B``, in order,
    without repeats."""
    seen: dict[str, None] = {}
    for char in text:
        if is_hidden(char):
            seen.setdefault(f"U+{ord(char):04X}", None)
    return list(seen)


def visible(text: str, *, keep: str = "") -> str:
    """``text`` with every hidden character shown as an escape; characters in ``keep`` (say
    ``"\\n"`` for a text printed on several lines on purpose) pass through. A backslash is
    doubled only when something was escaped, so ordinary paths and notes print unchanged."""
    if not any(is_hidden(char) and char not in keep for char in text):
        return text
    out: list[str] = []
    for char in text:
        if char in keep:
            out.append(char)
        elif char in _NAMED:
            out.append(_NAMED[char])
        elif is_hidden(char):
            out.append(_escape(ord(char)))
        else:
            out.append(char)
    return "".join(out)


def plain_tooltip(text: str) -> str:
    """``text`` for a tooltip, shown as text. A tooltip is rendered as rich text whenever it
    looks like markup (a tag on its first line, ``&lt;``): a title ``<img src="/dev/zero">``
    made the list's tooltip read /dev/zero. Text with no ``<`` or ``&`` is returned as it
    is; other text is escaped inside a paragraph that keeps its line breaks and spaces."""
    if "<" not in text and "&" not in text:
        return text
    import html  # loaded here: the window's tooltips need it, every command imports this module

    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def _escape(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
