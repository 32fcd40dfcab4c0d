"""The analyst's core loop at a real X display (Xvfb), with real key and mouse events sent by
xdotool to the installed ``briefing-reader``; the result read back through the CLI.

Start on a fresh library, click into the reader, select a line with Shift+End, press 1: the
stored quote is exactly the selection (read through the clipboard with xclip). N + a note,
Ctrl+Z, Ctrl+Shift+Z, Delete in the reader (the article stays), Ctrl+Q quits cleanly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

TOOLS = ("Xvfb", "xdotool", "xclip")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"needs {', '.join(MISSING)} (apt-get install xvfb xdotool xclip; "
    "`bash packaging/dev.sh test` installs them)",
)
APP = Path(sys.executable).parent / "briefing-reader"


def wait_for(check: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server on the first free display number from :90."""
    number = next(n for n in range(90, 140) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), "Xvfb to start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def env(display: str, tmp_path: Path) -> dict[str, str]:
    """The app's environment: this display, settings and data folders inside tmp_path."""
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    result = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result.update(
        DISPLAY=display,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    return result


def xdo(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout.strip()


def highlights(env: dict[str, str], db: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        [str(APP), "--db", str(db), "highlights", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_select_tag_note_undo_redo_delete_quit(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    app = subprocess.Popen(
        [str(APP), "--db", str(db)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        window = wait_for(
            lambda: subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Briefing Reader"],
                env=env,
                capture_output=True,
                text=True,
            ).stdout.split(),
            "the window",
            timeout=60,
        )[0]
        xdo(env, "windowmove", window, "0", "0")
        xdo(env, "windowsize", window, "1400", "900")
        time.sleep(1.0)
        before = highlights(env, db)  # the sample library's own highlights
        # A scheduled import writes to the same library meanwhile, from another process.
        extra = tmp_path / "extra"
        extra.mkdir()
        for number in range(80):
            (extra / f"extra-{number:03}.md").write_text(
                f"---\ntitle: 追加記事 {number}\nsource: 定時取込\n---\n\n北方領土 {number}。\n",
                encoding="utf-8",
            )
        cron = subprocess.Popen(
            [str(APP), "--db", str(db), "import", str(extra)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        # Click into the reader (the middle column), then walk to the first paragraph's
        # first line with the keyboard caret and select it to the line's end.
        xdo(env, "mousemove", "--window", window, "780", "450", "click", "1")
        xdo(env, "key", "--delay", "80", "ctrl+Home", "Down", "Home", "shift+End", "ctrl+c")
        selected = wait_for(
            lambda: (
                subprocess.run(
                    ["xclip", "-o", "-selection", "clipboard"],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=10,
                ).stdout
            ),
            "the selection on the clipboard",
        )
        assert len(selected) > 10
        xdo(env, "key", "1")
        added = wait_for(lambda: [h for h in highlights(env, db) if h not in before], "1 to tag")
        assert [(h["quote"], h["tags"]) for h in added] == [(selected, ["sanctions"])]
        new_id = added[0]["id"]

        def note_of() -> str | None:
            found = [h for h in highlights(env, db) if h["id"] == new_id]
            return found[0]["note"] if found else None

        xdo(env, "key", "n")
        time.sleep(1.0)  # the note editor opens under the pointer
        xdo(env, "type", "--delay", "40", "watch secondary sanctions")
        xdo(env, "key", "ctrl+Return")
        wait_for(lambda: note_of() == "watch secondary sanctions", "N to keep the note")
        xdo(env, "key", "ctrl+z")
        wait_for(lambda: note_of() == "", "Ctrl+Z to undo the note")
        xdo(env, "key", "ctrl+shift+z")
        wait_for(lambda: note_of() == "watch secondary sanctions", "Ctrl+Shift+Z to redo")
        assert cron.wait(timeout=120) == 0, cron.stdout.read() if cron.stdout else ""
        kept = [h for h in highlights(env, db) if h["id"] == new_id]
        assert [(h["quote"], h["tags"], h["note"]) for h in kept] == [
            (selected, ["sanctions"], "watch secondary sanctions")
        ]  # the import beside it changed nothing of it
        found = subprocess.run(
            [str(APP), "--db", str(db), "search", "secondary", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        hits = json.loads(found.stdout)["hits"]
        assert any(h["kind"] == "highlight" and h["id"] == new_id for h in hits)
        xdo(env, "key", "Delete")
        wait_for(lambda: note_of() is None, "Delete to remove the highlight")
        listed = subprocess.run(
            [str(APP), "--db", str(db), "list", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        # Delete in the reader spared the article: the five samples and the 80 imported.
        assert len(json.loads(listed.stdout)) == 5 + 80
        xdo(env, "key", "ctrl+q")
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        output = app.stdout.read().decode(errors="replace") if app.stdout else ""
        assert "Traceback" not in output, output
