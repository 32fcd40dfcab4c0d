"""A window that failed on an article does not reopen it blindly at the next start (issue
15): the article being opened is remembered on disk until it has been painted."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from briefing.services import Library
from briefing.ui import article_view, settings
from briefing.ui.main_window import MainWindow
from briefing.ui.window_safety import OPENING

from tests.ui.window_fixtures import open_window

# A window process that dies (os._exit, as a native crash would) while building article N.
CRASH = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QSettings
    from briefing.app import make_application
    from briefing.services import Library
    from briefing.ui import reader
    from briefing.ui.main_window import MainWindow

    make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
    victim = int(sys.argv[3])
    real = reader.Reader.show_article

    def fatal(self, body, *args, **kwargs):
        if body == library.article(victim).body:
            os._exit(3)
        return real(self, body, *args, **kwargs)

    reader.Reader.show_article = fatal
    library = Library.open(sys.argv[1])
    window = MainWindow(library)
    window.show()
    window.table.choose(victim)
    os._exit(0)
    """
)


def _settings_folder(tmp_path: Path) -> str:
    return str(tmp_path / "settings")


def _crash_on(library: Library, victim: int, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", CRASH, str(library.path), _settings_folder(tmp_path)]
    done = subprocess.run(
        [*command, str(victim)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 3, done.stderr  # died while opening the article
    assert OPENING.read() == f"{victim}@{library.path}"  # on disk before it died


@pytest.mark.parametrize("listed_on_a_worker", [False, True])
@pytest.mark.parametrize("where", ["first row", "last row"])
def test_an_article_that_killed_the_window_is_not_reopened_at_the_next_start(
    qtbot, sample_library: Library, tmp_path: Path, monkeypatch, listed_on_a_worker, where
) -> None:
    probe = MainWindow(sample_library)  # which article the start would choose by itself
    qtbot.addWidget(probe)
    rows = [probe.table_model.article_at(r).id for r in range(probe.table_model.rowCount())]
    probe.close()
    victim = rows[0] if where == "first row" else rows[-1]
    _crash_on(sample_library, victim, tmp_path)
    settings.LAST_ARTICLE.write(victim)  # even as the article read last, it is not reopened
    if listed_on_a_worker:  # a big library: the start chooses twice, before and after
        monkeypatch.setattr(article_view, "BACKGROUND_FROM", 0)

    window = open_window(qtbot, sample_library)
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 5, timeout=10000)
    qtbot.wait(50)
    assert window.article_id != victim and window.table.chosen != victim
    message = window.statusBar().currentMessage()
    assert f"Article #{victim} was being opened when the window last stopped" in message
    assert OPENING.read() != f"{victim}@{sample_library.path}"
    if where == "first row":  # the start would have chosen it: nothing is open instead
        assert window.article_id is None and window.reader.toPlainText() == ""
    window.table.choose(victim)  # the analyst asks for it: it opens
    assert window.article_id == victim and window.reader.toPlainText()
    window.close()


def test_an_article_painted_once_is_forgotten_and_a_normal_start_reopens_the_last(
    qtbot, sample_library: Library
) -> None:
    window = open_window(qtbot, sample_library)
    chosen = sample_library.articles()[2].id
    window.table.choose(chosen)
    assert OPENING.read() == f"{chosen}@{sample_library.path}"  # built, not painted yet
    qtbot.waitUntil(lambda: OPENING.read() is None, timeout=5000)  # painted: forgotten
    window.close()
    again = MainWindow(sample_library)
    qtbot.addWidget(again)
    assert again.article_id == chosen
    again.close()


def test_a_flag_left_by_another_library_changes_nothing(
    qtbot, sample_library: Library, tmp_path: Path
) -> None:
    first = sample_library.articles()[0].id
    settings.LAST_ARTICLE.write(first)
    OPENING.write(f"{first}@{tmp_path / 'other.db'}")
    window = MainWindow(sample_library)
    qtbot.addWidget(window)
    assert window.article_id == first
    window.close()
