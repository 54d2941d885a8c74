"""File ▸ Print Preview…: the call as Print would print it (the same options, highlights and
notes), page by page in Qt's QPrintPreviewDialog, where the reader may change the page size and
orientation, then print.

The dialog asks for its pages on the GUI thread (`paintRequested`) and needs them painted before
it returns. So the pages are laid out beforehand on a worker (`pdf.pages_for`), for the printer's
page layout and resolution, and the request they answer only paints them (a few ms a page); the
dialog keeps what was painted. Their layout uses font engines of the worker's thread, which Qt
frees when the thread ends: the worker waits until they are painted, and they are dropped then.
Until they are ready, or while they are laid out again (another page size), the dialog shows one
page saying so. The dialog's own Print button prints on a worker, as File ▸ Print does.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...core.analysis import ParagraphFigures
from ...core.model import Transcript
from ...core.printing import Mark, PrintOptions
from ..accessible import describe
from ..workers import Job
from . import pdf

Args = tuple[Transcript, PrintOptions, list[Mark], dict[int, ParagraphFigures], QPageLayout, int]
HOLD_CHECK_S = 1.0  # how often a worker holding pages looks whether their preview is still there
HOLD_MAX_S = 60.0  # and how long it holds them at most


def _lay_out_and_hold(job: Job, owner: QObject, args: Args) -> int:
    """Worker: lay the pages out (`pdf.pages_for`), hand them over, and wait until they are
    painted (`Job.resume`) or their preview is gone, so that the fonts of their layout live as
    long as they are painted; they are freed here, on their own thread, when this returns."""
    try:
        pages = pdf.pages_for(*args, cancelled=lambda: job.cancelled)
    except pdf.Cancelled:  # another page size was chosen meanwhile, or the dialog closed
        return 0
    job.emit_early(pages)
    for _ in range(int(HOLD_MAX_S / HOLD_CHECK_S)):
        if job.resume.wait(HOLD_CHECK_S) or not shiboken6.isValid(owner):
            break
    return pages.count


class PrintPreview(QObject):
    laidOut = Signal(int)  # the pages are ready: their number
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
        self.t, self.options, self.marks, self.figures = t, options, marks, figures
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
        self.pages: pdf.Pages | None = None  # while the dialog paints them
        self.painted = 0  # the number of pages the dialog shows, once it has them
        self.job: Job | None = None
        self.reason = ""  # why the pages cannot be laid out, once they cannot
        self._lay_out(self.printer.pageLayout(), self.printer.resolution())

    # --- the pages, laid out on a worker -----------------------------------------------------

    def _lay_out(self, page: QPageLayout, resolution: int) -> None:
        if self.job is not None:
            self.job.cancel()
        self.reason = ""
        args: Args = (self.t, self.options, self.marks, self.figures, page, resolution)
        job = Job(lambda: _lay_out_and_hold(job, self, args), owner=self)
        job.early.connect(self._laid_out)
        job.failed.connect(self._failed)
        self.job = job.start()
        self._for = (page.paintRectPixels(resolution), resolution)

    def _laid_out(self, pages: pdf.Pages) -> None:
        """Have the dialog paint the pages, then drop them and let their worker end (in that
        order: they are freed with it)."""
        job, self.job = self.job, None
        self.pages = pages
        try:
            self.widget.updatePreview()
        finally:
            self.pages = None
            if job is not None:
                job.resume.set()
        self.painted = pages.count
        self.laidOut.emit(pages.count)

    def _failed(self, reason: str) -> None:
        self.job, self.reason = None, reason
        self.widget.updatePreview()
        self.failed.emit(reason)

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
        # Asked again: the reader chose another page size or orientation (or the same again).
        wanted = (printer.pageLayout().paintRectPixels(printer.resolution()), printer.resolution())
        if self.job is None and not (self.reason and wanted == self._for) or wanted != self._for:
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
            painter.drawText(
                QRectF(0, 0, page.width(), page.height() / 3), Qt.AlignmentFlag.AlignCenter, text
            )
        finally:
            painter.end()

    def _finished(self, _result: int) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _name_controls(self) -> None:
        """Names for the dialog's controls that have no text of their own (screen readers)."""
        for edit in self.dialog.findChildren(QLineEdit):
            describe(edit, self.tr("Page"), self.tr("The page shown; type a number to go to it"))
        for combo in self.dialog.findChildren(QComboBox):
            describe(combo, self.tr("Zoom"), self.tr("How large the pages are shown"))
