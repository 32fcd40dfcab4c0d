"""An import that matched a known article by title and source alone: the outcome names the
article it resembles, and TakeAsUpdate makes it an update after all, undoably (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.core.errors import BriefingError
from briefing.services import Library
from briefing.services import versions as service
from briefing.services.commands import AddHighlight
from briefing.services.import_choice import TakeAsUpdate
from briefing.store import checks
from briefing.store.backup import open_for_reading

FIRST = "今日の社説は制裁の効果について論じる。\n\n第二段落では北方領土の交渉を扱う。\n"
SECOND = "冒頭に一段落が加わった。\n\n今日の社説は制裁の効果について論じる。\n\n結びの段落。\n"


def _write(path: Path, body: str, title: str = "社説") -> Path:
    path.write_text(f"---\ntitle: {title}\nsource: 朝日新聞\n---\n\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def resembling(library: Library, tmp_path: Path) -> tuple[Library, int, int, int]:
    """Monday's 社説 with a highlight, then Tuesday's file: a new article resembling it."""
    first = library.import_paths([_write(tmp_path / "mon.md", FIRST)]).outcomes[0]
    assert first.article_id is not None and first.resembles is None and first.message == ""
    quote = "制裁の効果"
    start = library.locate_quote(first.article_id, quote)
    add = AddHighlight(first.article_id, start, start + len(quote), ())
    library.execute(add)
    assert add.highlight_id is not None
    second = library.import_paths([_write(tmp_path / "tue.md", SECOND)]).outcomes[0]
    assert second.status == "imported" and second.article_id is not None
    return library, first.article_id, second.article_id, add.highlight_id


def test_the_outcome_names_the_article_it_resembles(library: Library, tmp_path: Path) -> None:
    first = library.import_paths([_write(tmp_path / "mon.md", FIRST)]).outcomes[0]
    second = library.import_paths([_write(tmp_path / "tue.md", SECOND)]).outcomes[0]
    assert (second.status, second.resembles) == ("imported", first.article_id)
    assert f"#{first.article_id} has the same title and source" in second.message
    other = library.import_paths([_write(tmp_path / "x.md", "別の記事。\n", title="別")])
    assert other.outcomes[0].resembles is None and other.outcomes[0].message == ""


def test_take_as_update_keeps_the_known_text_as_a_version_and_undo_puts_both_back(
    resembling,
) -> None:
    library, known, new, highlight_id = resembling
    before = library.article(known)
    count = library.article_count()
    library.execute(TakeAsUpdate(new, known, "社説"))
    updated = library.article(known)
    assert (
        updated.text.startswith("冒頭に一段落が加わった。") and library.article_count() == count - 1
    )
    with pytest.raises(BriefingError):
        library.article(new)
    (kept,) = service.versions(library, known)
    assert "北方領土の交渉" in service.version(library, known, kept.number).text
    moved = library.highlight(highlight_id)  # re-anchored on the new text
    assert not moved.orphaned and updated.text[moved.selector.start : moved.selector.end] == (
        "制裁の効果"
    )
    assert library.history.undo_text.startswith("Take as update")
    assert checks.check_connection(open_for_reading(library.path)).ok

    library.undo()
    assert library.article(known).text == before.text
    assert library.article(new).text.startswith("冒頭に")
    assert service.versions(library, known) == []
    restored = library.highlight(highlight_id)
    assert (restored.selector.start, restored.selector.end) == (
        before.text.index("制裁の効果"),
        before.text.index("制裁の効果") + 5,
    )
    library.redo()
    assert library.article(known).text.startswith("冒頭に") and library.article_count() == count - 1
    assert [v.number for v in service.versions(library, known)] == [1]
    assert checks.check_connection(open_for_reading(library.path)).ok


def test_a_new_article_with_highlights_is_not_folded_away(resembling) -> None:
    library, known, new, _highlight = resembling
    start = library.locate_quote(new, "結びの段落")
    library.execute(AddHighlight(new, start, start + 5, ()))
    with pytest.raises(BriefingError, match="already has highlights"):
        library.execute(TakeAsUpdate(new, known))
    assert library.article(new).text.startswith("冒頭に")
    assert service.versions(library, known) == []
