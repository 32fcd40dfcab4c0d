"""Opening a library: the search index is rebuilt only when its tokenizer changed."""

from __future__ import annotations

from pathlib import Path

from briefing.services import Library
from briefing.store import meta
from briefing.store.db import write_transaction

from tests.conftest import ARTICLES


def test_reopening_keeps_the_index_and_an_old_index_is_rebuilt(
    library_path: Path, monkeypatch
) -> None:
    with Library.open(library_path) as library:
        library.import_paths([ARTICLES])
        before = {(h.kind, h.id) for h in library.search("制裁", limit=100).hits}
    rebuilt: list[int] = []
    original = Library.reindex
    monkeypatch.setattr(Library, "reindex", lambda self, *a: rebuilt.append(1) or original(self))
    with Library.open(library_path) as library:
        assert rebuilt == []
        with write_transaction(library.db):  # as if made by a build with another tokenizer
            meta.put(library.db, "index_version", "bigram-0")
    with Library.open(library_path) as library:
        assert rebuilt == [1]
        assert {(h.kind, h.id) for h in library.search("制裁", limit=100).hits} == before


def test_changes_are_announced_once_to_listeners(library: Library) -> None:
    seen = []
    library.listeners.append(seen.append)
    library.import_paths([ARTICLES])
    assert len(seen) == 1 and seen[0].library
