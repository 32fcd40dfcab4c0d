"""Use cases: the only API the CLI, the window and the tests call.

The names below are loaded on first use (PEP 562), not when the package is imported: a
command that only searches then never loads the importers, and ``briefing-reader --version``
loads none of it. ``from briefing.services import Library`` works as before.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from briefing.core.errors import BriefingError

_EXPORTS = {
    "AddHighlight": "briefing.services.commands",
    "BriefingOptions": "briefing.core.briefing",
    "ExportResult": "briefing.services.briefing",
    "Period": "briefing.core.briefing",
    "build_briefing": "briefing.services.briefing",
    "export_briefing": "briefing.services.briefing",
    "export_history": "briefing.services.briefing",
    "ChangeHighlightTags": "briefing.services.commands",
    "Changes": "briefing.services.changes",
    "Command": "briefing.services.commands",
    "CreateTag": "briefing.services.tag_commands",
    "DeleteArticle": "briefing.services.article_commands",
    "DeleteHighlight": "briefing.services.commands",
    "DeleteTag": "briefing.services.tag_commands",
    "EditHighlight": "briefing.services.commands",
    "EditTag": "briefing.services.tag_commands",
    "ImportOutcome": "briefing.services.importing",
    "ImportReport": "briefing.services.importing",
    "Library": "briefing.services.library",
    "MergeTags": "briefing.services.tag_commands",
    "ReattachHighlight": "briefing.services.reattach",
    "set_note": "briefing.services.commands",
}

if TYPE_CHECKING:
    from briefing.core.briefing import BriefingOptions, Period
    from briefing.services import serialize
    from briefing.services.article_commands import DeleteArticle
    from briefing.services.briefing import (
        ExportResult,
        build_briefing,
        export_briefing,
        export_history,
    )
    from briefing.services.changes import Changes
    from briefing.services.commands import (
        AddHighlight,
        ChangeHighlightTags,
        Command,
        DeleteHighlight,
        EditHighlight,
        set_note,
    )
    from briefing.services.importing import ImportOutcome, ImportReport
    from briefing.services.library import Library
    from briefing.services.reattach import ReattachHighlight
    from briefing.services.tag_commands import CreateTag, DeleteTag, EditTag, MergeTags


def __getattr__(name: str) -> Any:
    if name == "serialize":
        return importlib.import_module("briefing.services.serialize")
    if name not in _EXPORTS:
        raise AttributeError(f"module 'briefing.services' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


__all__ = [
    "AddHighlight",
    "BriefingError",
    "BriefingOptions",
    "ChangeHighlightTags",
    "Changes",
    "Command",
    "CreateTag",
    "DeleteArticle",
    "DeleteHighlight",
    "DeleteTag",
    "EditHighlight",
    "EditTag",
    "ExportResult",
    "ImportOutcome",
    "ImportReport",
    "Library",
    "MergeTags",
    "Period",
    "ReattachHighlight",
    "build_briefing",
    "export_briefing",
    "export_history",
    "serialize",
    "set_note",
]
