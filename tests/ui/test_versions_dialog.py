"""Library ▸ Versions… (issue 15): an updated article's earlier text listed, previewed as
plain text and restored as one step of the window's undo history."""

from __future__ import annotations

from pathlib import Path

from briefing.services import AddHighlight, Library
from briefing.services import versions as version_service
from briefing.ui.versions_dialog import VersionsDialog

from tests.ui.window_fixtures import open_window

FIRST = "今日の社説は制裁の効果について論じる。\n\n第二段落では北方領土の交渉を扱う。\n"
SECOND = "冒頭に一段落が加わった。\n\n今日の社説は制裁の効果について論じる。\n\n結びの段落。\n"


def _write(path: Path, body: str, title: str = "社説") -> Path:
    path.write_text(f"---\ntitle: {title}\nsource: 朝日新聞\n---\n\n{body}", encoding="utf-8")
    return path


def _updated(library: Library, tmp_path: Path) -> tuple[int, int]:
    """An article, highlighted, then updated from the same file: one earlier version."""
    path = _write(tmp_path / "shasetsu.md", FIRST)
    article_id = library.import_paths([path]).outcomes[0].article_id
    assert article_id is not None
    start = library.locate_quote(article_id, "北方領土の交渉")
    add = AddHighlight(article_id, start, start + 7, ())
    library.execute(add)
    assert add.highlight_id is not None
    assert library.import_paths([_write(path, SECOND)]).outcomes[0].status == "updated"
    assert library.highlight(add.highlight_id).orphaned
    return article_id, add.highlight_id


def test_versions_are_listed_previewed_restored_and_undone_in_the_window(
    qtbot, library: Library, tmp_path: Path
) -> None:
    article_id, highlight_id = _updated(library, tmp_path)
    window = open_window(qtbot, library)
    window.table.choose(article_id)
    assert window.reader.toPlainText().startswith("冒頭に")
    action = window.safety.versions_action
    assert action.objectName() == "article_versions"
    assert action in window.menuBar().actions()[2].menu().actions()  # Library ▸ Versions…
    dialog = window.safety.show_versions()
    assert isinstance(dialog, VersionsDialog)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 1
    row = dialog.list.topLevelItem(0)
    assert row.text(0) == "1" and row.text(2) == "shasetsu.md"
    old_text = version_service.version(library, article_id, 1).text
    assert row.text(3) == f"{len(old_text)} characters" and row.text(1)[:2] == "20"
    assert dialog.preview.isReadOnly() and "北方領土の交渉" in dialog.preview.toPlainText()
    assert dialog.restore_button.isEnabled()

    dialog.restore_selected()
    assert library.article(article_id).text.startswith("今日の社説")
    assert window.reader.toPlainText().startswith("今日の社説")  # the window follows
    assert not library.highlight(highlight_id).orphaned  # back on its old anchor
    assert "Version 1 restored" in window.statusBar().currentMessage()
    assert "冒頭に" in dialog.preview.toPlainText()  # slot 1 now holds the text replaced
    undo = window.actions["edit_undo"]
    assert undo.isEnabled() and "Restore version 1" in undo.text()

    undo.trigger()  # Ctrl+Z in the window takes the restore back
    assert library.article(article_id).text.startswith("冒頭に")
    assert window.reader.toPlainText().startswith("冒頭に")
    assert library.highlight(highlight_id).orphaned
    assert "北方領土の交渉" in dialog.preview.toPlainText()
    dialog.close()


def test_an_article_without_versions_says_so_and_restores_nothing(
    qtbot, library: Library, tmp_path: Path
) -> None:
    path = _write(tmp_path / "a.md", FIRST, title="<b>太字</b>の題")
    article_id = library.import_paths([path]).outcomes[0].article_id
    assert article_id is not None
    dialog = VersionsDialog(library, article_id)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 0 and not dialog.restore_button.isEnabled()
    assert dialog.summary.text() == "This article has no earlier versions."
    assert dialog.restore_selected() is None
    assert "<b>太字</b>の題" in dialog.windowTitle()  # a title from a file stays text
