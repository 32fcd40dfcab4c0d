"""The briefing PDF's own pages, rendered by PDFium (pypdfium2): for the dialog's preview and
for printing through QPrinter, so that what is shown and printed is the PDF that is exported.

PDFium is not thread-safe: every use goes through :data:`_PDFIUM`, since the preview renders
on a worker thread while printing renders on the main one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

_PDFIUM = threading.Lock()
PREVIEW_DPI = 96  # an A4 page 794 px wide: sharp at the pane's width, 3 MB per page
PRINT_DPI_MAX = 300  # enough for text on paper; a 1200 dpi printer would only get slower


@dataclass(frozen=True)
class PageImage:
    """One rendered page as raw RGBX pixels: made on any thread, turned into a QImage on the
    main thread (:meth:`image`)."""

    data: bytes
    width: int
    height: int
    stride: int

    def image(self) -> QImage:
        image = QImage(
            self.data, self.width, self.height, self.stride, QImage.Format.Format_RGBX8888
        )
        return image.copy()  # owns its pixels once ``data`` goes


def rasterize(pdf: bytes, dpi: float = PREVIEW_DPI, pages: range | None = None) -> list[PageImage]:
    """The PDF's pages (or ``pages`` of them) as images at ``dpi``."""
    import pypdfium2

    out = []
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for index in pages if pages is not None else range(len(document)):
                page = document[index]
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
                out.append(
                    PageImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
                )
                bitmap.close()
                page.close()
        finally:
            document.close()
    return out


def page_count(pdf: bytes) -> int:
    import pypdfium2

    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print the PDF's pages on ``printer``, each fitted to the printable area, at the
    printer's resolution (at most :data:`PRINT_DPI_MAX`). Returns the pages printed."""
    dpi = min(printer.resolution(), PRINT_DPI_MAX)
    total = page_count(pdf)
    first, last = printer.fromPage(), printer.toPage()
    wanted = range(first - 1, min(last, total)) if first > 0 and last > 0 else range(total)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for index in wanted:
            # One page at a time: a 60-page briefing at 300 dpi would be 1.5 GB of pixels.
            (page,) = rasterize(pdf, dpi, range(index, index + 1))
            if printed:
                printer.newPage()
            area = QRectF(painter.viewport())
            size = QRectF(0, 0, page.width, page.height).size()
            size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(area.topLeft(), size)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, page.image())
            printed += 1
    finally:
        painter.end()
    return printed


class PreviewPane(QScrollArea):
    """The pages one under another, scaled to the pane's width, or a one-line message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefing_preview")
        self.setWidgetResizable(True)
        self._pages: list[QImage] = []
        self._shown_width = 0
        self._holder = QWidget(self)
        self._layout = QVBoxLayout(self._holder)
        self._layout.setSpacing(12)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._holder.setStyleSheet("background: #8a8f98;")
        self.setWidget(self._holder)
        self.message = QLabel(self._holder)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names from files: never markup
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(320)
        self.message.setStyleSheet("color: white; padding: 24px;")
        self._layout.addWidget(self.message)

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def show_pages(self, pages: list[QImage]) -> None:
        self._pages = pages
        self.message.hide()
        self._relayout(force=True)

    def show_message(self, text: str) -> None:
        self._pages = []
        self.message.setText(text)
        self.message.show()
        self._relayout(force=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        width = max(200, self.viewport().width() - 32)
        if not force and abs(width - self._shown_width) < 24:
            return  # rescaling every page on each pixel of a drag would stall the window
        self._shown_width = width
        while self._layout.count() > 1:
            item = self._layout.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        for image in self._pages:
            label = QLabel(self._holder)
            label.setObjectName("preview_page")
            pixmap = QPixmap.fromImage(image)
            label.setPixmap(pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
            label.setStyleSheet("background: white;")
            self._layout.addWidget(label)
