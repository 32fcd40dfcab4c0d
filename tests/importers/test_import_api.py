"""The importers' public contract: one ImportFailure with a one-line reason per bad file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from briefing import importers
from briefing.importers import (
    SUPPORTED_SUFFIXES,
    ImportFailure,
    iter_document_paths,
    read_document,
)


def _failure(path: Path) -> ImportFailure:
    with pytest.raises(ImportFailure) as caught:
        read_document(path)
    failure = caught.value
    assert failure.path == path
    assert str(failure) == f"{path.name}: {failure.reason}"
    assert "\n" not in str(failure)
    return failure


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "notes.xyz"
    path.write_text("some text", encoding="utf-8")
    assert _failure(path).reason == "unsupported file type .xyz"
    bare = tmp_path / "README"
    bare.write_text("some text", encoding="utf-8")
    assert _failure(bare).reason == "unsupported file type (no extension)"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf"])
def test_empty_file(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(content)
    assert _failure(path).reason == "empty file"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_text_file_with_only_a_byte_order_mark_and_spaces_is_empty(
    tmp_path: Path, suffix: str, encoding: str
) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(" \n\u3000\n".encode(encoding))
    assert _failure(path).reason == "empty file"


def test_front_matter_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "only-title.md"
    path.write_text("---\ntitle: 制裁\n---\n\n# 制裁\n", encoding="utf-8")
    assert _failure(path).reason == "no text besides the title"


def test_oversize_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("制裁" * 100, encoding="utf-8")
    assert _failure(path).reason == "larger than 100 bytes, the limit for text files"
    small = tmp_path / "small.txt"
    small.write_text("制裁\n本文。", encoding="utf-8")
    assert read_document(small).title == "制裁"
    assert importers._size(16 * 1024 * 1024) == "16 MB"  # the real limits' wording


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_binary_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"image{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert _failure(path).reason == "binary or undecodable file"


def test_undecodable_bytes_without_nul(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 40 + bytes(range(128, 256)) * 4)
    assert _failure(path).reason == "binary or undecodable file"


def test_missing_file(tmp_path: Path) -> None:
    assert _failure(tmp_path / "gone.md").reason == "cannot read: No such file or directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("制裁", encoding="utf-8")
    path.chmod(0)
    try:
        assert _failure(path).reason == "cannot read: Permission denied"
    finally:
        path.chmod(0o600)


def test_impossible_file_name(tmp_path: Path) -> None:
    assert _failure(tmp_path / "a\0b.txt").reason == "cannot read: invalid file name"


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert _failure(folder).reason == "a folder, not a regular file; not read"


def test_unexpected_error_becomes_an_import_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.importers import plain_text

    def broken(path: Path, text: str, step: object = None) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(plain_text, "read_plain_text", broken)
    path = tmp_path / "a.txt"
    path.write_text("題\n本文。", encoding="utf-8")
    assert _failure(path).reason == "could not be imported (RuntimeError)"


def test_supported_suffixes() -> None:
    assert {".md", ".markdown", ".txt", ".text", ".html", ".htm", ".pdf"} == SUPPORTED_SUFFIXES


def test_iter_document_paths(tmp_path: Path) -> None:
    root = tmp_path / "library"
    for name in (
        "b.md",
        "a.txt",
        "c.PDF",
        "skip.docx",
        ".hidden.md",
        "sub/z.html",
        "sub/a.htm",
        ".git/config.md",
        "sub/.cache/x.txt",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (root / "loop").symlink_to(root, target_is_directory=True)
    given = tmp_path / "odd.xyz"
    given.write_text("x", encoding="utf-8")
    found = list(iter_document_paths([given, root]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "odd.xyz",  # a file given by name is yielded, so that its type can be reported
        "library/a.txt",
        "library/b.md",
        "library/c.PDF",
        "library/sub/a.htm",
        "library/sub/z.html",
    ]
