"""Crash safety at scale (issue 15): hundreds of SIGKILLs, an I/O error at every write point,
a full disk at every page, two writers at once. Prints the figures SAFETY.md quotes.

    .venv/bin/python bench/kill_bench.py [--kills 120] [--seed 15]

The harness is the suite's (``tests/services/crash_harness.py``, ``fault_injection.py``):
the suite runs 20 kills and every third write point; this runs the rest.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.services import AddHighlight, Library
from briefing.store import checks

from tests.services import fault_injection
from tests.services.crash_harness import (
    make_import_files,
    make_template,
    run_kills,
)


def kills(workdir: Path, count: int, seed: int) -> int:
    problems = 0
    for kind in ("import", "folder", "highlights"):
        started = time.perf_counter()
        stats = run_kills(kind, count // 3, workdir, seed=seed, max_delay=1.0)
        problems += len(stats.problems)
        print(
            f"kills/{kind}: {stats.kills} killed mid-write, {stats.finished} finished first, "
            f"{stats.committed} journaled commits verified, {len(stats.problems)} problems "
            f"({time.perf_counter() - started:.1f} s)"
        )
        for line in stats.problems[:10]:
            print("  ", line)
    return problems


def injection(workdir: Path, template: Path) -> int:
    db, files = fault_injection.prepare(workdir / "count", template)
    _, total = fault_injection.session(db, files, fail_at=0)
    bad, failures, started = 0, 0, time.perf_counter()
    for fail_at in range(1, total + 1):
        db, files = fault_injection.prepare(workdir / "run", template)
        result, _ = fault_injection.session(db, files, fail_at)
        failures += len(result.failures)
        if result.problems or not result.failures:
            bad += 1
            print(f"  write {fail_at}: {result.problems or 'no step failed'}")
    print(
        f"io-errors: {total} write points, each failed once: {failures} step failures "
        f"reported in one line, {bad} problems ({time.perf_counter() - started:.1f} s)"
    )
    return bad


def full_disk(workdir: Path, template: Path) -> int:
    files = make_import_files(workdir / "disk-files", 40)
    db = workdir / "disk.db"
    bad = limits = 0
    extra = 0
    while True:
        shutil.copyfile(template, db)
        with Library.open(db) as library:
            pages = library.db.execute("PRAGMA page_count").fetchone()[0]
            library.db.execute(f"PRAGMA max_page_count = {pages + extra}")
            report = library.import_paths(files)
            imported = report.count("imported")
            failed = [o for o in report.outcomes if o.status == "failed"]
            wrong = library.article_count() != 5 + imported or any(
                "the disk is full" not in o.message for o in failed
            )
        limits += 1
        if wrong or not checks.check_file(db).ok:
            bad += 1
            print(f"  {extra} pages free: report or library wrong")
        if imported == len(files):
            break
        extra += 1
    print(f"full-disk: {limits} page limits (0..{extra} pages free), {bad} problems")
    return bad


def two_writers(workdir: Path, template: Path, rounds: int = 3) -> int:
    bad = 0
    for round_ in range(rounds):
        db = workdir / f"two-{round_}.db"
        shutil.copyfile(template, db)
        folder = workdir / f"two-files-{round_}"
        files = make_import_files(folder, 80, seed=round_ + 7)
        with Library.open(db) as library:
            first = library.article(library.articles()[0].id)
            cli = subprocess.Popen(
                [sys.executable, "-m", "briefing", "--db", str(db), "import", str(folder)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            added = []
            while cli.poll() is None:
                start = (len(added) * 37) % (len(first.text) - 10)
                command = AddHighlight(first.id, start, start + 5, (), f"n{len(added)}")
                library.execute(command)
                added.append(command.highlight_id)
            cli.communicate()
            present = {h.id for h in library.highlights(article_id=first.id)}
            ok = (
                cli.returncode == 0
                and set(added) <= present
                and library.article_count() == 5 + len(files)
            )
        ok = ok and checks.check_file(db).ok
        bad += not ok
        print(
            f"two-writers round {round_}: CLI imported {len(files)} files while the window's "
            f"connection added {len(added)} highlights: {'ok' if ok else 'PROBLEM'}"
        )
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=150)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        template = make_template(workdir / "template")
        problems = kills(workdir, args.kills, args.seed)
        problems += injection(workdir, template)
        problems += full_disk(workdir, template)
        problems += two_writers(workdir, template)
    print(f"total problems: {problems}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
