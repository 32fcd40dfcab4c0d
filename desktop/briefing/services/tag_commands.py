"""Undoable commands on tags: create, edit (rename, recolour, aliases, slot), merge, delete."""

from __future__ import annotations

from typing import Any

from briefing.core.errors import BriefingError
from briefing.core.tags import clean_tag_name, hidden_in_name, next_color, tag_key, valid_color
from briefing.services.changes import Changes
from briefing.services.commands import Command, Snapshot, require_tag
from briefing.store import LibraryDatabase, replay
from briefing.store import highlights as highlight_store
from briefing.store import tags as tag_store
from briefing.store.rows import now_iso


def _check_names(db: LibraryDatabase, names: list[str], except_tag: int | None) -> None:
    keys = [tag_key(name) for name in names]
    if any(not key for key in keys):
        raise BriefingError("a tag name cannot be empty")
    for name in names:
        reason = hidden_in_name(name)
        if reason:
            raise BriefingError(reason)
    if len(set(keys)) != len(keys):
        raise BriefingError("a tag's name and aliases must differ from each other")
    for name, key in zip(names, keys, strict=True):
        if tag_store.key_in_use(db, key, except_tag):
            raise BriefingError(f"“{name}” is already a tag or an alias")


def _tag_state(db: LibraryDatabase, tag_id: int, *, usage: bool = True) -> Snapshot:
    """A tag's row and aliases; with ``usage``, also how many highlights carry it (a tag
    that undo deletes must carry none)."""
    state = replay.tag_state(db, tag_id)
    if state is not None and not usage:
        del state["used_by"]
    return {("tag", tag_id): state}


def _name_holders(db: LibraryDatabase, names: list[str]) -> Snapshot:
    """Which tag holds each of these names or aliases now."""
    keys = dict.fromkeys(tag_key(name) for name in names)
    return {("tag name", key): replay.holder_of_name(db, key) for key in keys}


def _slot_holders(db: LibraryDatabase, slots: list[int | None]) -> Snapshot:
    """Which tag holds each of these keyboard slots now (a slot is unique, like a name)."""
    return {("tag slot", n): tag_store.slot_owner(db, n) for n in dict.fromkeys(slots) if n}


def _highlight_tags(db: LibraryDatabase, highlight_ids: list[int]) -> Snapshot:
    return {
        ("highlight", h): (
            highlight_store.tag_ids_of(db, h) if replay.highlight_exists(db, h) else None
        )
        for h in highlight_ids
    }


def _check_slot(db: LibraryDatabase, slot: int | None, except_tag: int | None) -> None:
    if slot is None:
        return
    if not 1 <= slot <= 9:
        raise BriefingError("a keyboard slot is a number from 1 to 9")
    owner = tag_store.slot_owner(db, slot)
    if owner is not None and owner != except_tag:
        raise BriefingError(f"slot {slot} already belongs to another tag")


class CreateTag(Command):
    def __init__(
        self,
        name: str,
        color: str = "",
        description: str = "",
        aliases: tuple[str, ...] = (),
        slot: int | None = None,
    ) -> None:
        self.name = clean_tag_name(name)
        self.color, self.description, self.slot = color, description, slot
        self.aliases = tuple(clean_tag_name(a) for a in aliases if a.strip())
        self.tag_id: int | None = None
        self._created_at: str | None = None
        self.text = f"Create tag {self.name}"

    def do(self, db: LibraryDatabase) -> Changes:
        _check_names(db, [self.name, *self.aliases], None)
        _check_slot(db, self.slot, None)
        # Chosen once: a redo makes the very row the first run made (colour, time), which
        # the steps after it in the history recorded.
        self.color = self.color or next_color(tag_store.used_colors(db))
        if not valid_color(self.color):
            raise BriefingError(f"“{self.color}” is not a colour (use #rrggbb)")
        self._created_at = self._created_at or now_iso()
        row: dict[str, Any] = {
            "name": self.name,
            "color": self.color,
            "description": self.description,
            "slot": self.slot,
            "created_at": self._created_at,
        }
        if self.tag_id is not None:
            row["id"] = self.tag_id
        self.tag_id = tag_store.insert_tag(db, row)
        tag_store.set_aliases(db, self.tag_id, list(self.aliases))
        return Changes(tags=True)

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self.tag_id is not None
        tag_store.delete_tag(db, self.tag_id)
        return Changes(tags=True)

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        assert self.tag_id is not None
        return {
            **_tag_state(db, self.tag_id),
            **_name_holders(db, [self.name, *self.aliases]),
            **_slot_holders(db, [self.slot]),
        }


