"""clean_imported_text: its quick path (nothing to repair) must agree with the full repair."""

from __future__ import annotations

import unicodedata

from briefing.core.normalize import _IMPORT_TABLE, clean_imported_text
from hypothesis import given
from hypothesis import strategies as st

# Characters the repair changes, characters NFC composes, and ordinary Japanese and Latin.
_REPAIRED = [chr(code) for code in sorted(_IMPORT_TABLE)]
# Mostly text that needs nothing, so that one odd character decides the path.
_PLAIN = st.sampled_from(list("制裁北方領土のはNATOsanctions 、。\n\t"))
_ODD = st.sampled_from(
    [*_REPAIRED[:: max(1, len(_REPAIRED) // 60)], "\r", "\r\n"]
)
_DECOMPOSED = st.sampled_from(["e\u0301", "\u304b\u3099", "A\u030a"])  # NFC composes these
_ALPHABET = st.one_of(_PLAIN, _PLAIN, _PLAIN, _ODD, _DECOMPOSED)


def _full_repair(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text.translate(_IMPORT_TABLE))


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_quick_path_agrees_with_full_repair(text: str) -> None:
    assert clean_imported_text(text) == _full_repair(text)


def test_each_repair_is_applied() -> None:
    assert clean_imported_text("a\r\nb\rc") == "a\nb\nc"
    assert clean_imported_text("\u2f00\u2f08") == "\u4e00\u4eba"  # ⼀⼈ radicals
    assert clean_imported_text("e\u0301") == "\u00e9"  # composed
    assert clean_imported_text("x\u2027y\ufb01") == "x\u30fbyfi"


def test_clean_text_is_returned_as_is() -> None:
    text = "制裁の対象は北方領土\n\nNATO sanctions"
    assert clean_imported_text(text) is text
