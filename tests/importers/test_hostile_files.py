"""Importers against files built to hurt: links out of the folder, link loops, FIFOs and
devices, a zero-byte file, a decompression-bomb PDF, a page or text past its size limit.

Each is refused with one line naming the reason, and the folder's other files still import.
"""

from __future__ import annotations

import os
import sys
import threading
import zlib
from pathlib import Path

import pytest
from briefing import importers
from briefing.importers import ImportFailure, iter_import_paths, pdf_limits, read_document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from hostile_files import flate_bomb_pdf, html_page

ARTICLE = "---\ntitle: 制裁\n---\n\n影の船団への二次制裁が議論されている。\n"


def _failure(path: Path, within: Path | None = None) -> ImportFailure:
    with pytest.raises(ImportFailure) as caught:
        read_document(path, within)
    assert "\n" not in str(caught.value)
    return caught.value


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    root.mkdir()
    (root / "good.md").write_text(ARTICLE, encoding="utf-8")
    return root


def test_link_to_a_file_outside_the_folder_is_not_read(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 3, encoding="utf-8")
    (folder / "notes.txt").symlink_to(secret)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    listed = dict(iter_import_paths([folder]))
    assert set(listed) == {folder / "good.md", folder / "notes.txt", folder / "passwd.txt"}
    for name in ("notes.txt", "passwd.txt"):
        failure = _failure(folder / name, listed[folder / name])
        assert failure.reason == "a link to a file outside the imported folder; not read"
    assert read_document(folder / "good.md", folder).title == "制裁"


def test_link_inside_the_folder_is_read_as_its_target(folder: Path) -> None:
    (folder / "alias.md").symlink_to(folder / "good.md")
    draft = read_document(folder / "alias.md", folder)
    assert draft.origin == str((folder / "good.md").resolve())  # identity: the file itself


def test_a_file_given_by_name_through_a_link_is_read(folder: Path, tmp_path: Path) -> None:
    """Naming a file on the command line is the analyst's choice: its link is followed."""
    link = tmp_path / "link.md"
    link.symlink_to(folder / "good.md")
    assert read_document(link).origin == str((folder / "good.md").resolve())


def test_link_loop_is_one_line_and_the_folder_goes_on(folder: Path) -> None:
    (folder / "a.md").symlink_to(folder / "b.md")
    (folder / "b.md").symlink_to(folder / "a.md")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a folder loop
    listed = list(iter_import_paths([folder]))  # ends: links to folders are not followed
    assert [p.name for p, _ in listed] == ["a.md", "b.md", "good.md", "self.txt"]
    for name in ("a.md", "b.md", "self.txt"):
        assert _failure(folder / name, folder).reason == "symbolic link loop"


def test_broken_link(folder: Path) -> None:
    (folder / "gone.md").symlink_to(folder / "deleted.md")
    assert _failure(folder / "gone.md", folder).reason == "cannot read: broken symbolic link"


def test_fifo_is_refused_without_blocking(folder: Path) -> None:
    fifo = folder / "pipe.md"
    os.mkfifo(fifo)
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(_failure(fifo, folder).reason))
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert result == ["a FIFO (named pipe), not a regular file; not read"]


@pytest.mark.parametrize(
    ("device", "kind"), [("/dev/zero", "a character device"), ("/dev/null", "a character device")]
)
def test_devices_are_refused(folder: Path, device: str, kind: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    link = folder.parent / "device.txt"
    link.symlink_to(device)
    assert _failure(link).reason == f"{kind}, not a regular file; not read"


def test_zero_byte_file_is_empty(folder: Path) -> None:
    empty = folder / "empty.md"
    empty.write_bytes(b"")
    assert _failure(empty, folder).reason == "empty file"


def test_flate_bomb_pdf_is_refused_before_pdfium_expands_it(tmp_path: Path) -> None:
    """1 GB of page operators in 2.6 MB took PDFium to 7.8 GB (bench/hostile_bench.py); 64 MB here.
    Refused in a fraction of a second, without expanding more than the cap."""
    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf", expanded_mb=64)
    assert bomb.stat().st_size < 1_000_000
    reason = _failure(bomb).reason
    assert reason == "a compressed part expands past 24 MB (a decompression bomb?); not read"


def test_many_pages_each_under_the_cap_are_refused_in_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_limits, "MAX_STREAM_BYTES", 2 * 2**20)
    monkeypatch.setattr(pdf_limits, "MAX_TOTAL_BYTES", 8 * 2**20)
    pdf = flate_bomb_pdf(tmp_path / "pages.pdf", expanded_mb=12, pages=8)  # 1.5 MB a page
    assert _failure(pdf).reason == "its compressed parts expand past 8 MB; not read"


def test_pdf_under_the_caps_is_read(tmp_path: Path) -> None:
    pdf = flate_bomb_pdf(tmp_path / "small.pdf", expanded_mb=1)
    pdf_limits.check_expansion(pdf, pdf.read_bytes())  # no failure
    with pytest.raises(ImportFailure) as caught:  # it holds no article text, only "x"
        read_document(pdf)
    assert "expands" not in caught.value.reason


def test_expansion_is_counted_not_kept() -> None:
    data = b"1 0 obj << /Filter /FlateDecode >>\nstream\n" + zlib.compress(b"\0" * (40 << 20))
    assert pdf_limits._expanded_size(data, data.index(b"stream\n") + 7, 10 << 20) >= 10 << 20
    images = data.replace(b"/Filter", b"/Subtype /Image /Filter")
    pdf_limits.check_expansion(Path("image.pdf"), images)  # images are never decoded: skipped


@pytest.mark.parametrize(
    ("name", "kind", "limit"),
    [("big.txt", "text", 8), ("big.md", "text", 8), ("big.html", "HTML", 32)],
)
def test_size_limit_per_kind(tmp_path: Path, name: str, kind: str, limit: int) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:  # sparse: no need to write the bytes
        handle.truncate(limit * 2**20 + 1)
    assert _failure(path).reason == f"larger than {limit} MB, the limit for {kind} files"


def test_large_html_page_is_read_linearly_and_keeps_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the large-page threshold the article is the page's <article> text (trafilatura's
    time grows faster than the page); navigation and related links stay out."""
    from briefing.importers import html_page as html_importer

    monkeypatch.setattr(html_importer, "LARGE_PAGE_CHARS", 100_000)
    page = html_page(tmp_path / "page.html", 0.5)
    draft = read_document(page)
    assert draft.title == "安全保障の転機"
    assert "制裁と輸出管理の議論" in draft.body and "関連記事" not in draft.body


def test_kind_limits_never_exceed_the_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "MAX_BYTES", 100)
    assert importers._limit(".pdf") == (100, "PDF")
