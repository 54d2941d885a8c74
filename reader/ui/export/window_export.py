"""File ▸ Print… (Ctrl+P), File ▸ Print Preview… (Ctrl+Shift+P, `preview.PrintPreview`) and File ▸
Export PDF… (Ctrl+Shift+E): the call on screen as it is shown (its mode, the speaker it is kept
to), with its figures, highlights and notes.

The printout's HTML is made on a worker and its pages are printed by a child process
(`print_process.PrintRun`): the window stays responsive while a long call is printed, and the
status bar counts the pages. A PDF goes where the reader chooses (Documents by default, never
next to the transcript unless chosen).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ...core.notes.models import Status
from ...core.printing import Mark, PrintOptions
from ...core.quote import call_title
from ..window.host import WindowHost
from .options_dialog import PrintOptionsDialog
from .print_process import PrintRun, printer_settings

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ...core.analysis import ParagraphFigures
    from ...core.model import Transcript
    from ..view.transcript_view import TranscriptView
    from .preview import PrintPreview


def options_of(v: TranscriptView) -> PrintOptions:
    """What the view shows: its call, mode and speaker filter, with its notes."""
    return PrintOptions(mode=v.mode, calls=(v.call,), speaker=v.speaker_filter, notes=True)


def marks_of(v: TranscriptView) -> list[Mark]:
    return [
        Mark(n.paragraph, n.anchor.lang, n.anchor.start, n.anchor.end, n.color, n.text)
        for n in v.note_marks.placed()
        if n.paragraph is not None and n.status is not Status.ORPHAN
    ]


def _write_job(
    target: dict[str, Any],
    t: Transcript,
    options: PrintOptions,
    marks: list[Mark],
    figures: dict[int, ParagraphFigures],
    folder: Path,
) -> Path:
    """The printout's job file in `folder`, for the child that prints it. Runs on a worker."""
    # The printout (the figure lexers, Qt's print support): imported when first printing, on the
    # worker, never at the window's start.
    from . import print_job

    return print_job.write_job(folder, target, t, options, marks, figures)


class WindowExport(QObject):
    """What the window's Print, Print Preview and Export PDF actions do (`ExtraCommands` makes
    it when one is first used)."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.widget())
        self.window = window
        self.job: PrintRun | None = None  # the printout under way
        self.shown_preview: PrintPreview | None = None  # the preview dialog open

    def _view(self) -> TranscriptView | None:
        v = self.window.view()
        return v if v is not None and v.transcript is not None and not v.partial else None

    def ask_options(self, v: TranscriptView, title: str) -> PrintOptions | None:
        """What to print, asked of the reader (what the view shows, in a scripted run); None when
        the reader cancels."""
        assert v.transcript is not None
        dialog = PrintOptionsDialog(v.transcript, options_of(v), title, self.window.widget())
        if self.window.quiet:
            return dialog.options()
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_pdf(self) -> None:
        v = self._view()
        if v is None or v.transcript is None:
            return
        options = self.ask_options(v, QCoreApplication.translate("WindowExport", "Export PDF"))
        if options is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = call_title(v.transcript, v.call).replace("/", "-") + ".pdf"
        path, _ = QFileDialog.getSaveFileName(
            self.window.widget(),
            QCoreApplication.translate("WindowExport", "Export PDF"),
            str(Path(folder) / name),
            QCoreApplication.translate("WindowExport", "PDF files (*.pdf)"),
        )
        if path:
            self.export_pdf(Path(path), options)

    def export_pdf(self, out: Path, options: PrintOptions | None = None) -> PrintRun | None:
        """Write the view's printout (`options`, else what it shows) to `out`; the printout under
        way (None with no transcript)."""
        return self._print({"pdf": str(out)}, options, out.name)

    def ask_print(self) -> None:
        v = self._view()
        if v is None or v.transcript is None:
            return
        options = self.ask_options(v, QCoreApplication.translate("WindowExport", "Print"))
        if options is None:
            return
        # Qt's print support (the dialog, the printer): only when printing.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(call_title(v.transcript, v.call))
        dialog = QPrintDialog(printer, self.window.widget())
        dialog.setWindowTitle(QCoreApplication.translate("WindowExport", "Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer, options)

    def print_to(self, printer: QPrinter, options: PrintOptions | None = None) -> PrintRun | None:
        """Print the view's printout (`options`, else what it shows) on a printer set up as
        `printer` is; the printout under way (None with no transcript)."""
        return self._print({"printer": printer_settings(printer)}, options, printer.docName())

    def ask_preview(self) -> None:
        v = self._view()
        if v is None:
            return
        options = self.ask_options(v, QCoreApplication.translate("WindowExport", "Print Preview"))
        if options is None:
            return
        preview = self.preview(options)
        if preview is not None and not self.window.quiet:
            preview.dialog.open()  # window-modal; its pages come from a worker

    def preview(self, options: PrintOptions | None = None) -> PrintPreview | None:
        """The preview of the view's printout (`options`, else what it shows), its pages being
        laid out on a worker; its dialog is not shown yet."""
        v = self._view()
        if v is None or v.transcript is None:
            return None
        # The preview (Qt's print support, the printout and its figure lexers): imported when first
        # previewing, never at the window's start.
        from .preview import PrintPreview

        if self.shown_preview is not None:
            self.shown_preview.dialog.close()
        preview = PrintPreview(
            v.transcript,
            options or options_of(v),
            marks_of(v),
            dict(v.figs.analysis),
            partial(self.print_to, options=options),
            self.window.widget(),
        )
        preview.dialog.finished.connect(lambda _r, p=preview: self._preview_closed(p))
        self.shown_preview = preview
        return preview

    def _preview_closed(self, preview: PrintPreview) -> None:
        if self.shown_preview is preview:
            self.shown_preview = None
        preview.dialog.deleteLater()
        preview.deleteLater()

    def _print(self, target: dict[str, Any], options: PrintOptions | None, what: str) -> PrintRun | None:
        """The view's printout sent to `target` (its HTML made on a worker, its pages printed by a
        child process), the status bar following it."""
        v = self._view()
        if v is None or v.transcript is None:
            return None
        args = (target, v.transcript, options or options_of(v), marks_of(v), dict(v.figs.analysis))
        run = PrintRun(partial(_write_job, *args), self)
        self.window.show_message(
            QCoreApplication.translate("WindowExport", "Printing {what}\u2026").format(what=what)
        )
        run.done.connect(partial(self._done, what))
        run.progress.connect(partial(self._progress, what))
        run.failed.connect(self._failed)
        self.job = run.start()
        return run

    def _progress(self, what: str, done: int, total: int) -> None:
        self.window.show_message(
            QCoreApplication.translate("WindowExport", "Printing {what}\u2026 page {n} of {m}").format(
                what=what, n=done, m=total
            )
        )

    def _done(self, what: str, pages: int) -> None:
        self.job = None
        self.window.show_message(
            QCoreApplication.translate("WindowExport", "{what}: {n} page(s) printed").format(
                what=what, n=pages
            ),
            8000,
        )

    def _failed(self, reason: str) -> None:
        self.job = None
        self.window.show_message(
            QCoreApplication.translate("WindowExport", "Could not print: {reason}").format(reason=reason),
            8000,
        )
        if not self.window.quiet:
            QMessageBox.warning(
                self.window.widget(), QCoreApplication.translate("WindowExport", "Could not print"), reason
            )
