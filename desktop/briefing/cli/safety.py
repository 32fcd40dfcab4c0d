"""The CLI's commands for keeping work safe: ``backup``, ``restore``, ``check``, and an
article's versions (``article ID --versions``, ``--version N``, ``--restore-version N``).

``backup``, ``restore`` and ``check`` work on the library *file*: they do not open it as a
library (which would migrate it, or write into a damaged file), so they run on a library
that cannot be opened. Their arguments are in :mod:`briefing.cli.parser`; :mod:`briefing.cli`
hands the commands here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.core.safe_text import visible

if TYPE_CHECKING:
    from briefing.services import Library
    from briefing.services.versions import ArticleVersion


def wants_versions(args: argparse.Namespace) -> bool:
    """Whether ``article`` was given a versions option (rather than showing the text)."""
    return bool(args.versions) or args.version is not None or args.restore_version is not None


def run_file_command(db_path: Path, args: argparse.Namespace) -> int:
    """Run ``backup``, ``restore`` or ``check`` on the file at ``db_path``."""
    from briefing.services import backup

    db_path = db_path.expanduser()
    try:
        if args.command == "backup":
            return _backup(db_path, args)
        if args.command == "restore":
            aside = backup.restore(db_path, args.backup)
            kept = f"; the previous library is kept as {aside}" if aside else ""
            print(visible(f"restored {db_path} from {args.backup}{kept}"))
            return 0
        report = backup.check(db_path)
        for line in report.problems:
            print(visible(line))
        checked = ", ".join(report.checked)
        if report.ok:
            print(f"ok: {checked}")
            return 0
        print(f"{len(report.problems)} problem(s) found ({checked})")
        return 1
    except BriefingError as error:
        print(f"briefing-reader: {visible(str(error))}", file=sys.stderr)
        return 2


def _backup(db_path: Path, args: argparse.Namespace) -> int:
    from briefing.services import backup as service
    from briefing.services.library import Library

    if args.keep is not None:
        rotation = service.Rotation.parse(args.keep)
        with Library.open(db_path, check=True) as library:  # never written if damaged
            service.set_rotation(library, rotation)
    made = service.back_up(db_path, args.path)
    print(visible(f"backup written: {made}"))
    if args.path is None:
        removed = service.rotate(db_path, service.stored_rotation(db_path))
        if removed:
            print(f"{len(removed)} older backup(s) removed by the rotation")
    return 0


def article_versions(library: Library, args: argparse.Namespace) -> int:
    """The ``article`` command with a versions option."""
    from briefing.services import versions as service

    article = library.article(args.id)
    if args.restore_version is not None:
        command = service.RestoreVersion(args.id, args.restore_version, article.title)
        library.execute(command)
        print(
            f"article {args.id}: version {args.restore_version} restored "
            f"({command.placed} highlight(s) placed, {command.orphaned} orphaned); "
            f"the text it replaced is now version {args.restore_version}"
        )
        return 0
    if args.version is not None:
        found = service.version(library, args.id, args.version)
        if args.json:
            json.dump(_version_json(found, with_text=True), sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
            return 0
        sys.stdout.write((found.body if args.markdown else found.text) + "\n")
        return 0
    listed = service.versions(library, args.id)
    if args.json:
        rows = [_version_json(v, with_text=False) for v in listed]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not listed:
        print(f"article {args.id} has no earlier versions")
        return 0
    for v in listed:
        print(
            f"{v.number:>3}  {v.written_at.astimezone():%Y-%m-%d %H:%M} → "
            f"{v.replaced_at.astimezone():%Y-%m-%d %H:%M}  "
            f"{v.char_count:>7} chars  {v.anchored:>3} anchors  "
            + visible(f"{v.title} — {v.origin or v.url or 'no origin'}")
        )
    return 0


def _version_json(version: ArticleVersion, *, with_text: bool) -> dict[str, object]:
    row: dict[str, object] = {
        "number": version.number,
        "title": version.title,
        "source": version.source,
        "url": version.url,
        "origin": version.origin,
        "written_at": version.written_at.isoformat(),
        "replaced_at": version.replaced_at.isoformat(),
        "characters": version.char_count,
        "anchors": version.anchored,
    }
    if with_text:
        row.update(text=version.text, markdown=version.body)
    return row
