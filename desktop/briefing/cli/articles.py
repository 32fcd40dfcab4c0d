"""The article commands: ``import``, ``list``, ``article``, ``edit``, ``delete-article`` and
``sample``. Each imports the services it needs when it runs (see :mod:`briefing.cli`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli import safety
from briefing.cli.output import EMPTY_LIBRARY_HINT, print_json, print_json_rows
from briefing.cli.parser import DETAIL_OPTIONS
from briefing.core.errors import BriefingError
from briefing.core.safe_text import visible

if TYPE_CHECKING:
    from briefing.services import Library


def cmd_import(library: Library, args: argparse.Namespace) -> int:
    def progress(done: int, total: int, path: str) -> None:
        if path and sys.stderr.isatty():
            name = visible(Path(path).name)[:60]
            print(f"\r[{done + 1}/{total}] {name:<60}", end="", file=sys.stderr)

    report = library.import_paths(args.paths, progress=progress, workers=args.jobs)
    if sys.stderr.isatty():
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)
    if args.json:
        print_json([o.__dict__ for o in report.outcomes])
    else:
        for o in report.outcomes:
            detail = o.message if o.status == "failed" else o.title
            extra = f" ({o.message})" if o.status in ("updated", "imported") and o.message else ""
            ident = f"#{o.article_id} " if o.article_id else ""
            # Names, titles and messages come from the files: one escaped line each.
            print(f"{o.status:<9} {ident}{visible(f'{o.path}: {detail}{extra}')}")
        print(report.summary())
    return 1 if report.failed else 0


def cmd_list(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    rows = [serialize.article_summary(a) for a in library.articles()]
    if not rows:
        print(EMPTY_LIBRARY_HINT, file=sys.stderr)
    if args.json:
        print_json_rows(rows)
        return 0
    for r in rows:
        print(
            f"{r['id']:>5}  {r['published'] or '':<10}  {r['language']:<3} {r['characters']:>7}  "
            + visible(f"{r['title']}" + (f" — {r['source']}" if r["source"] else ""))
        )
    return 0


def cmd_article(library: Library, args: argparse.Namespace) -> int:
    from briefing.services import serialize

    if safety.wants_versions(args):
        return safety.article_versions(library, args)
    article = library.article(args.id)
    if args.json:
        print_json(serialize.article(article))
        return 0
    sys.stdout.write((article.body if args.markdown else article.text) + "\n")
    return 0


def cmd_edit(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.article_details import EditArticleDetails

    values = {name: getattr(args, name) for name, _ in DETAIL_OPTIONS}
    values = {name: value for name, value in values.items() if value is not None}
    library.article(args.id)  # "no article with id N" before anything else
    library.execute(EditArticleDetails(args.id, **values))
    print(f"article {args.id}: {', '.join(values)} changed")
    return 0


def cmd_delete_article(library: Library, args: argparse.Namespace) -> int:
    from briefing.services.article_commands import DeleteArticle

    article = library.article(args.id)
    count = len(library.highlights(article_id=args.id))
    if not args.yes:
        if not sys.stdin.isatty():
            raise BriefingError("deleting an article needs --yes when not run interactively")
        answer = input(f"Delete “{visible(article.title)}” and its {count} highlight(s)? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 0
    library.execute(DeleteArticle(args.id))
    print(f"deleted article {args.id} and {count} highlight(s)")
    return 0


def cmd_sample(library: Library, args: argparse.Namespace) -> int:
    report = library.import_sample_library()
    print(report.summary())
    return 1 if report.failed else 0
