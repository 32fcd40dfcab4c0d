"""What a new library starts with: the analysts' three standing tags, and the sample articles
with their highlights on the first start."""

from __future__ import annotations

from contextlib import ExitStack
from importlib import resources
from pathlib import Path

from briefing.core.tags import PALETTE
from briefing.services.tag_commands import CreateTag
from briefing.store import LibraryDatabase
from briefing.store import tags as tag_store
from briefing.store.db import write_transaction

# name, colour, description, aliases, keyboard slot. The colours are the palette's first three,
# which stay distinguishable under red-green colour blindness (tests/services/test_palette.py).
DEFAULT_TAGS: tuple[tuple[str, str, str, tuple[str, ...], int], ...] = (
    (
        "sanctions",
        PALETTE[0],
        "Measures against Russia: energy, finance, export controls",
        ("制裁", "対露制裁"),
        1,
    ),
    (
        "NSATU",
        PALETTE[1],
        "NATO Security Assistance and Training for Ukraine; PURL",
        ("NATO対ウクライナ安全保障支援・訓練組織",),
        2,
    ),
    (
        "Northern Territories",
        PALETTE[2],
        "The four islands; Japan–Russia peace-treaty policy",
        ("北方領土",),
        3,
    ),
)


def create_default_tags(db: LibraryDatabase) -> int:
    """Create the standing tags that are missing (by name); returns how many were created."""
    created = 0
    with write_transaction(db):
        for name, color, description, aliases, slot in DEFAULT_TAGS:
            if tag_store.resolve_tag(db, name) is None:
                free_slot = slot if tag_store.slot_owner(db, slot) is None else None
                CreateTag(name, color, description, aliases, free_slot).do(db)
                created += 1
    return created


def sample_folder(stack: ExitStack) -> Path:
    """The bundled sample library as a real folder (installed package or source tree)."""
    return stack.enter_context(resources.as_file(resources.files("briefing.articles")))
