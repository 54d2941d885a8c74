"""File ▸ Print Preview: Qt's preview dialog on the call as Print prints it (the options, the
highlights and notes), its HTML made on a worker, laid out in slices and painted when the dialog
asks; again for another page size; the dialog's Print button printing on a worker. No dialog is
shown: the preview widget is asked for its pages as the dialog would ask."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QPageLayout  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from reader.core.modes import Mode  # noqa: E402
from reader.core.printing import PrintOptions  # noqa: E402
from reader.ui.accessible import missing  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def laid_out(qtbot, preview) -> int:
    """The number of pages, once they are laid out (and the dialog painted them)."""
    if preview.pages is None:
        with qtbot.waitSignal(preview.laidOut, timeout=30000):
            pass
    return preview.pages.count


def texts(qtbot, preview) -> str:
    """The text of the pages, once laid out."""
    laid_out(qtbot, preview)
    return " ".join(preview.pages.doc.toPlainText().split())


def pdf_printer(preview, out: Path) -> QPrinter:
    """A printer writing a PDF, with the page layout of the preview's printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPageLayout(preview.printer.pageLayout())
    return printer


def test_print_preview_is_in_the_file_menu_with_its_key(make_window):
    window = make_window()
    action = window.action(MainAction.PRINT_PREVIEW)
    assert action in window.menus["file"].actions()
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    assert "&" in action.text() and not action.isEnabled()  # a mnemonic; no transcript yet


def test_the_preview_shows_the_pages_print_prints_once_a_worker_laid_them_out(qtbot, shown, tmp_path):
    window, _v = shown
    preview = window.extra.export.preview()
    assert preview is not None and preview.job is not None  # the printout made on a worker
    preview.widget.updatePreview()  # the dialog asks for its pages at once
    if preview.pages is None:
        assert preview.widget.pageCount() == 1  # one page saying they are coming
    count = laid_out(qtbot, preview)
    assert count >= 2
    assert preview.widget.pageCount() == count  # updated when they came
    preview.widget.updatePreview()
    assert preview.widget.pageCount() == count  # painted again without laying out again
    assert preview.job is None
    printed = window.extra.export.print_to(pdf_printer(preview, tmp_path / "p.pdf"))
    with qtbot.waitSignal(printed.done, timeout=30000) as done:
        pass
    assert done.args[0] == count  # what Print prints, page for page


def test_the_preview_keeps_to_the_options_and_shows_the_notes(qtbot, shown):
    window, v = shown
    passage = v.note_marks._whole(v.right.block_of_row(v.row_of[4]))
    with qtbot.waitSignal(window.notes.service.changed, timeout=5000):
        v.note_marks.add(passage, "green", "Check the RMB figure")
    qtbot.waitUntil(lambda: any(n.text for n in v.note_marks.placed()))
    whole = window.extra.export.preview()
    assert "Check the RMB figure" in texts(qtbot, whole)
    t = v.transcript
    qa = window.extra.export.preview(PrintOptions(mode=Mode.EN, calls=(0,), qa_only=True, notes=False))
    text = texts(qtbot, qa)
    assert qa.pages.count < whole.pages.count
    assert " ".join(t.paragraphs[12].en.split()[:6]) in text and "Check the RMB figure" not in text
    assert " ".join(t.paragraphs[1].en.split()[:6]) not in text  # prepared remarks


def test_another_page_orientation_is_laid_out_again(qtbot, shown):
    window, _v = shown
    preview = window.extra.export.preview()
    portrait = laid_out(qtbot, preview)
    preview.printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    with qtbot.waitSignal(preview.laidOut, timeout=30000) as again:
        preview.widget.updatePreview()  # as the dialog's orientation button does
        assert preview.widget.pageCount() == 1  # the old pages do not fit: coming
    area = preview.pages.paint_rect
    assert area.width() > area.height()  # laid out on wider, shorter pages
    assert again.args[0] >= portrait and preview.widget.pageCount() == again.args[0]


def test_the_dialogs_print_button_prints_on_a_worker(qtbot, shown, tmp_path):
    window, _v = shown
    preview = window.extra.export.preview()
    count = laid_out(qtbot, preview)
    out = tmp_path / "from-preview.pdf"
    preview.paint(pdf_printer(preview, out))  # what the Print button's request is: not a preview
    job = window.extra.export.job
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=30000) as done:
        pass
    assert done.args[0] == count and out.stat().st_size > 0


def test_the_action_opens_a_preview_of_what_is_shown(qtbot, shown):
    window, v = shown
    v.set_speaker_filter("Raymond Kwok")
    window.action(MainAction.PRINT_PREVIEW).trigger()  # quiet: the options as shown, no dialog
    preview = window.extra.export.shown_preview
    assert preview is not None and preview.options.speaker == "Raymond Kwok"
    laid_out(qtbot, preview)
    preview.dialog.show()
    qtbot.waitExposed(preview.dialog)
    assert preview.widget.pageCount() == preview.pages.count
    assert [m for m in missing(preview.dialog) if "QLineEdit" in m or "QComboBox" in m] == []
    preview.dialog.close()
    qtbot.waitUntil(lambda: window.extra.export.shown_preview is None)
