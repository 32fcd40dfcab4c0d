"""The tag commands: ``tags`` lists them, ``tag ACTION`` creates, renames, merges,
recolours, deletes or sets aliases. Each imports the services it needs when it runs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefing.cli.output import print_json
from briefing.core.safe_text import visible

if TYPE_CHECKING:
    from briefing.services import Library


def cmd_tags(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    usage = library.tag_usage()
    rows = [serialize.tag(t, usage.get(t.id, 0)) for t in library.tags()]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        slot = f"[{r['slot']}]" if r["slot"] else "   "
        aliases = f"  (= {visible(', '.join(r['aliases']))})" if r["aliases"] else ""
        name = visible(r["name"])
        print(f"{slot} {r['color']}  {name:<24} {r['highlights']:>4} highlights{aliases}")
    return 0


def cmd_tag(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.tag_commands import CreateTag, DeleteTag, EditTag, MergeTags

    action = args.tag_command
    if action == "create":
        command = CreateTag(args.name, args.color, args.description, tuple(args.alias), args.slot)
        done = f"created tag “{command.name}”"
    elif action == "rename":
        command, done = (
            EditTag(args.name, name=args.new_name),
            f"renamed “{args.name}” to “{args.new_name}”",
        )
    elif action == "merge":
        command, done = (
            MergeTags(args.source, args.target),
            f"merged “{args.source}” into “{args.target}”",
        )
    elif action == "delete":
        command, done = DeleteTag(args.name, untag=args.untag), f"deleted tag “{args.name}”"
    elif action == "color":
        command, done = EditTag(args.name, color=args.color), f"“{args.name}” is now {args.color}"
    else:
        command, done = (
            EditTag(args.name, aliases=tuple(args.aliases)),
            f"aliases of “{args.name}” set",
        )
    library.execute(command)
    print(visible(done))
    return 0
