"""Render a printout (`reader.core.printout`) onto pages: a PDF file (QPdfWriter) or a printer
(QPrinter), with a header on every page (the call's company and period, "Page n of m").

Chinese needs a font that has it: `cjk_family()` finds one (Noto Sans CJK, from fonts-noto-cjk,
first) and the printout's font lists it after the Latin one, so Qt embeds a subset of it in the
PDF. Without one, a printout that shows Chinese fails with `PrintError` rather than printing
empty boxes. Rendering touches no widget: the command line's `export` runs it, and so does the
child process the window prints with (`print_job`); a print preview lays out the same steps
(`layout_steps`) in slices of the GUI thread's event loop and paints the pages there (`paint`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QMarginsF, QPoint, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextFrame,
)

from ...core.analysis import ParagraphFigures
from ...core.errors import TranscriptError
from ...core.model import Transcript
from ...core.modes import Mode
from ...core.printout import Ink, Mark, PrintOptions, printout_html
from ...core.quote import call_title
from ..theme import print_colours

CJK_PREFERRED = ("Noto Sans CJK TC", "Noto Sans CJK SC", "Noto Serif CJK TC", "Noto Serif CJK SC")
LATIN_PREFERRED = ("Noto Sans", "DejaVu Sans", "Liberation Sans")
POINT_SIZE = 10
PDF_DPI = 300
Progress = Callable[[int, int], object]  # told (pages done, pages in all) after each page
HEADER_LINES = 2.2  # the page header and its rule, in lines of the header's font
LAYOUT_STEP = 3000  # characters laid out in one step (a slice of the GUI thread, in a preview)


class PrintError(TranscriptError):
    """A printout that cannot be made; a one-line reason."""


@contextmanager
def offscreen_app() -> Iterator[QGuiApplication]:
    """The Qt application a printout needs (fonts, painting) in a command-line run: drawing
    offscreen, with no display; the one already running, if any."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        yield app
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication([])
    try:
        yield app
    finally:
        app.shutdown()


def cjk_family() -> str | None:
    """The font the printout's Chinese is set in: a Noto CJK family if installed, else any family
    that writes Traditional or Simplified Chinese, else None."""
    db = QFontDatabase
    chinese = set(db.families(db.WritingSystem.TraditionalChinese)) | set(
        db.families(db.WritingSystem.SimplifiedChinese)
    )
    for family in CJK_PREFERRED:
        if family in chinese:
            return family
    return min(chinese) if chinese else None


def print_font(cjk: str | None) -> QFont:
    families = set(QFontDatabase.families())
    latin = next((f for f in LATIN_PREFERRED if f in families), QFont().defaultFamily())
    font = QFont(latin, POINT_SIZE)
    font.setFamilies([latin, cjk] if cjk else [latin])
    return font


def ink() -> Ink:
    """The printout's colours: the light set of the panes (dark ink on white paper), whatever
    the theme on screen."""
    c = print_colours()
    return Ink(
        roles={role.value: colour.name() for role, colour in c.roles.items()},
        figures={kind: colour.name() for kind, colour in c.figures.items()},
        mismatch=c.mismatch.name(),
        quiet=c.quiet.name(),
        gap=c.gap.name(),
        highlights={name: colour.name() for name, colour in c.highlights.items()},
    )


def title_of(t: Transcript, options: PrintOptions) -> str:
    calls = options.calls if options.calls is not None else tuple(range(len(t.calls)))
    title = call_title(t, calls[0]) if calls else ""
    return title if len(calls) == 1 else f"{title} \u2026 ({len(calls)} calls)"


@dataclass
class Pages:
    """A printout laid out on pages of one size, ready to paint (`paint`).

    Painted on the thread that laid it out: Qt's text layout keeps font engines of that thread."""

    doc: QTextDocument
    metrics: QPaintDevice  # the device the text was laid out for
    title: str
    font: QFont
    width: float
    body: float  # the height of a page's text, under its header
    line: int  # the height of a header line
    count: int
    paint_rect: QRect  # the printable area it was laid out for, in device pixels

    def fits(self, device: QPagedPaintDevice) -> bool:
        """Whether these pages were laid out for `device`'s page size, margins and resolution."""
        dpi = device.logicalDpiY()
        return (
            dpi == self.metrics.logicalDpiY() and device.pageLayout().paintRectPixels(dpi) == self.paint_rect
        )


def lay_out(device: QPagedPaintDevice, html: str, title: str, font: QFont) -> Pages:
    """Lay `html` out on pages of `device` (only its metrics are read), on this thread, its
    steps in a row."""
    steps = layout_steps(device, html, title, font)
    while True:
        try:
            next(steps)
        except StopIteration as laid:
            pages: Pages = laid.value
            return pages


Steps = Generator[None, None, Pages]
"""A layout under way: each `next()` is one step; the last returns the pages."""


