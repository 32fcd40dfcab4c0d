"""The words a briefing prints around its content, once per briefing language.

Plain Python (no Qt): the PDF, HTML and Markdown writers all read their labels from
:data:`LABELS`, so the three formats cannot disagree on what "Sources" is called. A briefing
is handed to a reader in one language, so its labels are a property of the briefing
(:attr:`briefing.core.briefing.Briefing.language`), not of the window's language.

Where a label meets a number the word order differs ("p. 12" but "12頁", "Page 1 / 4" but
"1 / 4 ページ"), so such labels are a prefix and a suffix and no writer or template puts
English words or word order of its own around them.

The default language (:func:`language_of`): the language most of the briefing's quoted
articles are in, counting each cited article once; an article without a usable ``language``
field counts by its quotes' script (kana or kanji: Japanese, Latin letters only: English).
A tie, or no article of either language, gives Japanese: the briefing's reader is a Japanese
ministry, and the material is then at least as much Japanese as English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields

LANGUAGES = ("ja", "en")
AUTOMATIC = ""  # BriefingOptions.language when none was chosen: see language_of()
TIE_LANGUAGE = "ja"


@dataclass(frozen=True)
class Labels:
    """Every word a briefing prints that is not content."""

    language: str  # the BCP 47 code written into the HTML (lang) and used by tests
    title: str  # the title when the analyst gave none
    period: str
    issued: str
    author: str
    count: str  # how many items the briefing holds
    count_suffix: str  # after the number: "12件"
    summary: str
    contents: str
    sources: str
    page_prefix: str  # one cited page: prefix + label + suffix
    page_suffix: str
    pages_prefix: str  # the pages cited from one source, joined by page_join
    pages_suffix: str
    page_join: str
    footer_prefix: str  # every page's footer: prefix + "N / M" + suffix
    footer_suffix: str
    also: str  # before a highlight's other tags (Markdown)
    colon: str  # between a label and its value in running text (Markdown)
    range_join: str  # between the first and last day of a period
    all_highlights: str  # period "since the last briefing" when there was none
    since_last: str  # period "since the last briefing"; {0} is when that was

    def page(self, label: str) -> str:
        """One cited page: "p. 12" / "12頁"."""
        return f"{self.page_prefix}{label}{self.page_suffix}"

    def pages(self, labels: Iterable[str]) -> str:
        """The cited pages of one source: "pp. 3, 12" / "3、12頁"."""
        return f"{self.pages_prefix}{self.page_join.join(labels)}{self.pages_suffix}"

    def footer(self, number: int, total: int) -> str:
        """A page's footer as the PDF template writes it (the template builds it from the
        same prefix and suffix; this is what tests and other writers compare with)."""
        return f"{self.footer_prefix}{number} / {total}{self.footer_suffix}"

    def template_data(self) -> dict[str, str]:
        """The labels as the typst template reads them (``labels.page-prefix``...)."""
        return {f.name.replace("_", "-"): getattr(self, f.name) for f in fields(self)}


LABELS: dict[str, Labels] = {
    "en": Labels(
        language="en",
        title="Daily Briefing",
        period="Period",
        issued="Issued",
        author="Author",
        count="Items",
        count_suffix="",
        summary="Summary",
        contents="Contents",
        sources="Sources",
        page_prefix="p. ",
        page_suffix="",
        pages_prefix="pp. ",
        pages_suffix="",
        page_join=", ",
        # pdftotext reads a line of equal gaps ("2 / 5") as letter-spaced text and returns
        # "2/5"; a word beside the numbers keeps it as printed (see briefing.typ).
        footer_prefix="Page ",
        footer_suffix="",
        also="Also",
        colon=": ",
        range_join=" – ",
        all_highlights="all highlights (no earlier briefing)",
        since_last="since the last briefing ({0})",
    ),
    # As a Japanese ministry's briefing paper prints them: 頁 after the number, 、 between
    # page numbers, full-width colon and brackets, ～ between the days of a range.
    "ja": Labels(
        language="ja",
        title="デイリー・ブリーフィング",
        period="期間",
        issued="発行日時",
        author="作成者",
        count="件数",
        count_suffix="件",
        summary="要旨",
        contents="目次",
        sources="出典",
        page_prefix="",
        page_suffix="頁",
        pages_prefix="",
        pages_suffix="頁",
        page_join="、",
        footer_prefix="",
        footer_suffix=" ページ",
        also="関連タグ",
        colon="：",
        range_join="～",
        all_highlights="全件（前回のブリーフィングなし）",
        since_last="前回のブリーフィング以降（{0}）",
    ),
}

DEFAULT_TITLES = frozenset(labels.title for labels in LABELS.values())

_KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")


def labels_for(language: str) -> Labels:
    """The labels of ``language`` ("ja" or "en"); anything else raises KeyError."""
    return LABELS[language]


def language_code(value: str) -> str | None:
    """``ja``/``en`` for an article's language field ("ja", "ja-JP", "EN_us", "jpn"), None for
    another language or none."""
    primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return {"ja": "ja", "jpn": "ja", "en": "en", "eng": "en"}.get(primary)


def script_language(text: str) -> str | None:
    """What a text without a language field is written in, by its script: kana or kanji
    make it Japanese, Latin letters alone English, neither (digits, symbols) unknown."""
    if _KANA_OR_KANJI.search(text):
        return "ja"
    if _LATIN.search(text):
        return "en"
    return None


def language_of(articles: Iterable[tuple[str, str]]) -> str:
    """The default language of a briefing quoting ``articles``, given as (language field,
    quoted text) per cited article: the language most of them are in; a tie, or none in
    Japanese or English, gives :data:`TIE_LANGUAGE` (see the module's docstring)."""
    votes: Counter[str] = Counter()
    for field, quoted in articles:
        language = language_code(field) or (None if field.strip() else script_language(quoted))
        if language:
            votes[language] += 1
    if votes["en"] > votes["ja"]:
        return "en"
    if votes["ja"] > votes["en"]:
        return "ja"
    return TIE_LANGUAGE
