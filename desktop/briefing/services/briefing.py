"""The daily briefing as a use case: choose the highlights, compile, write, record.

The CLI's ``export`` and the window's Briefing dialog both call these functions; the
compiler (:mod:`briefing.core.briefing`) arranges, the writers (:mod:`briefing.export`)
write, and every export is recorded in the library: that record is what "since the last
briefing" reads and what the dialog's history lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as date_type
from pathlib import Path

from briefing.core.briefing import (
    FORMATS,
    Briefing,
    BriefingOptions,
    Period,
    TagInfo,
    compile_briefing,
    created_from_text,
)
from briefing.core.errors import BriefingError
from briefing.core.model import Article, Highlight
from briefing.export.files import check_destination, write_atomic
from briefing.services.library import Library
from briefing.store import briefings as briefing_store
from briefing.store.db import reading, write_transaction
from briefing.store.rows import now_iso

SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    size: int  # bytes written
    highlight_ids: tuple[int, ...]
    export_id: int | None  # None when the library is read-only and nothing was recorded


@dataclass(frozen=True)
class ExportRecord:
    """One export from the library's history."""

    id: int
    exported_at: datetime
    format: str
    output_path: str
    options: BriefingOptions | None  # None if written by a newer version in a way not read
    highlight_ids: tuple[int, ...]


def format_for(path: Path, requested: str | None = None) -> str:
    """The output format: as requested, else from the file name's suffix, else PDF."""
    if requested:
        if requested not in FORMATS:
            raise BriefingError(f"unknown format “{requested}” (use pdf, html or md)")
        return requested
    return SUFFIXES.get(Path(path).suffix.lower(), "pdf")


def options_from_cli(
    *,
    date: date_type | None = None,
    date_from: date_type | None = None,
    date_to: date_type | None = None,
    since_last: bool = False,
    tags: str = "",
    article_ids: list[int] | tuple[int, ...] = (),
    sources: list[str] | tuple[str, ...] = (),
    title: str | None = None,
    author: str = "",
    marking: str = "",
    summary_file: Path | None = None,
    paper: str = "a4",
    created: str | None = None,
    language: str = "",
) -> tuple[BriefingOptions, datetime | None]:
    """The CLI's arguments as options plus the fixed creation time (``--created``).

    No ``title`` (or an empty one) and no ``language``: the language most of the quoted
    articles are in, and that language's usual title (see :mod:`briefing.core.briefing_labels`)."""
    if date_to and not date_from:
        raise BriefingError("--to needs --from")
    if since_last:
        period = Period.since_last()
    elif date_from:
        period = Period.between(date_from, date_to or date_type.today())
    else:
        period = Period.day(date or date_type.today())
    summary = ""
    if summary_file is not None:
        try:
            summary = Path(summary_file).read_text(encoding="utf-8")
        except OSError as error:
            raise BriefingError(
                f"{summary_file}: cannot read the summary: {error.strerror}"
            ) from None
        except UnicodeDecodeError:
            raise BriefingError(f"{summary_file}: the summary is not UTF-8 text") from None
    options = BriefingOptions(
        period=period,
        tags=tuple(t.strip() for t in tags.split(",") if t.strip()),
        article_ids=tuple(article_ids),
        sources=tuple(sources),
        title=title or "",
        author=author,
        marking=marking,
        summary=summary,
        paper=paper,
        language=language or "",
    )
    return options, created_from_text(created) if created else None


def last_export_time(library: Library) -> datetime | None:
    """When the highlights of the last recorded export were chosen (None: never)."""
    with reading(library.db):
        return briefing_store.last_export_time(library.db)


def resolve_period(library: Library, period: Period) -> Period:
    """Period "since the last briefing" gets the time of the last recorded export filled in."""
    if period.kind == "since_last" and period.after is None:
        return Period.since_last(last_export_time(library))
    return period


def section_tags(library: Library, options: BriefingOptions) -> list[TagInfo]:
    """The sections, in order: the chosen tags (names or aliases, resolved to the tag's
    name; a tag named twice counts once), or every tag of the library."""
    tags = [library.tag(name) for name in options.tags] if options.tags else library.tags()
    unique = {tag.id: tag for tag in tags}
    return [TagInfo(tag.name, tag.color, tag.description) for tag in unique.values()]


