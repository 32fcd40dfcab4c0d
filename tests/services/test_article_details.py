"""Editing an article's details: one undoable step, checked input, the text untouched."""

from __future__ import annotations

from datetime import date

import pytest
from briefing.services import BriefingError, Library
from briefing.services.article_details import EditArticleDetails, clean_details


def test_edit_undo_redo(sample_library: Library) -> None:
    article = sample_library.articles()[0]
    before = sample_library.article(article.id)
    highlights = sample_library.highlights(article_id=article.id)
    changes = sample_library.execute(
        EditArticleDetails(
            article.id, title="新しい題名", source="NHK", published="2025-08-03", url=""
        )
    )
    assert changes.articles == frozenset({article.id})
    after = sample_library.article(article.id)
    assert (after.title, after.source, after.published, after.url) == (
        "新しい題名",
        "NHK",
        date(2025, 8, 3),
        "",
    )
    assert (after.author, after.language) == (before.author, before.language)
    assert after.text == before.text  # the text the highlights anchor to stays
    now = sample_library.highlights(article_id=article.id)
    assert [(h.id, h.selector, h.tags) for h in now] == [
        (h.id, h.selector, h.tags) for h in highlights
    ]
    assert {h.article_title for h in now} <= {"新しい題名"}
    # The highlights are announced too: their lists show the article's title.
    assert changes.highlights == frozenset(h.id for h in highlights)
    assert sample_library.history.undo_text == "Edit article details"
    assert [h.article_id for h in sample_library.search("新しい題名").hits][:1] == [article.id]

    sample_library.undo()
    again = sample_library.article(article.id)
    assert (again.title, again.source, again.published, again.url) == (
        before.title,
        before.source,
        before.published,
        before.url,
    )
    assert not sample_library.search("新しい題名").hits
    sample_library.redo()
    assert sample_library.article(article.id).source == "NHK"


def test_undo_refuses_after_another_edit_elsewhere(sample_library: Library) -> None:
    article_id = sample_library.articles()[0].id
    sample_library.execute(EditArticleDetails(article_id, source="NHK"))
    # Another program (the CLI) changes the same detail behind the window's back.
    with Library.open(sample_library.path) as other:
        other.execute(EditArticleDetails(article_id, source="共同通信"))
    with pytest.raises(BriefingError, match="Cannot undo"):
        sample_library.undo()
    assert sample_library.article(article_id).source == "共同通信"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "  "}, "title cannot be empty"),
        ({"published": "2025-13-01"}, "not a date"),
        ({"url": "example.com/a"}, "not a web address"),
        ({"language": "日本語"}, "not a language code"),
        ({"source": "a\nb"}, "one line"),
        ({"colour": "red"}, "not an article detail"),
        ({}, "nothing to change"),
    ],
)
def test_bad_input_is_one_clear_line(
    sample_library: Library, values: dict[str, str], message: str
) -> None:
    article_id = sample_library.articles()[0].id
    before = sample_library.article(article_id)
    with pytest.raises(BriefingError, match=message):
        sample_library.execute(EditArticleDetails(article_id, **values))
    assert sample_library.article(article_id) == before
    assert not sample_library.history.done


def test_clean_details_normalises() -> None:
    assert clean_details(title=" 題名 ", published="", language="JA", url=" https://a.jp/x ") == {
        "title": "題名",
        "published": None,
        "language": "ja",
        "url": "https://a.jp/x",
    }
    assert clean_details(language="zh-Hant") == {"language": "zh-Hant"}


def test_missing_article(sample_library: Library) -> None:
    with pytest.raises(BriefingError, match="no article with id 999"):
        sample_library.execute(EditArticleDetails(999, title="x"))