def layout_steps(device: QPagedPaintDevice, html: str, title: str, font: QFont) -> Steps:
    """Lay `html` out on pages of `device`, a few thousand characters a step (it yields after
    each); returns the pages. A worker runs the steps in a row (`lay_out`), the GUI thread in
    slices of its event loop (a print preview)."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(font)
    doc.documentLayout().setPaintDevice(device)
    doc.setHtml(html)  # parsed only: no page size yet, so nothing is laid out
    yield
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    width, height = float(page.width()), float(page.height())
    line = QFontMetrics(font, device).height()
    body = height - HEADER_LINES * line
    doc.setPageSize(QSizeF(width, body))
    yield from _keep_tables_whole(doc, body)
    return Pages(doc, device, title, font, width, body, line, doc.pageCount(), page)


def paint(device: QPagedPaintDevice, pages: Pages) -> int:
    """Paint laid-out pages on the device, a header on each, on this thread (a print preview's
    pages, on the GUI thread); the number of pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("cannot write the printout (is the folder there and writable?)")
    try:
        for number in range(pages.count):
            if number:
                device.newPage()
            _paint_page(painter, pages, number)
        return pages.count
    finally:
        painter.end()


def _paint_page(painter: QPainter, pages: Pages, number: int) -> None:
    """Page `number`: its header (the title, "Page n of m", a rule), then its lines."""
    width, body, line = pages.width, pages.body, pages.line
    painter.setFont(pages.font)
    painter.setPen(QPen(Qt.GlobalColor.darkGray))
    painter.drawText(QRectF(0, 0, width * 0.75, line), Qt.AlignmentFlag.AlignLeft, pages.title)
    painter.drawText(
        QRectF(width * 0.5, 0, width * 0.5, line),
        Qt.AlignmentFlag.AlignRight,
        QCoreApplication.translate("Printout", "Page {n} of {m}").format(n=number + 1, m=pages.count),
    )
    painter.drawLine(0, int(1.4 * line), int(width), int(1.4 * line))
    painter.save()
    painter.translate(0, HEADER_LINES * line - number * body)
    _draw_page(pages.doc, painter, QRectF(0, number * body, width, body), line / 2)
    painter.restore()


def render(
    device: QPagedPaintDevice,
    html: str,
    title: str,
    font: QFont,
    progress: Progress | None = None,
) -> int:
    """Lay `html` out on the device's pages and print them, a header on each; the number of
    pages. `progress(done, total)` is told after each page.

    The pages are printed by QTextDocument.print_, so that a page range, copies and page order
    the reader chose in the print dialog are honoured as Qt honours them: a stand-in document
    whose layout (`_Sheets`) paints the printout's pages, header and lines, page by page, is what
    it prints."""
    pages = lay_out(device, html, title, font)
    sheets = QTextDocument()
    layout = _Sheets(sheets, pages, progress)
    layout.setPaintDevice(device)  # the same resolution: print_ scales nothing
    sheets.setDocumentLayout(layout)
    sheets.setPageSize(QSizeF(pages.width, float(pages.paint_rect.height())))
    probe = QPainter()
    if not probe.begin(device):  # print_ says nothing of a device it cannot paint on
        raise PrintError("cannot write the printout (is the folder there and writable?)")
    probe.end()
    sheets.print_(device)
    return pages.count


class _Sheets(QAbstractTextDocumentLayout):
    """The layout of a stand-in document whose page n is page n of a printout (`Pages`), for
    QTextDocument.print_, which asks it to draw each page in turn."""

    def __init__(
        self, doc: QTextDocument, pages: Pages, progress: Callable[[int, int], object] | None
    ) -> None:
        super().__init__(doc)
        self.pages, self.progress = pages, progress
        self.height = float(pages.paint_rect.height())

    def draw(self, painter: QPainter, context: QAbstractTextDocumentLayout.PaintContext) -> None:
        number = round(context.clip.top() / self.height)  # print_ clips to the page it prints
        if not 0 <= number < self.pages.count:
            return
        painter.save()
        painter.translate(0, number * self.height)
        _paint_page(painter, self.pages, number)
        painter.restore()
        if self.progress is not None:
            self.progress(number + 1, self.pages.count)

    def pageCount(self) -> int:  # noqa: N802 (Qt's name)
        return self.pages.count

    def documentSize(self) -> QSizeF:  # noqa: N802
        return QSizeF(self.pages.width, self.height * self.pages.count)

    def hitTest(self, point: QPointF | QPoint, accuracy: Qt.HitTestAccuracy) -> int:  # type: ignore[override]  # noqa: N802
        return -1

    def frameBoundingRect(self, frame: QTextFrame) -> QRectF:  # noqa: N802
        return QRectF()

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802
        return QRectF()

    def documentChanged(self, position: int, removed: int, added: int) -> None:  # noqa: N802
        pass


