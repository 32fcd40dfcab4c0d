"""``briefing-reader edit ID --title … --source …``."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main


def test_edit_sets_details_and_reports_bad_input(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "library.db")
    assert main(["--db", db, "sample"]) == 0
    capsys.readouterr()
    code = main(
        [
            "--db",
            db,
            "edit",
            "1",
            "--title",
            "朝の報告",
            "--source",
            "NHK",
            "--published",
            "2025-08-03",
            "--author",
            "",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == "article 1: title, source, author, published changed"
    assert main(["--db", db, "article", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["title"], shown["source"], shown["author"], shown["published"]) == (
        "朝の報告",
        "NHK",
        "",
        "2025-08-03",
    )
    assert main(["--db", db, "edit", "1", "--published", "3 August"]) == 2
    assert capsys.readouterr().err.strip() == ("briefing-reader: not a date (YYYY-MM-DD): 3 August")
    assert main(["--db", db, "edit", "1"]) == 2
    assert "nothing to change" in capsys.readouterr().err
    assert main(["--db", db, "edit", "999", "--title", "x"]) == 2
    assert "no article with id 999" in capsys.readouterr().err
