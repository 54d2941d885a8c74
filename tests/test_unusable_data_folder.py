"""The app with a data folder it cannot use (a device, a file) still opens and shows a
transcript, and says in its status bar why notes and search are off; after a normal run its
log file is in the data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QLabel, QMessageBox  # noqa: E402

from reader.ui.config import Settings  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def _unusable(tmp_path: Path, kind: str) -> str:
    if kind == "device":
        return "/dev/null"
    (tmp_path / "a-file").write_text("not a folder")
    return str(tmp_path / "a-file")


def run_app(data: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_READER_DATA=data)
    env.pop("TRANSCRIPT_READER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env, timeout=90
    )


@pytest.mark.parametrize("kind", ["device", "file"])
def test_the_app_opens_a_transcript_and_says_why_notes_and_search_are_off(tmp_path, kind):
    from PySide6.QtGui import QImage

    data = _unusable(tmp_path, kind)
    out = tmp_path / "shot.png"
    done = run_app(data, str(FIXTURES / "basic.txt"), "--screenshot", str(out))
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1320
    assert "Traceback" not in done.stderr
    assert "notes and search are off" in done.stderr and "is not a folder" in done.stderr
    assert "logging to stderr only" in done.stderr


def test_after_a_normal_run_the_log_is_in_the_data_folder(tmp_path):
    data = tmp_path / "data"
    done = run_app(str(data), str(FIXTURES / "basic.txt"), "--screenshot", str(tmp_path / "shot.png"))
    assert done.returncode == 0, done.stderr
    log = (data / "logs" / "transcript-reader.log").read_text(encoding="utf-8")
    assert "INFO MainThread reader: started" in log
    assert "notes and search are off" not in done.stderr


def test_an_uncaught_exception_in_a_scripted_run_is_logged_and_the_run_goes_on(tmp_path):
    """A slot that raises (here the view's warm-up after the first paint): the picture is still
    taken, the traceback is on stderr and in the log, and no dialog waits for anyone."""
    data = tmp_path / "data"
    code = (
        "import sys\n"
        "from reader.ui.view.transcript_view import TranscriptView\n"
        "def broken(self): raise RuntimeError('a bug in a slot')\n"
        "TranscriptView._warm_up = broken\n"
        "from reader.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_READER_DATA=str(data))
    out = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "basic.txt"), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    assert out.exists()
    assert "uncaught exception" in done.stderr and "RuntimeError: a bug in a slot" in done.stderr
    log = (data / "logs" / "transcript-reader.log").read_text(encoding="utf-8")
    assert "CRITICAL" in log and "RuntimeError: a bug in a slot" in log and "Traceback" in log


@pytest.mark.parametrize("kind", ["device", "file"])
def test_the_status_bar_says_why_notes_and_search_are_off(qtbot, tmp_path, monkeypatch, kind):
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(args))
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", _unusable(tmp_path, kind))
    window = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    assert not window.quiet  # a box would show, if the window made one
    window.show()
    view = window.open_path(FIXTURES / "basic.txt")
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.notes.service.is_open, timeout=10000)
    qtbot.wait(50)
    label = window.statusBar().findChild(QLabel, "data-folder-problem")
    assert label is not None and label.isVisible()
    assert label.text().startswith("\u26a0 Notes and search are off: ") and "is not a folder" in label.text()
    assert not window.notes.service.available
    assert boxes == []  # the status bar says it; no box at every start
    window.search.service.close()
    window.notes.service.close()


def test_a_usable_data_folder_says_nothing(make_window):
    window = make_window()
    assert window.statusBar().findChild(QLabel, "data-folder-problem") is None
