"""A generated library for the benchmarks: Markdown files made of the sample articles' sentences.

Each article is about 5,000 Japanese characters: front matter (title, source, published,
language), a heading, paragraphs of 2-5 random sentences, and now and then a bullet list,
bold text and a link, so that import parses real Markdown. The same seed gives the same files,
so a folder made once is reused (``ensure_markdown_folder``) instead of written again.
"""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

from briefing.core.markdown import canonical_text

REPO = Path(__file__).resolve().parent.parent
SENTENCE = re.compile(r"[^。！？]+[。！？]")
SOURCES = ["NHK", "日経", "ROLES", "Bloomberg", "FT"]
SEED = 20261122


def sample_sentences() -> list[str]:
    """Every sentence longer than 8 characters of the sample articles' canonical text."""
    sentences: list[str] = []
    for path in sorted((REPO / "articles").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for line in canonical_text(body).splitlines():
            sentences += [s.strip() for s in SENTENCE.findall(line) if len(s.strip()) > 8]
    return sentences


def make_markdown(rng: random.Random, sentences: list[str], number: int, size: int = 5000) -> str:
    """One article as a Markdown file's content."""
    blocks, length = [f"## {rng.choice(sentences)[:24]}"], 0
    while length < size:
        paragraph = "".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        roll = rng.random()
        if roll < 0.1:
            blocks.append("\n".join(f"- {rng.choice(sentences)}" for _ in range(3)))
        elif roll < 0.2:
            cut = len(paragraph) // 3
            paragraph = f"{paragraph[:cut]}**{paragraph[cut : cut + 8]}**{paragraph[cut + 8 :]}"
        elif roll < 0.25:
            paragraph += f"（[出典](https://example.org/{number}/{len(blocks)})）"
        blocks.append(paragraph)
        length += len(paragraph)
    title = f"記事{number}：" + rng.choice(sentences)[:30]
    published = date(2025, rng.randint(1, 12), rng.randint(1, 28))
    front = (
        f"---\ntitle: {title}\nsource: {rng.choice(SOURCES)}\n"
        f"published: {published.isoformat()}\nlanguage: ja\n---\n\n"
    )
    return front + "\n\n".join(blocks) + "\n"


def ensure_markdown_folder(folder: Path, count: int) -> Path:
    """``folder`` holding ``count`` generated articles (made once, then reused)."""
    done = folder / ".complete"
    if done.exists() and done.read_text() == str(count):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    sentences = sample_sentences()
    for number in range(count):
        # 200 files per sub-folder, as a clippings archive by day would be.
        sub = folder / f"{number // 200:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{number:05d}.md").write_text(
            make_markdown(rng, sentences, number), encoding="utf-8"
        )
    done.write_text(str(count))
    return folder
