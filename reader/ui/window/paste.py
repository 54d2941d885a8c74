"""Edit ▸ Paste as New Transcript and File ▸ Save Transcript As….

A paste is read on a worker (`core.pasted.keep_pasted`: the clipboard's HTML, else its text, in any
layout the parser knows) and kept in the app's data folder, then opened in a tab like any file, so
that its notes attach by content and it survives a restart. Saving asks where to keep a copy and
opens the tab again from there, at the same place; a pasted file the app kept is then removed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.paths import is_pasted
from ..workers import Job
from .actions import MainAction
from .host import WindowHost


class PastedTranscripts(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.widget())
        self.window = window
        window.action(MainAction.PASTE_TRANSCRIPT).triggered.connect(self.paste)
        window.action(MainAction.SAVE_AS).triggered.connect(self._save_as_asked)

    def paste(self) -> Job | None:
        """Read the clipboard on a worker and open what it holds in a new tab."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else None
        html = mime.html() if mime is not None and mime.hasHtml() else None
        if not text and not html:
            self._failed(QCoreApplication.translate("PastedTranscripts", "the clipboard holds no text"))
            return None
        self.window.show_message(
            QCoreApplication.translate("PastedTranscripts", "Reading the clipboard\u2026")
        )
        from ...core.pasted import keep_pasted  # with the file parser: not needed to start

        job = Job(keep_pasted, text, html, owner=self)
        job.done.connect(self._kept)
        job.failed.connect(self._failed)
        return job.start()

    def _kept(self, path: Path) -> None:
        self.window.clear_message()
        self.window.open_path(path)

    def _failed(self, reason: str) -> None:
        message = QCoreApplication.translate(
            "PastedTranscripts", "Cannot paste as a transcript: {reason}"
        ).format(reason=reason)
        self.window.show_message(message, 8000)
        if not self.window.quiet:
            QMessageBox.warning(
                self.window.widget(),
                QCoreApplication.translate("PastedTranscripts", "Paste as New Transcript"),
                message,
            )

    def _save_as_asked(self, _checked: bool = False) -> None:
        self.save_as()  # (the action's `checked` is not a target)

    def save_as(self, target: Path | None = None) -> Path | None:
        """Keep a copy of the current tab's transcript where the user says (`target` skips the
        dialog), and show it from there."""
        v = self.window.view()
        if v is None or v.path is None or v.transcript is None:
            return None
        source = v.path
        if target is None:
            suggested = str(Path.home() / source.name.removeprefix("Pasted "))
            chosen, _ = QFileDialog.getSaveFileName(
                self.window.widget(),
                QCoreApplication.translate("PastedTranscripts", "Save Transcript As"),
                suggested,
                QCoreApplication.translate("PastedTranscripts", "Transcripts (*.txt)"),
            )
            if not chosen:
                return None
            target = Path(chosen)
        if target.resolve() == source.resolve():
            return target
        try:
            shutil.copyfile(source, target)
        except OSError as err:
            self._failed(f"{target}: {err.strerror or err}")
            return None
        paragraph = v.top_paragraph()
        self.window.close_view(v)
        self.window.open_at(target, max(paragraph, 0))
        if is_pasted(source):
            source.unlink(missing_ok=True)
        self.window.show_message(
            QCoreApplication.translate("PastedTranscripts", "Saved as {path}").format(path=str(target)), 6000
        )
        return target
