"""The Briefing dialog's options: period, sections, filters, title, author, marking, paper,
language, summary — read as and set from :class:`~briefing.core.briefing.BriefingOptions`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from briefing.core.briefing import BriefingOptions, Period
from briefing.core.briefing_labels import AUTOMATIC, DEFAULT_TITLES, TIE_LANGUAGE, labels_for
from briefing.core.model import ArticleSummary, Tag

MARKINGS = ("", "取扱注意", "部外秘", "秘")


class BriefingForm(QWidget):
    """Every option but the items' ticks and order (those live in the items list)."""

    changed = Signal()  # anything: the preview is typeset again
    scope_changed = Signal()  # which highlights: the items list is made again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tag_order: list[str] = []  # the library's order: a change of it is a choice
        self.period = QComboBox(self)
        self.period.setObjectName("briefing_period")
        for label, kind in (
            (self.tr("Since the last briefing"), "since_last"),
            (self.tr("One day"), "day"),
            (self.tr("Range of days"), "range"),
        ):
            self.period.addItem(label, kind)
        self.start = QDateEdit(QDate.currentDate(), self)
        self.end = QDateEdit(QDate.currentDate(), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        days = QWidget(self)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(self.end)

        self.tags = QListWidget(self)
        self.tags.setObjectName("briefing_tags")
        self.tags.setToolTip(self.tr("Tick the tags that become sections; drag to order them"))
        self.tags.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tags.setMaximumHeight(130)
        self.article = QComboBox(self)
        self.article.setObjectName("briefing_article")
        self.sources = QLineEdit(self)
        self.sources.setPlaceholderText(self.tr("all sources (or: NHK, ROLES)"))
        # Empty: the usual title of the briefing's language, shown as the placeholder.
        self.title = QLineEdit(self)
        self.title.setObjectName("briefing_title")
        self._automatic = TIE_LANGUAGE  # what "Automatic" gives now (the dialog tells us)
        self.author = QLineEdit(self)
        self.marking = QComboBox(self)
        self.marking.setObjectName("briefing_marking")
        self.marking.setEditable(True)
        self.marking.addItems(MARKINGS)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        # The briefing's labels (title, Contents, Sources, page numbers), not the window's:
        # each language named in its own words, as in the Preferences.
        self.language = QComboBox(self)
        self.language.setObjectName("briefing_language")
        self.language.addItem(self.tr("Automatic"), AUTOMATIC)
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setToolTip(
            self.tr(
                "The language of the briefing's own words (title, contents, sources, page "
                "numbers). Automatic: the language most of the quoted articles are in "
                "(Japanese on a tie)."
            )
        )
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("briefing_summary")
        self.summary.setPlaceholderText(self.tr("Summary (Markdown), printed before the items"))
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(120)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Period:"), self.period)
        form.addRow(self.tr("Days:"), days)
        form.addRow(self.tr("&Sections:"), self.tags)
        form.addRow(self.tr("&Article:"), self.article)
        form.addRow(self.tr("S&ources:"), self.sources)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("A&uthor:"), self.author)
        form.addRow(self.tr("&Marking:"), self.marking)
        form.addRow(self.tr("Pape&r:"), self.paper)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Su&mmary:"), self.summary)

        self.period.currentIndexChanged.connect(self._period_changed)
        # What is chosen (and so which items there are) apart from how it is presented:
        # a keystroke in the summary re-typesets the preview but leaves the items list alone.
        for signal in (
            self.start.dateChanged,
            self.end.dateChanged,
            self.article.currentIndexChanged,
            self.sources.editingFinished,
            self.tags.itemChanged,
            self.tags.model().rowsMoved,
        ):
            signal.connect(self.scope_changed)
        self.scope_changed.connect(self.changed)
        for signal in (
            self.title.textChanged,
            self.author.textChanged,
            self.marking.currentTextChanged,
            self.paper.currentIndexChanged,
            self.language.currentIndexChanged,
            self.summary.textChanged,
        ):
            signal.connect(self.changed)
        self.language.currentIndexChanged.connect(self._show_default_title)
        self._period_changed()
        self._show_default_title()

    def set_automatic_language(self, language: str) -> None:
        """What "Automatic" gives for the items chosen now (the dialog compiles them)."""
        self._automatic = language
        self._show_default_title()

    def _show_default_title(self) -> None:
        """The title printed when none is typed: the briefing language's usual one."""
        language = self.language.currentData() or self._automatic
        self.title.setPlaceholderText(labels_for(language).title)

    def set_choices(self, tags: list[Tag], articles: list[ArticleSummary]) -> None:
        """The library's tags (all ticked unless set otherwise) and articles to choose from."""
        self.tags.blockSignals(True)
        self.tags.clear()
        self._tag_order = [tag.name for tag in tags]
        for tag in tags:
            item = QListWidgetItem(tag.name, self.tags)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.tags.blockSignals(False)
        self.article.blockSignals(True)
        self.article.clear()
        self.article.addItem(self.tr("All articles"), None)
        for article in articles:
            self.article.addItem(article.title[:70], article.id)
        self.article.blockSignals(False)

    def _period_changed(self) -> None:
        kind = self.period.currentData()
        self.start.setEnabled(kind != "since_last")
        self.end.setEnabled(kind == "range")
        self.scope_changed.emit()

    def options(self) -> BriefingOptions:
        """The options as set (raises BriefingError for a range that ends before it starts)."""
        kind = self.period.currentData()
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if kind == "day":
            period = Period.day(start)
        elif kind == "range":
            period = Period.between(start, end)
        else:
            period = Period.since_last()
        ticked = [self.tags.item(i) for i in range(self.tags.count())]
        names = tuple(i.text() for i in ticked if i.checkState() == Qt.CheckState.Checked)
        article = self.article.currentData()
        return BriefingOptions(
            period=period,
            # All ticked, in the library's order: no choice, so new tags join future briefings.
            tags=names if len(names) < self.tags.count() or self._reordered() else (),
            article_ids=(article,) if article is not None else (),
            sources=tuple(s.strip() for s in self.sources.text().split(",") if s.strip()),
            title=self.title.text(),
            author=self.author.text(),
            marking=self.marking.currentText().strip(),
            summary=self.summary.toPlainText(),
            paper=self.paper.currentData(),
            language=self.language.currentData(),
        )

    def _reordered(self) -> bool:
        return [self.tags.item(i).text() for i in range(self.tags.count())] != self._tag_order

    def set_options(self, options: BriefingOptions) -> None:
        """Show ``options`` (remembered ones, or an export's from the history)."""
        widgets = (self.period, self.start, self.end, self.tags, self.article, self.sources)
        shown = (self.title, self.author, self.marking, self.paper, self.language, self.summary)
        for widget in (*widgets, *shown):
            widget.blockSignals(True)
        period = options.period
        self.period.setCurrentIndex(max(0, self.period.findData(period.kind)))
        today = date.today()
        self.start.setDate(QDate(period.start or today))
        self.end.setDate(QDate(period.end or period.start or today))
        self._set_tags(options.tags)
        index = self.article.findData(options.article_ids[0]) if options.article_ids else 0
        self.article.setCurrentIndex(max(0, index))
        self.sources.setText(", ".join(options.sources))
        # A language's usual title (remembered before titles followed the language) is no
        # choice: empty, so that it follows the language.
        self.title.setText("" if options.title.strip() in DEFAULT_TITLES else options.title)
        self.author.setText(options.author)
        self.marking.setCurrentText(options.marking)
        self.paper.setCurrentIndex(max(0, self.paper.findData(options.paper)))
        self.language.setCurrentIndex(max(0, self.language.findData(options.language)))
        self.summary.setPlainText(options.summary)
        for widget in (*widgets, *shown):
            widget.blockSignals(False)
        self._show_default_title()
        self._period_changed()

    def _set_tags(self, chosen: tuple[str, ...]) -> None:
        """Tick ``chosen`` in their order at the top; the rest unticked after (all ticked
        when nothing was chosen). Names no longer in the library are dropped."""
        items = [self.tags.takeItem(0) for _ in range(self.tags.count())]
        by_name = {item.text(): item for item in items}
        first = [by_name.pop(name) for name in chosen if name in by_name]
        for item in first:
            item.setCheckState(Qt.CheckState.Checked)
        order = {name: index for index, name in enumerate(self._tag_order)}
        rest = sorted(by_name.values(), key=lambda item: order.get(item.text(), len(order)))
        for item in rest:
            item.setCheckState(Qt.CheckState.Unchecked if first else Qt.CheckState.Checked)
        for item in first + rest:
            self.tags.addItem(item)
