"""The briefing compiler on hand-made highlights: no database, no Qt, no typst."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from briefing.core.briefing import (
    BriefingOptions,
    Period,
    TagInfo,
    compile_briefing,
    created_from_text,
)
from briefing.core.briefing_labels import LABELS
from briefing.core.briefing_text import parse_rich, plain_text
from briefing.core.errors import BriefingError
from briefing.core.model import Article, Highlight, PageStart, TextSelector

CREATED = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
TAGS = [TagInfo("sanctions", "#d32f2f"), TagInfo("NSATU", "#1565c0"), TagInfo("北方領土")]


def article(article_id: int, **fields) -> Article:
    values = dict(
        title=f"記事{article_id}",
        body="",
        text="本文" * 200,
        source="ROLES",
        author="小泉悠",
        url=f"https://example.org/{article_id}",
        published=date(2025, 8, 19),
        language="ja",
        content_hash=str(article_id),
        imported_at=CREATED,
        updated_at=CREATED,
    )
    values.update(fields)
    return Article(id=article_id, **values)


def hl(hid: int, article_id: int, start: int, tags: tuple[str, ...], note: str = "") -> Highlight:
    return Highlight(
        id=hid,
        article_id=article_id,
        selector=TextSelector(f"引用{hid}", "", "", start, start + 3),
        tags=tags,
        note=note,
        created_at=CREATED,
    )


ARTICLES = {
    1: article(1),
    2: article(2, pages=(PageStart(0, "i"), PageStart(50, "12"), PageStart(100, "13"))),
}


def compile_(highlights, options=None, tags=TAGS):
    return compile_briefing(highlights, ARTICLES, options or BriefingOptions(), tags, CREATED)


def test_sections_follow_the_chosen_tag_order_and_skip_empty_tags() -> None:
    briefing = compile_([hl(1, 1, 0, ("北方領土",)), hl(2, 1, 10, ("sanctions",))])
    assert [s.tag for s in briefing.sections] == ["sanctions", "北方領土"]
    assert briefing.keywords == ("sanctions", "北方領土")


def test_a_highlight_with_several_chosen_tags_appears_once_in_its_first_chosen_tag() -> None:
    # The highlight lists NSATU first, but the briefing's order puts sanctions first.
    briefing = compile_([hl(1, 1, 0, ("NSATU", "unchosen", "sanctions"))])
    assert [(s.tag, [i.highlight_id for i in s.items]) for s in briefing.sections] == [
        ("sanctions", [1])
    ]
    assert briefing.items[0].other_tags == ("NSATU", "unchosen")
    assert briefing.highlight_ids == [1]


def test_highlights_without_a_chosen_tag_or_unticked_are_left_out() -> None:
    options = BriefingOptions(excluded=(2,))
    briefing = compile_(
        [hl(1, 1, 0, ("other",)), hl(2, 1, 5, ("NSATU",)), hl(3, 1, 9, ("NSATU",))], options
    )
    assert briefing.highlight_ids == [3]


def test_items_run_by_article_then_position_unless_reordered() -> None:
    items = [hl(1, 2, 5, ("NSATU",)), hl(2, 1, 90, ("NSATU",)), hl(3, 1, 10, ("NSATU",))]
    assert compile_(items).highlight_ids == [3, 2, 1]
    reordered = compile_(items, BriefingOptions(order=(1, 3)))
    assert reordered.highlight_ids == [1, 3, 2]  # the rest keep their default order after


def test_citation_has_page_label_only_for_paged_articles_and_sources_are_listed_once() -> None:
    items = [hl(1, 2, 60, ("NSATU",)), hl(2, 1, 0, ("NSATU",)), hl(3, 2, 120, ("sanctions",))]
    briefing = compile_(items)
    cites = {i.highlight_id: i.citation for i in briefing.items}
    assert (cites[3].number, cites[3].page) == (1, "13")  # sanctions comes first: article 2 is [1]
    assert (cites[1].number, cites[1].page) == (1, "12")
    assert (cites[2].number, cites[2].page) == (2, None)
    assert [(s.number, s.article_id, s.pages) for s in briefing.sources] == [
        (1, 2, ("13", "12")),
        (2, 1, ()),
    ]
    # Japanese articles: the page after its number, as a Japanese paper cites it.
    assert cites[1].parts(briefing.labels) == ["記事2", "ROLES", "小泉悠", "2025-08-19", "12頁"]
    assert briefing.sources[0].parts(briefing.labels)[-1] == "13、12頁"
    assert cites[1].parts(LABELS["en"])[-1] == "p. 12"
    assert briefing.sources[0].parts(LABELS["en"])[-1] == "pp. 13, 12"


def test_nothing_to_include_is_one_clear_error() -> None:
    with pytest.raises(
        BriefingError,
        match=r"^nothing to include: no highlights tagged sanctions, NSATU, 北方領土 ",
    ):
        chosen = BriefingOptions(period=Period.day(date(2026, 11, 29)), tags=("a", "b", "c"))
        compile_([hl(1, 1, 0, ("other",))], chosen)
    with pytest.raises(BriefingError, match=r"^nothing to include: no tagged highlights for 2026-"):
        compile_([], BriefingOptions(period=Period.day(date(2026, 11, 29))))


def test_title_author_marking_summary_and_period_label() -> None:
    options = BriefingOptions(
        period=Period.between(date(2026, 11, 1), date(2026, 11, 30)),
        title="  ",
        author="分析官",
        marking="取扱注意",
        summary="**要旨**: 制裁 `G7`",
    )
    briefing = compile_([hl(1, 1, 0, ("NSATU",))], options)
    # Blank falls back to the usual title of the briefing's language (Japanese articles).
    assert briefing.title == "デイリー・ブリーフィング"
    assert (briefing.author, briefing.marking) == ("分析官", "取扱注意")
    assert briefing.period_label == "2026-11-01～2026-11-30"
    assert plain_text(briefing.summary) == "要旨: 制裁 G7"
    assert briefing.subject == "デイリー・ブリーフィング: 2026-11-01～2026-11-30"
    english = compile_([hl(1, 1, 0, ("NSATU",))], options.with_changes(language="en"))
    assert english.title == "Daily Briefing"
    assert english.subject == "Daily Briefing: 2026-11-01 – 2026-11-30"


def test_period_labels_and_a_backwards_range() -> None:
    assert Period.day(date(2026, 11, 30)).label() == "2026-11-30"
    assert Period.between(date(2026, 11, 30), date(2026, 11, 30)).kind == "day"
    assert Period.since_last(None).label() == "all highlights (no earlier briefing)"
    assert Period.since_last(CREATED).label().startswith("since the last briefing (2026-11-30")
    ja = LABELS["ja"]
    assert Period.since_last(None).label(ja) == "全件（前回のブリーフィングなし）"
    assert Period.since_last(CREATED).label(ja).startswith("前回のブリーフィング以降（2026-11-30")
    with pytest.raises(BriefingError, match="ends"):
        Period.between(date(2026, 11, 30), date(2026, 11, 1))


def test_options_round_trip_through_json() -> None:
    options = BriefingOptions(
        period=Period.since_last(CREATED),
        tags=("sanctions", "北方領土"),
        article_ids=(3,),
        sources=("ROLES",),
        title="朝の報告",
        marking="取扱注意",
        summary="# x",
        paper="letter",
        excluded=(4, 5),
        order=(9, 8),
        language="en",
    )
    assert BriefingOptions.from_json(options.to_json()) == options
    day = BriefingOptions(period=Period.day(date(2026, 1, 2)))
    assert BriefingOptions.from_json(day.to_json()) == day
    with pytest.raises(BriefingError, match="paper"):
        BriefingOptions(paper="a3")
    with pytest.raises(BriefingError, match="language"):
        BriefingOptions(language="fr")
    # Saved before briefings had a language: automatic.
    assert BriefingOptions.from_json('{"paper": "a4"}').language == ""


def test_created_from_text_is_local_time_unless_an_offset_is_given() -> None:
    assert created_from_text("2026-11-30T08:00+09:00") == datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
    local = created_from_text("2026-11-30T08:00")
    assert local.tzinfo is not None and (local.hour, local.minute) == (8, 0)
    with pytest.raises(BriefingError, match="YYYY-MM-DDTHH:MM"):
        created_from_text("tomorrow")


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("#set page(fill: red) $60 <b>x</b>", "#set page(fill: red) $60 <b>x</b>"),
        (
            "First **Article 5-like** guarantee\nwithout membership",
            "First Article 5-like guarantee without membership",
        ),
        ("影の船団\nによる", "影の船団による"),  # a soft break between Japanese adds no space
        ("- a\n- b *c*\n\n> 引用", "a\nb c\n引用"),
        ("![地図](https://example.org/x.png) [link](https://e.org)", "地図 link"),
        ("# 見出し", "見出し"),
        ("", ""),
    ],
)
def test_notes_parse_to_the_text_a_reader_sees(markdown: str, text: str) -> None:
    assert plain_text(parse_rich(markdown)) == text


def test_headings_in_notes_never_become_headings() -> None:
    (block,) = parse_rich("# 見出し")
    assert block.kind == "heading"  # rendered as a bold paragraph by every writer
    (image_paragraph,) = parse_rich("![alt](http://x/y.png)")
    assert [i.kind for i in image_paragraph.inlines] == ["text"]  # no image is ever loaded


# --- the briefing's language --------------------------------------------------------------------


def _language(*languages: str, quotes: dict[int, str] | None = None) -> str:
    """The language of a briefing quoting one highlight from each article, whose language
    fields are ``languages`` (and whose quotes are ``quotes[id]`` where given)."""
    quotes = quotes or {}
    articles = {n: article(n, language=lang) for n, lang in enumerate(languages, 1)}
    highlights = [
        Highlight(n, n, TextSelector(quotes.get(n, f"引用{n}"), "", "", 0, 3), ("NSATU",))
        for n in articles
    ]
    briefing = compile_briefing(highlights, articles, BriefingOptions(), TAGS, CREATED)
    return briefing.language


def test_default_language_is_the_one_most_quoted_articles_are_in() -> None:
    assert _language("ja") == "ja"
    assert _language("en") == "en"  # an English-only briefing stays English
    assert _language("en", "en", "ja") == "en"
    assert _language("ja", "ja-JP", "EN-us") == "ja"  # region subtags count as their language
    # Articles count once each, however many of their passages are quoted.
    articles = {
        1: article(1, language="ja"),
        2: article(2, language="en"),
        3: article(3, language="en"),
    }
    many = [hl(n, 1, n, ("NSATU",)) for n in range(1, 6)] + [
        hl(10, 2, 0, ("NSATU",)),
        hl(11, 3, 0, ("NSATU",)),
    ]
    assert compile_briefing(many, articles, BriefingOptions(), TAGS, CREATED).language == "en"


def test_a_tie_or_no_known_language_gives_japanese() -> None:
    # The reader is a Japanese ministry: half-Japanese material is read in Japanese.
    assert _language("ja", "en") == "ja"
    assert _language("ru") == "ja"  # neither language: no vote, so the tie rule


def test_an_article_without_a_language_counts_by_its_quotes_script() -> None:
    assert _language("", quotes={1: "Sanctions on the oil majors"}) == "en"
    assert _language("", quotes={1: "影の船団への二次制裁"}) == "ja"
    # A field that names another language is not second-guessed from the script.
    assert _language("ru", "en", quotes={1: "Sanctions"}) == "en"


def test_a_chosen_language_overrides_the_articles_and_sets_the_default_title() -> None:
    options = BriefingOptions(language="en")
    briefing = compile_([hl(1, 1, 0, ("NSATU",))], options)  # a Japanese article
    assert (briefing.language, briefing.title, briefing.labels.sources) == (
        "en",
        "Daily Briefing",
        "Sources",
    )
    titled = compile_([hl(1, 1, 0, ("NSATU",))], options.with_changes(title="朝の報告"))
    assert titled.title == "朝の報告"
