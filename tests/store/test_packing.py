"""Packed texts: exact round trip, and a start that always holds the first match."""

from __future__ import annotations

import random

from briefing.store.packing import pack, unpack, unpack_bytes, unpack_through
from hypothesis import given, settings
from hypothesis import strategies as st

LONG = "".join(f"第{n}段落：制裁と北方領土の話。" for n in range(3000))  # ~60 KB of UTF-8
# Without repeats, so that a needle's first occurrence can fall anywhere, chunk edges too.
_RNG = random.Random(12)
RANDOM = "".join(_RNG.choice("制裁北方領土停戦安全保障日本加盟あいうアイウ") for _ in range(30_000))


def test_round_trip() -> None:
    for text in ["", "制裁", LONG, "ｶﾞ\u3099𠮟"]:
        assert unpack(pack(text)) == text
        assert unpack_bytes(pack(text)) == text.encode()
    assert len(pack(LONG)) < 0.5 * len(LONG.encode())


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(LONG) - 10), st.integers(2, 6))
def test_the_start_holds_the_first_match_and_the_context_after_it(at: int, size: int) -> None:
    needle = LONG[at : at + size]
    text, complete = unpack_through(pack(LONG), [needle.encode(), "無い語".encode()], after=200)
    assert LONG.startswith(text)
    first = LONG.find(needle)
    assert complete or len(text.encode()) >= len(LONG[:first].encode()) + len(needle.encode()) + 200
    assert text.find(needle) == first
    assert complete == (text == LONG)


def test_an_absent_needle_unpacks_everything() -> None:
    assert unpack_through(pack(LONG), ["無い語".encode()]) == (LONG, True)


def test_matches_at_every_place_near_the_chunk_edges_keep_their_context() -> None:
    packed = pack(RANDOM)
    edge = 8192 // 3  # characters of three bytes each
    for at in range(edge - 120, edge + 60):
        needle = RANDOM[at : at + 6]
        text, complete = unpack_through(packed, [needle.encode()], after=200)
        first = RANDOM.find(needle)
        assert text.find(needle) == first
        assert complete or len(text) >= first + len(needle) + 200 // 3
