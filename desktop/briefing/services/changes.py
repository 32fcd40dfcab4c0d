"""What an operation changed, announced once so each screen refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Changes:
    articles: frozenset[int] = field(default_factory=frozenset)
    highlights: frozenset[int] = field(default_factory=frozenset)
    tags: bool = False
    library: bool = False  # many things at once (an import, a reindex): refresh everything
    # Who asked for the change (a widget, a pane): a view skips the repaint of its own edit.
    # Not part of equality, so tests compare what changed, not who changed it.
    initiator: object | None = field(default=None, compare=False)
    external: bool = False  # written by another program (a cron import, the CLI)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles | other.articles,
            self.highlights | other.highlights,
            self.tags or other.tags,
            self.library or other.library,
            self.initiator if self.initiator is not None else other.initiator,
            self.external or other.external,
        )

    def by(self, initiator: object | None) -> Changes:
        """The same changes, made by ``initiator``."""
        return replace(self, initiator=initiator)

    @property
    def empty(self) -> bool:
        return not (self.articles or self.highlights or self.tags or self.library)
