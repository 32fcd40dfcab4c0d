"""The briefing as PDF, typeset by typst (PLATFORM-NOTES.md: Qt's PDF text layer is wrong for
Japanese; typst's is exact, with outline, headers, ``N / M`` and metadata built in).

The layout lives in ``resources/briefing/briefing.typ``; the content goes to it as JSON in
``sys.inputs`` and is shown as text, never parsed as markup. Its labels ("Sources", "出典")
come from :mod:`briefing.core.briefing_labels`, like the HTML and Markdown writers'. Fonts
come from explicit folders (:mod:`briefing.export.fonts`) with the system's font list
ignored, and the creation date comes from the briefing, so the same briefing gives the same
bytes.
"""

from __future__ import annotations

import json
import tempfile
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from briefing.core.briefing import Briefing, Item, utc_parts
from briefing.core.briefing_text import plain_text, to_data
from briefing.core.errors import BriefingError
from briefing.export.fonts import FontSet, find_fonts

TEMPLATE = ("briefing.resources", "briefing", "briefing.typ")
PAPER = {"a4": "a4", "letter": "us-letter"}
# An item (quote, note, citation) shorter than this stays on one page; a longer one may
# break between its parts, and a quote longer than QUOTE_KEEP may break inside itself
# (an unbreakable block taller than a page would run off its bottom edge).
ITEM_KEEP = 700
QUOTE_KEEP = 1200

_lock = threading.Lock()  # one compiler, shared by the preview's worker and exports


def render_pdf(briefing: Briefing, fonts: FontSet | None = None, *, tagged: bool = True) -> bytes:
    """The briefing as PDF bytes. Raises :class:`BriefingError` (no Japanese font, or a
    typesetting failure, which would be a bug in the template)."""
    fonts = fonts or find_fonts()
    payload = json.dumps(briefing_data(briefing, fonts), ensure_ascii=False)
    compiler = _compiler(fonts.folders)
    import typst

    try:
        with _lock:
            return compiler.compile(
                sys_inputs={"data": payload},
                timestamp=int(briefing.created.timestamp()),
                pdf_tags=tagged,
            )
    except typst.TypstError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "unknown error"
        raise BriefingError(f"the PDF could not be typeset: {first}") from None


@lru_cache(maxsize=4)
def _compiler(folders: tuple[str, ...]) -> Any:
    """One typst compiler per font set: loading the fonts is most of a first compile's time,
    and the preview compiles again on every change."""
    import typst

    template = _template_path()
    return typst.Compiler(
        str(template),
        root=str(template.parent),
        font_paths=list(folders),
        ignore_system_fonts=True,
    )


def _template_path() -> Path:
    """The template as a file: typst 0.15's binding compiles a template given as bytes only
    once per compiler (the second compile reports ``__typst_py_bytes__.typ`` missing)."""
    source = resources.files(TEMPLATE[0]).joinpath(*TEMPLATE[1:])
    if isinstance(source, Path) and source.is_file():
        return source
    # Installed as a zip: a private copy for this process.
    copy = Path(tempfile.mkdtemp(prefix="briefing-template-")) / TEMPLATE[-1]
    copy.write_bytes(source.read_bytes())
    return copy


def briefing_data(briefing: Briefing, fonts: FontSet) -> dict[str, Any]:
    """The JSON the template reads: every string the PDF shows, and nothing it evaluates."""
    created_local = briefing.created.astimezone()
    return {
        "title": briefing.title,
        "author": briefing.author,
        "authors": [briefing.author] if briefing.author else [],
        "marking": briefing.marking,
        "subject": briefing.subject,
        "keywords": list(briefing.keywords),
        "created": utc_parts(briefing.created),
        "date": briefing.date_label,
        "issued": created_local.strftime("%Y-%m-%d %H:%M"),
        "period": briefing.period_label,
        "count": briefing.count_label,
        "paper": PAPER[briefing.paper],
        "fonts": {"serif": list(fonts.serif), "sans": list(fonts.sans), "mono": list(fonts.mono)},
        # The briefing's language's words and word order (prefix + number + suffix): the
        # template prints no word of its own.
        "labels": briefing.labels.template_data(),
        "summary": to_data(briefing.summary),
        "sections": [
            {
                "tag": section.tag,
                "color": _color(section.color),
                "description": section.description,
                "items": [_item(item) for item in section.items],
            }
            for section in briefing.sections
        ],
        "sources": [
            {
                "n": source.number,
                "title": source.title,
                "source": source.source,
                "author": source.author,
                "published": source.published.isoformat() if source.published else "",
                "url": source.url,
                "pages": list(source.pages),
            }
            for source in briefing.sources
        ],
    }


def _item(item: Item) -> dict[str, Any]:
    cite = item.citation
    size = len(item.quote) + len(plain_text(item.note))
    return {
        "id": item.highlight_id,
        "quote": [line for line in item.quote.split("\n") if line.strip()] or [item.quote],
        "note": to_data(item.note),
        "tags": list(item.other_tags),
        "keep": size <= ITEM_KEEP,
        "keep-quote": len(item.quote) <= QUOTE_KEEP,
        "cite": {
            "n": cite.number,
            "title": cite.title,
            "source": cite.source,
            "author": cite.author,
            "published": cite.published.isoformat() if cite.published else "",
            "url": cite.url,
            "page": cite.page or "",
        },
    }


def _color(value: str) -> str:
    """A tag colour typst's ``rgb()`` accepts; anything else falls back to grey."""
    text = value.strip()
    if len(text) in (4, 7) and text.startswith("#"):
        try:
            int(text[1:], 16)
            return text
        except ValueError:
            pass
    return "#555555"
