"""``highlights.json`` beside imported articles: tags and highlights that come with them.

The sample library ships its highlights this way, and an analyst can hand a colleague a
folder of articles with their highlights. Applying a file twice adds nothing new: a
highlight already present (same article, same span, same quote) is left alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.core.anchoring import find_occurrences
from briefing.core.errors import BriefingError
from briefing.services.commands import AddHighlight, require_tag
from briefing.services.tag_commands import CreateTag
from briefing.store import LibraryDatabase
from briefing.store import articles as article_store
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.db import write_transaction

ANNOTATION_FILE = "highlights.json"


@dataclass(frozen=True)
class AnnotationResult:
    added: int
    present: int
    problems: tuple[str, ...]


def read_annotation_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BriefingError(f"{path.name}: not a readable highlights file ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("highlights"), list):
        raise BriefingError(f"{path.name}: expected an object with a “highlights” list")
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(
        isinstance(t, dict) and isinstance(t.get("name"), str) and t["name"].strip() for t in tags
    ):
        raise BriefingError(f"{path.name}: “tags” must be a list of objects with a “name”")
    return data


def apply_annotation_file(
    db: LibraryDatabase, path: Path, articles_by_file: dict[str, int]
) -> AnnotationResult:
    """Create the file's extra tags and add its highlights to the articles imported from the
    same folder (``articles_by_file`` maps a file name to its article id), in one transaction."""
    data = read_annotation_file(path)
    added = present = 0
    problems: list[str] = []
    with write_transaction(db):
        for spec in data.get("tags", []):
            if tag_store.resolve_tag(db, spec["name"]) is None:
                CreateTag(
                    spec["name"],
                    spec.get("color", ""),
                    spec.get("description", ""),
                    tuple(spec.get("aliases", ())),
                ).do(db)
        for number, spec in enumerate(data["highlights"], start=1):
            try:
                if _add_one(db, spec, articles_by_file):
                    added += 1
                else:
                    present += 1
            except KeyError as error:
                problems.append(f"{path.name} highlight {number}: missing {error}")
            except (BriefingError, TypeError, ValueError, AttributeError) as error:
                problems.append(f"{path.name} highlight {number}: {error}")
    return AnnotationResult(added, present, tuple(problems))


def _add_one(db: LibraryDatabase, spec: dict[str, Any], articles_by_file: dict[str, int]) -> bool:
    article_id = articles_by_file.get(spec["article"])
    if article_id is None:
        raise BriefingError(f"article {spec['article']} was not imported")
    article = article_store.get_article(db, article_id)
    assert article is not None
    quote = spec["quote"]
    starts = find_occurrences(article.text, quote)
    occurrence = int(spec.get("occurrence", 1))
    if not 1 <= occurrence <= len(starts):
        raise BriefingError(f"quote not found in {spec['article']}: {quote[:30]}…")
    start = starts[occurrence - 1]
    end = start + len(quote)
    for highlight in highlight_store.list_highlights(db, article_id=article_id):
        if (highlight.selector.start, highlight.selector.end) == (start, end):
            return False
    for name in spec.get("tags", ()):
        require_tag(db, name)
    AddHighlight(
        article_id,
        start,
        end,
        tuple(spec.get("tags", ())),
        spec.get("note", ""),
        author=spec.get("author", "sample"),
    ).do(db)
    return True
