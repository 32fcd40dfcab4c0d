"""What an operation changed, announced once so each screen refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    articles: frozenset[int] = field(default_factory=frozenset)
    highlights: frozenset[int] = field(default_factory=frozenset)
    tags: bool = False
    library: bool = False  # many things at once (an import, a reindex): refresh everything

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles | other.articles,
            self.highlights | other.highlights,
            self.tags or other.tags,
            self.library or other.library,
        )

    @property
    def empty(self) -> bool:
        return not (self.articles or self.highlights or self.tags or self.library)
