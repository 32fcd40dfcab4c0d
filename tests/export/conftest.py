"""A briefing library shared by the export tests: the sample articles and highlights plus an
article and highlights made to break a careless writer (markup in titles and notes, the
characters Qt's PDF text layer gets wrong)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from briefing.core.briefing import BriefingOptions
from briefing.services import AddHighlight, Library

from tests.export.helpers import HOSTILE_ARTICLE, HOSTILE_NOTE, HOSTILE_TITLE, SUMMARY


@pytest.fixture(scope="session")
def briefing_library(tmp_path_factory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("briefing")
    article_file = folder / "hostile.md"
    article_file.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    with Library.open(folder / "library.db") as library:
        assert not library.import_sample_library().failed
        assert not library.import_paths([article_file]).failed
        article_id = next(a.id for a in library.articles() if a.title == HOSTILE_TITLE)
        text = library.article(article_id).text
        first, second = text.split("。")[0], text.split("\n")[1]
        for quote, tags, note in (
            (first, ("sanctions",), HOSTILE_NOTE),
            (second, ("NSATU", "sanctions"), "`$60` **$60** <i>"),
        ):
            start = library.locate_quote(article_id, quote)
            library.execute(AddHighlight(article_id, start, start + len(quote), tags, note))
        yield library


@pytest.fixture(scope="session")
def options() -> BriefingOptions:
    return BriefingOptions(
        title="朝のブリーフィング", author="分析官 A", marking="取扱注意", summary=SUMMARY
    )