def _keep_tables_whole(doc: QTextDocument, body: float) -> Generator[None, None, None]:
    """Start on a new page each table (a side-by-side pair) whose lines straddle two pages,
    unless it is taller than a page. (A split table cell also paints, clipped away, its lines of
    the page before, which a PDF reader finds on top of the next page's header.)

    In reading order, laying the document out as it goes, `LAYOUT_STEP` characters at a time:
    a table is measured once what comes before it is laid out and, moved, is laid out again
    alone (what follows is not laid out yet). Measuring a frame with Qt's frameBoundingRect
    would lay out the whole document each time, in one call that keeps the GIL."""
    layout = doc.documentLayout()
    block, done = doc.begin(), 0

    def lay_out_to(position: int) -> Generator[None, None, None]:
        nonlocal block, done
        while block.isValid() and block.position() <= position:
            if block.position() - done >= LAYOUT_STEP:
                layout.blockBoundingRect(block)  # lays the document out up to this block
                yield
                done = block.position()
            block = block.next()

    for frame in doc.rootFrame().childFrames():
        yield from lay_out_to(frame.lastPosition())
        top, bottom = _extent(doc, frame)
        first, last = int(top // body), int((bottom - 1) // body)
        if first != last and bottom - top <= body:
            fmt = frame.frameFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            frame.setFrameFormat(fmt)
    yield from lay_out_to(doc.characterCount())
    layout.blockBoundingRect(doc.lastBlock())


def _extent(doc: QTextDocument, frame: QTextFrame) -> tuple[float, float]:
    """The top and bottom of a frame's lines, laid out, in document coordinates."""
    layout = doc.documentLayout()
    top, bottom = float("inf"), float("-inf")
    block = doc.findBlock(frame.firstPosition())
    while block.isValid() and block.position() <= frame.lastPosition():
        rect = layout.blockBoundingRect(block)
        if rect.isValid():
            top, bottom = min(top, rect.top()), max(bottom, rect.bottom())
        block = block.next()
    return (top, bottom) if top <= bottom else (0.0, 0.0)


def _draw_page(doc: QTextDocument, painter: QPainter, page: QRectF, slack: float) -> None:
    """Paint one page of a paginated document: only the lines on it. (QTextDocument.drawContents
    also paints, clipped away, the lines of a table cell just above the page, whose text a PDF
    reader would then find on top of the header.)"""
    painter.setClipRect(page)
    context = QAbstractTextDocumentLayout.PaintContext()
    # A line ending less than `slack` (half a line) below the page's top is the page before's.
    context.clip = page.adjusted(0, slack, 0, 0)
    doc.documentLayout().draw(painter, context)


def prepare(
    t: Transcript,
    options: PrintOptions,
    marks: list[Mark] | None = None,
    figures: dict[int, ParagraphFigures] | None = None,
) -> tuple[str, str, QFont]:
    """The printout's HTML, its page title and its font. PrintError when Chinese is to be shown
    and no font has it."""
    html, title = printout_of(t, options, marks, figures)
    return html, title, print_font(cjk_family())


def printout_of(
    t: Transcript,
    options: PrintOptions,
    marks: list[Mark] | None = None,
    figures: dict[int, ParagraphFigures] | None = None,
) -> tuple[str, str]:
    """The printout's HTML and its page title (for a worker: no font is made here). PrintError
    when Chinese is to be shown and no font has it."""
    if options.mode is not Mode.EN and "zh" in t.languages and cjk_family() is None:
        raise PrintError("no font with Chinese characters is installed (e.g. fonts-noto-cjk)")
    return printout_html(t, options, ink(), marks or [], figures), title_of(t, options)


def print_on(
    device: QPagedPaintDevice,
    t: Transcript,
    options: PrintOptions,
    marks: list[Mark] | None = None,
    figures: dict[int, ParagraphFigures] | None = None,
    progress: Progress | None = None,
) -> int:
    """Print `t` on a PDF writer or a printer; the number of pages."""
    return render(device, *prepare(t, options, marks, figures), progress)


def stand_in(page: QPageLayout, resolution: int) -> QPdfWriter:
    """A device with a printer's metrics (page layout, resolution) to lay a printout out for,
    writing nothing: a preview's printer is painted on between the steps of its layout."""
    buffer = QBuffer()
    writer = QPdfWriter(buffer)
    buffer.setParent(writer)  # lives as long as the writer (which does not own it)
    writer.setResolution(resolution)
    writer.setPageLayout(page)
    return writer


def pdf_writer(out: Path, title: str) -> QPdfWriter:
    """A writer of an A4 PDF file at `out`, its metadata set."""
    writer = QPdfWriter(str(out))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("Transcript Reader")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def export_pdf(
    t: Transcript,
    out: Path,
    options: PrintOptions,
    marks: list[Mark] | None = None,
    figures: dict[int, ParagraphFigures] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the printout of `t` to the PDF file `out` (A4); the number of pages."""
    return print_on(pdf_writer(out, title_of(t, options)), t, options, marks, figures, progress)
