"""The Markdown stored as a delta against the canonical text comes back exactly."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from briefing.core import body_delta
from briefing.core.markdown import canonical_text
from hypothesis import given, settings
from hypothesis import strategies as st

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.md")), ids=lambda p: p.name)
def test_sample_articles_round_trip_and_the_delta_is_small(path: Path) -> None:
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    text = canonical_text(body)
    delta = body_delta.encode(body, text)
    assert body_delta.decode(delta, text) == body
    # The text is stored anyway: the delta must be a small fraction of it.
    assert len(delta) < 0.05 * len(text.encode())


MARKUP = st.sampled_from(
    ["## ", "**", "\n\n", "- ", "[", "](https://example.org/a)", "\\", "&amp;"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.text("制裁北方領土 abcの。\n", max_size=30), MARKUP), max_size=12),
    st.text("制裁 ab\n", max_size=6),
)
def test_any_body_round_trips(pieces: list[tuple[str, str]], dropped: str) -> None:
    # A text made of the body's words with markup left out and a few characters changed.
    body = "".join(text + markup for text, markup in pieces)
    text = "".join(text for text, _ in pieces) + dropped
    assert body_delta.decode(body_delta.encode(body, text), text) == body


def test_unrelated_strings_round_trip() -> None:
    for body, text in [("", ""), ("abc", ""), ("", "abc"), ("制裁", "北方領土"), ("a" * 5000, "b")]:
        assert body_delta.decode(body_delta.encode(body, text), text) == body


def test_a_damaged_delta_is_refused() -> None:
    with pytest.raises(ValueError):
        body_delta.decode(zlib.compress(b'{"not": "ops"}'), "text")
