"""Library ▸ Article Details: edit an article's title, source, author, published date, URL and
language. OK runs one undoable step (:class:`EditArticleDetails`) with only what changed; a
bad value keeps the dialog open with one line saying what is wrong, nothing lost."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Article
from briefing.services import BriefingError, Library
from briefing.services.article_details import EditArticleDetails
from briefing.ui import service_text

# Languages offered in the list; any other BCP 47 code can be typed.
LANGUAGES = ("ja", "en", "zh", "ko", "ru", "uk", "fr", "de")


class ArticleDetailsDialog(QDialog):
    def __init__(self, library: Library, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.article = article
        self.setObjectName("article_details_dialog")
        self.setWindowTitle(self.tr("Article Details"))
        self.title = self._line("details_title", article.title)
        self.source = self._line("details_source", article.source)
        self.author = self._line("details_author", article.author)
        self.published = self._line(
            "details_published", article.published.isoformat() if article.published else ""
        )
        self.published.setPlaceholderText(self.tr("YYYY-MM-DD, or empty"))
        self.url = self._line("details_url", article.url)
        self.url.setPlaceholderText("https://…")
        self.language = QComboBox(self)
        self.language.setObjectName("details_language")
        self.language.setEditable(True)
        self.language.addItems(LANGUAGES)
        self.language.setEditText(article.language)
        self.status = QLabel(self)
        self.status.setObjectName("details_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Source:"), self.source)
        form.addRow(self.tr("&Author:"), self.author)
        form.addRow(self.tr("&Published:"), self.published)
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("&Language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not library.read_only)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _line(self, name: str, text: str) -> QLineEdit:
        line = QLineEdit(text, self)
        line.setObjectName(name)
        line.setCursorPosition(0)  # a long title shows its beginning
        return line

    def changed_values(self) -> dict[str, str]:
        """The details the form changed, as typed (checked by the service)."""
        now = {
            "title": self.title.text(),
            "source": self.source.text(),
            "author": self.author.text(),
            "published": self.published.text(),
            "url": self.url.text(),
            "language": self.language.currentText(),
        }
        published = self.article.published
        was = {
            "title": self.article.title,
            "source": self.article.source,
            "author": self.article.author,
            "published": published.isoformat() if isinstance(published, date) else "",
            "url": self.article.url,
            "language": self.article.language,
        }
        return {name: value for name, value in now.items() if value.strip() != was[name]}

    def accept(self) -> None:
        values = self.changed_values()
        if values:
            try:
                self.library.execute(EditArticleDetails(self.article.id, **values), self)
            except BriefingError as error:
                self.status.setText(service_text.message(str(error)))
                return
        super().accept()


def edit_details(library: Library, article_id: int, parent: QWidget) -> ArticleDetailsDialog:
    """Open the details of ``article_id`` (window-modal: the article cannot change meanwhile)."""
    dialog = ArticleDetailsDialog(library, library.article(article_id), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
