"""The briefing compiler: chosen highlights → a document model every writer renders.

Plain Python (no Qt, no SQL): :mod:`briefing.services.briefing` chooses the highlights and
articles, this module arranges them, and :mod:`briefing.export` writes the model as PDF,
HTML or Markdown. Arranging in one place is what makes the three formats say the same thing.

Rules (issue 14): one section per chosen tag, in the analyst's order; a highlight with several
chosen tags appears once, in the section of its first chosen tag (the tag order of the
briefing, not of the highlight), with its other tags beside it; items in a section run by
article, then by position in the article, unless the analyst reordered them; every cited
article is listed once in the appendix of sources, numbered in order of first citation.

Language (issue 14's follow-up): a briefing prints its labels ("Sources", "p. 12") in one
language, "ja" or "en", from :mod:`briefing.core.briefing_labels`; the analyst chooses it, or
by default it is the language most of the quoted articles are in
(:func:`~briefing.core.briefing_labels.language_of`: Japanese on a tie). The default title
follows the language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from briefing.core.briefing_labels import (
    AUTOMATIC,
    LABELS,
    LANGUAGES,
    Labels,
    labels_for,
    language_of,
)
from briefing.core.briefing_text import Block, parse_rich
from briefing.core.errors import BriefingError
from briefing.core.model import Article, Highlight

PAPERS = ("a4", "letter")
FORMATS = ("pdf", "html", "md")


@dataclass(frozen=True)
class Period:
    """Which highlights a briefing covers: those created on ``start``…``end`` (local days,
    inclusive), or with ``kind == "since_last"`` those created or changed after ``after``
    (the time of the last recorded export; None when there was none yet: everything)."""

    kind: str  # "day", "range", "since_last"
    start: date | None = None
    end: date | None = None
    after: datetime | None = None

    @classmethod
    def day(cls, day: date) -> Period:
        return cls("day", day, day)

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        if end < start:
            raise BriefingError(f"the range ends ({end}) before it starts ({start})")
        return cls("day", start, start) if start == end else cls("range", start, end)

    @classmethod
    def since_last(cls, after: datetime | None = None) -> Period:
        return cls("since_last", after=after)

    def label(self, labels: Labels | None = None) -> str:
        """How the period reads on the briefing's first page, in the language of ``labels``
        (English when none: the CLI's messages)."""
        labels = labels or LABELS["en"]
        if self.kind == "day" and self.start:
            return self.start.isoformat()
        if self.kind == "range" and self.start and self.end:
            return f"{self.start.isoformat()}{labels.range_join}{self.end.isoformat()}"
        if self.after is None:
            return labels.all_highlights
        return labels.since_last.format(self.after.astimezone().strftime("%Y-%m-%d %H:%M"))


@dataclass(frozen=True)
class BriefingOptions:
    """Everything an analyst chooses for one briefing; saved with each export (JSON)."""

    period: Period = field(default_factory=lambda: Period.since_last())
    tags: tuple[str, ...] = ()  # sections, in order; empty: every tag that has highlights
    article_ids: tuple[int, ...] = ()  # empty: every article
    sources: tuple[str, ...] = ()  # empty: every source
    title: str = ""  # empty: the language's usual title (Labels.title)
    author: str = ""
    marking: str = ""  # classification marking, e.g. 取扱注意
    summary: str = ""  # Markdown
    paper: str = "a4"
    excluded: tuple[int, ...] = ()  # highlight ids the analyst unticked
    order: tuple[int, ...] = ()  # highlight ids in the analyst's order (may be partial)
    language: str = AUTOMATIC  # "ja", "en", or empty: the quoted articles' (language_of)

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise BriefingError(f"unknown paper size “{self.paper}” (use a4 or letter)")
        if self.language != AUTOMATIC and self.language not in LANGUAGES:
            raise BriefingError(f"unknown briefing language “{self.language}” (use ja or en)")

    def to_json(self) -> str:
        data = asdict(self)
        period = self.period
        data["period"] = {
            "kind": period.kind,
            "start": period.start.isoformat() if period.start else None,
            "end": period.end.isoformat() if period.end else None,
            "after": period.after.isoformat() if period.after else None,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> BriefingOptions:
        """Options saved by :meth:`to_json`; unknown keys (from a newer version) are ignored."""
        data: dict[str, Any] = json.loads(text)
        p = data.pop("period", None) or {}
        period = Period(
            p.get("kind", "since_last"),
            date.fromisoformat(p["start"]) if p.get("start") else None,
            date.fromisoformat(p["end"]) if p.get("end") else None,
            datetime.fromisoformat(p["after"]) if p.get("after") else None,
        )
        known = {f for f in cls.__dataclass_fields__ if f != "period"}
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
        return cls(period=period, **values)

    def with_changes(self, **changes: Any) -> BriefingOptions:
        return replace(self, **changes)


@dataclass(frozen=True)
class Citation:
    """Where a quote comes from; ``number`` is the article's entry in the appendix."""

    number: int
    article_id: int
    title: str
    source: str
    author: str
    published: date | None
    url: str
    page: str | None  # the source PDF's page label, when the article came from a PDF

    def parts(self, labels: Labels) -> list[str]:
        """Title, source, author, published date and page, those that are known."""
        published = self.published.isoformat() if self.published else ""
        page = labels.page(self.page) if self.page else ""
        return [p for p in (self.title, self.source, self.author, published, page) if p]


@dataclass(frozen=True)
class Item:
    highlight_id: int
    quote: str
    note: tuple[Block, ...]
    note_markdown: str
    other_tags: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True)
class Section:
    tag: str
    color: str
    description: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Source:
    number: int
    article_id: int
    title: str
    source: str
    author: str
    published: date | None
    url: str
    pages: tuple[str, ...]  # the cited pages, in order of first citation

    def parts(self, labels: Labels) -> list[str]:
        """Title, source, author, published date and cited pages, those that are known."""
        published = self.published.isoformat() if self.published else ""
        pages = labels.pages(self.pages) if self.pages else ""
        return [p for p in (self.title, self.source, self.author, published, pages) if p]


@dataclass(frozen=True)
class Briefing:
    """The document model: what every writer renders, in this order."""

    title: str
    author: str
    marking: str
    created: datetime  # aware; the PDF's creation date and the date in every header
    period_label: str
    summary: tuple[Block, ...]
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    paper: str = "a4"
    language: str = "ja"  # of the labels: "ja" or "en", never automatic here

    @property
    def labels(self) -> Labels:
        """The words every writer prints around the content, in the briefing's language."""
        return labels_for(self.language)

    @property
    def count_label(self) -> str:
        """How many items, as the first page prints it ("12" / "12件")."""
        return f"{len(self.items)}{self.labels.count_suffix}"

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    @property
    def highlight_ids(self) -> list[int]:
        return [item.highlight_id for item in self.items]

    @property
    def date_label(self) -> str:
        """The issue date (local day of creation) printed in every header."""
        return self.created.astimezone().date().isoformat()

    @property
    def subject(self) -> str:
        return f"{self.title}: {self.period_label}"

    @property
    def keywords(self) -> tuple[str, ...]:
        return tuple(section.tag for section in self.sections)


@dataclass(frozen=True)
class TagInfo:
    """What the compiler needs to know about a tag that heads a section."""

    name: str
    color: str = "#555555"
    description: str = ""


def compile_briefing(
    highlights: Sequence[Highlight],
    articles: Mapping[int, Article],
    options: BriefingOptions,
    section_tags: Sequence[TagInfo],
    created: datetime,
) -> Briefing:
    """Arrange ``highlights`` (already chosen by period and filters) into a briefing.

    ``section_tags`` are the sections in order, by canonical tag name; a highlight that
    carries none of them, or that the analyst unticked, is left out. Raises
    :class:`BriefingError` when nothing is left to include.

    The labels' language is ``options.language``, or when that is automatic the language most
    of the quoted articles are in (Japanese on a tie); the title, when none was given, is
    that language's usual one.
    """
    if created.tzinfo is None:
        created = created.astimezone()
    excluded = set(options.excluded)
    rank = {tag.name: index for index, tag in enumerate(section_tags)}
    chosen = [h for h in highlights if h.id not in excluded and any(t in rank for t in h.tags)]
    if not chosen:
        raise BriefingError(f"nothing to include: {_nothing_reason(options, section_tags)}")

    # Default order: by article (in the order the articles were added), then by position.
    chosen.sort(key=lambda h: (h.article_id, h.selector.start, h.id))
    position = {h.id: index for index, h in enumerate(chosen)}
    analyst = {hid: index for index, hid in enumerate(options.order)}
    chosen.sort(key=lambda h: analyst.get(h.id, len(analyst) + position[h.id]))

    by_section: dict[str, list[Highlight]] = {tag.name: [] for tag in section_tags}
    for highlight in chosen:
        first = min((t for t in highlight.tags if t in rank), key=rank.__getitem__)
        by_section[first].append(highlight)

    numbers: dict[int, int] = {}
    pages: dict[int, list[str]] = {}
    sections = []
    for tag in section_tags:
        members = by_section[tag.name]
        if not members:
            continue
        items = []
        for highlight in members:
            article = articles[highlight.article_id]
            number = numbers.setdefault(article.id, len(numbers) + 1)
            page = article.page_at(highlight.selector.start) if article.pages else None
            if page and page not in pages.setdefault(article.id, []):
                pages[article.id].append(page)
            items.append(
                Item(
                    highlight_id=highlight.id,
                    quote=highlight.quote,
                    note=parse_rich(highlight.note),
                    note_markdown=highlight.note,
                    other_tags=tuple(t for t in highlight.tags if t != tag.name),
                    citation=Citation(
                        number,
                        article.id,
                        article.title,
                        article.source,
                        article.author,
                        article.published,
                        article.url,
                        page,
                    ),
                )
            )
        sections.append(Section(tag.name, tag.color, tag.description, tuple(items)))

    sources = tuple(
        Source(
            number,
            article_id,
            articles[article_id].title,
            articles[article_id].source,
            articles[article_id].author,
            articles[article_id].published,
            articles[article_id].url,
            tuple(pages.get(article_id, ())),
        )
        for article_id, number in numbers.items()
    )
    quoted: dict[int, list[str]] = {}
    for highlight in chosen:
        quoted.setdefault(highlight.article_id, []).append(highlight.quote)
    language = options.language or language_of(
        (articles[article_id].language, "\n".join(quoted[article_id])) for article_id in numbers
    )
    labels = labels_for(language)
    return Briefing(
        title=options.title.strip() or labels.title,
        author=options.author.strip(),
        marking=options.marking.strip(),
        created=created,
        period_label=options.period.label(labels),
        summary=parse_rich(options.summary),
        sections=tuple(sections),
        sources=sources,
        paper=options.paper,
        language=language,
    )


def _nothing_reason(options: BriefingOptions, section_tags: Sequence[TagInfo]) -> str:
    # Every tag of the library when none was chosen: naming them all would say nothing.
    tags = ", ".join(tag.name for tag in section_tags) if options.tags else ""
    what = f"no highlights tagged {tags}" if tags else "no tagged highlights"
    extra = []
    if options.article_ids:
        extra.append("in the chosen articles")
    if options.sources:
        extra.append("from the chosen sources")
    if options.excluded:
        extra.append("that were not unticked")
    period = options.period
    if period.kind == "since_last":
        when = "added or changed " + period.label() if period.after else "in the library"
    else:
        when = f"for {period.label()}"
    return " ".join([what, *extra, when])


def created_from_text(text: str) -> datetime:
    """``YYYY-MM-DDTHH:MM`` (local time unless an offset is given) as an aware datetime."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise BriefingError(f"not a date and time (YYYY-MM-DDTHH:MM): {text}") from None
    return value.astimezone() if value.tzinfo is None else value


def utc_parts(moment: datetime) -> dict[str, int]:
    """The instant as UTC calendar fields (the PDF's creation date is written in UTC)."""
    utc = moment.astimezone(UTC)
    return {
        "year": utc.year,
        "month": utc.month,
        "day": utc.day,
        "hour": utc.hour,
        "minute": utc.minute,
        "second": utc.second,
    }
