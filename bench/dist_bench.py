"""Size and start-up of the built one-folder app (``bash packaging/dev.sh dist``), issue 18.

Runs the binary as an analyst's desktop would, in an empty environment (no virtual
environment, no Python on PATH), and prints: the folder's size and its largest parts; the
wall time of ``--version``, of importing the sample library and of ``list --json``; the time
from launch until the window is on screen under Xvfb (``xdotool`` sees it mapped, which is
when Qt paints it first); and the whole ``--screenshot`` run offscreen, which waits a fixed
0.8 s after showing the window before it grabs it. The same figures for the virtual
environment's command are printed beside them for comparison.

    .venv/bin/python bench/dist_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLE = REPO / "dist" / "briefing-reader"
BINARY = BUNDLE / "briefing-reader"
VENV_COMMAND = REPO / ".venv" / "bin" / "briefing-reader"
SCREENSHOT_WAIT = 0.8  # app.run_window grabs the window this long after showing it


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symbolic links counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def largest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    parts = {}
    for entry in internal.iterdir():
        parts[entry.name] = folder_size(entry) if entry.is_dir() else entry.lstat().st_size
    for lib in (internal / "PySide6" / "Qt" / "lib").glob("*"):
        parts[f"PySide6/Qt/lib/{lib.name}"] = lib.lstat().st_size
    parts["PySide6"] -= sum(v for k, v in parts.items() if k.startswith("PySide6/"))
    system = sum(v for k, v in parts.items() if k.startswith("lib") and ".so" in k)
    top = sorted(parts.items(), key=lambda kv: -kv[1])[:count]
    return [*top, ("(system libraries, together)", system)]


def env(home: Path, **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra}


def timed(command: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def runs(command: list[str], environment: dict[str, str], n: int) -> str:
    times = [timed(command, environment) for _ in range(n)]
    return f"p50 {statistics.median(times):.3f} s, min {min(times):.3f}, max {max(times):.3f}"


@contextmanager
def xvfb() -> Iterator[str | None]:
    """One Xvfb display for all window runs (a display started and stopped for each run was
    not always ready for the next one), or None without Xvfb/xdotool."""
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        yield None
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        yield ":" + os.read(read, 16).decode().strip()
    finally:
        os.close(read)
        server.terminate()
        server.wait(timeout=10)


def until_mapped(command: list[str], environment: dict[str, str], display: str) -> float | None:
    """Seconds from launch until a window named "Briefing Reader…" is mapped on
    ``display``, or None if the app ended first."""
    shown = {**environment, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    search = ["xdotool", "search", "--onlyvisible", "--name", "Briefing Reader"]
    start = time.perf_counter()
    app = subprocess.Popen(command, env=shown, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = None
    while app.poll() is None:
        if subprocess.run(search, env={"DISPLAY": display}, capture_output=True).stdout:
            elapsed = time.perf_counter() - start
            break
        time.sleep(0.005)
    app.wait(timeout=60)
    return elapsed


def measure(name: str, binary: Path, n: int, display: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        db = str(home / "lib.db")
        e = env(home, TZ="UTC")
        print(f"\n{name}: {binary}")
        print(f"  --version          {runs([str(binary), '--version'], e, n)}")
        print(f"  sample (import)    {timed([str(binary), '--db', db, 'sample'], e):.3f} s")
        print(f"  list --json        {runs([str(binary), '--db', db, 'list', '--json'], e, n)}")
        shot = [str(binary), "--db", db, "--screenshot", str(home / "w.png")]
        runs_on_screen = [until_mapped(shot, e, display) for _ in range(n)] if display else []
        mapped = [m for m in runs_on_screen if m is not None]
        if mapped:
            print(
                f"  window on screen   p50 {statistics.median(mapped):.3f} s, "
                f"min {min(mapped):.3f}, max {max(mapped):.3f} (Xvfb, launch to mapped, "
                f"{len(mapped)} of {n} runs)"
            )
        total = [timed(shot, e) for _ in range(n)]
        print(
            f"  --screenshot run   p50 {statistics.median(total):.3f} s offscreen, of which "
            f"{SCREENSHOT_WAIT} s is the wait before the grab"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not BINARY.exists():
        raise SystemExit("no built app: bash packaging/dev.sh dist")
    print(f"dist/briefing-reader: {folder_size(BUNDLE) / 2**20:.1f} MiB")
    for part, size in largest_parts(BUNDLE):
        print(f"  {size / 2**20:7.1f} MiB  {part}")
    with xvfb() as display:
        measure("built app (no Python)", BINARY, args.runs, display)
        if VENV_COMMAND.exists():
            measure("for comparison, the virtual environment", VENV_COMMAND, args.runs, display)


if __name__ == "__main__":
    main()
