"""The sample library shipped in articles/: clean Markdown articles and the highlights that
are imported on first start. The checks read the files the way the reader does, through
canonical_text, so a highlight that passes here anchors in the app."""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text, parse_blocks

ARTICLES = Path(__file__).resolve().parents[1] / "articles"
HIGHLIGHTS = ARTICLES / "highlights.json"

SEEDED_TAGS = ("sanctions", "NSATU", "Northern Territories")
FRONT_MATTER_KEYS = ("title", "source", "author", "published", "url", "language")
SENTENCE_END = tuple("。」）!?.:！？")
RADICALS = re.compile("[\u2e80-\u2fdf]")
NAME = re.compile(r"^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
# Japanese characters and punctuation (full-width forms included); no space belongs next to one.
CJK = "[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]"
# A footnote reference left in running text: "求めた 1。", "不安定化 3」", "国）31。".
FOOTNOTE_MARK = re.compile(rf".{{0,8}}{CJK} ?\d{{1,2}}[。、」]")
# Markup that must not survive into the text the reader shows.
LEAKS = ("**", "__", "\\", "`", "](", "<http", "#", "~~")


def split_article(path: Path) -> tuple[dict[str, str], str]:
    """Front matter (``key: value`` lines between the first two ``---`` lines) and body."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "---", f"{path.name}: no front matter"
    end = lines.index("---", 1)
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(": ")
        assert sep and key and value.strip(), f"{path.name}: bad front matter line {line!r}"
        assert key not in meta, f"{path.name}: {key} twice"
        meta[key] = value.strip()
    return meta, "\n".join(lines[end + 1 :])


def article_paths() -> list[Path]:
    return sorted(ARTICLES.glob("*.md"))


@pytest.fixture(scope="module")
def library() -> dict[str, tuple[dict[str, str], str, str]]:
    """file name -> (front matter, body, canonical text)"""
    out = {}
    for path in article_paths():
        meta, body = split_article(path)
        out[path.name] = (meta, body, canonical_text(body))
    return out


@pytest.fixture(scope="module")
def highlights() -> dict:
    return json.loads(HIGHLIGHTS.read_text(encoding="utf-8"))


def test_one_article_per_seed():
    names = [p.name for p in article_paths()]
    assert all(NAME.match(n) for n in names), names
    assert [NAME.match(n).group(1) for n in names] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("path", article_paths(), ids=lambda p: p.name)
def test_front_matter(path: Path):
    meta, body = split_article(path)
    assert set(meta) <= set(FRONT_MATTER_KEYS), set(meta) - set(FRONT_MATTER_KEYS)
    assert meta.get("title")
    assert meta.get("language") == "ja"
    if "published" in meta:
        datetime.date.fromisoformat(meta["published"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"])
    if "url" in meta:
        assert re.fullmatch(r"https?://\S+", meta["url"])
    # the title is front matter only, never repeated as a heading in the body
    headings = [b.text for b in parse_blocks(body) if b.kind == "heading"]
    assert meta["title"] not in headings
    assert body.strip(), "empty body"


@pytest.mark.parametrize("path", article_paths(), ids=lambda p: p.name)
def test_no_radicals_or_markup_leaks(path: Path):
    text = path.read_text(encoding="utf-8")
    assert not RADICALS.findall(text)
    _, body = split_article(path)
    canonical = canonical_text(body)
    for leak in LEAKS:
        assert leak not in canonical, f"{path.name}: {leak!r} in canonical text"
    for line in canonical.split("\n"):
        assert line == line.strip(), f"{path.name}: stray white space in {line!r}"
        assert not re.match(r"(?:[-*+>]|\d+[.)])\s", line), f"{path.name}: markup {line!r}"


@pytest.mark.parametrize("path", article_paths(), ids=lambda p: p.name)
def test_paragraphs_are_not_broken(path: Path):
    """PDF line breaks are joined: a paragraph ends a sentence (or is a short line or a bare
    link); no space is left between Japanese characters by the extractor."""
    _, body = split_article(path)
    for block in parse_blocks(body):
        if block.kind != "paragraph":
            continue
        text = block.text
        bare_link = [(s.start, s.end, s.style) for s in block.spans] == [(0, len(text), "link")]
        assert text.endswith(SENTENCE_END) or len(text) < 40 or bare_link, (
            f"{path.name}: paragraph ends mid-sentence: …{text[-30:]!r}"
        )
        spaced = re.search(f"{CJK} |[^ ] {CJK}", text)
        where = text[max(0, spaced.start() - 5) : spaced.end() + 5] if spaced else ""
        assert not spaced, f"{path.name}: extractor space in …{where!r}"
        footnote = FOOTNOTE_MARK.search(text)
        assert not footnote, f"{path.name}: footnote number in …{footnote.group()!r}"


def test_highlights_anchor_in_their_articles(library, highlights):
    assert highlights["highlights"], "no highlights"
    for h in highlights["highlights"]:
        assert set(h) <= {"article", "quote", "tags", "note", "occurrence"}, h
        assert h["article"] in library, h["article"]
        quote = h["quote"]
        assert 10 <= len(quote) <= 200, quote
        assert "\n" not in quote, f"quote spans two blocks: {quote}"
        assert not RADICALS.search(quote)
        canonical = library[h["article"]][2]
        count = canonical.count(quote)
        occurrence = h.get("occurrence", 1)
        if "occurrence" not in h:
            assert count == 1, f"{count} matches, give an occurrence: {quote}"
        assert 1 <= occurrence <= count, f"occurrence {occurrence} of {count}: {quote}"
        assert h["tags"], quote
        assert h.get("note", "x").strip()


def test_tags(highlights):
    extra = highlights["tags"]
    assert len(extra) <= 3
    names = [t["name"] for t in extra]
    assert len(set(names)) == len(names)
    assert not set(names) & set(SEEDED_TAGS), "seeded tags are created by code"
    colours = [t["color"].lower() for t in extra]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len(set(colours)) == len(colours)
    for tag in extra:
        assert tag["description"].strip()
        assert tag["aliases"] and all(
            re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", a) for a in tag["aliases"]
        )
    used = Counter(t for h in highlights["highlights"] for t in h["tags"])
    assert set(used) <= set(SEEDED_TAGS) | set(names), set(used) - set(SEEDED_TAGS) - set(names)
    for tag in SEEDED_TAGS:
        assert used[tag] >= 4, f"{tag}: {used[tag]} highlights"
    for name in names:
        assert used[name] >= 1, f"extra tag {name} is never used"