_UNSET: Any = object()


class EditTag(Command):
    """Rename, recolour, describe, re-alias or re-slot a tag; unset arguments stay as they are."""

    def __init__(
        self,
        tag: str,
        *,
        name: str = _UNSET,
        color: str = _UNSET,
        description: str = _UNSET,
        aliases: tuple[str, ...] = _UNSET,
        slot: int | None = _UNSET,
    ) -> None:
        self.tag = tag
        self.values = {
            key: value
            for key, value in {
                "name": name,
                "color": color,
                "description": description,
                "slot": slot,
            }.items()
            if value is not _UNSET
        }
        if "name" in self.values:
            self.values["name"] = clean_tag_name(self.values["name"])
        self.aliases = (
            None if aliases is _UNSET else [clean_tag_name(a) for a in aliases if a.strip()]
        )
        self._tag_id: int | None = None
        self._before: tuple[dict[str, Any], list[str]] | None = None
        self._name(tag)

    def _name(self, old_name: str) -> None:
        """Name it for the Edit menu: "Rename tag sanctions", "Recolour tag …", "Edit tag …"."""
        if "name" in self.values:
            verb = "Rename"
        elif set(self.values) == {"color"} and self.aliases is None:
            verb = "Recolour"
        else:
            verb = "Edit"
        self.text = f"{verb} tag {old_name}"

    def do(self, db: LibraryDatabase) -> Changes:
        self._tag_id = tag_id = self._tag_id or require_tag(db, self.tag)
        row = tag_store.tag_row(db, tag_id)
        tag = tag_store.get_tag(db, tag_id)
        assert row is not None and tag is not None
        if self._before is None:  # named once, after the tag as it was first
            self._name(row["name"])
        self._before = (
            {k: row[k] for k in ("name", "color", "description", "slot")},
            list(tag.aliases),
        )
        names = [
            self.values.get("name", tag.name),
            *(self.aliases if self.aliases is not None else tag.aliases),
        ]
        _check_names(db, names, tag_id)
        _check_slot(db, self.values.get("slot"), tag_id)
        if "color" in self.values and not valid_color(self.values["color"]):
            raise BriefingError(f"“{self.values['color']}” is not a colour (use #rrggbb)")
        self._apply(db, tag_id, self.values, self.aliases)
        return Changes(
            tags=True, highlights=frozenset(highlight_store.highlight_ids(db, tag_id=tag_id))
        )

    def undo(self, db: LibraryDatabase) -> Changes:
        assert self._tag_id is not None and self._before is not None
        values, aliases = self._before
        self._apply(db, self._tag_id, values, aliases)
        return Changes(
            tags=True, highlights=frozenset(highlight_store.highlight_ids(db, tag_id=self._tag_id))
        )

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        assert self._tag_id is not None and self._before is not None
        values, aliases = self._before
        names = [values["name"], *aliases, self.values.get("name", values["name"])]
        return {
            **_tag_state(db, self._tag_id, usage=False),
            **_name_holders(db, [*names, *(self.aliases or ())]),
            **_slot_holders(db, [values["slot"], self.values.get("slot")]),
        }

    @staticmethod
    def _apply(
        db: LibraryDatabase, tag_id: int, values: dict[str, Any], aliases: list[str] | None
    ) -> None:
        if values:
            tag_store.update_tag(db, tag_id, **values)
        if aliases is not None:
            tag_store.set_aliases(db, tag_id, aliases)


def _restore_tag(
    db: LibraryDatabase,
    row: dict[str, Any],
    aliases: list[str],
    tags_before: dict[int, list[int]],
) -> Changes:
    """Put a deleted tag back with its id, aliases, and its place on each highlight."""
    row = {key: value for key, value in row.items() if key != "name_key"}
    tag_id = tag_store.insert_tag(db, row)
    tag_store.set_aliases(db, tag_id, aliases)
    for highlight_id, tag_ids in tags_before.items():
        highlight_store.set_tags(db, highlight_id, tag_ids)
    return Changes(tags=True, highlights=frozenset(tags_before))


