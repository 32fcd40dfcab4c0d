"""What the window says after an import, and the one question it asks (issue 15).

The status bar carries the import's summary with its notes: an update names the version
that keeps the earlier text, a new article with the title and source of a known one says
so. Such a new article is where the window asks: a title and source alone are no identity
(a daily 社説 has one title every day), so the import kept it apart, and the analyst decides
— "Update #N" folds it into the known article as one undoable step
(:class:`~briefing.services.import_choice.TakeAsUpdate`), "Import as New" keeps it.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing.services import BriefingError, Library
from briefing.services.import_choice import TakeAsUpdate
from briefing.ui import service_text
from briefing.ui.operations import ChangeOp

if TYPE_CHECKING:
    from briefing.services.importing import ImportOutcome, ImportReport

UPDATE, NEW, ALL_NEW = "update", "new", "all new"


def notes(report: ImportReport) -> list[str]:
    """The notes of the articles an import wrote ("mon.md: a new article, although #3…")."""
    return [
        f"{PurePath(o.path).name}: {service_text.message(o.message)}"
        for o in report.outcomes
        if o.status in ("imported", "updated") and o.message
    ]


def status_text(report: ImportReport) -> str:
    """The summary and the first note, with how many more there are."""
    text = report.summary()
    found = notes(report)
    if found:
        text += " — " + found[0]
        if len(found) > 1:
            text += QCoreApplication.translate("ImportFeedback", " (and {0} more)").format(
                len(found) - 1
            )
    return text


def resembling(report: ImportReport) -> list[ImportOutcome]:
    """The new articles that have the title and source of a known one: the ones to ask about."""
    return [
        o
        for o in report.outcomes
        if o.status == "imported" and o.article_id is not None and o.resembles is not None
    ]


def ask(parent: QWidget | None, outcome: ImportOutcome, known_title: str, more: int) -> str:
    """Ask whether ``outcome``'s new article is a new text of the one it resembles: UPDATE,
    NEW, or ALL_NEW (keep this and the ``more`` others as new). Enter keeps it new."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ImportFeedback", "Same title and source"),
        QCoreApplication.translate(
            "ImportFeedback",
            "“{0}” ({1}) was imported as a new article, but article #{2} “{3}” has the same "
            "title and source.\n\nIs it a new text of #{2}? Updating keeps the current text of "
            "#{2} as a version, moves nothing else, and can be undone.",
        ).format(outcome.title, PurePath(outcome.path).name, outcome.resembles, known_title),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("ask_import_update")
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles and file names from files: no markup
    update = box.addButton(
        QCoreApplication.translate("ImportFeedback", "Update #{0}").format(outcome.resembles),
        QMessageBox.ButtonRole.AcceptRole,
    )
    update.setObjectName("update_known")
    new = box.addButton(
        QCoreApplication.translate("ImportFeedback", "Import as New"),
        QMessageBox.ButtonRole.RejectRole,
    )
    new.setObjectName("keep_new")
    all_new = None
    if more:
        all_new = box.addButton(
            QCoreApplication.translate("ImportFeedback", "Keep All {0} as New").format(more + 1),
            QMessageBox.ButtonRole.RejectRole,
        )
        all_new.setObjectName("keep_all_new")
    box.setDefaultButton(new)  # Enter never merges two articles
    box.setEscapeButton(new)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is update:
        return UPDATE
    return ALL_NEW if all_new is not None and clicked is all_new else NEW


def show_report(window: QWidget, library: Library, report: ImportReport) -> int:
    """The import's summary and notes in the status bar, then the question for each new
    article that resembles a known one. Returns how many were taken as updates."""
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(status_text(report), 15000)
    asked = resembling(report)
    taken = 0
    for index, outcome in enumerate(asked):
        assert outcome.article_id is not None and outcome.resembles is not None
        try:
            known_title = library.article(outcome.resembles).title
            library.article(outcome.article_id)
        except BriefingError:  # deleted meanwhile (another program): nothing to ask
            continue
        answer = ask(window, outcome, known_title, len(asked) - index - 1)
        if answer == ALL_NEW:
            break
        if answer != UPDATE:
            continue
        command = TakeAsUpdate(outcome.article_id, outcome.resembles, known_title)
        if ChangeOp(window, library, command).run() is not None:
            taken += 1
            if callable(status):
                status().showMessage(
                    QCoreApplication.translate(
                        "ImportFeedback",
                        "“{0}” is now the text of #{1}; its earlier text is kept as a version "
                        "({2} highlight(s) placed, {3} orphaned). Undo takes it back.",
                    ).format(known_title, outcome.resembles, command.placed, command.orphaned),
                    15000,
                )
    return taken
