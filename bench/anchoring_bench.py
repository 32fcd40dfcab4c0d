"""Time re-anchoring highlights on a 50,000-character Japanese article.

The article is the sample articles' sentences in a shuffled order (so sentences recur, as
boilerplate does). For each case, highlights of 20–200 characters (2–6 for the short-quote
case, 2,000 for the long one) are made on it, the text is edited, and every highlight is put
back with ``reanchor``; the script prints p50/p95 milliseconds per highlight and how many
landed where the edit sent them. Run: ``.venv/bin/python bench/anchoring_bench.py``.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Callable
from importlib.resources import files

from briefing.core.anchoring import make_selector, reanchor
from briefing.core.markdown import canonical_text

LENGTH = 50_000
HIGHLIGHTS = 200

# (name, shortest and longest quote, how to edit the passage) — see edit() for the text around.
Edit = Callable[[random.Random, str], str]


def article(rng: random.Random) -> str:
    """About LENGTH characters of the sample articles' sentences, shuffled."""
    sentences: list[str] = []
    for resource in sorted(files("briefing.articles").iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".md"):
            body = canonical_text(resource.read_text(encoding="utf-8"))
            sentences += [s for s in re.split(r"(?<=[。\n])", body) if s.strip()]
    text = ""
    while len(text) < LENGTH:
        text += rng.choice(sentences)
    return text[:LENGTH]


def unchanged(rng: random.Random, passage: str) -> str:
    return passage


def typos(rng: random.Random, passage: str) -> str:
    """About one character in twenty-five substituted, inserted or deleted."""
    out = []
    for char in passage:
        roll = rng.random()
        if roll < 0.013:
            out.append("〓")
        elif roll < 0.026:
            out.append(char + "〓")
        elif roll > 0.987:
            continue
        else:
            out.append(char)
    return "".join(out) or passage


def run(name: str, text: str, shortest: int, longest: int, shift: bool, change: Edit) -> None:
    rng = random.Random(name)
    times: list[float] = []
    placed = methods = 0
    kinds: dict[str, int] = {}
    for _ in range(HIGHLIGHTS):
        length = rng.randint(shortest, longest)
        start = rng.randrange(1000, len(text) - length - 1000)
        end = start + length
        selector = make_selector(text, start, end)
        passage = change(rng, text[start:end])
        before, after = text[:start], text[end:]
        if shift:  # a paragraph inserted early on, another deleted further down
            cut = rng.randrange(0, start - 500)
            before = before[:cut] + text[-700:-300] + before[cut:]
            drop = rng.randrange(0, len(after) - 600)
            after = after[:drop] + after[drop + 300 :]
        new = before + passage + after
        began = time.perf_counter()
        anchor = reanchor(new, selector, old_length=len(text))
        times.append((time.perf_counter() - began) * 1000)
        if anchor is not None:
            methods += 1
            kinds[anchor.method] = kinds.get(anchor.method, 0) + 1
            moved = len(before)
            placed += anchor.start < moved + len(passage) and anchor.end > moved
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"{name:<22} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  max {max(times):7.2f} ms  "
        f"on its passage {placed}/{HIGHLIGHTS}  {dict(sorted(kinds.items()))}"
    )


def main() -> None:
    text = article(random.Random(0))
    print(f"text: {len(text)} characters, {HIGHLIGHTS} highlights per case")
    run("exact (unchanged)", text, 20, 200, False, unchanged)
    run("shifted", text, 20, 200, True, unchanged)
    run("fuzzy (typos)", text, 20, 200, False, typos)
    run("fuzzy + shifted", text, 20, 200, True, typos)
    run("short quotes, shifted", text, 2, 6, True, unchanged)
    run("2000-char, typos", text, 2000, 2000, True, typos)


if __name__ == "__main__":
    main()
