"""Start the Qt application: the only entry into reader.ui from the command line."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

SAMPLE = "sample-transcript.txt"


def sample_path() -> Path:
    """The fictional sample transcript shipped in resources/, opened when no file is given."""
    return Path(str(resources.files("reader.resources").joinpath(SAMPLE)))


def run(file: str | None = None, screenshot: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Transcript Reader")
    app.setOrganizationName("transcript-reader")
    window = MainWindow()
    path = Path(file) if file else sample_path()
    if screenshot:
        # No one is there to read a message box: a bad file is an error on the command line.
        from ..core.parser import parse_file

        window.show_transcript(parse_file(path), path)
    else:
        window.open_path(path)
    window.resize(1280, 860)
    window.show()
    if screenshot:

        def save() -> None:
            window.grab().save(screenshot)
            app.quit()

        QTimer.singleShot(0, save)
    return app.exec()
