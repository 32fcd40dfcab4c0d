"""An article's Markdown stored as a small delta against its canonical text.

The canonical text (what highlights anchor to and search reads) is nearly all of the Markdown:
the Markdown adds ``## ``, ``**``, list bullets, blank lines and link targets around it. Storing
both doubled the library file; storing the text plus this delta keeps the Markdown exactly for
a few hundred bytes. :func:`encode` aligns the two strings greedily into operations

* a non-negative ``int`` *n*: copy the next *n* characters of the text,
* a negative ``int`` *-n*: skip the next *n* characters of the text,
* a ``str``: insert these characters (markup the text does not have),

and :func:`decode` replays them. ``encode`` checks its own output by decoding it; if that ever
failed to give the Markdown back, it stores the Markdown whole (one insert), so the round trip
is exact for every input, whatever the alignment finds.
"""

from __future__ import annotations

import json
import zlib

_PROBE = 8  # characters looked up to find where the two strings agree again
_WINDOW = 4096  # how far ahead (characters) a resynchronisation is looked for


def _common_length(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of ``a[i:]`` and ``b[j:]``, by galloping slice compares
    (C speed) instead of a character loop."""
    limit = min(len(a) - i, len(b) - j)
    low, step = 0, 32
    while low < limit:
        size = min(step, limit - low)
        if a[i + low : i + low + size] == b[j + low : j + low + size]:
            low += size
            step *= 2
            continue
        # The mismatch is inside this slice: binary search it.
        high = low + size
        while high - low > 1:
            middle = (low + high) // 2
            if a[i + low : i + middle] == b[j + low : j + middle]:
                low = middle
            else:
                high = middle
        return low if a[i + low] != b[j + low] else high
    return limit


def _align(body: str, text: str) -> list[int | str]:
    ops: list[int | str] = []
    i = j = 0
    while i < len(body):
        # Most of the text is whole lines the body holds verbatim: one compare per line.
        line_end = text.find("\n", j)
        line_end = len(text) if line_end < 0 else line_end
        if line_end > j and body.startswith(text[j:line_end], i):
            ops.append(line_end - j)
            i += line_end - j
            j = line_end
            continue
        if (
            j < len(text)
            and body[i] == text[j]
            and (i + 1 == len(body) or j + 1 == len(text) or body[i + 1] != text[j + 1])
        ):
            same = 1  # one character in common, as between paragraphs ("\n" then "\n")
        else:
            same = _common_length(body, i, text, j)
        if same:
            ops.append(same)
            i += same
            j += same
            continue
        if j >= len(text):
            ops.append(body[i:])
            break
        probe = text[j : j + _PROBE]
        # Most markup is a few characters ("\n", "## ", "**"): try those before searching.
        short = next((k for k in range(1, 4) if body.startswith(probe, i + k)), None)
        if short is not None:
            ops.append(body[i : i + short])
            i += short
            continue
        # Markup inserted in the body: the text resumes a little further on in the body.
        found = body.find(probe, i, i + _WINDOW)
        inserted = found - i if found > i else None
        # Characters of the text the body writes otherwise (a soft break read as a space).
        found = text.find(body[i : i + _PROBE], j, j + _WINDOW)
        skipped = found - j if found > j else None
        if inserted is not None and (skipped is None or inserted <= skipped):
            ops.append(body[i : i + inserted])
            i += inserted
        elif skipped is not None:
            ops.append(-skipped)
            j += skipped
        else:  # one character written differently
            ops += [-1, body[i]]
            i += 1
            j += 1
    return _merge(ops)


def _merge(ops: list[int | str]) -> list[int | str]:
    """Join neighbouring operations of the same kind (the greedy pass emits them split)."""
    merged: list[int | str] = []
    for op in ops:
        if merged and isinstance(op, str) and isinstance(merged[-1], str):
            merged[-1] += op
        elif merged and isinstance(op, int) and isinstance(merged[-1], int):
            if (op >= 0) == (merged[-1] >= 0):
                merged[-1] += op
            else:
                merged.append(op)
        else:
            merged.append(op)
    return merged


def _replay(ops: list[int | str], text: str) -> str:
    out: list[str] = []
    j = 0
    for op in ops:
        if isinstance(op, str):
            out.append(op)
        elif op >= 0:
            out.append(text[j : j + op])
            j += op
        else:
            j -= op
    return "".join(out)


def encode(body: str, text: str) -> bytes:
    """The delta that turns ``text`` back into ``body``, compressed."""
    ops = _align(body, text)
    if _replay(ops, text) != body:  # never seen; the guarantee must not rest on the aligner
        ops = [body]
    return zlib.compress(json.dumps(ops, ensure_ascii=False).encode(), 6)


def decode(delta: bytes, text: str) -> str:
    """The Markdown that :func:`encode` was given, from its delta and the same ``text``."""
    ops = json.loads(zlib.decompress(delta))
    if not isinstance(ops, list) or not all(isinstance(op, int | str) for op in ops):
        raise ValueError("not an article delta")
    return _replay(ops, text)
