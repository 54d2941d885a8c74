"""A printout under way: its HTML made on a worker, its pages printed by a child process
(`print_job`), reported back with signals as a `Job` reports.

Nothing of Qt's page layout or PDF writing runs in the window's process, so the window neither
waits for it nor shares a lock with it. The job file lives in a private temporary folder that is
removed when the printout ends, however it ends. A child still running when the app quits is
killed (`stop_all`).
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Signal
from PySide6.QtGui import QPageLayout, QPageSize

from ..workers import Job

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

# The child's command: `cli.entry.PRINT_JOB`, spelled again here because the command line's
# module imports no Qt and this one is Qt's side (a test keeps the two the same).
COMMAND = "print-job"


def child_command(job: Path) -> tuple[str, list[str]]:
    """The program and arguments that print `job`: the frozen app itself, or this Python
    running the package."""
    if getattr(sys, "frozen", False):
        return sys.executable, [COMMAND, str(job)]
    return sys.executable, ["-m", "reader", COMMAND, str(job)]


def printer_settings(printer: QPrinter) -> dict[str, Any]:
    """What the print dialog set on `printer`, for the child to set on its own."""
    layout = printer.pageLayout()
    size = layout.pageSize()
    margins = layout.margins(QPageLayout.Unit.Point)
    points = size.size(QPageSize.Unit.Point)
    return {
        "format": printer.outputFormat().name,
        "file": printer.outputFileName(),
        "printer": printer.printerName(),
        "doc_name": printer.docName(),
        "resolution": printer.resolution(),
        "copies": printer.copyCount(),
        "collate": printer.collateCopies(),
        "duplex": printer.duplex().name,
        "colour": printer.colorMode().name,
        "order": printer.pageOrder().name,
        "range": printer.printRange().name,
        "pages": printer.pageRanges().toString(),
        "page_size": size.id().name,
        "page_points": [points.width(), points.height()],
        "page_name": size.name(),
        "orientation": layout.orientation().name,
        "margins": [margins.left(), margins.top(), margins.right(), margins.bottom()],
    }


class PrintRun(QObject):
    done = Signal(int)  # the number of pages printed
    failed = Signal(str)  # a one-line reason
    progress = Signal(int, int)  # pages printed, pages in all

    _running: set[PrintRun] = set()  # keeps a started printout alive until it reports
    _quit_hooked = False  # stop_all is called when the app quits (hooked by the first start)

    def __init__(self, write: Callable[[Path], Path], parent: QObject | None = None) -> None:
        """`write(folder)` writes the job file into `folder` and returns its path; it runs on a
        worker."""
        super().__init__(parent)
        self._write = write
        self._folder: Path | None = None
        self._job: Job | None = None
        self._process: QProcess | None = None
        self._out = b""  # the child's stdout not yet read as whole lines
        self._pages: int | None = None
        self._ended = False

    def start(self) -> PrintRun:
        app = QCoreApplication.instance()
        if not PrintRun._quit_hooked and app is not None:  # the app's end stops them all
            app.aboutToQuit.connect(PrintRun.stop_all)
            PrintRun._quit_hooked = True
        PrintRun._running.add(self)
        self._folder = Path(tempfile.mkdtemp(prefix="transcript-reader-print-"))
        self._job = Job(self._write, self._folder, owner=self)
        self._job.done.connect(self._launch)
        self._job.failed.connect(self._fail)
        self._job.start()
        return self

    def running(self) -> bool:
        return not self._ended

    def cancel(self) -> None:
        """Drop the printout: its worker's result is never used, its child is killed."""
        if self._job is not None:
            self._job.cancel()
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.finished.disconnect(self._finished)
            self._process.kill()
            self._process.waitForFinished(2000)  # a killed process ends at once
        self._end()

    @classmethod
    def stop_all(cls) -> None:
        for run in list(cls._running):
            run.cancel()

    def _launch(self, job: Path) -> None:
        self._job = None
        if self._ended:
            return
        program, args = child_command(job)
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("QT_QPA_PLATFORM", "offscreen")  # the child draws pages, never a window
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process = process
        process.start(program, args)

    def _read(self) -> None:
        assert self._process is not None
        self._out += bytes(self._process.readAllStandardOutput().data())
        *lines, self._out = self._out.split(b"\n")
        for line in lines:
            words = line.decode("utf-8", "replace").split()
            if len(words) == 3 and words[0] == "page" and words[1].isdigit() and words[2].isdigit():
                self.progress.emit(int(words[1]), int(words[2]))
            elif len(words) == 2 and words[0] == "pages" and words[1].isdigit():
                self._pages = int(words[1])

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._ended or self._process is None:
            return
        self._read()
        errors = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        if status is QProcess.ExitStatus.NormalExit and code == 0 and self._pages is not None:
            self._end()
            self.done.emit(self._pages)
            return
        reason = next(
            (line[len("error: ") :] for line in reversed(errors.splitlines()) if line.startswith("error: ")),
            f"the printing process ended with status {code}",
        )
        log.warning("printing failed (exit status %s): %s", code, errors.strip() or "(nothing on stderr)")
        self._fail(reason)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            assert self._process is not None
            log.warning("the printing process did not start: %s", self._process.errorString())
            self._fail(f"the printing process did not start: {self._process.errorString()}")

    def _fail(self, reason: str) -> None:
        if self._ended:
            return
        self._end()
        self.failed.emit(reason)

    def _end(self) -> None:
        self._ended = True
        PrintRun._running.discard(self)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
