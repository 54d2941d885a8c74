"""Shared test set-up: fixtures are fictional files under tests/fixtures (never ../shared)."""

import os
from pathlib import Path

import pytest

# No display is needed to test the window: Qt draws offscreen unless a run asks otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_path():
    def get(name: str) -> Path:
        return FIXTURES / name

    return get


@pytest.fixture(autouse=True)
def _private_app_dirs(tmp_path, monkeypatch):
    """Each test gets its own data, config and cache directories: nothing touches the user's."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(tmp_path / "data"))


@pytest.fixture
def store():
    """A notes store in the test's own data directory, closed after the test."""
    from reader.core.notes.store import NotesStore

    with NotesStore() as s:
        yield s


@pytest.fixture
def make_window(qtbot, tmp_path):
    """A shown main window with its own settings file (several per test if asked), quiet (no
    message boxes); its notes store and search service are closed after the test."""
    from PySide6.QtCore import QSettings

    from reader.ui.config import Settings
    from reader.ui.window.main_window import MainWindow

    made = []

    def make(settings_name: str = "s.ini", shown: bool = True):
        w = MainWindow(
            Settings(QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat)), quiet=True
        )
        qtbot.addWidget(w)
        w.resize(1300, 850)
        made.append(w)
        if shown:  # (not: a test that opens a file first and shows the window itself)
            w.show()
            qtbot.waitExposed(w)
        return w

    yield make
    for w in made:
        w.search.service.close()
        w.notes.service.close()


@pytest.fixture
def shown(qtbot, make_window):
    """A shown window with tests/fixtures/basic.txt open and ready, its notes store open: the
    window and the file's view."""
    window = make_window()
    v = window.open_path(FIXTURES / "basic.txt")
    with qtbot.waitSignal(v.ready, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.notes.service.is_open, timeout=10000)
    return window, v
