"""Domain values as JSON-ready dicts, for the CLI's ``--json`` and for exports."""

from __future__ import annotations

from typing import Any

from briefing.core.model import Article, ArticleSummary, Highlight, Tag


def article_summary(summary: ArticleSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "source": summary.source,
        "published": summary.published.isoformat() if summary.published else None,
        "language": summary.language,
        "characters": summary.char_count,
        "highlights": summary.highlight_count,
    }


def article(item: Article) -> dict[str, Any]:
    """The whole article; ``pages`` lists where each source page starts in ``text``."""
    return {
        "id": item.id,
        "title": item.title,
        "source": item.source,
        "author": item.author,
        "url": item.url,
        "published": item.published.isoformat() if item.published else None,
        "language": item.language,
        "origin": item.origin,
        "characters": item.char_count,
        "pages": [{"offset": page.offset, "label": page.label} for page in item.pages],
        "text": item.text,
    }


def highlight(item: Highlight) -> dict[str, Any]:
    return {
        "id": item.id,
        "article_id": item.article_id,
        "article": item.article_title,
        "quote": item.quote,
        "start": item.selector.start,
        "end": item.selector.end,
        "prefix": item.selector.prefix,
        "suffix": item.selector.suffix,
        "tags": list(item.tags),
        "note": item.note,
        "author": item.author,
        "orphaned": item.orphaned,
        "created_at": item.created_at.isoformat() if item.created_at else None,
        "updated_at": item.updated_at.isoformat() if item.updated_at else None,
    }


def tag(item: Tag, usage: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "name": item.name,
        "color": item.color,
        "description": item.description,
        "aliases": list(item.aliases),
        "slot": item.slot,
    }
    if usage is not None:
        data["highlights"] = usage
    return data
