"""A printout printed by a process of its own: `transcript-reader print-job JOB.json`.

The window makes the printout's HTML on a worker and writes it, with its title and where it goes
(a PDF file, or a printer's settings), to a job file (`write_job`); a child process lays it out
and prints it (`run`), so that none of Qt's work on the pages happens in the window's process.
There it would stall the window, since Qt keeps the GIL for the length of each call made from
Python (finishing a PDF, which embeds a subset of the CJK font, is one long call), and it could
hang it: a worker thread that makes, connects or destroys Qt objects while holding the GIL can
wait for a lock of Qt's signals that the GUI thread holds while it waits for the GIL.

The child says how far it got on stdout, a line `page N M` after each page and `pages N` when
done; a failure ends, as every command's does, with exit status 2 and one `error:` line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrinter

from ...core.analysis import ParagraphFigures
from ...core.errors import TranscriptError
from ...core.model import Transcript
from ...core.printout import Mark, PrintOptions
from . import pdf
from .print_process import COMMAND

VERSION = 1  # of the job file's shape: a child of another version refuses it

Target = dict[str, Any]
"""Where a printout goes: {"pdf": path} or {"printer": print_process.printer_settings(...)}."""


class JobError(TranscriptError):
    """A job file that cannot be read; a one-line reason."""


def write_job(
    folder: Path,
    target: Target,
    t: Transcript,
    options: PrintOptions,
    marks: list[Mark],
    figures: dict[int, ParagraphFigures],
) -> Path:
    """The printout of `t` (its HTML and title) and its target, as a job file in `folder`; runs
    on a worker. PrintError when Chinese is to be shown and no font has it."""
    html, title = pdf.printout_of(t, options, marks, figures)
    path = folder / "job.json"
    job = {"version": VERSION, "html": html, "title": title, "target": target}
    path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    return path


def printer_from(s: dict[str, Any]) -> QPrinter:
    """A printer set as the window's was (`print_process.printer_settings`)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat[s["format"]])
    if s["format"] == QPrinter.OutputFormat.NativeFormat.name:
        printer.setPrinterName(s["printer"])
    else:
        printer.setOutputFileName(s["file"])
    printer.setDocName(s["doc_name"])
    printer.setResolution(int(s["resolution"]))
    printer.setCopyCount(int(s["copies"]))
    printer.setCollateCopies(bool(s["collate"]))
    printer.setDuplex(QPrinter.DuplexMode[s["duplex"]])
    printer.setColorMode(QPrinter.ColorMode[s["colour"]])
    printer.setPageOrder(QPrinter.PageOrder[s["order"]])
    width, height = s["page_points"]
    size_id = QPageSize.PageSizeId[s["page_size"]]
    size = (
        QPageSize(QSizeF(width, height), QPageSize.Unit.Point, s["page_name"])
        if size_id is QPageSize.PageSizeId.Custom
        else QPageSize(size_id)
    )
    left, top, right, bottom = s["margins"]
    printer.setPageLayout(
        QPageLayout(
            size,
            QPageLayout.Orientation[s["orientation"]],
            QMarginsF(left, top, right, bottom),
            QPageLayout.Unit.Point,
        )
    )
    printer.setPrintRange(QPrinter.PrintRange[s["range"]])
    if s["pages"]:
        printer.setPageRanges(QPageRanges.fromString(s["pages"]))
    return printer


def read_job(path: Path) -> tuple[str, str, Target]:
    """The HTML, title and target of a job file."""
    try:
        job = json.loads(path.read_text(encoding="utf-8"))
        if job.get("version") != VERSION:
            raise JobError(f"{path.name}: a print job of another version of the app")
        return str(job["html"]), str(job["title"]), dict(job["target"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise JobError(f"cannot read the print job {path.name}: {err}") from err


def _page_done(done: int, total: int) -> None:
    print(f"page {done} {total}", flush=True)


def run(argv: list[str]) -> int:
    """The child's side: print the job file named in `argv`, then say `pages N`."""
    if len(argv) != 1:
        raise JobError(f"usage: transcript-reader {COMMAND} JOB.json")
    html, title, target = read_job(Path(argv[0]))
    with pdf.offscreen_app():
        font = pdf.print_font(pdf.cjk_family())
        if "pdf" in target:
            device: pdf.QPagedPaintDevice = pdf.pdf_writer(Path(target["pdf"]), title)
        else:
            try:
                device = printer_from(target["printer"])
            except (KeyError, ValueError, TypeError) as err:
                raise JobError(f"the print job names no printer it can use: {err}") from err
        pages = pdf.render(device, html, title, font, _page_done)
    print(f"pages {pages}", flush=True)
    return 0
