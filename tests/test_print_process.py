"""The window prints through a child process (`print-job`): the printer's settings travel to it
whole, its pages are counted back, its failures come back as one reason, and a printout that
is dropped leaves no process and no job file behind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QMarginsF, QProcess, QSizeF  # noqa: E402
from PySide6.QtGui import QPageLayout, QPageRanges, QPageSize  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from reader.cli import entry  # noqa: E402
from reader.ui.export import print_job  # noqa: E402
from reader.ui.export.print_process import COMMAND, PrintRun, printer_settings  # noqa: E402

HTML = "<h2>Corvane Robotics</h2>" + "".join(f"<p>Paragraph {n} of a made-up call.</p>" for n in range(400))


def job_writer(target: dict, html: str = HTML):
    def write(folder: Path) -> Path:
        path = folder / "job.json"
        job = {"version": print_job.VERSION, "html": html, "title": "A made-up call", "target": target}
        path.write_text(json.dumps(job), encoding="utf-8")
        return path

    return write


def test_the_child_is_the_command_the_entry_point_runs():
    assert entry.PRINT_JOB == COMMAND


def test_a_printer_travels_to_the_child_with_every_setting_the_dialog_sets(qapp, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    printer.setDocName("Corvane Q2")
    printer.setResolution(600)
    printer.setCopyCount(3)
    printer.setCollateCopies(False)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    size = QPageSize(QSizeF(400, 600), QPageSize.Unit.Point, "Narrow")
    printer.setPageLayout(
        QPageLayout(
            size, QPageLayout.Orientation.Landscape, QMarginsF(20, 30, 40, 50), QPageLayout.Unit.Point
        )
    )
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(QPageRanges.fromString("2-3,5"))
    settings = json.loads(json.dumps(printer_settings(printer)))  # as the job file holds them
    copy = print_job.printer_from(settings)
    assert printer_settings(copy) == settings
    layout = copy.pageLayout()
    assert layout.orientation() is QPageLayout.Orientation.Landscape
    assert layout.pageSize().size(QPageSize.Unit.Point) == QSizeF(400, 600)
    assert layout.margins(QPageLayout.Unit.Point) == QMarginsF(20, 30, 40, 50)
    assert (copy.resolution(), copy.copyCount(), copy.pageRanges().toString()) == (600, 3, "2-3,5")
    assert copy.outputFileName() == str(tmp_path / "out.pdf")


def test_a_pdf_is_printed_by_the_child_page_by_page(qtbot, tmp_path):
    out = tmp_path / "call.pdf"
    run = PrintRun(job_writer({"pdf": str(out)}))
    pages = []
    run.progress.connect(lambda done, total: pages.append((done, total)))
    with qtbot.waitSignal(run.done, timeout=60000) as done:
        run.start()
        folder = run._folder
        assert folder is not None and folder.is_dir()
    count = done.args[0]
    assert count >= 2 and out.read_bytes().startswith(b"%PDF")
    assert pages and pages[-1] == (count, count)
    assert not run.running() and not folder.exists()  # the job file went with the printout


def test_a_job_the_child_cannot_read_fails_with_its_reason(qtbot):
    def write(folder: Path) -> Path:
        (folder / "job.json").write_text("{not json", encoding="utf-8")
        return folder / "job.json"

    run = PrintRun(write)
    with qtbot.waitSignal(run.failed, timeout=60000) as failed:
        run.start()
    assert failed.args[0].startswith("cannot read the print job job.json")
    assert not run.running()


def test_a_failure_of_the_worker_never_starts_a_child(qtbot):
    def write(_folder: Path) -> Path:
        raise ValueError("no HTML today")

    run = PrintRun(write)
    with qtbot.waitSignal(run.failed, timeout=10000) as failed:
        run.start()
    assert failed.args[0] == "ValueError: no HTML today"
    assert run._process is None


def test_a_printout_still_running_when_the_app_quits_is_dropped(qtbot, tmp_path):
    run = PrintRun(job_writer({"pdf": str(tmp_path / "call.pdf")}, HTML * 20))
    ended = []
    run.done.connect(ended.append)
    run.failed.connect(ended.append)
    run.start()
    qtbot.waitUntil(lambda: run._process is not None, timeout=10000)
    folder = run._folder
    assert folder is not None and folder.exists()
    process = run._process
    QCoreApplication.instance().aboutToQuit.emit()  # what the app says as it quits
    assert process.state() == QProcess.ProcessState.NotRunning
    assert not folder.exists() and not run.running()
    qtbot.wait(200)
    assert ended == []  # a dropped printout reports nothing


def test_the_print_job_command_fails_in_one_line_and_is_not_listed(tmp_path):
    bad = subprocess.run(
        [sys.executable, "-m", "reader", COMMAND, str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith(
        "error: cannot read the print job missing.json"
    )
    listed = subprocess.run(
        [sys.executable, "-m", "reader", "--help"], capture_output=True, text=True, timeout=60
    )
    assert COMMAND not in listed.stdout
