"""The main window: the English and Chinese text of a transcript in two panes, side by side."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QTextBrowser

from ..core.errors import TranscriptError
from ..core.model import Role, Transcript
from ..core.parser import parse_file

_ROLE_COLOURS = {
    Role.OPERATOR: "#6b7280",
    Role.MANAGEMENT: "#1d4ed8",
    Role.ANALYST: "#b45309",
    Role.UNKNOWN: "#444",
}


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Transcript Reader")
        self.panes = {lang: QTextBrowser() for lang in ("en", "zh")}
        split = QSplitter()
        for pane in self.panes.values():
            pane.setOpenLinks(False)
            split.addWidget(pane)
        self.setCentralWidget(split)
        menu = self.menuBar().addMenu("&File")
        for text, key, slot in (
            ("&Open\u2026", QKeySequence.StandardKey.Open, self.choose_file),
            ("&Quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(key)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.statusBar().showMessage("No transcript open: File \u25b8 Open\u2026 (Ctrl+O)")

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a transcript", "", "Transcripts (*.txt);;All files (*)"
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        try:
            transcript = parse_file(path)
        except TranscriptError as err:
            QMessageBox.warning(self, "Cannot open this file", f"{path.name}: {err.reason}")
            return
        self.show_transcript(transcript, path)

    def show_transcript(self, t: Transcript, path: Path) -> None:
        for lang, pane in self.panes.items():
            pane.setHtml(_render(t, lang))
        call = t.calls[0]
        title = " ".join(x for x in (call.company, call.period) if x) or path.name
        self.setWindowTitle(f"{title} \u2014 Transcript Reader")
        warn = f" \u00b7 {len(t.warnings)} warning(s)" if t.warnings else ""
        self.statusBar().showMessage(
            f"{path.name} \u00b7 {len(t.turns)} turns \u00b7 {len(t.paragraphs)} paragraphs "
            f"\u00b7 {t.encoding}{warn}"
        )


def _render(t: Transcript, lang: str) -> str:
    """HTML of one language; every piece of the file's text is escaped, so markup shows literally."""
    out = []
    if t.header and lang == "zh":
        out.append(f"<p style='color:#888'><i>{html.escape(t.header)}</i></p>")
    for turn in t.turns:
        speaker = t.speakers.get(turn.speaker)
        if speaker is not None:
            title = speaker.title_zh if lang == "zh" and speaker.title_zh else speaker.title
            colour = _ROLE_COLOURS[speaker.role]
            sub = f" <span style='color:#666'>\u2014 {html.escape(title)}</span>" if title else ""
            out.append(f"<h3 style='color:{colour}'>{html.escape(speaker.name)}{sub}</h3>")
        for p in turn.paragraphs:
            text = getattr(t.paragraphs[p], lang)
            if text is None:
                out.append("<p style='color:#b91c1c'>[no translation in the file]</p>")
            else:
                out.append(f"<p>{html.escape(text)}</p>")
    return "\n".join(out)
