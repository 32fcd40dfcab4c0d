"""``export``: the briefing, headless (for cron). Its arguments are in
:mod:`briefing.cli.parser`; the export services (Typst, Markdown) load only here."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefing.core.safe_text import visible

if TYPE_CHECKING:
    from briefing.services import Library


def cmd_export(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import briefing as briefing_service

    options, created = briefing_service.options_from_cli(
        date=args.date,
        date_from=args.date_from,
        date_to=args.date_to,
        since_last=args.since_last,
        tags=args.tags,
        article_ids=args.article,
        sources=args.source,
        title=args.title,
        author=args.author,
        marking=args.marking,
        summary_file=args.summary,
        paper=args.paper,
        created=args.created,
        language=args.language or "",
    )
    result = briefing_service.export_briefing(
        library, options, args.output, args.format, created=created, record=not args.no_record
    )
    note = "" if result.export_id or args.no_record else " (library read-only: not recorded)"
    shown = visible(str(result.path))
    print(f"wrote {shown} ({result.format}, {len(result.highlight_ids)} highlights){note}")
    return 0
