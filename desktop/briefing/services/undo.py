"""The session's undo history, kept by the library object (the window mirrors it).

Two stacks: ``done`` (oldest first, the next undo last) and ``undone`` (the next redo last).
In both, the entries further from the end lie further from the library's present state.

A step that can no longer be replayed (another program changed what it recorded) is dropped,
and with it every step further from the present that shares a row with it, directly or
through another dropped step: those expected the dropped step to be replayed first. Steps
that touch other rows stay, so one conflict never blocks the rest of the history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the commands (and the anchoring they use) load with the first command run
    from briefing.services.commands import Command, Key
    from briefing.store import LibraryDatabase

UNDO_LIMIT = 200


@dataclass
class UndoHistory:
    done: list[Command] = field(default_factory=list)
    undone: list[Command] = field(default_factory=list)
    # The latest notice that steps were dropped because the library changed under them (an
    # import updated an article, another program wrote): a status line for the window.
    last_fence_message: str = ""

    def pushed(self, command: Command) -> None:
        self.done.append(command)
        del self.done[:-UNDO_LIMIT]
        self.undone.clear()

    @property
    def undo_text(self) -> str:
        return self.done[-1].text if self.done else ""

    @property
    def redo_text(self) -> str:
        return self.undone[-1].text if self.undone else ""

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()

    def take_fence_message(self) -> str:
        """The latest fence notice, once: the window shows it and it is gone."""
        message, self.last_fence_message = self.last_fence_message, ""
        return message

    # --- dropping what can no longer be replayed ----------------------------------------------

    def drop(self, command: Command) -> int:
        """Remove ``command`` (the next undo or redo) and the steps that depend on it; returns
        how many dependent steps went with it."""
        for stack in (self.done, self.undone):
            if stack and stack[-1] is command:
                stack.pop()
                return len(_drop_overlapping(stack, set(command.footprint())))
        raise ValueError("only the next undo or redo can be dropped")

    def fence(self, keys: set[Key]) -> int:
        """Drop every step that touches one of ``keys`` (e.g. ``("article", 7)`` after an
        import rewrote that article) with its dependents; returns how many went."""
        return sum(len(_drop_overlapping(stack, set(keys))) for stack in (self.done, self.undone))

    def fence_stale(self, db: LibraryDatabase) -> int:
        """Drop every step whose rows another program changed: each row must still be as the
        step nearest the present that touched it left it. Returns how many went."""
        from briefing.services.commands import Conflict  # loaded with the first step

        dropped = 0
        for stack in (self.done, self.undone):
            covered: set[Key] = set()  # rows a step nearer the present has touched since
            stale: set[int] = set()
            for command in reversed(stack):
                if not command.recorded:
                    # A step that does not say what it touches: the steps beyond it cannot
                    # be judged from here; their own checks still guard their replay.
                    break
                unchecked = frozenset(k for k in command.recorded if _row_of(k) not in covered)
                try:
                    command.verify(db, unchecked)
                except Conflict:
                    stale.add(id(command))
                covered |= {_row_of(key) for key in command.recorded}
            if stale:
                dropped += len(_drop_overlapping(stack, set(), also=stale))
        return dropped


def _row_of(key: Key) -> Key:
    """The row a snapshot key is about: needing a tag to exist is about the tag's row."""
    return ("tag", key[1]) if key[0] == "uses tag" else key


def _drop_overlapping(
    stack: list[Command], keys: set[Key], also: frozenset[int] | set[int] = frozenset()
) -> list[Command]:
    """Walk away from the present; drop each step that shares a key with ``keys`` (or whose
    ``id()`` is in ``also``), adding its own keys as it goes: a step depending on a dropped
    step is dropped too, a step nearer the present than every dropped one stays."""
    dropped = []
    for index in range(len(stack) - 1, -1, -1):
        footprint = stack[index].footprint()
        if footprint & keys or id(stack[index]) in also:
            keys |= footprint
            dropped.append(stack.pop(index))
    return dropped
