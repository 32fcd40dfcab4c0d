"""The highlight commands: ``highlight``, ``highlights``, ``note``, ``retag`` and
``delete-highlight``. Each imports the services it needs when it runs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefing.cli.output import print_json
from briefing.core.safe_text import visible

if TYPE_CHECKING:
    from briefing.services import Library


def cmd_highlight(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize
    from briefing.services.commands import AddHighlight

    start = library.locate_quote(args.article_id, args.quote, args.occurrence)
    command = AddHighlight(
        args.article_id, start, start + len(args.quote), tuple(args.tag), args.note
    )
    library.execute(command)
    item = library.highlight(command.highlight_id)
    if args.json:
        print_json(serialize.highlight(item))
    else:
        print(
            f"highlight {item.id} on article {item.article_id} "
            f"at {item.selector.start}–{item.selector.end}"
        )
    return 0


def cmd_highlights(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    items = library.highlights(
        article_id=args.article,
        tags_all=args.tag,
        tags_any=args.any_tag,
        since=args.since,
        until=args.until,
        orphaned=True if args.orphaned else None,
    )
    if args.json:
        print_json([serialize.highlight(h) for h in items])
        return 0
    for h in items:
        flag = " [orphaned]" if h.orphaned else ""
        tags = visible(f" [{', '.join(h.tags)}]") if h.tags else ""
        title = visible(h.article_title[:30])
        print(f"{h.id:>5}  #{h.article_id} {title}{flag}{tags}\n       「{visible(h.quote)}」")
        if h.note:
            print(f"       note: {visible(h.note)}")
    return 0


def cmd_note(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.commands import EditHighlight

    library.execute(EditHighlight(args.highlight_id, note=args.text, text="Edit note"))
    print(f"note {'set' if args.text else 'cleared'} on highlight {args.highlight_id}")
    return 0


def cmd_retag(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.commands import EditHighlight

    library.execute(EditHighlight(args.highlight_id, tags=tuple(args.tag), text="Retag"))
    print(f"highlight {args.highlight_id}: {visible(', '.join(args.tag)) or 'no tags'}")
    return 0


def cmd_delete_highlight(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.commands import DeleteHighlight

    library.execute(DeleteHighlight(args.highlight_id))
    print(f"deleted highlight {args.highlight_id}")
    return 0
