"""Constants and poppler helpers shared by the export tests (imported by conftest and tests)."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

HOSTILE_TITLE = "#set page(fill: red) $60 <b>x</b> *x* [y](z) `c` {} @ref"
HOSTILE_NOTE = "#set page(fill: red) and $60 <b>x</b> \\*x\\* #pagebreak() = heading \\ end"
# Import folds the Kangxi radical ⽇ into 日 (core.normalize), so the library's copy of this
# text has 日本と日本; test_pdf typesets STRESS itself through the compiler.
# The shared-glyph pairs (日/⽇, ―/—, ～/〜), characters outside the BMP, a variation
# selector, Latin ligatures and digits in a Latin run: the 9 stress cases of issue 14.
STRESS = "日本と⽇本、―と—、～と〜、𠮟責と𩸽、葛󠄀城市、office affine、G7 summit"
HOSTILE_ARTICLE = f"""---
title: "{HOSTILE_TITLE}"
source: "<i>Source</i> & $x$"
author: "*Author*"
published: 2025-08-20
url: https://example.org/hostile?a=1&b=<2>
language: ja
---

{STRESS}。これは試験用の記事です。

二つ目の段落は #set text(fill: red) と $y$ と <script>alert(1)</script> を含む。
"""
CREATED = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
SUMMARY = "本日の要点：**制裁**と`NSATU`。\n\n- 一つ目 <b>\n- 二つ目 #set page(fill: red)"


def pdftotext(path: Path, *extra: str) -> str:
    return subprocess.run(
        ["pdftotext", *extra, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages_text(path: Path) -> list[str]:
    """Each page's text (pdftotext separates pages with form feeds)."""
    return pdftotext(path).split("\f")[:-1]


def squeeze(text: str) -> str:
    """Text without whitespace: line breaks a typesetter adds (or removes) do not count."""
    return re.sub(r"\s+", "", text)
