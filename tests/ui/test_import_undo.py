"""The window's import of an update is one undoable step (issue 15): Undo restores the
earlier text the import kept as a version."""

from __future__ import annotations

from pathlib import Path

from briefing.services import Library
from briefing.ui.main_window import MainWindow


def test_undo_after_an_import_update_restores_the_earlier_text(
    qtbot, library: Library, tmp_path: Path
) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text("---\ntitle: メモ\n---\n\n最初の文章。制裁の話。\n", encoding="utf-8")
    article_id = library.import_paths([memo]).outcomes[0].article_id
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    memo.write_text("---\ntitle: メモ\n---\n\n書き直した文章。制裁の話。\n", encoding="utf-8")
    window.import_paths([memo])  # on the window's worker, with its own connection
    qtbot.waitUntil(lambda: "1 updated" in window.statusBar().currentMessage(), timeout=20000)
    undo = window.actions["edit_undo"]
    assert undo.isEnabled() and "Import update of “メモ”" in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: library.article(article_id).text.startswith("最初の"), timeout=5000)
    assert window.actions["edit_redo"].isEnabled()
