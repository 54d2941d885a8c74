"""The app run as a process, as scripts and benchmarks run it: `--screenshot` saves a picture of
the ready window; `--exit-after-paint` ends once the text is first painted; a file that is not a
transcript ends either with exit 2 and one `error:` line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

FIXTURES = Path(__file__).parent / "fixtures"


def run_app(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env, timeout=60
    )


def errors(stderr: str) -> list[str]:
    """stderr without Qt's own notices (the offscreen plugin prints one about size hints)."""
    return [line for line in stderr.splitlines() if "propagateSizeHints" not in line]


def test_screenshot_saves_a_picture_of_the_window(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    done = run_app(str(FIXTURES / "basic.txt"), "--screenshot", str(out), "--mode", "side")
    assert done.returncode == 0, done.stderr
    picture = QImage(str(out))
    assert (picture.width(), picture.height()) == (1320, 860)
    assert errors(done.stderr) == []


def test_exit_after_paint_ends_once_the_text_is_painted():
    done = run_app(str(FIXTURES / "multi_call.txt"), "--exit-after-paint")
    assert done.returncode == 0, done.stderr
    assert errors(done.stderr) == []


@pytest.mark.parametrize("until", ["--exit-after-paint", "--screenshot"])
def test_a_file_that_is_no_transcript_ends_with_one_error_line(tmp_path, until):
    more = [str(tmp_path / "shot.png")] if until == "--screenshot" else []
    done = run_app(str(FIXTURES / "not_a_transcript.txt"), until, *more)
    assert done.returncode == 2
    lines = errors(done.stderr)
    assert len(lines) == 1 and lines[0].startswith("error: not_a_transcript.txt: ")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "shot.png").exists()  # no picture of a window that shows no transcript


# The feature boundaries the start-up policy defers (README, "Start-up policy"): the notes store
# (opened after the paint) and the anchoring of new notes, search, the notes and search panels,
# made when first shown, and printing and exporting, made when first used. (The file parser and
# the figure lexers are not imported by the window's process for a file named on the command line
# either: test_prefetch.py.)
LATER = (
    "sqlite3",
    "whoosh",
    "difflib",
    "reader.core.notes.db",
    "reader.core.notes.store",
    "reader.core.notes.export",
    "reader.core.search",
    "reader.ui.notes.panel",
    "reader.ui.search.panel",
    "reader.ui.search.library_panel",
    "reader.ui.export",
    "reader.core.printing",
)


def modules_at_exit(code: str, *args: str) -> list[str]:
    """The modules imported by a Python process when it ends through os._exit (as the app's
    scripted runs do, in the paint that ends them)."""
    listing = (
        "import os, sys\n"
        "end = os._exit\n"
        "os._exit = lambda code: (print(' '.join(sys.modules), flush=True), end(code))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", listing + code, *args], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_first_paint_imports_nothing_only_later_work_needs():
    app = modules_at_exit(
        "from reader.cli import main\nmain(sys.argv[1:])\n", str(FIXTURES / "basic.txt"), "--exit-after-paint"
    )
    assert "reader.ui.window.main_window" in app  # the list is the app's, taken at its first paint
    # What Qt itself imports for a bare window (shown and painted) is not the app's doing.
    bare = modules_at_exit(
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QTextEdit\n"
        "app = QApplication([])\n"
        "pane = QTextEdit('text')\n"
        "pane.show()\n"
        "QTimer.singleShot(0, lambda: os._exit(0))\n"
        "app.exec()\n"
    )
    early = [m for m in set(app) - set(bare) if any(m == n or m.startswith(n + ".") for n in LATER)]
    assert sorted(early) == []
