"""Folder and file imports against unusual files: the same file under another spelling, links
out of the folder or in a loop, FIFOs, a library that cannot take any more."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from briefing.services import Library

ARTICLE = "---\ntitle: 影の船団\nsource: 調査室\n---\n\n影の船団への二次制裁が議論されている。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    root.mkdir()
    (root / "x.md").write_text(ARTICLE, encoding="utf-8")
    return root


def test_another_spelling_of_the_same_file_updates_it(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder.parent)
    first = library.import_paths([Path("data/x.md")])
    (article_id,) = [o.article_id for o in first.outcomes]
    text = library.article(article_id).text
    start = text.index("二次制裁")
    from briefing.services.commands import AddHighlight

    library.execute(AddHighlight(article_id, start, start + 4, (), "keep"))
    (folder / "x.md").write_text(ARTICLE.replace("議論されている", "検討されている"), "utf-8")
    for spelling in (folder / "x.md", folder / ".." / "data" / "./x.md"):
        report = library.import_paths([spelling])
        assert [o.status for o in report.outcomes] in (["updated"], ["skipped"])
        assert [o.article_id for o in report.outcomes] == [article_id]
    assert [a.id for a in library.articles()] == [article_id]  # no duplicate
    (highlight,) = library.highlights(article_id=article_id)
    assert highlight.quote == "二次制裁" and not highlight.orphaned and highlight.note == "keep"
    assert library.article(article_id).origin == str((folder / "x.md").resolve())


def test_folder_with_hostile_entries_imports_the_rest(
    library: Library, folder: Path, tmp_path: Path
) -> None:
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "loop.md").symlink_to(folder / "loop.md")
    os.mkfifo(folder / "pipe.txt")
    (folder / "inside.md").symlink_to(folder / "x.md")
    report = library.import_paths([folder])
    outcomes = [(Path(o.path).name, o.status, o.message) for o in report.outcomes]
    # In name order. The link inside the folder is read as its target, whose resolved path
    # is the article's identity (and the path reported); the target itself is then there.
    assert outcomes == [
        ("x.md", "imported", ""),  # inside.md
        ("loop.md", "failed", "symbolic link loop"),
        ("passwd.txt", "failed", "a link to a file outside the imported folder; not read"),
        ("pipe.txt", "failed", "a FIFO (named pipe), not a regular file; not read"),
        ("x.md", "skipped", "already in the library"),
    ]
    assert [a.title for a in library.articles()] == ["影の船団"]
    assert all("root:x" not in library.article(a.id).text for a in library.articles())


def test_a_library_that_takes_nothing_is_said_once(library_path: Path, folder: Path) -> None:
    for n in range(5):
        (folder / f"more{n}.md").write_text(ARTICLE.replace("影の船団", f"記事{n}"), "utf-8")
    Library.open(library_path).close()
    with Library.open(library_path, read_only=True) as library:
        report = library.import_paths([folder])
    failed = [o for o in report.outcomes if o.status == "failed"]
    assert len(failed) == 1 and "read-only" in failed[0].message
    assert report.stopped == 5
    assert report.summary() == "0 imported, 0 updated, 0 skipped, 1 failed, 5 not tried"


def test_progress_inside_a_long_pdf_and_cancel_there(library: Library, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from hostile_files import flate_bomb_pdf

    pdf = flate_bomb_pdf(tmp_path / "long.pdf", expanded_mb=2, pages=5)
    labels: list[str] = []
    library.import_paths([pdf], progress=lambda done, total, label: labels.append(label))
    assert [label.rsplit(" ", 1)[-1] for label in labels if "(" in label] == [
        f"({n}/5)" for n in range(1, 6)
    ]
    pages_seen: list[str] = []

    def progress(done: int, total: int, label: str) -> None:
        pages_seen.append(label)

    with Library.open(tmp_path / "fresh.db") as fresh:
        report = fresh.import_paths(
            [pdf], progress=progress, cancelled=lambda: any("(2/5)" in s for s in pages_seen)
        )
        assert report.cancelled and report.outcomes == []
        assert not [s for s in pages_seen if "(3/5)" in s]  # stopped inside the file
        assert fresh.articles() == []


def test_a_long_text_reports_its_stages_and_can_be_cancelled(
    library: Library, tmp_path: Path
) -> None:
    text = tmp_path / "long.txt"
    text.write_text("長い報告書\n\n" + "制裁の議論が続いている。\n\n" * 2000, encoding="utf-8")
    labels: list[str] = []
    library.import_paths([text], progress=lambda done, total, label: labels.append(label))
    assert [label for label in labels if label.endswith("/3)")] == [
        f"{text} (1/3)",
        f"{text} (2/3)",
    ]
    with Library.open(tmp_path / "fresh.db") as fresh:
        seen: list[str] = []
        report = fresh.import_paths(
            [text],
            progress=lambda done, total, label: seen.append(label),
            cancelled=lambda: any(label.endswith("(1/3)") for label in seen),
        )
        assert report.cancelled and report.outcomes == [] and fresh.articles() == []
