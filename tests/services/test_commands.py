"""Highlights, notes and tags through the service layer, with undo and redo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from briefing.core.model import ArticleDraft
from briefing.services import (
    AddHighlight,
    BriefingError,
    ChangeHighlightTags,
    CreateTag,
    DeleteArticle,
    DeleteHighlight,
    DeleteTag,
    EditHighlight,
    EditTag,
    Library,
    MergeTags,
    set_note,
)
from briefing.services.importing import import_draft

BODY = (
    "対露制裁は石油大手に及んだ。\n\n影の船団への二次制裁も検討されている。\n\n"
    "NATO is coordinating aid."
)


@pytest.fixture
def article_id(library: Library) -> int:
    outcome = import_draft(
        library.db, ArticleDraft("制裁の行方", BODY, source="テスト", language="ja")
    )
    assert outcome.status == "imported"
    return outcome.article_id


def add(library: Library, article_id: int, quote: str, *tags: str, note: str = "") -> int:
    start = library.locate_quote(article_id, quote)
    command = AddHighlight(article_id, start, start + len(quote), tags, note)
    library.execute(command)
    return command.highlight_id


def test_new_library_has_the_three_standing_tags(library: Library) -> None:
    tags = {t.name: t for t in library.tags()}
    assert set(tags) == {"sanctions", "NSATU", "Northern Territories"}
    assert len({t.color for t in tags.values()}) == 3
    assert "制裁" in tags["sanctions"].aliases
    assert "北方領土" in tags["Northern Territories"].aliases
    assert [tags[n].slot for n in ("sanctions", "NSATU", "Northern Territories")] == [1, 2, 3]


def test_add_highlight_stores_quote_context_and_tags(library: Library, article_id: int) -> None:
    highlight_id = add(
        library, article_id, "影の船団への二次制裁", "sanctions", note="watch **this**"
    )
    item = library.highlight(highlight_id)
    text = library.article(article_id).text
    assert text[item.selector.start : item.selector.end] == "影の船団への二次制裁"
    assert item.selector.prefix.endswith("及んだ。\n")
    assert item.selector.suffix.startswith("も検討")
    assert item.tags == ("sanctions",)
    assert item.note == "watch **this**"
    assert not item.orphaned


def test_undo_and_redo_a_highlight_keeps_its_id(library: Library, article_id: int) -> None:
    highlight_id = add(library, article_id, "対露制裁", "制裁")  # an alias names the tag
    assert library.history.undo_text == "Add highlight"
    library.undo()
    assert library.highlights(article_id=article_id) == []
    library.redo()
    assert [h.id for h in library.highlights(article_id=article_id)] == [highlight_id]
    assert library.highlight(highlight_id).tags == ("sanctions",)


def test_overlapping_highlights_are_allowed(library: Library, article_id: int) -> None:
    first = add(library, article_id, "対露制裁は石油大手")
    second = add(library, article_id, "制裁は石油")
    assert {h.id for h in library.highlights(article_id=article_id)} == {first, second}


def test_quote_must_occur_and_be_unambiguous(library: Library, article_id: int) -> None:
    with pytest.raises(BriefingError, match="does not occur"):
        library.locate_quote(article_id, "北方領土")
    with pytest.raises(BriefingError, match="occurs 2 times"):
        library.locate_quote(article_id, "制裁")
    second = library.locate_quote(article_id, "制裁", occurrence=2)
    assert library.article(article_id).text[second:].startswith("制裁も検討")


def test_delete_and_undo_restores_tags_and_note(library: Library, article_id: int) -> None:
    highlight_id = add(library, article_id, "二次制裁", "sanctions", "NSATU", note="n")
    library.execute(DeleteHighlight(highlight_id))
    assert library.highlights() == []
    library.undo()
    item = library.highlight(highlight_id)
    assert (item.tags, item.note) == (("sanctions", "NSATU"), "n")


def test_edit_note_and_tags_undo(library: Library, article_id: int) -> None:
    highlight_id = add(library, article_id, "二次制裁", "sanctions")
    library.execute(EditHighlight(highlight_id, note="重要", tags=("NSATU",)))
    assert (library.highlight(highlight_id).note, library.highlight(highlight_id).tags) == (
        "重要",
        ("NSATU",),
    )
    library.undo()
    assert (library.highlight(highlight_id).note, library.highlight(highlight_id).tags) == (
        "",
        ("sanctions",),
    )


def test_batch_tag_and_untag(library: Library, article_id: int) -> None:
    a = add(library, article_id, "対露制裁")
    b = add(library, article_id, "二次制裁", "NSATU")
    library.execute(ChangeHighlightTags([a, b], "NSATU", add=True))
    assert [library.highlight(i).tags for i in (a, b)] == [("NSATU",), ("NSATU",)]
    library.undo()
    assert [library.highlight(i).tags for i in (a, b)] == [(), ("NSATU",)]
    library.execute(ChangeHighlightTags([b], "nsatu", add=False))
    assert library.highlight(b).tags == ()


def test_filters_all_any_dates_orphaned(library: Library, article_id: int) -> None:
    a = add(library, article_id, "対露制裁", "sanctions")
    b = add(library, article_id, "二次制裁", "sanctions", "NSATU")
    c = add(library, article_id, "NATO is coordinating", "NSATU")
    ids = lambda items: sorted(h.id for h in items)  # noqa: E731
    assert ids(library.highlights(tags_all=["sanctions", "NSATU"])) == [b]
    assert ids(library.highlights(tags_any=["sanctions", "NSATU"])) == sorted([a, b, c])
    today = date.today()
    assert ids(library.highlights(since=today, until=today)) == sorted([a, b, c])
    assert library.highlights(until=today - timedelta(days=1)) == []
    assert library.highlights(orphaned=True) == []
    with pytest.raises(BriefingError, match="no tag named"):
        library.highlights(tags_all=["nope"])


@pytest.mark.parametrize(
    "duplicate", ["SANCTIONS", "ｓａｎｃｔｉｏｎｓ", " sanctions ", "制裁", "北方領土"]
)
def test_tag_names_unique_regardless_of_case_width_and_aliases(
    library: Library, duplicate: str
) -> None:
    with pytest.raises(BriefingError, match="already a tag or an alias"):
        library.execute(CreateTag(duplicate))


def test_create_rename_recolour_tag_and_undo(library: Library, article_id: int) -> None:
    library.execute(CreateTag("export controls", aliases=("工作機械",), slot=4))
    highlight_id = add(library, article_id, "二次制裁", "工作機械")
    assert library.highlight(highlight_id).tags == ("export controls",)
    library.execute(EditTag("export controls", name="輸出管理", color="#123456"))
    tag = library.tag("輸出管理")
    assert (tag.color, tag.slot, tag.aliases) == ("#123456", 4, ("工作機械",))
    assert library.highlight(highlight_id).tags == ("輸出管理",)
    library.undo()
    assert library.tag("export controls").color != "#123456"
    with pytest.raises(BriefingError, match="not a colour"):
        library.execute(EditTag("sanctions", color="red"))
    with pytest.raises(BriefingError, match="slot 1 already"):
        library.execute(EditTag("export controls", slot=1))


def test_merge_moves_highlights_without_duplicates_and_undoes(
    library: Library, article_id: int
) -> None:
    library.execute(CreateTag("shadow fleet", aliases=("影の船団",)))
    both = add(library, article_id, "影の船団", "shadow fleet", "sanctions")
    only = add(library, article_id, "二次制裁", "shadow fleet")
    library.execute(MergeTags("shadow fleet", "sanctions"))
    assert library.highlight(both).tags == ("sanctions",)
    assert library.highlight(only).tags == ("sanctions",)
    assert {"shadow fleet", "影の船団"} <= set(library.tag("sanctions").aliases)
    assert library.tag("影の船団").name == "sanctions"
    library.undo()
    assert library.highlight(both).tags == ("shadow fleet", "sanctions")
    assert library.highlight(only).tags == ("shadow fleet",)
    assert "影の船団" not in library.tag("sanctions").aliases


def test_delete_tag_refused_while_used_unless_untag(library: Library, article_id: int) -> None:
    highlight_id = add(library, article_id, "二次制裁", "NSATU")
    with pytest.raises(BriefingError, match="is on 1 highlight"):
        library.execute(DeleteTag("NSATU"))
    library.execute(DeleteTag("NSATU", untag=True))
    assert library.highlight(highlight_id).tags == ()
    library.undo()
    assert library.highlight(highlight_id).tags == ("NSATU",)
    assert library.tag("NSATU").slot == 2


def test_delete_article_takes_highlights_and_undo_brings_them_back(
    library: Library, article_id: int
) -> None:
    highlight_id = add(library, article_id, "二次制裁", "sanctions", note="keep")
    library.execute(DeleteArticle(article_id))
    assert library.articles() == [] and library.highlights() == []
    assert library.db.execute("SELECT count(*) FROM highlight_tags").fetchone()[0] == 0
    library.undo()
    assert library.article(article_id).title == "制裁の行方"
    assert library.highlight(highlight_id).note == "keep"
    assert library.search("二次制裁").hits


def test_failed_command_changes_nothing_and_is_not_undoable(
    library: Library, article_id: int
) -> None:
    with pytest.raises(BriefingError, match="no tag named"):
        library.execute(AddHighlight(article_id, 0, 4, ("no such tag",)))
    assert library.highlights() == [] and library.history.undo_text == ""


def test_disk_full_is_a_clear_error_and_keeps_what_was_saved(
    library: Library, article_id: int
) -> None:
    saved = add(library, article_id, "二次制裁", "sanctions")
    pages = library.db.execute("PRAGMA page_count").fetchone()[0]
    library.db.execute(f"PRAGMA max_page_count = {pages}")
    big = "制裁" * 300_000
    with pytest.raises(BriefingError, match="disk is full"):
        library.execute(EditHighlight(saved, note=big))
    library.db.execute("PRAGMA max_page_count = 1073741823")
    assert library.highlight(saved).note == ""


def test_untag_undo_keeps_the_tags_in_their_order(library: Library, article_id: int) -> None:
    highlight_id = add(
        library, article_id, "二次制裁", "sanctions", "NSATU", "Northern Territories"
    )
    library.execute(ChangeHighlightTags([highlight_id], "sanctions", add=False))
    library.undo()
    assert library.highlight(highlight_id).tags == ("sanctions", "NSATU", "Northern Territories")


def test_undo_still_works_after_newer_rows_were_added(library: Library, article_id: int) -> None:
    """Ids are never reused: a deleted article comes back under its id even after another
    article was imported in between (by this window or a scheduled import)."""
    highlight_id = add(library, article_id, "二次制裁", "sanctions")
    library.execute(DeleteArticle(article_id))
    newer = import_draft(library.db, ArticleDraft("別の記事", "北方領土の話。", source="別"))
    assert newer.article_id != article_id
    library.undo()
    assert library.article(article_id).title == "制裁の行方"
    assert library.highlight(highlight_id).tags == ("sanctions",)
    library.execute(DeleteHighlight(highlight_id))
    other = add(library, newer.article_id, "北方領土", "Northern Territories")
    assert other != highlight_id  # the deleted highlight's id stays free for its undo
    library.undo()  # the new highlight
    library.undo()  # the deletion
    assert library.highlight(highlight_id).quote == "二次制裁"


def test_menu_texts_name_what_they_do(library: Library, article_id: int) -> None:
    """The Edit menu shows "Undo " + text: each text says what the step did."""
    highlight_id = add(library, article_id, "二次制裁")
    steps = [
        (ChangeHighlightTags([highlight_id], "制裁", add=True), "Tag sanctions"),  # by alias
        (ChangeHighlightTags([highlight_id], "sanctions", add=False), "Untag sanctions"),
        (set_note(highlight_id, "n"), "Edit note"),
        (EditHighlight(highlight_id, tags=("NSATU",)), "Edit tags"),
        (EditTag("制裁", name="Russia sanctions"), "Rename tag sanctions"),
        (EditTag("NSATU", color="#123456"), "Recolour tag NSATU"),
        (CreateTag("shadow fleet"), "Create tag shadow fleet"),
        (
            MergeTags("shadow fleet", "russia sanctions"),
            "Merge tag shadow fleet into Russia sanctions",
        ),
        (DeleteHighlight(highlight_id), "Delete highlight"),
        (DeleteTag("NSATU"), "Delete tag NSATU"),
        (DeleteArticle(article_id), "Delete article"),
    ]
    assert library.history.undo_text == "Add highlight"
    for command, text in steps:
        library.execute(command)
        assert library.history.undo_text == text
    for _command, text in reversed(steps):
        library.undo()
        assert library.history.redo_text == text
