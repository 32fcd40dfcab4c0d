"""Read and unread per article: kept in the library, undone by nothing, gone with the article."""

from __future__ import annotations

from briefing.services import DeleteArticle, Library


def test_read_and_unread_are_kept_per_article(sample_library: Library, library_path) -> None:
    first, second = [a.id for a in sample_library.articles()[:2]]
    assert sample_library.read_articles() == set()
    sample_library.set_read([first, second])
    sample_library.set_read([first])  # twice read is read
    assert sample_library.read_articles() == {first, second}
    sample_library.set_read([second], read=False)
    assert sample_library.read_articles() == {first}
    assert not sample_library.history.done  # reading is not an edit to undo
    with Library.open(library_path) as other:  # on disk, for the next start
        assert other.read_articles() == {first}


def test_a_deleted_article_leaves_no_read_mark(sample_library: Library) -> None:
    article = sample_library.articles()[0].id
    sample_library.set_read([article, 999_999])  # an unknown id is skipped
    sample_library.execute(DeleteArticle(article))
    assert sample_library.read_articles() == set()


def test_a_read_only_library_records_nothing(sample_library: Library, library_path) -> None:
    article = sample_library.articles()[0].id
    with Library.open(library_path, read_only=True) as read_only:
        read_only.set_read([article])
        assert read_only.read_articles() == set()
