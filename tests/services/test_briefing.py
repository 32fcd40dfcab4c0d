"""The briefing use case on the sample library: choosing highlights, writing, recording, and
the CLI's ``export`` end to end."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from briefing.cli import main
from briefing.core.briefing import BriefingOptions, Period
from briefing.core.errors import BriefingError
from briefing.services import ChangeHighlightTags, Library, set_note
from briefing.services.briefing import (
    build_briefing,
    candidate_highlights,
    export_briefing,
    export_history,
    format_for,
    last_export_time,
)

from tests.conftest import article_id_by_file

TODAY = date.today()
CREATED = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_sections_in_the_chosen_order_with_aliases_each_highlight_once(
    sample_library: Library,
) -> None:
    # 制裁 is an alias of sanctions; two of the sanctions highlights also carry
    # Northern Territories / export controls, which come later here.
    options = BriefingOptions(
        period=Period.day(TODAY), tags=("制裁", "Northern Territories", "export controls")
    )
    briefing = build_briefing(sample_library, options, CREATED)
    assert [s.tag for s in briefing.sections] == [
        "sanctions",
        "Northern Territories",
        "export controls",
    ]
    ids = briefing.highlight_ids
    assert len(ids) == len(set(ids))
    tagged = {
        h.id
        for h in sample_library.highlights(
            tags_any=["sanctions", "Northern Territories", "export controls"]
        )
    }
    assert set(ids) == tagged
    both = next(i for i in briefing.sections[0].items if "Northern Territories" in i.other_tags)
    assert both.quote.startswith("一方でウクライナ侵略や北方領土")


def test_article_and_source_filters(sample_library: Library) -> None:
    roles = article_id_by_file(sample_library, "002")
    options = BriefingOptions(period=Period.day(TODAY), article_ids=(roles,))
    assert {h.article_id for h in candidate_highlights(sample_library, options)} == {roles}
    source = sample_library.article(roles).source
    by_source = BriefingOptions(period=Period.day(TODAY), sources=(source.upper(),))
    assert {h.article_id for h in candidate_highlights(sample_library, by_source)} == {roles}


def test_a_day_without_highlights_is_a_clear_error_and_no_file(
    sample_library: Library, tmp_path: Path
) -> None:
    target = tmp_path / "b.pdf"
    options = BriefingOptions(period=Period.day(TODAY - timedelta(days=400)))
    with pytest.raises(BriefingError, match="nothing to include: no tagged highlights for"):
        export_briefing(sample_library, options, target)
    assert not target.exists() and export_history(sample_library) == []


def test_export_is_recorded_and_since_last_reads_it(
    sample_library: Library, tmp_path: Path
) -> None:
    since_last = BriefingOptions(period=Period.since_last(), marking="取扱注意")
    first = export_briefing(sample_library, since_last, tmp_path / "first.md")
    assert first.format == "md" and len(first.highlight_ids) == 24
    (record,) = export_history(sample_library)
    assert record.output_path == str(tmp_path / "first.md")
    assert record.highlight_ids == first.highlight_ids
    assert record.options is not None and record.options.marking == "取扱注意"
    assert record.exported_at == last_export_time(sample_library)

    # Nothing changed since: nothing to include, and no second record.
    with pytest.raises(
        BriefingError,
        match=r"^nothing to include: no tagged highlights added or changed since the last",
    ):
        export_briefing(sample_library, since_last, tmp_path / "second.md")
    # A changed note brings its highlight back, alone.
    changed = first.highlight_ids[3]
    sample_library.execute(set_note(changed, "再確認: **G7** で調整"))
    second = export_briefing(sample_library, since_last, tmp_path / "second.html")
    assert second.highlight_ids == (changed,)
    assert [r.format for r in export_history(sample_library)] == ["html", "md"]
    assert "再確認: <strong>G7</strong> で調整" in (tmp_path / "second.html").read_text()


def test_created_makes_the_pdf_byte_identical(sample_library: Library, tmp_path: Path) -> None:
    options = BriefingOptions(period=Period.day(TODAY), marking="取扱注意", author="分析官")
    one = export_briefing(sample_library, options, tmp_path / "one.pdf", created=CREATED)
    export_briefing(sample_library, options, tmp_path / "two.pdf", created=CREATED)
    assert one.size > 10_000
    assert (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()
    later = export_briefing(
        sample_library, options, tmp_path / "three.pdf", created=CREATED + timedelta(hours=1)
    )
    assert (
        later.size and (tmp_path / "three.pdf").read_bytes() != (tmp_path / "one.pdf").read_bytes()
    )


def test_format_from_suffix_or_option() -> None:
    assert format_for(Path("a.PDF")) == "pdf"
    assert format_for(Path("a.htm")) == "html"
    assert format_for(Path("a.markdown")) == "md"
    assert format_for(Path("a.out")) == "pdf"
    assert format_for(Path("a.pdf"), "md") == "md"
    with pytest.raises(BriefingError, match="unknown format"):
        format_for(Path("a.pdf"), "docx")


def test_unknown_tag_is_one_clear_line(sample_library: Library) -> None:
    with pytest.raises(BriefingError, match="no tag named “nonsense”"):
        build_briefing(sample_library, BriefingOptions(tags=("nonsense",)))


# --- the command line ----------------------------------------------------------------------


def _export(capsys, db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "export", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_is_byte_identical_with_created_and_recorded(
    sample_library: Library, tmp_path: Path, capsys
) -> None:
    db = sample_library.path
    summary = tmp_path / "summary.md"
    summary.write_text("本日の要点: **制裁**の履行状況。", encoding="utf-8")
    args = [
        "--date", TODAY.isoformat(), "--tags", "sanctions,NSATU,Northern Territories",
        "--marking", "取扱注意", "--title", "朝の報告", "--author", "分析官",
        "--summary", str(summary), "--created", "2026-11-30T08:00",
    ]  # fmt: skip
    code, out, err = _export(capsys, db, *args, "-o", str(tmp_path / "a.pdf"))
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote {tmp_path / 'a.pdf'} (pdf, ")
    code, _, _ = _export(capsys, db, *args, "-o", str(tmp_path / "b.pdf"))
    assert code == 0
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "朝の報告" in text and "本日の要点: 制裁の履行状況。" in text
    assert len(export_history(sample_library)) == 2


def test_cli_errors_are_one_line_and_leave_no_file(
    sample_library: Library, tmp_path: Path, capsys
) -> None:
    db = sample_library.path
    long_ago = (TODAY - timedelta(days=400)).isoformat()
    code, out, err = _export(capsys, db, "--date", long_ago, "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and err.startswith("briefing-reader: nothing to include") and out == ""
    assert err.count("\n") == 1 and not (tmp_path / "x.pdf").exists()
    code, _, err = _export(capsys, db, "-o", str(tmp_path / "missing" / "x.pdf"))
    assert (code, err) == (2, f"briefing-reader: {tmp_path / 'missing'}: no such folder\n")
    code, _, err = _export(capsys, db, "--summary", str(tmp_path / "nope.md"), "-o", "x.pdf")
    assert code == 2 and "nope.md: cannot read the summary" in err
    code, _, err = _export(capsys, db, "--to", "2026-11-30", "-o", str(tmp_path / "x.pdf"))
    assert (code, err) == (2, "briefing-reader: --to needs --from\n")
    code, _, err = _export(capsys, db, "--created", "soon", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "not a date and time (YYYY-MM-DDTHH:MM): soon" in err
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("library.db")) == []


def test_no_japanese_font_is_one_line_naming_the_package_and_no_file(
    sample_library: Library, tmp_path: Path, capsys, monkeypatch
) -> None:
    empty = tmp_path / "fonts"
    empty.mkdir()
    monkeypatch.setenv("BRIEFING_FONT_DIR", str(empty))
    code, _, err = _export(capsys, sample_library.path, "-o", str(tmp_path / "b.pdf"))
    assert code == 2
    assert err == (
        "briefing-reader: no Japanese font found: install the Debian package fonts-noto-cjk "
        "(sudo apt-get install fonts-noto-cjk)\n"
    )
    assert not (tmp_path / "b.pdf").exists() and export_history(sample_library) == []
    # HTML and Markdown need no font.
    code, _, _ = _export(capsys, sample_library.path, "-o", str(tmp_path / "b.html"))
    assert code == 0 and (tmp_path / "b.html").exists()


def test_a_read_only_library_exports_without_recording(
    sample_library: Library, tmp_path: Path
) -> None:
    with Library.open(sample_library.path, read_only=True) as read_only:
        result = export_briefing(
            read_only, BriefingOptions(period=Period.day(TODAY)), tmp_path / "b.md"
        )
    assert result.export_id is None and (tmp_path / "b.md").stat().st_size == result.size
    assert export_history(sample_library) == []


def test_a_retagged_highlight_counts_as_changed_since_the_last_briefing(
    sample_library: Library, tmp_path: Path
) -> None:
    since_last = BriefingOptions(period=Period.since_last())
    first = export_briefing(sample_library, since_last, tmp_path / "first.md")
    retagged = first.highlight_ids[2]
    before = sample_library.highlight(retagged).updated_at
    tag = next(
        t.name
        for t in sample_library.tags()
        if t.name not in sample_library.highlight(retagged).tags
    )
    sample_library.execute(ChangeHighlightTags([retagged], tag, add=True))
    assert sample_library.highlight(retagged).updated_at != before
    assert candidate_highlights(sample_library, since_last) != []
    second = export_briefing(sample_library, since_last, tmp_path / "second.md")
    assert second.highlight_ids == (retagged,)
    # Undone, the highlight has its earlier time again: not a change since the last briefing.
    sample_library.undo()
    assert sample_library.highlight(retagged).updated_at == before
    sample_library.redo()
    with pytest.raises(BriefingError, match=r"^nothing to include"):
        export_briefing(sample_library, since_last, tmp_path / "third.md")


def test_cli_language_sets_the_labels_and_the_default_title(
    sample_library: Library, tmp_path: Path, capsys
) -> None:
    db, day = sample_library.path, TODAY.isoformat()
    # The sample articles are Japanese: Japanese labels and title with no option.
    code, _, err = _export(capsys, db, "--date", day, "--no-record", "-o", str(tmp_path / "a.md"))
    assert (code, err) == (0, "")
    auto = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert auto.startswith("# デイリー・ブリーフィング\n") and "\n## 出典\n" in auto
    code, _, _ = _export(
        capsys, db, "--date", day, "--language", "en", "-o", str(tmp_path / "b.md")
    )
    english = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert code == 0 and english.startswith("# Daily Briefing\n")
    assert "\n## Contents\n" in english and "\n## Sources\n" in english and "出典" not in english
    args = ["--date", day, "--language", "en", "--title", "朝の報告", "--no-record"]
    code, _, _ = _export(capsys, db, *args, "-o", str(tmp_path / "c.md"))
    assert (tmp_path / "c.md").read_text(encoding="utf-8").startswith("# 朝の報告\n")
    # The choice is recorded with the export, so the history shows what was asked for.
    assert [r.options.language for r in export_history(sample_library)] == ["en"]
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db), "export", "--language", "fr", "-o", str(tmp_path / "d.md")])
    assert exited.value.code == 2 and "invalid choice: 'fr'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--language {ja,en}" in help_text and "Japanese on a tie" in help_text