def candidate_highlights(library: Library, options: BriefingOptions) -> list[Highlight]:
    """Highlights of the period that pass the article and source filters, before sections
    and unticking: what the dialog lists for the analyst to tick, untick and reorder.
    Orphaned highlights (their passage is gone from the article) are never cited."""
    period = resolve_period(library, options.period)
    if period.kind == "since_last":
        after = (
            period.after.astimezone(UTC).isoformat(timespec="microseconds")
            if period.after
            else None
        )
        with reading(library.db):
            ids = briefing_store.highlight_ids_changed_since(library.db, after)
        found = [
            h
            for start in range(0, len(ids), 500)
            for h in library.highlights(ids=ids[start : start + 500])
        ]
        found.sort(key=lambda h: (h.article_id, h.selector.start, h.id))
    else:
        found = library.highlights(since=period.start, until=period.end)
    found = [h for h in found if not h.orphaned]
    if options.article_ids:
        wanted = set(options.article_ids)
        found = [h for h in found if h.article_id in wanted]
    if options.sources:
        sources = {s.strip().casefold() for s in options.sources}
        articles = _articles(library, {h.article_id for h in found})
        found = [h for h in found if articles[h.article_id].source.strip().casefold() in sources]
    return found


def build_briefing(
    library: Library, options: BriefingOptions, created: datetime | None = None
) -> Briefing:
    """Compile the briefing these options describe (raises when nothing is to include)."""
    options = options.with_changes(period=resolve_period(library, options.period))
    highlights = candidate_highlights(library, options)
    articles = _articles(library, {h.article_id for h in highlights})
    return compile_briefing(
        highlights, articles, options, section_tags(library, options), created or datetime.now(UTC)
    )


def render(briefing: Briefing, fmt: str) -> bytes:
    """The briefing's bytes in ``fmt`` (pdf, html, md)."""
    if fmt == "pdf":
        from briefing.export.pdf import render_pdf

        return render_pdf(briefing)
    if fmt == "html":
        from briefing.export.html import render_html

        return render_html(briefing)
    if fmt == "md":
        from briefing.export.markdown import render_markdown

        return render_markdown(briefing)
    raise BriefingError(f"unknown format “{fmt}” (use pdf, html or md)")


def export_briefing(
    library: Library,
    options: BriefingOptions,
    path: Path | str,
    fmt: str | None = None,
    *,
    created: datetime | None = None,
    record: bool = True,
) -> ExportResult:
    """Write the briefing to ``path`` (atomically) and record the export in the library.

    ``created`` fixes the creation date printed and stored in the file (for byte-identical
    output); the recorded export time is always the real time the highlights were chosen,
    so "since the last briefing" never skips a highlight."""
    path = check_destination(Path(path))
    fmt = format_for(path, fmt)
    chosen_at = now_iso()
    options = options.with_changes(period=resolve_period(library, options.period))
    briefing = build_briefing(library, options, created)
    data = render(briefing, fmt)
    write_atomic(path, data)
    ids = tuple(briefing.highlight_ids)
    export_id = None
    if record and not library.read_only:
        with write_transaction(library.db):
            export_id = briefing_store.record_export(
                library.db,
                exported_at=chosen_at,
                format=fmt,
                output_path=str(path),
                options=options.to_json(),
                highlight_ids=ids,
            )
    return ExportResult(path, fmt, len(data), ids, export_id)


def export_history(library: Library, limit: int | None = 50) -> list[ExportRecord]:
    """Recorded exports, the newest first."""
    with reading(library.db):
        rows = briefing_store.list_exports(library.db, limit)
    return [
        ExportRecord(
            row.id,
            row.exported_at,
            row.format,
            row.output_path,
            _options_or_none(row.options),
            row.highlight_ids,
        )
        for row in rows
    ]


def _options_or_none(text: str) -> BriefingOptions | None:
    try:
        return BriefingOptions.from_json(text)
    except (ValueError, TypeError, KeyError, BriefingError):
        return None


def _articles(library: Library, ids: set[int]) -> dict[int, Article]:
    return {article_id: library.article(article_id) for article_id in sorted(ids)}
