"""Plain-text files in the encodings Japanese and English documents arrive in."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from briefing.core.markdown import canonical_text
from briefing.importers import ImportFailure, read_document
from briefing.importers.decode import UndecodableError, decode_text

BODY = "日本政府は2025年、ロシアに対する制裁を強化した。特に工作機械の輸出を禁じた。"
ARTICLE = f"対露制裁の効果\n\n{BODY}\n"
SHIFT_JIS_EXTRAS = "①～㈱髙"  # in CP932, not in plain Shift_JIS: why cp932 wins


def _import(tmp_path: Path, data: bytes, name: str = "article.txt") -> tuple[str, str]:
    path = tmp_path / name
    path.write_bytes(data)
    draft = read_document(path)
    return draft.title, canonical_text(draft.body)


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with a BOM, in the machine's byte order
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-16-le"),  # no BOM: found by the NULs of the newlines
        ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp932"),
        ARTICLE.encode("euc_jp"),
        ARTICLE.replace("\n", "\r\n").encode("cp932"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "cp932",
        "eucjp",
        "cp932-crlf",
    ],
)
def test_article_in_each_encoding(tmp_path: Path, data: bytes) -> None:
    title, text = _import(tmp_path, data)
    assert title == "対露制裁の効果"
    assert text == BODY


@pytest.mark.parametrize("encoding", ["cp932", "euc_jp", "utf-8"])
def test_two_character_files(encoding: str) -> None:
    # Too short for a statistical guess: big5 and gb18030 readings fit the bytes as well.
    assert decode_text("制裁".encode(encoding)) == "制裁"


def test_cp932_only_characters() -> None:
    text = f"記号{SHIFT_JIS_EXTRAS}を含む文書です。"
    with pytest.raises(UnicodeEncodeError):
        text.encode("shift_jis")
    assert decode_text(text.encode("cp932")) == text


def test_euc_jp_is_not_read_as_half_width_katakana() -> None:
    # EUC-JP bytes also decode as CP932, into half-width katakana: "ﾀｩｺﾛ" for 制裁.
    text = "制裁の強化について"
    assert decode_text(text.encode("euc_jp")) == text


def test_western_text_in_cp1252() -> None:
    text = "Café society: the résumé of a naïve attaché, 1€ a day.\n"
    assert decode_text(text.encode("cp1252")) == text


def test_nul_bytes_that_are_not_utf16_are_binary() -> None:
    with pytest.raises(UndecodableError):
        decode_text(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4)


def test_binary_disguised_as_utf16_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8" * 8)  # lone surrogates
    with pytest.raises(ImportFailure, match="binary or undecodable file"):
        read_document(path)


def test_radicals_and_pdf_lookalikes_are_folded_in_text_files(tmp_path: Path) -> None:
    # What copy and paste out of a Japanese PDF gives: ⽇ (U+2F47) for 日, ⻑ for 長, ‧ for ・.
    title, text = _import(tmp_path, "⽇本の外交\n\n⻑期的な⽇⽶関係‧安全保障。\n".encode())
    assert (title, text) == ("日本の外交", "長期的な日米関係・安全保障。")
