"""Failures in the window are seen: a file that cannot be opened, or a parser that fails like a
bug, leaves its tab saying why (with Copy details), never on "Opening…"; an uncaught exception
shows a dialog naming the log and the window goes on; Help ▸ Open Log Folder opens the log's
folder; Qt's own messages reach the log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import qInstallMessageHandler, qWarning  # noqa: E402
from PySide6.QtGui import QDesktopServices, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from reader import logs  # noqa: E402
from reader.core import parser  # noqa: E402
from reader.core.paths import data_dir  # noqa: E402
from reader.ui import crash  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def logged():
    """The app's log set up as at start (file only), undone after the test."""
    state = logs.setup(console=False)
    yield state
    logs.reset()


def _text(state) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return state.path.read_text(encoding="utf-8")


def _open_failing(qtbot, window, path):
    with qtbot.waitSignal(window.fileFailed, timeout=10000):
        view = window.open_path(path)
    return view


def test_a_parser_bug_leaves_the_tab_saying_why_with_its_traceback(qtbot, make_window, monkeypatch, logged):
    def broken(decoded, path):
        return decoded.no_such_attribute  # what a bug in the parser looks like

    monkeypatch.setattr(parser, "parse_decoded", broken)  # as the loading worker imports it
    window = make_window()
    view = _open_failing(qtbot, window, FIXTURES / "basic.txt")
    page = view.loading
    assert window.tabs.count() == 1 and window.view() is view
    assert view.stack.currentWidget() is page and page.isVisible()
    shown = page.label.text()
    assert "Opening" not in shown and "Cannot open basic.txt" in shown and "AttributeError" in shown
    assert page.copy.isVisible() and not page.progress.isVisible() and page.icon.isVisible()
    assert not window.tabs.tabIcon(0).isNull()
    page.copy.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Cannot open basic.txt: AttributeError")
    assert "Traceback (most recent call last)" in copied and "no_such_attribute" in copied
    assert str(logged.path) in copied
    assert "no_such_attribute" in _text(logged)  # the same traceback, in the log


def test_a_missing_file_says_so_in_its_tab_without_a_traceback(qtbot, make_window, tmp_path):
    window = make_window()
    view = _open_failing(qtbot, window, tmp_path / "gone.txt")
    assert view.loading.failed and "Cannot open gone.txt" in view.loading.label.text()
    assert "Traceback" not in view.loading.details and view.loading.details.startswith(
        "Cannot open gone.txt: "
    )
    assert view.loading.copy.isVisible()
    window.close_tab(window.tabs.indexOf(view))  # and the tab closes like any other
    assert window.tabs.count() == 0


def test_an_uncaught_exception_shows_a_dialog_naming_the_log_and_the_window_goes_on(
    qtbot, make_window, logged
):
    window = make_window()
    reporter = crash.install(window, quiet=False)
    try:
        {}["missing key"]
    except KeyError as err:
        logs.report_uncaught((KeyError, err, err.__traceback__))
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    box = reporter.dialog
    assert box.windowTitle() == "Something went wrong" and "KeyError: 'missing key'" in box.text()
    assert str(logged.path) in box.informativeText()
    assert "Traceback" in box.detailedText()
    assert "KeyError: 'missing key'" in _text(logged)
    # a second one, from a worker thread, is counted in the same dialog
    import threading

    worker = threading.Thread(target=lambda: 1 / 0, name="worker-x")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "2 errors so far" in box.text())
    assert "in thread worker-x" in box.detailedText() and "ZeroDivisionError" in box.text()
    box.done(0)
    qtbot.waitUntil(lambda: reporter.dialog is None)
    assert window.isVisible()
    view = window.open_path(FIXTURES / "basic.txt")  # the window still works
    qtbot.waitUntil(lambda: view.transcript is not None, timeout=10000)


def test_a_quiet_window_shows_no_dialog(qtbot, make_window, logged):
    window = make_window()
    reporter = crash.install(window, quiet=True)
    logs.report_uncaught((ValueError, ValueError("scripted"), None))
    qtbot.wait(50)
    assert reporter.dialog is None
    assert not [w for w in QGuiApplication.topLevelWindows() if w.title() == "Something went wrong"]
    assert "ValueError: scripted" in _text(logged)


def test_help_opens_the_log_folder(qtbot, make_window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = make_window()
    action = window.action(MainAction.OPEN_LOG_FOLDER)
    assert action in window.menus["help"].actions()
    action.trigger()
    assert opened == [str(data_dir() / "logs")] and (data_dir() / "logs").is_dir()


def test_a_log_folder_that_cannot_be_made_is_said(qtbot, make_window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", "/dev/null")
    window = make_window()
    window.action(MainAction.OPEN_LOG_FOLDER).trigger()
    assert len(warned) == 1 and "/dev/null/logs cannot be opened" in warned[0]


def test_qt_messages_reach_the_log(logged):
    crash.install_qt_messages()
    try:
        qWarning("a notice from Qt")
    finally:
        qInstallMessageHandler(None)
    assert "WARNING MainThread qt: a notice from Qt" in _text(logged)