class MergeTags(Command):
    """Move every highlight of ``source`` to ``target`` (none duplicated), then delete
    ``source``; its aliases, and its name, become aliases of ``target``."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        self.text = f"Merge tag {source} into {target}"
        self._state: dict[str, Any] | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        source_id, target_id = require_tag(db, self.source), require_tag(db, self.target)
        if source_id == target_id:
            raise BriefingError("cannot merge a tag into itself")
        source_row = tag_store.tag_row(db, source_id)
        source_tag = tag_store.get_tag(db, source_id)
        target_tag = tag_store.get_tag(db, target_id)
        assert source_row and source_tag and target_tag
        self.text = f"Merge tag {source_tag.name} into {target_tag.name}"
        moved = highlight_store.highlight_ids(db, tag_id=source_id)
        self._state = {
            "source_row": source_row,
            "source_aliases": list(source_tag.aliases),
            "target_aliases": list(target_tag.aliases),
            "target_id": target_id,
            "tags_before": {h: highlight_store.tag_ids_of(db, h) for h in moved},
        }
        for highlight_id in moved:
            current = highlight_store.tag_ids_of(db, highlight_id)
            merged = [target_id if t == source_id else t for t in current]
            highlight_store.set_tags(db, highlight_id, merged)
        tag_store.delete_tag(db, source_id)
        keep = [*target_tag.aliases, source_tag.name, *source_tag.aliases]
        tag_store.set_aliases(db, target_id, list(dict.fromkeys(keep)))
        return Changes(tags=True, highlights=frozenset(moved))

    def undo(self, db: LibraryDatabase) -> Changes:
        state = self._state
        assert state is not None
        target_id = state["target_id"]
        tag_store.set_aliases(db, target_id, state["target_aliases"])
        return _restore_tag(db, state["source_row"], state["source_aliases"], state["tags_before"])

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        state = self._state
        assert state is not None
        source = state["source_row"]
        return {
            **_tag_state(db, source["id"]),
            **_tag_state(db, state["target_id"], usage=False),
            **_highlight_tags(db, list(state["tags_before"])),
            **_name_holders(db, [source["name"], *state["source_aliases"]]),
            **_slot_holders(db, [source["slot"]]),
        }


class DeleteTag(Command):
    """Delete a tag; refused while highlights carry it unless ``untag`` is true."""

    def __init__(self, tag: str, *, untag: bool = False) -> None:
        self.tag, self.untag = tag, untag
        self.text = f"Delete tag {tag}"
        self._state: dict[str, Any] | None = None

    def do(self, db: LibraryDatabase) -> Changes:
        tag_id = require_tag(db, self.tag)
        used = highlight_store.highlight_ids(db, tag_id=tag_id)
        if used and not self.untag:
            raise BriefingError(
                f"“{self.tag}” is on {len(used)} highlight(s); untag them first or merge the tag"
            )
        tag = tag_store.get_tag(db, tag_id)
        assert tag is not None
        self.text = f"Delete tag {tag.name}"
        self._state = {
            "row": tag_store.tag_row(db, tag_id),
            "aliases": list(tag.aliases),
            "tags_before": {h: highlight_store.tag_ids_of(db, h) for h in used},
        }
        for highlight_id in used:
            current = highlight_store.tag_ids_of(db, highlight_id)
            highlight_store.set_tags(db, highlight_id, [t for t in current if t != tag_id])
        tag_store.delete_tag(db, tag_id)
        return Changes(tags=True, highlights=frozenset(used))

    def undo(self, db: LibraryDatabase) -> Changes:
        state = self._state
        assert state is not None
        return _restore_tag(db, state["row"], state["aliases"], state["tags_before"])

    def snapshot(self, db: LibraryDatabase) -> Snapshot:
        state = self._state
        assert state is not None
        row = state["row"]
        return {
            **_tag_state(db, row["id"]),
            **_highlight_tags(db, list(state["tags_before"])),
            **_name_holders(db, [row["name"], *state["aliases"]]),
            **_slot_holders(db, [row["slot"]]),
        }
