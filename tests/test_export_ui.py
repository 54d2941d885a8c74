"""File ▸ Export PDF and File ▸ Print in the window: the call as shown (its mode, its speaker
filter), its highlights and notes, written on a worker; the menu entries and their keys."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from reader.core.modes import Mode  # noqa: E402
from reader.core.printing import PrintOptions  # noqa: E402
from reader.ui.accessible import missing  # noqa: E402
from reader.ui.export.options_dialog import PrintOptionsDialog  # noqa: E402
from reader.ui.export.window_export import options_of  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


def text_of(path: Path) -> str:
    """The PDF's text, its ligatures ("ﬁ") as letters."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text)


def test_print_and_export_pdf_are_in_the_file_menu_with_their_keys(make_window):
    window = make_window()
    file_menu = window.menus["file"].actions()
    assert window.action(MainAction.PRINT) in file_menu and window.action(MainAction.EXPORT_PDF) in file_menu
    assert "Ctrl+P" in [k.toString() for k in window.action(MainAction.PRINT).shortcuts()]
    assert window.action(MainAction.EXPORT_PDF).shortcut().toString() == "Ctrl+Shift+E"
    assert not window.action(MainAction.PRINT).isEnabled()  # no transcript yet


@needs_poppler
def test_export_pdf_prints_the_call_as_shown_with_its_notes(qtbot, shown, tmp_path):
    window, v = shown
    t = v.transcript
    passage = v.note_marks._whole(v.right.block_of_row(v.row_of[4]))
    assert passage is not None and passage.lang == "zh"
    with qtbot.waitSignal(window.notes.service.changed, timeout=5000):
        v.note_marks.add(passage, "green", "Check the RMB figure")
    qtbot.waitUntil(lambda: any(n.text for n in v.note_marks.placed()))
    window.set_mode(Mode.ZH)
    out = tmp_path / "call.pdf"
    job = window.extra.export.export_pdf(out)
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=30000) as done:
        pass
    assert done.args[0] >= 1
    text = text_of(out)
    assert "Check the RMB figure" in text
    assert t.paragraphs[4].en[:20] not in text  # Chinese only, as shown
    assert "Corvane Robotics Q2 2025 earnings call" in text and "Page 1 of" in text
    assert "page(s) printed" in window.statusBar().currentMessage()


@needs_poppler
def test_print_goes_to_the_printer_and_keeps_to_the_speaker_shown(qtbot, shown, tmp_path):
    window, v = shown
    v.set_speaker_filter("Raymond Kwok")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    job = window.extra.export.print_to(printer)
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=30000):
        pass
    text = " ".join(text_of(out).split())
    assert "Raymond Kwok" in text and "Thank you, Elena." in text
    assert "Sophie Lam —" not in text  # another speaker's turn


def test_a_failed_export_says_why_in_the_status_bar(qtbot, shown, tmp_path):
    window, _v = shown
    job = window.extra.export.export_pdf(tmp_path / "no" / "such" / "folder" / "x.pdf")
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        pass
    assert "cannot write" in failed.args[0]
    assert "Could not print" in window.statusBar().currentMessage()


def test_the_options_open_on_what_is_shown_and_say_what_to_print(qtbot, shown):
    window, v = shown
    v.set_speaker_filter("Raymond Kwok")
    window.set_mode(Mode.INTERLEAVED)
    dialog = PrintOptionsDialog(v.transcript, options_of(v), "Export PDF", window)
    qtbot.addWidget(dialog)
    opened = dialog.options()
    assert (opened.mode, opened.speaker, opened.notes, opened.qa_only) == (
        Mode.INTERLEAVED, "Raymond Kwok", True, False,
    )  # fmt: skip
    assert opened.calls == (0,)
    dialog.part.setCurrentIndex(dialog.part.findData(True))
    dialog.speaker.setCurrentIndex(0)  # every speaker
    dialog.only_noted.setChecked(True)
    chosen = dialog.options()
    assert chosen.qa_only and chosen.speaker is None and chosen.only_noted and chosen.notes
    dialog.notes.setChecked(False)  # no notes: nothing to keep the passages with notes for
    assert not dialog.options().only_noted
    dialog.show()
    qtbot.waitExposed(dialog)
    assert missing(dialog) == []


@needs_poppler
def test_export_pdf_with_chosen_options(qtbot, shown, tmp_path):
    window, v = shown
    out = tmp_path / "qa.pdf"
    job = window.extra.export.export_pdf(out, PrintOptions(mode=Mode.EN, calls=(0,), qa_only=True))
    with qtbot.waitSignal(job.done, timeout=30000):
        pass
    text = " ".join(text_of(out).split())
    t = v.transcript
    assert t.paragraphs[12].en[:40] in text and t.paragraphs[1].en[:40] not in text
