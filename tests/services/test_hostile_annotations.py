"""``highlights.json`` from someone else: every entry checked on its own, one line per
refusal, the rest applied; deep nesting, a BOM, wrong types and oversize files handled; the
entries written in bounded transactions with progress and a way to stop."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from briefing.services import Library, annotation_file
from briefing.services.annotation_schema import check_highlight, check_tag

from tests.conftest import ARTICLES

FIRST = "000-nato-security-guarantees.md"
SECOND = "001-us-russia-summit-nato-style-guarantee.md"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two sample articles and the sample sidecar's highlights for them."""
    root = tmp_path / "in"
    root.mkdir()
    for name in (FIRST, SECOND):
        shutil.copy(ARTICLES / name, root / name)
    return root


def _sample(folder: Path) -> dict:
    data = json.loads((ARTICLES / "highlights.json").read_text(encoding="utf-8"))
    data["highlights"] = [h for h in data["highlights"] if h["article"] in (FIRST, SECOND)]
    return data


def _write(folder: Path, data: object, *, encoding: str = "utf-8") -> None:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    (folder / "highlights.json").write_text(text, encoding=encoding)


def _failed(report) -> list[str]:
    return [o.message for o in report.outcomes if o.status == "failed"]


def test_one_bad_entry_does_not_discard_the_others(library: Library, folder: Path) -> None:
    data = _sample(folder)
    good = len(data["highlights"])
    data["highlights"].insert(1, {**data["highlights"][0], "note": 123})
    data["highlights"].append({"article": FIRST, "quote": "影の船団", "color": "#ff0000"})
    _write(folder, data)
    report = library.import_paths([folder])
    assert report.highlights_added == good  # every good one, none of the bad
    assert _failed(report) == [
        "highlights.json highlight 2: “note” must be text, not a number",
        f"highlights.json highlight {good + 2}: unknown field 'color'",
    ]
    assert len(library.highlights()) == good


@pytest.mark.parametrize(
    ("tag", "reason"),
    [
        ({"name": "x", "aliases": "abc"}, "“aliases” must be a list of names, not text"),
        ({"name": "x", "aliases": 5}, "“aliases” must be a list of names, not a number"),
        ({"name": "x", "aliases": [5]}, "“aliases” must hold non-empty names, not a number"),
        ({"name": "x", "color": 123}, "“color” must be text, not a number"),
        ({"name": "x", "color": "red"}, "“color” must be #rrggbb, not 'red'"),
        ({"name": 7}, "“name” must be text, not a number"),
        ({"name": "  "}, "“name” is empty"),
        ({}, "missing “name”"),
        ("x", "a tag must be an object, not text"),
    ],
)
def test_tag_entries_are_checked(tag: object, reason: str) -> None:
    assert check_tag(tag) == (None, reason)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"quote": "q"}, "missing “article”"),
        ({"article": "a.md"}, "missing “quote”"),
        ({"article": "a.md", "quote": ""}, "“quote” is empty"),
        (
            {"article": "a.md", "quote": "q", "occurrence": True},
            "“occurrence” must be a whole number from 1",
        ),
        (
            {"article": "a.md", "quote": "q", "occurrence": 0},
            "“occurrence” must be a whole number from 1",
        ),
        (
            {"article": "a.md", "quote": "q", "occurrence": "2"},
            "“occurrence” must be a whole number from 1",
        ),
        (
            {"article": "a.md", "quote": "q", "tags": "abc"},
            "“tags” must be a list of names, not text",
        ),
        ({"article": "a.md", "quote": "q", "note": None}, "“note” must be text, not null"),
        ({"article": ["a.md"], "quote": "q"}, "“article” must be text, not a list"),
        ([1, 2], "a highlight must be an object, not a list"),
    ],
)
def test_highlight_entries_are_checked(entry: object, reason: str) -> None:
    assert check_highlight(entry) == (None, reason)


def test_aliases_as_a_string_are_refused_not_split(library: Library, folder: Path) -> None:
    data = _sample(folder)
    data["tags"].append({"name": "abc tag", "aliases": "abc"})
    _write(folder, data)
    report = library.import_paths([folder])
    assert (
        f"highlights.json tag {len(data['tags'])}: “aliases” must be a list of names, not text"
        in _failed(report)
    )
    names = {t.name for t in library.tags()} | {a for t in library.tags() for a in t.aliases}
    assert "abc tag" not in names and not {"a", "b", "c"} & names
    assert report.highlights_added == len(data["highlights"])  # the rest came along


def test_a_bom_is_accepted(library: Library, folder: Path) -> None:
    data = _sample(folder)
    _write(folder, data, encoding="utf-8-sig")
    report = library.import_paths([folder])
    assert not report.failed, _failed(report)
    assert report.highlights_added == len(data["highlights"])


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deep_nesting_is_one_line_and_the_articles_stay(
    library: Library, folder: Path, depth: int
) -> None:
    _write(folder, '{"highlights": [], "tags": ' + "[" * depth + "]" * depth + "}")
    report = library.import_paths([folder])
    assert report.count("imported") == 2  # the import report survives
    (message,) = _failed(report)  # parsed and its tag refused, or too deep to parse
    assert message in (
        "highlights.json tag 1: a tag must be an object, not a list",
        "highlights.json: not valid JSON (nested too deeply)",
    )


def test_not_json_or_not_utf8_or_too_large(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(folder, "{not json")
    assert _failed(library.import_paths([folder])) == [
        "highlights.json: not valid JSON "
        "(line 1: Expecting property name enclosed in double quotes)"
    ]
    (folder / "highlights.json").write_bytes(b'{"highlights": ["\xff"]}')
    assert _failed(library.import_paths([folder])) == ["highlights.json: not UTF-8 text"]
    monkeypatch.setattr(annotation_file, "MAX_ANNOTATION_BYTES", 1024)
    _write(folder, _sample(folder))
    assert _failed(library.import_paths([folder])) == [
        "highlights.json: larger than 1024 bytes; not a highlights file"
    ]


def test_single_file_import_passes_over_entries_for_other_files(
    library: Library, folder: Path
) -> None:
    data = _sample(folder)
    data["highlights"].append({"article": "missing.md", "quote": "x"})
    _write(folder, data)
    report = library.import_paths([folder / FIRST])
    mine = [h for h in data["highlights"] if h["article"] == FIRST]
    assert report.highlights_added == len(mine)
    # An entry for a file that is not there at all is the sidecar's fault, and says so.
    assert _failed(report) == [
        f"highlights.json highlight {len(data['highlights'])}: no file missing.md beside it"
    ]


def test_entries_are_written_in_chunks_with_progress_and_can_be_stopped(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(annotation_file, "CHUNK_ENTRIES", 1)
    library.import_paths([folder / FIRST, folder / SECOND])  # the articles, before a sidecar
    data = _sample(folder)
    _write(folder, data)
    total = len(data["highlights"])
    assert total >= 3
    seen: list[tuple[int, int]] = []

    def progress(done: int, count: int, label: str) -> None:
        if label.endswith("highlights.json"):
            seen.append((done, count))

    stop_after_first = lambda: len(seen) >= 1  # noqa: E731
    report = library.import_paths([folder], progress=progress, cancelled=stop_after_first)
    assert seen == [(1, total)]
    assert report.highlights_added == 1  # the chunk written stays
    # Applying again adds exactly what is missing, with progress chunk by chunk.
    seen.clear()
    report = library.import_paths([folder], progress=progress)
    assert report.highlights_added == total - 1
    assert [done for done, _ in seen] == list(range(1, total + 1))
    assert len(library.highlights()) == total
