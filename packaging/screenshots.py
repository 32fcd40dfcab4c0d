"""Screenshots of the main views, for a person to look at: light and dark, English and
Japanese, 1600×1000, 1280×720 and 1024×700 (a 13-inch laptop).

    bash packaging/dev.sh screenshots [FOLDER]      (default: build/screenshots)
    bash packaging/dev.sh screenshots FOLDER --sizes 1024x700 --languages ja

The reader's characters per line on the main view are printed for each size.

Runs under its own Xvfb display (a real X11 window, as an analyst sees it, not the offscreen
platform), on a copy of the sample library, with settings in a temporary folder: nothing of
the user's library or preferences is read or changed. Each combination runs in a process of
its own, because the language is chosen once, at start. Files are named
``{language}-{theme}-{width}x{height}-{view}.png``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGUAGES = ("en", "ja")
THEMES = ("light", "dark")
SIZES = ((1600, 1000), (1280, 720), (1024, 700))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--one", nargs=4, metavar=("LANG", "THEME", "SIZE", "LIBRARY"))
    parser.add_argument("--sizes", nargs="+", metavar="WxH", help="only these sizes")
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--themes", nargs="+", choices=THEMES, default=list(THEMES))
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    if args.one:
        language, theme, size, library = args.one
        width, height = (int(n) for n in size.split("x"))
        return shoot(language, theme, width, height, Path(library), args.folder)
    sizes = [_size(s) for s in args.sizes] if args.sizes else list(SIZES)
    return shoot_all(args.folder.resolve(), args.languages, args.themes, sizes)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def shoot_all(
    folder: Path,
    languages: list[str] | tuple[str, ...] = LANGUAGES,
    themes: list[str] | tuple[str, ...] = THEMES,
    sizes: list[tuple[int, int]] | tuple[tuple[int, int], ...] = SIZES,
) -> int:
    """Make the sample library once and shoot every combination, each size on an Xvfb screen
    of that size: a dialog that would not fit a 1024×700 laptop shows it."""
    if shutil.which("Xvfb") is None:
        print("screenshots: Xvfb is missing (apt-get install xvfb)", file=sys.stderr)
        return 2
    failures = 0
    with tempfile.TemporaryDirectory(prefix="briefing-shots-") as temp:
        sample = Path(temp) / "sample.db"
        _make_sample(sample)
        for width, height in sizes:
            xvfb, display = _start_xvfb(width, height)
            try:
                for language, theme in itertools.product(languages, themes):
                    run_dir = Path(temp) / f"{language}-{theme}-{width}x{height}"
                    run_dir.mkdir()
                    library = run_dir / "library.db"
                    shutil.copy(sample, library)  # a fresh copy each time: nothing carries over
                    env = {
                        **os.environ,
                        "DISPLAY": display,
                        "QT_QPA_PLATFORM": "xcb",
                        "XDG_CONFIG_HOME": str(run_dir / "config"),
                        "LANG": "ja_JP.UTF-8" if language == "ja" else "en_US.UTF-8",
                    }
                    one = [sys.executable, __file__, str(folder), "--one", language, theme]
                    done = subprocess.run(
                        [*one, f"{width}x{height}", str(library)], env=env, check=False
                    )
                    failures += done.returncode != 0
            finally:
                xvfb.terminate()
                xvfb.wait(10)
    print(f"screenshots: {len(list(folder.glob('*.png')))} PNG files in {folder}")
    return 1 if failures else 0


def _start_xvfb(width: int, height: int) -> tuple[subprocess.Popen[str], str]:
    """An Xvfb screen of this size, and its display name."""
    # -displayfd: Xvfb picks a free display and writes its number, so a test session on a
    # fixed display (:91, :93) is never shot by mistake.
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert xvfb.stdout is not None
    return xvfb, f":{xvfb.stdout.readline().strip()}"


def _make_sample(path: Path) -> None:
    from briefing.services import Library

    with Library.open(path) as library:
        report = library.import_sample_library()
        if report.failed:
            raise SystemExit(f"screenshots: the sample library did not import: {report}")


def shoot(
    language: str, theme: str, width: int, height: int, library_path: Path, folder: Path
) -> int:
    """In this process: open the window with these preferences and save each view."""
    from briefing import APP_NAME, ORG_NAME
    from briefing.ui import settings
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLineEdit

    store = QSettings(ORG_NAME, APP_NAME)
    settings.LANGUAGE.write(language, store)
    settings.THEME.write(theme, store)
    store.sync()
    from briefing.app import make_application
    from briefing.services import Library
    from briefing.ui.main_window import MainWindow

    app = make_application(["briefing-reader"])
    library = Library.open(library_path)
    window = MainWindow(library)
    window.move(0, 0)
    window.resize(width, height)
    window.show()
    prefix = folder / f"{language}-{theme}-{width}x{height}"

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def save(widget: object, view: str) -> None:
        settle()
        widget.grab().save(f"{prefix}-{view}.png")  # type: ignore[attr-defined]

    settle(1.5)
    # The article with the most highlights, so tints, the pane and the tags are all shown.
    busiest = max(library.articles(), key=lambda a: len(library.highlights(article_id=a.id)))
    window.table.choose(busiest.id)
    window.show_article(busiest.id)
    save(window, "main")
    print(f"screenshots: {prefix.name}: {_characters_per_line(window)} characters a line")

    field = window.search_panel.findChild(QLineEdit, "search_field")
    if field is not None:
        field.setText("制裁")
        window.search_panel.run()
        settle(1.5)
        save(window, "search")

    from briefing.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(library, window)
    dialog.show()
    save(dialog, "preferences")
    dialog.reject()

    from briefing.ui.about import AboutDialog

    about = AboutDialog(window)
    about.show()
    save(about, "about")
    about.reject()

    from briefing.ui.article_details import ArticleDetailsDialog

    details = ArticleDetailsDialog(library, library.article(busiest.id), window)
    details.show()
    save(details, "article-details")
    details.reject()

    manager = window.manage_tags()
    save(manager, "tag-manager")
    manager.close()

    from briefing.ui.briefing_dialog import open_briefing

    briefing = open_briefing(window, library)
    settle(4.0)  # the preview's pages are typeset on a worker
    save(briefing, "briefing")
    briefing.close()

    window.close()
    library.close()
    return 0


def _characters_per_line(window: object) -> float:
    """How many full-width characters the reader's text width holds at its font."""
    from PySide6.QtGui import QFontMetricsF

    reader = window.reader  # type: ignore[attr-defined]
    document = reader.document()
    em = QFontMetricsF(reader.font()).horizontalAdvance("あ")
    return round((document.textWidth() - 2 * document.documentMargin()) / em, 1)


if __name__ == "__main__":
    sys.exit(main())
