"""A library opened read-only (a read-only share, a full disk) in the window (issue 15): the
notice once, in the status bar and the title; import and edit actions stay disabled; and
background work opens the library read-only too."""

from __future__ import annotations

from pathlib import Path

from briefing.services import Library
from briefing.store import opening
from briefing.ui import article_view
from briefing.ui.main_window import MainWindow
from briefing.ui.operations import QueryOp
from briefing.ui.window_safety import WRITING_ACTIONS

from tests.ui.window_fixtures import open_window


def _read_only(sample_library: Library, library_path: Path) -> Library:
    sample_library.close()
    return Library.open(library_path, read_only=True)


def test_a_read_only_library_says_so_once_and_keeps_writing_actions_off(
    qtbot, sample_library: Library, library_path: Path
) -> None:
    with _read_only(sample_library, library_path) as library:
        window = open_window(qtbot, library)
        notice = window.safety.notice_label
        assert notice is not None and notice.isVisible()
        assert notice.text().startswith("Read-only: the library is open read-only")
        assert window.windowTitle().endswith(" [read-only]")
        first = library.articles()[0].id
        window.table.choose(first)  # opening an article enables its actions elsewhere
        assert window.article_id == first
        assert window.windowTitle().endswith(" [read-only]")
        assert window.windowTitle().count("[read-only]") == 1
        for name in WRITING_ACTIONS:
            assert not window.actions[name].isEnabled(), name
        assert window.actions["article_details"].isEnabled()  # it shows, and refuses edits
        window.close()


def test_a_full_disk_gives_its_own_notice(
    qtbot, sample_library: Library, library_path: Path
) -> None:
    with _read_only(sample_library, library_path) as library:
        opening.set_notice(library.db, opening.DISK_FULL_NOTICE)
        window = open_window(qtbot, library)
        assert window.safety.notice_label is not None
        assert "the disk is full" in window.safety.notice_label.text()
        window.close()


def test_a_writable_library_shows_no_notice(qtbot, sample_library: Library) -> None:
    window = open_window(qtbot, sample_library)
    assert window.safety.notice_label is None
    assert "[read-only]" not in window.windowTitle()
    assert window.actions["file_import"].isEnabled()
    window.close()


def test_background_work_opens_a_read_only_library_read_only(
    qtbot, sample_library: Library, library_path: Path, monkeypatch
) -> None:
    with _read_only(sample_library, library_path) as library:
        results: list[bool] = []
        op = QueryOp(None, library, lambda worker, _p, _c: worker.read_only)
        op.success(results.append).run_in_background()
        qtbot.waitUntil(lambda: op.done, timeout=10000)
        assert results == [True]
        # So a big read-only library is listed on a worker like any other.
        monkeypatch.setattr(article_view, "BACKGROUND_FROM", 0)
        window = MainWindow(library)
        qtbot.addWidget(window)
        assert window.table.loading  # on a worker, with its own read-only connection
        qtbot.waitUntil(lambda: window.table_model.rowCount() == 5, timeout=10000)
        window.close()
