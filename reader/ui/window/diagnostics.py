"""What the window tells of failures, kept out of the main window: Help ▸ Open Log Folder, and,
for as long as the window is open, a status-bar note that notes and library search are off
because the app's data folder cannot be used (a file, read-only, `/dev/null`): the window still
opens and shows transcripts, and the reader knows why the rest is missing."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from ...core import data_folder
from ...core.paths import data_dir
from ...core.textsafe import display_path
from ..crash import open_log_folder
from .actions import MainAction
from .host import WindowHost

log = logging.getLogger(__name__)


class WindowDiagnostics(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.widget())
        self.window = window
        window.action(MainAction.OPEN_LOG_FOLDER).triggered.connect(self.open_log_folder)
        self.problem = data_folder.problem()
        self.label: QLabel | None = None
        if self.problem is None:
            return
        folder = display_path(str(data_dir()))
        self.label = QLabel(
            QCoreApplication.translate(
                "DataFolderStatus", "\u26a0 Notes and search are off: {problem}"
            ).format(problem=self.problem)
        )
        self.label.setObjectName("data-folder-problem")
        self.label.setToolTip(
            QCoreApplication.translate(
                "DataFolderStatus",
                "Notes, the library and the log are kept in {folder}, which cannot be used: {problem}. "
                "Transcripts open as usual. Make it a writable folder, or set TRANSCRIPT_READER_DATA "
                "to another one, and start the app again.",
            ).format(folder=folder, problem=self.problem)
        )
        window.add_status_widget(self.label)
        log.warning("notes and search are off: the data folder %s cannot be used: %s", folder, self.problem)

    def open_log_folder(self) -> None:
        open_log_folder(self.window.widget())
