"""The analyst's own keys for the window's actions: saved as one preference (action id → keys,
in Qt's portable text form such as ``Ctrl+Shift+F``), applied over the registry's defaults
(:data:`briefing.ui.actions.SPECS`) each time the window starts.

Only changed actions are saved, so a default that changes in a later version still reaches
everyone who kept it; an entry for an action that no longer exists, or that Qt cannot read,
is ignored.
"""

from __future__ import annotations

import json

from PySide6.QtGui import QKeySequence

from briefing.ui import settings
from briefing.ui.actions import SPECS, ActionCollection

# Declared here, beside the code that reads it, with the type of the settings module: a JSON
# object, "" when nothing was changed.
SHORTCUTS = settings.Option("preferences/shortcuts", "")
PORTABLE = QKeySequence.SequenceFormat.PortableText


def default_keys(name: str) -> list[QKeySequence]:
    """The registry's keys for action ``name`` (none: an empty list)."""
    shortcut = SPECS[name].shortcut
    if shortcut is None:
        return []
    if isinstance(shortcut, tuple):
        return [QKeySequence(keys) for keys in shortcut]
    return [QKeySequence(shortcut)]


def saved() -> dict[str, list[str]]:
    """The changed actions and their keys (portable text), as saved."""
    try:
        data = json.loads(SHORTCUTS.read() or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        name: [k for k in keys if isinstance(k, str)]
        for name, keys in data.items()
        if name in SPECS and isinstance(keys, list)
    }


def save(changed: dict[str, list[QKeySequence]]) -> None:
    """Save the keys of every action whose keys differ from the registry's."""
    data = {}
    for name, keys in changed.items():
        texts = [k.toString(PORTABLE) for k in keys if not k.isEmpty()]
        if texts != [k.toString(PORTABLE) for k in default_keys(name)]:
            data[name] = texts
    SHORTCUTS.write(json.dumps(data, ensure_ascii=False, sort_keys=True))


def apply(actions: ActionCollection) -> None:
    """Give each action its saved keys (the defaults stay for the others)."""
    for name, texts in saved().items():
        keys = [QKeySequence.fromString(t, PORTABLE) for t in texts]
        actions[name].setShortcuts([k for k in keys if not k.isEmpty()])


def conflicts(keys: dict[str, list[QKeySequence]]) -> dict[str, list[str]]:
    """Keys given to more than one action that both answer everywhere: key text → action ids.
    Scoped actions share keys on purpose (Delete in the list and in the reader)."""
    owners: dict[str, list[str]] = {}
    for name, sequences in keys.items():
        if SPECS[name].scoped:
            continue
        for sequence in sequences:
            if not sequence.isEmpty():
                owners.setdefault(sequence.toString(PORTABLE), []).append(name)
    return {key: names for key, names in owners.items() if len(names) > 1}
