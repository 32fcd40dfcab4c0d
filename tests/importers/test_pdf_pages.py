"""Pages of a PDF kept through the library: stored with the article, shown by the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main
from briefing.services import Library

CHAPTER = Path(__file__).resolve().parents[1] / "data" / "layout" / "chapter.pdf"


def test_pages_are_stored_and_shown_by_article_json(tmp_path: Path, capsys) -> None:
    db = tmp_path / "library.db"
    with Library.open(db) as library:
        report = library.import_paths([CHAPTER])
        assert not report.failed, report.outcomes
        article_id = report.outcomes[0].article_id
        article = library.article(article_id)
    assert [page.label for page in article.pages] == [str(n) for n in range(45, 55)]
    passage = article.text.index("「NATO・ウクライナ関係」の変遷")
    assert article.page_at(passage) == "45"
    assert article.page_at(article.text.index("そこで本稿では")) == "46"
    assert main(["--db", str(db), "article", str(article_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["pages"][:2] == [{"offset": 0, "label": "45"}, shown["pages"][1]]
    assert shown["pages"][1]["label"] == "46" and shown["text"] == article.text
    assert shown["author"] == "合六 強"
