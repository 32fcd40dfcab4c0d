"""The session's undo history, kept by the library object (the window mirrors it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.services.commands import Command

UNDO_LIMIT = 200


@dataclass
class UndoHistory:
    done: list[Command] = field(default_factory=list)
    undone: list[Command] = field(default_factory=list)

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
