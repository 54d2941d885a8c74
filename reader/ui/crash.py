"""Failures in the window are seen and recorded: Qt's own messages go to the app's log
(reader/logs.py), and an exception nothing caught (in a slot, an event handler, a thread) shows
a dialog with its details and where the log is, while the app keeps running. A scripted run
(screenshot, benchmark) shows no dialog: the log and stderr have it.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import logs
from ..core.textsafe import display_path

qt_log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's message handler: each message (from any thread) as a record of the "qt" logger."""
    try:
        category = context.category if context is not None and context.category else ""
        if not category or category == "default":
            name = "qt"
        else:  # Qt's own categories start with "qt." already ("qt.qpa.services")
            name = category if category.startswith("qt.") else f"qt.{category}"
        logging.getLogger(name).log(_LEVELS.get(kind, logging.WARNING), "%s", message)
    except Exception:  # noqa: S110 (Qt may call this while the interpreter shuts down)
        pass


def install_qt_messages() -> None:
    """Route Qt's qDebug/qWarning/... to the log (before the QApplication, to have its own)."""
    qInstallMessageHandler(_qt_message)


def log_place() -> str:
    """Where the log is, as the user is told it."""
    if logs.state.path is not None:
        return display_path(str(logs.state.path))
    return logs.state.problem or "no log file is kept (it was not set up)"


def open_log_folder(parent: QWidget | None = None) -> bool:
    """Help ▸ Open Log Folder: the folder in the desktop's file manager (made if it is not yet)."""
    folder = logs.log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = err.strerror or str(err)
    else:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        reason = QCoreApplication.translate("Crash", "no program to show folders was found")
    if parent is not None:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Crash", "Open Log Folder"),
            QCoreApplication.translate("Crash", "The log folder {path} cannot be opened: {reason}").format(
                path=display_path(str(folder)), reason=reason
            ),
        )
    return False


class CrashReporter(QObject):
    """Shows each uncaught exception in a dialog (one at a time: later ones are counted in it)."""

    caught = Signal(str, str)  # a one-line summary, the traceback; emitted from any thread

    def __init__(self, window: QWidget, quiet: bool) -> None:
        super().__init__(window)
        self.window = window
        self.quiet = quiet
        self.dialog: QMessageBox | None = None
        self.shown = 0  # exceptions told in the dialog on screen
        self.caught.connect(self._show)  # queued when emitted from another thread
        logs.add_listener(self._listener)
        self.destroyed.connect(self._drop)

    def _listener(self, info: logs.ExcInfo, thread: str) -> None:
        kind, value, tb = info
        summary = "".join(traceback.format_exception_only(kind, value)).strip()
        details = "".join(traceback.format_exception(kind, value, tb))
        if thread != "MainThread":
            details = f"in thread {thread}:\n{details}"
        self.caught.emit(summary, details)

    def _drop(self) -> None:
        logs.remove_listener(self._listener)

    def _show(self, summary: str, details: str) -> None:
        if self.quiet:  # a scripted run: logged, and on stderr by the log's console handler
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.shown += 1
            self.dialog.setText(self._text(summary))
            self.dialog.setDetailedText(f"{self.dialog.detailedText()}\n{details}")
            return
        self.shown = 1
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Something went wrong"), "", parent=self.window)
        box.setObjectName("crash-dialog")
        box.setText(self._text(summary))
        box.setInformativeText(
            self.tr("The app keeps running. The details are in the log: {place}").format(place=log_place())
        )
        box.setDetailedText(details)
        box.addButton(QMessageBox.StandardButton.Close)
        folder = box.addButton(self.tr("Open Log Folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: open_log_folder(self.window))
        box.finished.connect(self._closed)
        self.dialog = box
        box.open()  # not exec(): no event loop nested in whatever failed

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _text(self, summary: str) -> str:
        more = self.tr(" ({n} errors so far)").format(n=self.shown) if self.shown > 1 else ""
        return self.tr("An unexpected error happened{more}:\n{summary}").format(more=more, summary=summary)


def install(window: QWidget, quiet: bool) -> CrashReporter:
    """The window's dialog for uncaught exceptions (the log and its hooks set up by `logs.setup`)."""
    return CrashReporter(window, quiet)
