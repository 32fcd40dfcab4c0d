"""Shared fixtures: temporary libraries, empty or holding the sample articles."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefing.services import Library

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "articles"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """A new, empty library (with the three standing tags)."""
    with Library.open(library_path) as lib:
        yield lib


@pytest.fixture
def sample_library(library: Library) -> Library:
    """A library holding the five sample articles and their sample highlights."""
    report = library.import_sample_library()
    assert not report.failed, report.outcomes
    return library


def article_id_by_file(library: Library, name_start: str) -> int:
    """The id of the sample article imported from the file whose name starts so."""
    for summary in library.articles():
        if Path(library.article(summary.id).origin).name.startswith(name_start):
            return summary.id
    raise AssertionError(f"no article from {name_start}")



def write_numbered_articles(folder: Path, count: int) -> Path:
    """A new ``folder`` of ``count`` Markdown files (``000.md``…), each a sample article under a
    title of its own (``第N号 …``), so that every file is a new article: a folder big enough
    for an import's worker processes."""
    folder.mkdir()
    samples = sorted(ARTICLES.glob("*.md"))
    for number in range(count):
        text = samples[number % len(samples)].read_text(encoding="utf-8")
        (folder / f"{number:03d}.md").write_text(f"# 第{number}号 {text}", encoding="utf-8")
    return folder


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """``briefing-reader ARGV`` in this process: ``(exit code, stdout, stderr)``."""
    from briefing.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
