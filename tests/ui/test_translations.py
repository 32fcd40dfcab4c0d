"""The Japanese translation is complete: ``pyside6-lupdate`` over today's sources finds no
string without a finished translation, the shipped ``.qm`` is compiled from the ``.ts``, and
the window speaks Japanese when asked to.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from briefing.ui import i18n
from PySide6.QtCore import QCoreApplication, QLocale

from tests.conftest import REPO

TS = REPO / "resources" / "translations" / "briefing_ja.ts"
QM = REPO / "resources" / "translations" / "briefing_ja.qm"
BIN = Path(sys.executable).parent
SOURCES = [
    *sorted((REPO / "desktop" / "briefing" / "ui").glob("*.py")),
    REPO / "desktop" / "briefing" / "app.py",
]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: PySide6 installs it (bash packaging/dev.sh setup)")
    return str(path)


@pytest.fixture(scope="module")
def updated_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts, updated by lupdate from the sources as they are now (in a copy
    beside the original's place, so the file names in it stay relative the same way)."""
    folder = tmp_path_factory.mktemp("ts") / "resources" / "translations"
    folder.mkdir(parents=True)
    copy = folder / TS.name
    shutil.copy(TS, copy)
    run = subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return copy


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_string_has_a_finished_translation(updated_ts: Path) -> None:
    problems = []
    for context, source, message in _messages(updated_ts):
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):  # no longer in the sources
            continue
        if kind == "unfinished" or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r}")
    assert not problems, "untranslated (run lupdate, translate, lrelease):\n" + "\n".join(problems)


def test_translations_keep_every_placeholder(updated_ts: Path) -> None:
    """``"{0} items".format(n)`` must find its {0} in the Japanese too."""
    for context, source, message in _messages(updated_ts):
        text = message.findtext("translation") or ""
        if message.find("translation").get("type") in ("vanished", "obsolete"):
            continue
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            f"{context}: {source!r} -> {text!r}"
        )


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "briefing_ja.qm"
    run = subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on briefing_ja.ts"


def test_language_from_the_locale() -> None:
    assert i18n.resolve("system", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "ja"
    assert i18n.resolve("system", QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
    assert i18n.resolve("ja", QLocale(QLocale.Language.English)) == "ja"
    assert i18n.resolve("en", QLocale(QLocale.Language.Japanese)) == "en"


def test_installed_japanese_reaches_actions_and_dialogs(qapp, library) -> None:
    from briefing.ui.actions import ActionCollection
    from briefing.ui.preferences import PreferencesDialog
    from briefing.ui.service_text import command_text, message
    from PySide6.QtWidgets import QWidget

    try:
        assert i18n.install(qapp, "ja") == "ja"
        holder = QWidget()
        actions = ActionCollection(holder)
        assert actions["file_quit"].text() == "終了(&Q)"
        assert actions["highlight_slot_3"].text() == "タグキー &3"
        assert command_text("Tag sanctions") == "タグ sanctions を付ける"
        assert command_text("Merge tag a into b") == "タグ a を b に統合"
        assert message("the source must be one line") == "出典は 1 行で入力してください。"
        refused = (
            "Cannot undo “Tag sanctions”: the highlight was deleted since. It was removed "
            "from the undo history, with 2 step(s) that depended on it; nothing was changed."
        )
        assert message(refused) == (
            "「タグ sanctions を付ける」を元に戻せません: その後、ハイライトが削除されました。"
            "この操作は取り消し履歴から削除されました(これに依存する 2 件の操作も削除)。"
            "何も変更されていません。"
        )
        # Qt's own buttons come from PySide6's qtbase_ja.qm.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
        # A Python subclass's self.tr() finds its class's context.
        dialog = PreferencesDialog(library, holder)
        assert dialog.windowTitle() == "設定"
        holder.deleteLater()
    finally:
        assert i18n.install(qapp, "en") == "en"
    assert QCoreApplication.translate("Actions", "&Quit") == "&Quit"


def test_toolbar_labels_drop_the_mnemonic_in_both_languages() -> None:
    from briefing.ui.actions import icon_text

    assert icon_text("ファイルを取り込む(&I)…") == "ファイルを取り込む"
    assert icon_text("&Import Files…") == "Import Files"
    assert icon_text("Tag Slot &3") == "Tag Slot 3"
    assert icon_text("Q&&A") == "Q&A"


def test_a_real_refusal_reads_in_japanese(qapp, sample_library) -> None:
    """The patterns match what the services really say (not only the strings above)."""
    from briefing.services import BriefingError, Library
    from briefing.services.article_details import EditArticleDetails
    from briefing.ui.service_text import message

    article_id = sample_library.articles()[0].id
    sample_library.execute(EditArticleDetails(article_id, source="NHK"))
    with Library.open(sample_library.path) as other:
        other.execute(EditArticleDetails(article_id, source="共同通信"))
    with pytest.raises(BriefingError) as refused:
        sample_library.undo()
    try:
        i18n.install(qapp, "ja")
        assert message(str(refused.value)) == (
            "「記事の情報の編集」を元に戻せません: その後、記事の情報が変更されました。"
            "この操作は取り消し履歴から削除されました。何も変更されていません。"
        )
    finally:
        i18n.install(qapp, "en")


# ``tr(`` not preceded by ``self.`` (lupdate files it under the object's variable name, and
# Qt looks it up under the object's class: the two never meet), or with anything but a
# string literal inside (lupdate cannot read a variable).
WRONG_CONTEXT = re.compile(r"(?<!\bself)\.tr\(")
NOT_A_LITERAL = re.compile(r"""\btr\(\s*(?!["'\s)]|$)""")
# Texts marked for lupdate where they are declared (QT_TRANSLATE_NOOP in the ActionSpec table).
MARKED_ELSEWHERE = ("tr(spec.text)", "tr(spec.tip)")


def test_every_tr_call_can_be_extracted() -> None:
    problems = []
    for path in SOURCES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if "def tr(" in code:
                continue
            for marked in MARKED_ELSEWHERE:
                code = code.replace(marked, "")
            if WRONG_CONTEXT.search(code) or NOT_A_LITERAL.search(code):
                problems.append(f"{path.name}:{number}: {line.strip()}")
    assert not problems, 'use self.tr("…") or QCoreApplication.translate(CONTEXT, "…"):\n' + (
        "\n".join(problems)
    )
