"""What a view shows until its first call is on screen: what is being opened and a busy bar, or
why it could not be opened, with a "Copy details" button (the reason, and the traceback of a
failure that was a bug) for a bug report. A failed open never leaves the tab on "Opening…".

The page also says when it has first been painted (`painted`, an event a worker can wait on, and
`firstPainted`): that is when the window is on screen and the GUI thread can spare the GIL.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStyle, QVBoxLayout, QWidget

from ... import version
from ...core.textsafe import display_path
from ..crash import log_place
from ..i18n import said
from ..workers import Job


class LoadingPage(QWidget):
    firstPainted = Signal()  # in a turn of the event loop after the first paint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painted = threading.Event()  # set once the first paint is done
        self._seen = False
        self.failed = False
        self.details = ""  # what "Copy details" copies
        self._failure: tuple[str, str, Path | None] | None = None  # reason, traceback, path: said again
        self.icon = QLabel()
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48))
        self.icon.hide()
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(360)
        self.copy = QPushButton(self.tr("Copy details"))
        self.copy.setToolTip(self.tr("Copy what went wrong, to paste it in a bug report"))
        self.copy.clicked.connect(self.copy_details)
        self.copy.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 24, 48, 24)
        box.addStretch()
        box.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.label)  # the page's width: a wrapped label aligned in a layout is cut
        box.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch()

    def say(self, text: str) -> None:
        self.failed = False
        self._failure = None
        self.label.setText(text)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.icon.hide()
        self.copy.hide()
        self.progress.show()

    def fail(self, reason: str, job: Job | None = None, path: Path | None = None) -> None:
        """Show why `path` could not be opened, in the interface language (`said`: again when it
        changes); the traceback of `job`'s failure if it was a bug."""
        self._show_failure(reason, job.details if job is not None else "", path)

    def _show_failure(self, reason: str, traceback: str, path: Path | None) -> None:
        self.failed = True
        self._failure = (reason, traceback, path)
        name = display_path(path.name) if path is not None else ""
        head = self.tr("Cannot open {name}").format(name=name) if name else self.tr("Cannot open this file")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setText(f"{head}\n\n{said(reason)}")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress.hide()
        self.icon.show()
        lines = [f"{head}: {said(reason)}"]
        if traceback:
            lines += ["", traceback.rstrip(), "", f"Log: {log_place()}"]
        lines += [f"Transcript Reader {version()}"]
        self.details = "\n".join(lines)
        self.copy.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.copy.setText(self.tr("Copy details"))
            self.copy.setToolTip(self.tr("Copy what went wrong, to paste it in a bug report"))
            if self._failure is not None:
                self._show_failure(*self._failure)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy.setText(self.tr("Copied"))
        QTimer.singleShot(2000, self, self._copy_again)

    def _copy_again(self) -> None:
        self.copy.setText(self.tr("Copy details"))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._seen:
            self._seen = True
            QTimer.singleShot(0, self, self.painted.set)  # once the rest of this paint is done
            QTimer.singleShot(1, self, self.firstPainted.emit)
