"""Libraries where files are unusual: a read-only share, a full disk, a stale read-only
``-shm``, a zero-byte file, a missing folder.

The share and the disk are real: a tmpfs mounted in a private mount namespace (``unshare``;
skipped where the system does not allow one), remounted read-only or filled. The stale
``-shm`` needs a user that file permissions apply to: as root the test runs its steps as
``nobody``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from briefing.store import db as store_db
from briefing.store import open_database
from briefing.store.db import StoreError

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CLI = f"{PYTHON} -m briefing"


def _run_in_namespace(script: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell ``script`` in a private mount namespace ($M is a mount point in it)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare")
    prefix = [unshare, "-m"] if os.geteuid() == 0 else [unshare, "-Urm"]
    mount_point = workdir / "mnt"
    mount_point.mkdir()
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode:
        pytest.skip("private mount namespaces are not allowed here")
    env = {**os.environ, "M": str(mount_point), "PYTHONPATH": str(REPO / "desktop")}
    env.pop("BRIEFING_DB", None)
    return subprocess.run(
        [*prefix, "sh", "-ec", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )


def test_library_on_a_read_only_share_opens_for_reading(tmp_path: Path) -> None:
    """A WAL library needs its -shm; on a read-only mount SQLite cannot create it and said
    "cannot open the library file". Now: read-only, reads work, a write is one line."""
    result = _run_in_namespace(
        textwrap.dedent(f"""
            mount -t tmpfs -o size=8m tmpfs "$M"
            {CLI} --db "$M/lib.db" sample > /dev/null
            test ! -e "$M/lib.db-shm"
            mount -o remount,ro "$M"
            echo "--- list"; {CLI} --db "$M/lib.db" list
            echo "--- search"; {CLI} --db "$M/lib.db" search 制裁 --limit 1
            echo "--- write"; {CLI} --db "$M/lib.db" tag create x || echo "exit $?"
        """),
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    listed = result.stdout.split("--- search")[0]
    assert len(listed.strip().splitlines()) == 6  # the marker and five articles
    assert "【制裁】" in result.stdout
    assert result.stdout.rstrip().endswith("exit 2")
    errors = [line for line in result.stderr.splitlines() if "briefing-reader" in line]
    assert errors == ["briefing-reader: the library is read-only; changes cannot be saved"]


def test_full_disk_still_reads_and_says_so_once(tmp_path: Path) -> None:
    result = _run_in_namespace(
        textwrap.dedent(f"""
            mount -t tmpfs -o size=3m tmpfs "$M"
            {CLI} --db "$M/lib.db" sample > /dev/null
            mkdir "$M/in"
            for i in 1 2 3 4 5 6; do printf '# 記事%s\\n\\n本文%s。\\n' $i $i > "$M/in/a$i.md"; done
            dd if=/dev/zero of="$M/fill" bs=4k 2>/dev/null || true
            echo "--- list"; {CLI} --db "$M/lib.db" list
            echo "--- import"; {CLI} --db "$M/lib.db" import "$M/in" || echo "exit $?"
        """),
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    listed, imported = result.stdout.split("--- list")[1].split("--- import")
    assert len(listed.strip().splitlines()) == 5  # every article readable
    notice = "briefing-reader: the disk is full: the library is open read-only until space is freed"
    assert result.stderr.strip().splitlines() == [notice, notice]  # once per command
    lines = imported.strip().splitlines()
    assert lines[-2:] == ["0 imported, 0 updated, 0 skipped, 1 failed, 5 not tried", "exit 1"]
    assert sum("read-only" in line for line in lines) == 1  # said once, not per file


@pytest.fixture
def as_owner() -> Iterator[tuple[Path, list[str]]]:
    """A folder and a command prefix for a user whom file permissions bind: ``nobody`` when
    the tests run as root, else the current user."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-shm-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root without setpriv: permissions cannot be tested")
        os.chown(folder, 65534, 65534)
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    try:
        yield folder, prefix
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _python(prefix: list[str], code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` as the user of ``prefix``. That user may not reach the checkout (a clone
    under /root), so it gets a readable copy of the package and the interpreter's real path;
    opening a library needs nothing but the standard library."""
    code_folder, python = REPO / "desktop", PYTHON
    if prefix:
        code_folder = Path(tempfile.mkdtemp(prefix="briefing-code-"))
        code_folder.chmod(0o755)
        shutil.copytree(REPO / "desktop" / "briefing", code_folder / "briefing")
        python = os.path.realpath(PYTHON)
    try:
        return subprocess.run(
            [*prefix, python, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(code_folder), "PATH": os.environ.get("PATH", "")},
            cwd="/",
            timeout=120,
        )
    finally:
        if prefix:
            shutil.rmtree(code_folder, ignore_errors=True)


def test_stale_read_only_shm_does_not_keep_the_library_read_only(as_owner) -> None:
    folder, prefix = as_owner
    path = folder / "lib.db"
    if prefix:  # made and migrated here (migrations need sqlite-utils), then handed over
        open_database(path).close()
        os.chown(path, 65534, 65534)
    left_behind = _python(
        prefix,
        f"""
        import os
        from briefing.store import open_database
        db = open_database({str(path)!r})
        db.execute("INSERT INTO meta (key, value) VALUES ('before', '1')")
        os._exit(0)  # killed: the -wal and -shm stay
    """,
    )
    assert left_behind.returncode == 0, left_behind.stderr
    shm = folder / "lib.db-shm"
    assert shm.exists()
    os.chmod(shm, 0o444)  # what a read-only spell or a copy from a share leaves
    reopened = _python(
        prefix,
        f"""
        import os, stat
        from briefing.store import open_database
        from briefing.store.db import is_read_only, write_transaction
        db = open_database({str(path)!r})
        with write_transaction(db):
            db.execute("INSERT INTO meta (key, value) VALUES ('after', '2')")
        print(is_read_only(db), [r[0] for r in db.execute("SELECT key FROM meta "
              "WHERE key IN ('before', 'after') ORDER BY key")],
              oct(stat.S_IMODE(os.stat({str(shm)!r}).st_mode)))
    """,
    )
    assert reopened.returncode == 0, reopened.stderr
    assert reopened.stdout.split() == ["False", "['after',", "'before']", "0o644"]


def test_zero_byte_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(b"")
    old = time.time() - 60
    os.utime(path, (old, old))
    with pytest.raises(StoreError, match=r"an empty file \(0 bytes\), not a library"):
        open_database(path)
    assert path.read_bytes() == b""


def test_a_just_created_empty_file_is_a_library_being_made(tmp_path: Path) -> None:
    """SQLite creates the file before the first migration writes to it: a second program
    opening the new library in that moment must not refuse it."""
    path = tmp_path / "lib.db"
    path.write_bytes(b"")
    db = open_database(path)
    assert not store_db.is_read_only(db)
    db.close()
    assert path.stat().st_size > 0
