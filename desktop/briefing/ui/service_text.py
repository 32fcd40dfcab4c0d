"""The services' English words, shown in the window's language.

The services run headless (the CLI, cron) and speak plain English: a command's name for the
Undo menu ("Tag sanctions", "Delete article") and the one-line messages of their errors.
This table maps each of them, names with parameters by a pattern, to a translatable text
(``QT_TRANSLATE_NOOP``, so ``lupdate`` extracts it). Anything not in the table is shown as
the service said it: an untranslated line beats a missing one.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ServiceText"

# Command names without parameters.
_NAMES = {
    "Delete article": QT_TRANSLATE_NOOP("ServiceText", "Delete article"),
    "Add highlight": QT_TRANSLATE_NOOP("ServiceText", "Add highlight"),
    "Delete highlight": QT_TRANSLATE_NOOP("ServiceText", "Delete highlight"),
    "Edit note": QT_TRANSLATE_NOOP("ServiceText", "Edit note"),
    "Edit tags": QT_TRANSLATE_NOOP("ServiceText", "Edit tags"),
    "Edit highlight": QT_TRANSLATE_NOOP("ServiceText", "Edit highlight"),
    "Re-attach highlight": QT_TRANSLATE_NOOP("ServiceText", "Re-attach highlight"),
    "Edit article details": QT_TRANSLATE_NOOP("ServiceText", "Edit article details"),
    "Import update": QT_TRANSLATE_NOOP("ServiceText", "Import update"),
    "Take as update": QT_TRANSLATE_NOOP("ServiceText", "Take as update"),
}

# Command names with parameters: the pattern's groups fill the translation's {names}.
_NAME_PATTERNS = [
    (
        r"Import update of “(?P<title>.*)”",
        QT_TRANSLATE_NOOP("ServiceText", "Import update of “{title}”"),
    ),
    (
        r"Take as update of “(?P<title>.*)”",
        QT_TRANSLATE_NOOP("ServiceText", "Take as update of “{title}”"),
    ),
    (
        r"Restore version (?P<number>\d+) of “(?P<title>.*)”",
        QT_TRANSLATE_NOOP("ServiceText", "Restore version {number} of “{title}”"),
    ),
    (
        r"Restore version (?P<number>\d+)",
        QT_TRANSLATE_NOOP("ServiceText", "Restore version {number}"),
    ),
    (r"Create tag (?P<tag>.+)", QT_TRANSLATE_NOOP("ServiceText", "Create tag {tag}")),
    (r"Rename tag (?P<tag>.+)", QT_TRANSLATE_NOOP("ServiceText", "Rename tag {tag}")),
    (r"Recolour tag (?P<tag>.+)", QT_TRANSLATE_NOOP("ServiceText", "Recolour tag {tag}")),
    (r"Edit tag (?P<tag>.+)", QT_TRANSLATE_NOOP("ServiceText", "Edit tag {tag}")),
    (
        r"Merge tag (?P<source>.+) into (?P<target>.+)",
        QT_TRANSLATE_NOOP("ServiceText", "Merge tag {source} into {target}"),
    ),
    (r"Delete tag (?P<tag>.+)", QT_TRANSLATE_NOOP("ServiceText", "Delete tag {tag}")),
    (r"Untag (?P<tag>.+)", QT_TRANSLATE_NOOP("ServiceText", "Untag {tag}")),
    (r"Tag (?P<tag>.+)", QT_TRANSLATE_NOOP("ServiceText", "Tag {tag}")),
]

# Error messages an analyst meets in the window; {command} is a command name (translated in
# turn), {reason} a clause the services wrote.
_MESSAGE_PATTERNS = [
    (
        r"Cannot undo “(?P<command>.*)”: (?P<reason>.*)\. It was removed from the undo "
        r"history(?P<also>.*); nothing was changed\.",
        QT_TRANSLATE_NOOP(
            "ServiceText",
            "Cannot undo “{command}”: {reason}. It was removed from the undo history{also}; "
            "nothing was changed.",
        ),
    ),
    (
        r"Cannot redo “(?P<command>.*)”: (?P<reason>.*)\. It was removed from the undo "
        r"history(?P<also>.*); nothing was changed\.",
        QT_TRANSLATE_NOOP(
            "ServiceText",
            "Cannot redo “{command}”: {reason}. It was removed from the undo history{also}; "
            "nothing was changed.",
        ),
    ),
    (r"nothing to undo", QT_TRANSLATE_NOOP("ServiceText", "Nothing to undo.")),
    (r"nothing to redo", QT_TRANSLATE_NOOP("ServiceText", "Nothing to redo.")),
    (
        r"no article with id (?P<id>\d+)",
        QT_TRANSLATE_NOOP("ServiceText", "There is no article {id}."),
    ),
    (r"the title cannot be empty", QT_TRANSLATE_NOOP("ServiceText", "The title cannot be empty.")),
    (
        r"not a date \(YYYY-MM-DD\): (?P<text>.*)",
        QT_TRANSLATE_NOOP("ServiceText", "Not a date (YYYY-MM-DD): {text}"),
    ),
    (
        r"not a web address: (?P<text>.*) \(expected https://…\)",
        QT_TRANSLATE_NOOP("ServiceText", "Not a web address: {text} (expected https://…)"),
    ),
    (
        r"not a language code: (?P<text>.*) \(for example ja or en\)",
        QT_TRANSLATE_NOOP("ServiceText", "Not a language code: {text} (for example ja or en)"),
    ),
    (
        r"the (?P<field>\w+) must be one line",
        QT_TRANSLATE_NOOP("ServiceText", "The {field} must be one line."),
    ),
    (r"no tag named “(?P<tag>.*)”", QT_TRANSLATE_NOOP("ServiceText", "There is no tag “{tag}”.")),
    # How an import went, and how the library was opened (the window's status bar).
    (
        r"a new article, although #(?P<id>\d+) has the same title and source: no URL or file "
        r"in common says it is the same article",
        QT_TRANSLATE_NOOP(
            "ServiceText",
            "a new article, although #{id} has the same title and source: no URL or file in "
            "common says it is the same article",
        ),
    ),
    (
        r"(?P<placed>\d+) highlight\(s\) re-anchored, (?P<orphaned>\d+) orphaned; the earlier "
        r"text is version (?P<number>\d+)",
        QT_TRANSLATE_NOOP(
            "ServiceText",
            "{placed} highlight(s) re-anchored, {orphaned} orphaned; the earlier text is "
            "version {number}",
        ),
    ),
    (
        r"(?P<placed>\d+) highlight\(s\) re-anchored; the earlier text is version (?P<number>\d+)",
        QT_TRANSLATE_NOOP(
            "ServiceText",
            "{placed} highlight(s) re-anchored; the earlier text is version {number}",
        ),
    ),
    (
        r"article (?P<id>\d+) already has highlights: it stays a new article",
        QT_TRANSLATE_NOOP(
            "ServiceText", "Article {id} already has highlights: it stays a new article."
        ),
    ),
    (
        r"the library is open read-only: it can be read and searched, not changed",
        QT_TRANSLATE_NOOP(
            "ServiceText",
            "the library is open read-only: it can be read and searched, not changed",
        ),
    ),
    (
        r"the disk is full: the library is open read-only until space is freed",
        QT_TRANSLATE_NOOP(
            "ServiceText", "the disk is full: the library is open read-only until space is freed"
        ),
    ),
]

# Why an undo or redo was refused (``what_changed`` in services/commands.py): the {reason}
# of the messages above.
_REASON_PATTERNS = [
    (
        r"the article was deleted since",
        QT_TRANSLATE_NOOP("ServiceText", "the article was deleted since"),
    ),
    (
        r"the article is in the library again",
        QT_TRANSLATE_NOOP("ServiceText", "the article is in the library again"),
    ),
    (
        r"the article's text has changed since \(an import updated it\)",
        QT_TRANSLATE_NOOP(
            "ServiceText", "the article's text has changed since (an import updated it)"
        ),
    ),
    (
        r"the article was imported again since",
        QT_TRANSLATE_NOOP("ServiceText", "the article was imported again since"),
    ),
    (
        r"the article's details were changed since",
        QT_TRANSLATE_NOOP("ServiceText", "the article's details were changed since"),
    ),
    (
        r"the highlight was deleted since",
        QT_TRANSLATE_NOOP("ServiceText", "the highlight was deleted since"),
    ),
    (
        r"the highlight is in the library again",
        QT_TRANSLATE_NOOP("ServiceText", "the highlight is in the library again"),
    ),
    (
        r"the highlight's tags were changed since",
        QT_TRANSLATE_NOOP("ServiceText", "the highlight's tags were changed since"),
    ),
    (
        r"the highlight was changed since \(re-anchored by an import or edited elsewhere\)",
        QT_TRANSLATE_NOOP(
            "ServiceText",
            "the highlight was changed since (re-anchored by an import or edited elsewhere)",
        ),
    ),
    (
        r"the tag “(?P<tag>.*)” was deleted since",
        QT_TRANSLATE_NOOP("ServiceText", "the tag “{tag}” was deleted since"),
    ),
    (
        r"the tag “(?P<tag>.*)” is in the library again",
        QT_TRANSLATE_NOOP("ServiceText", "the tag “{tag}” is in the library again"),
    ),
    (
        r"the tag “(?P<tag>.*)” is now on (?P<count>\d+) highlight\(s\)",
        QT_TRANSLATE_NOOP("ServiceText", "the tag “{tag}” is now on {count} highlight(s)"),
    ),
    (
        r"the tag “(?P<tag>.*)” was changed since",
        QT_TRANSLATE_NOOP("ServiceText", "the tag “{tag}” was changed since"),
    ),
    (
        r"“(?P<name>.*)” now names another tag",
        QT_TRANSLATE_NOOP("ServiceText", "“{name}” now names another tag"),
    ),
    (
        r"keyboard slot (?P<slot>\d+) now belongs to another tag",
        QT_TRANSLATE_NOOP("ServiceText", "keyboard slot {slot} now belongs to another tag"),
    ),
    (
        r"a tag it uses was deleted since",
        QT_TRANSLATE_NOOP("ServiceText", "a tag it uses was deleted since"),
    ),
    (
        r"the library was changed since",
        QT_TRANSLATE_NOOP("ServiceText", "the library was changed since"),
    ),
    (r"it was never carried out", QT_TRANSLATE_NOOP("ServiceText", "it was never carried out")),
]

_ALSO = QT_TRANSLATE_NOOP("ServiceText", ", with {count} step(s) that depended on it")

# Words that fill a {field}: the article details by name.
_FIELDS = {
    "title": QT_TRANSLATE_NOOP("ServiceText", "title"),
    "source": QT_TRANSLATE_NOOP("ServiceText", "source"),
    "author": QT_TRANSLATE_NOOP("ServiceText", "author"),
    "url": QT_TRANSLATE_NOOP("ServiceText", "URL"),
    "language": QT_TRANSLATE_NOOP("ServiceText", "language"),
}

_COMPILED_NAMES = [(re.compile(f"^{p}$", re.S), text) for p, text in _NAME_PATTERNS]
_COMPILED_MESSAGES = [(re.compile(f"^{p}$", re.S), text) for p, text in _MESSAGE_PATTERNS]
_COMPILED_REASONS = [(re.compile(f"^{p}$", re.S), text) for p, text in _REASON_PATTERNS]


def _translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _first_match(patterns: list[tuple[re.Pattern[str], str]], text: str) -> str:
    """``text`` by the first pattern that matches it, translated; else as it is."""
    for pattern, source in patterns:
        match = pattern.match(text)
        if match:
            return _translate(source).format(**match.groupdict())
    return text


def command_text(text: str) -> str:
    """A command's name (``Command.text``) in the window's language."""
    if not text:
        return ""
    if text in _NAMES:
        return _translate(_NAMES[text])
    return _first_match(_COMPILED_NAMES, text)


def message(text: str) -> str:
    """A service's error message in the window's language."""
    for pattern, source in _COMPILED_MESSAGES:
        match = pattern.match(text)
        if match:
            values = match.groupdict()
            if "command" in values:
                values["command"] = command_text(values["command"])
            if values.get("also"):  # ", with 2 step(s) that depended on it"
                count = re.sub(r"\D", "", values["also"])
                values["also"] = _translate(_ALSO).format(count=count)
            if "reason" in values:
                values["reason"] = _first_match(_COMPILED_REASONS, values["reason"])
            if "field" in values:
                values["field"] = _translate(_FIELDS.get(values["field"], values["field"]))
            return _translate(source).format(**values)
    return text
