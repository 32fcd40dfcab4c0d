"""``highlights.json`` beside imported articles: tags and highlights that come with them.

The sample library ships its highlights this way, and an analyst can hand a colleague a
folder of articles with their highlights. Applying a file twice adds nothing new: a
highlight already present (same article, same span) is left alone.

The file comes from someone else, so nothing in it is trusted: it is read only up to
:data:`MAX_ANNOTATION_BYTES`, nesting deeper than the parser can follow is one line, and
every tag and highlight entry is checked on its own (:mod:`.annotation_schema`): a bad
entry is reported with its number and reason and the others are applied. Entries are
written in transactions of :data:`CHUNK_ENTRIES`, so a 9,000-entry file never holds the
write lock for long, a window reading the library stays responsive, and a failure loses at
most the chunk under way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.core.anchoring import find_occurrences, make_selector
from briefing.core.errors import BriefingError
from briefing.services.annotation_schema import (
    HighlightSpec,
    TagSpec,
    check_highlight,
    check_tag,
)
from briefing.services.tag_commands import CreateTag
from briefing.store import LibraryDatabase
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.db import write_transaction
from briefing.store.rows import now_iso

ANNOTATION_FILE = "highlights.json"
MAX_ANNOTATION_BYTES = 16 * 1024 * 1024  # 9,000 highlights with long notes are about 4 MB
CHUNK_ENTRIES = 250  # highlights per write transaction: well under a second each
MAX_PROBLEMS_LISTED = 20  # beyond this, one line says how many more were rejected

AnnotationProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class AnnotationResult:
    added: int
    present: int
    problems: tuple[str, ...]
    not_imported: int = 0  # entries for files that were not part of this import


def read_annotation_file(path: Path) -> dict[str, Any]:
    """The file's top-level object, or :class:`BriefingError` with one line saying why not."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_ANNOTATION_BYTES + 1)
    except OSError as error:
        raise BriefingError(f"{path.name}: cannot read ({error.strerror or error})") from None
    if len(raw) > MAX_ANNOTATION_BYTES:
        mb = MAX_ANNOTATION_BYTES / 2**20
        limit = f"{mb:g} MB" if mb >= 1 else f"{MAX_ANNOTATION_BYTES} bytes"
        raise BriefingError(f"{path.name}: larger than {limit}; not a highlights file")
    try:
        # utf-8-sig: a BOM (Windows editors write one) is not an error.
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BriefingError(f"{path.name}: not UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError) as error:
        # RecursionError: thousands of nested brackets; the parser gives up cleanly.
        reason = (
            f"line {error.lineno}: {error.msg}"
            if isinstance(error, json.JSONDecodeError)
            else "nested too deeply"
        )
        raise BriefingError(f"{path.name}: not valid JSON ({reason})") from None
    if not isinstance(data, dict) or not isinstance(data.get("highlights"), list):
        raise BriefingError(f"{path.name}: expected an object with a “highlights” list")
    if not isinstance(data.get("tags", []), list):
        raise BriefingError(f"{path.name}: “tags” must be a list")
    return data


def apply_annotation_file(
    db: LibraryDatabase,
    path: Path,
    articles_by_file: dict[str, int],
    progress: AnnotationProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AnnotationResult:
    """Create the file's extra tags and add its highlights to the articles imported from the
    same folder (``articles_by_file`` maps a file name to its article id).

    Entries for a file that exists beside ``path`` but was not imported this time (a single
    file imported from a folder, or one that failed and is reported on its own) are passed
    over, not reported: they are not this import's business. ``progress(done, total)`` is
    called after each chunk; ``cancelled()`` is asked before each, and the chunks written
    stay (applying the file again adds only what is missing)."""
    data = read_annotation_file(path)
    problems: list[str] = []
    tag_specs: list[TagSpec] = []
    for number, raw in enumerate(data.get("tags", []), start=1):
        spec, reason = check_tag(raw)
        if spec is None:
            problems.append(f"{path.name} tag {number}: {reason}")
        else:
            tag_specs.append(spec)
    entries: list[tuple[int, HighlightSpec]] = []
    not_imported = 0
    for number, raw in enumerate(data["highlights"], start=1):
        spec, reason = check_highlight(raw)
        if spec is None:
            problems.append(f"{path.name} highlight {number}: {reason}")
        elif spec.article in articles_by_file:
            entries.append((number, spec))
        elif (path.parent / spec.article).is_file() and Path(spec.article).name == spec.article:
            not_imported += 1
        else:
            problems.append(f"{path.name} highlight {number}: no file {spec.article} beside it")
    applier = _Applier(db, path.name, articles_by_file, problems)
    with write_transaction(db):
        for spec in tag_specs:
            applier.tag(spec)
    total = len(entries)
    for first in range(0, total, CHUNK_ENTRIES):
        if cancelled and cancelled():
            break
        with write_transaction(db):
            for number, spec in entries[first : first + CHUNK_ENTRIES]:
                applier.highlight(number, spec)
        if progress:
            progress(min(first + CHUNK_ENTRIES, total), total)
    if len(problems) > MAX_PROBLEMS_LISTED:
        more = len(problems) - MAX_PROBLEMS_LISTED
        problems[MAX_PROBLEMS_LISTED:] = [f"{path.name}: {more} more entries rejected"]
    return AnnotationResult(applier.added, applier.present, tuple(problems), not_imported)


class _Applier:
    """Writes checked entries, remembering each article's text and highlighted spans so a
    file of thousands of entries reads each article once instead of once per entry."""

    def __init__(
        self, db: LibraryDatabase, name: str, articles: dict[str, int], problems: list[str]
    ) -> None:
        self.db, self.name, self.articles, self.problems = db, name, articles, problems
        self.added = self.present = 0
        self._texts: dict[int, str] = {}
        self._spans: dict[int, set[tuple[int, int]]] = {}
        self._occurrences: dict[tuple[int, str], list[int]] = {}

    def tag(self, spec: TagSpec) -> None:
        if tag_store.resolve_tag(self.db, spec.name) is not None:
            return
        try:  # every check runs before the first write: a refused tag leaves nothing
            CreateTag(spec.name, spec.color, spec.description, spec.aliases).do(self.db)
        except BriefingError as error:
            self.problems.append(f"{self.name} tag “{spec.name}”: {error}")

    def highlight(self, number: int, spec: HighlightSpec) -> None:
        article_id = self.articles[spec.article]
        text = self._text(article_id)
        starts = self._occurrences.get((article_id, spec.quote))
        if starts is None:  # one scan per quote: files number its occurrences 1, 2, 3…
            starts = self._occurrences[article_id, spec.quote] = find_occurrences(text, spec.quote)
        if not 1 <= spec.occurrence <= len(starts):
            where = f"occurrence {spec.occurrence} of" if starts else "quote not found in"
            self._reject(number, f"{where} {spec.article}: {spec.quote[:30]}…")
            return
        start = starts[spec.occurrence - 1]
        end = start + len(spec.quote)
        spans = self._spans_of(article_id)
        if (start, end) in spans:
            self.present += 1
            return
        tag_ids = []
        for name in spec.tags:
            tag_id = tag_store.resolve_tag(self.db, name)
            if tag_id is None:
                self._reject(number, f"no tag named “{name}”")
                return
            tag_ids.append(tag_id)
        selector = make_selector(text, start, end)
        now = now_iso()
        row = {
            "article_id": article_id,
            **highlight_store.placed_at(selector),
            "note": spec.note,
            "author": spec.author,
            "created_at": now,
            "updated_at": now,
        }
        highlight_store.insert_highlight(self.db, row, tag_ids)
        spans.add((start, end))
        self.added += 1

    def _reject(self, number: int, reason: str) -> None:
        self.problems.append(f"{self.name} highlight {number}: {reason}")

    def _text(self, article_id: int) -> str:
        if article_id not in self._texts:
            article = article_store.get_article(self.db, article_id)
            self._texts[article_id] = article.text if article is not None else ""
        return self._texts[article_id]

    def _spans_of(self, article_id: int) -> set[tuple[int, int]]:
        if article_id not in self._spans:
            self._spans[article_id] = {
                (h.selector.start, h.selector.end)
                for h in highlight_store.list_highlights(self.db, article_id=article_id)
            }
        return self._spans[article_id]
