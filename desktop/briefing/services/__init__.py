"""Use cases: the only API the CLI, the window and the tests call."""

from briefing.core.errors import BriefingError
from briefing.services import serialize
from briefing.services.article_commands import DeleteArticle
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
from briefing.services.tag_commands import CreateTag, DeleteTag, EditTag, MergeTags

__all__ = [
    "AddHighlight",
    "BriefingError",
    "ChangeHighlightTags",
    "Changes",
    "Command",
    "CreateTag",
    "DeleteArticle",
    "DeleteHighlight",
    "DeleteTag",
    "EditHighlight",
    "EditTag",
    "ImportOutcome",
    "ImportReport",
    "Library",
    "MergeTags",
    "serialize",
    "set_note",
]
