"""File ▸ Print Preview…: the call as Print would print it (the same options, highlights and
notes), page by page in Qt's QPrintPreviewDialog, where the reader may change the page size and
orientation, then print.

The dialog asks for its pages on the GUI thread (`paintRequested`) and needs them painted before
it returns, so they are laid out beforehand, for the printer's page layout and resolution, and
the request only paints them (a few ms a page). The printout's HTML is made on a worker; the
layout runs on the GUI thread in slices of the event loop, a few thousand characters each
(`pdf.layout_steps`): Qt's text layout keeps font engines of the thread that made it, which may
not paint it on another. Until the pages are ready, or while they are laid out again for another
page size, the dialog shows one page saying so. Its own Print button prints on a worker, as
File ▸ Print does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...core.analysis import ParagraphFigures
from ...core.model import Transcript
from ...core.printing import Mark, PrintOptions
from ..accessible import describe
from ..workers import Job
from . import pdf


class PrintPreview(QObject):
    laidOut = Signal(int)  # the pages are ready and painted: their number
    failed = Signal(str)  # why they cannot be

    def __init__(
        self,
        t: Transcript,
        options: PrintOptions,
        marks: list[Mark],
        figures: dict[int, ParagraphFigures],
        print_on: Callable[[QPrinter], object],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.print_on = print_on  # prints on a worker (File ▸ Print's)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # lives as long as the dialog
        self.printer.setDocName(pdf.title_of(t, options))
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setWindowTitle(self.tr("Print Preview"))
        self.dialog.setAccessibleDescription(self.tr("The pages of the call as they will print"))
        widget = self.dialog.findChild(QPrintPreviewWidget)
        assert widget is not None
        self.widget: QPrintPreviewWidget = widget
        self._name_controls()
        self.dialog.paintRequested.connect(self.paint)
        self.dialog.finished.connect(self._finished)
        self.pages: pdf.Pages | None = None
        self.html: tuple[str, str] | None = None  # the printout's HTML and title, once made
        self.reason = ""  # why there can be no pages, once there cannot
        self._steps: pdf.Steps | None = None  # the layout under way
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._step)
        self._for = self._key(self.printer)
        self.job: Job | None = Job(pdf.printout_of, t, options, marks, figures, owner=self)
        self.job.done.connect(self._made)
        self.job.failed.connect(self._failed)
        self.job.start()

    @staticmethod
    def _key(printer: QPrinter) -> tuple[object, int]:
        return printer.pageLayout().paintRectPixels(printer.resolution()), printer.resolution()

    # --- the pages: HTML from a worker, laid out in slices ----------------------------------

    def _made(self, html: tuple[str, str]) -> None:
        self.job, self.html = None, html
        self._lay_out(self.printer.pageLayout(), self.printer.resolution())

    def _failed(self, reason: str) -> None:
        self.job, self.reason = None, reason
        self.widget.updatePreview()
        self.failed.emit(reason)

    def _lay_out(self, page: QPageLayout, resolution: int) -> None:
        assert self.html is not None
        html, title = self.html
        self.pages = None
        self._for = (page.paintRectPixels(resolution), resolution)
        device = pdf.stand_in(page, resolution)
        self._steps = pdf.layout_steps(device, html, title, pdf.print_font(pdf.cjk_family()))
        self._slicer.start()

    def _step(self) -> None:
        if self._steps is None:
            return
        try:
            next(self._steps)
        except StopIteration as laid:
            self._steps = None
            self.pages = laid.value
            self.widget.updatePreview()
            self.laidOut.emit(self.pages.count)
            return
        self._slicer.start()

    # --- the dialog's requests ---------------------------------------------------------------

    def paint(self, printer: QPrinter) -> None:
        """Paint the pages on the dialog's printer: its preview (a picture engine records them),
        or, after the dialog's Print button, the printer itself (on a worker)."""
        engine = printer.paintEngine()
        if engine is None or engine.type() != QPaintEngine.Type.Picture:
            self.print_on(printer)
            return
        if self.pages is not None and self.pages.fits(printer):
            pdf.paint(printer, self.pages)
            return
        if self.html is not None and self._key(printer) != self._for:  # another page size
            self._lay_out(printer.pageLayout(), printer.resolution())
        self._paint_waiting(printer)

    def _paint_waiting(self, printer: QPrinter) -> None:
        """One page that says the pages are coming, or why they cannot."""
        text = self.reason or self.tr("Laying out the pages\u2026")
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            font = painter.font()
            font.setPointSizeF(14)
            painter.setFont(font)
            where = QRectF(0, 0, page.width(), page.height() / 3)
            painter.drawText(where, Qt.AlignmentFlag.AlignCenter, text)
        finally:
            painter.end()

    def _finished(self, _result: int) -> None:
        self._steps = None
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _name_controls(self) -> None:
        """Names for the dialog's controls that have no text of their own (screen readers)."""
        for edit in self.dialog.findChildren(QLineEdit):
            describe(edit, self.tr("Page"), self.tr("The page shown; type a number to go to it"))
        for combo in self.dialog.findChildren(QComboBox):
            describe(combo, self.tr("Zoom"), self.tr("How large the pages are shown"))
