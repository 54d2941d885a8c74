"""The app's log: a rotating file in the data folder (DEBUG on request), uncaught exceptions of
every thread recorded with their traceback, and a data folder that cannot hold it never stops
the app (stderr only, and the reason said)."""

import logging
import sys
import threading

import pytest

from reader import logs
from reader.core import data_folder
from reader.core.paths import data_dir


@pytest.fixture(autouse=True)
def _undo_setup():
    yield
    logs.reset()


def _flush():
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_the_log_is_a_file_in_the_data_folder_at_info(monkeypatch):
    monkeypatch.delenv("TRANSCRIPT_READER_DEBUG", raising=False)
    state = logs.setup(console=False)
    assert state.path == data_dir() / "logs" / "transcript-reader.log" and state.problem is None
    logging.getLogger("reader.test").debug("not kept")
    logging.getLogger("reader.test").info("kept")
    _flush()
    text = state.path.read_text(encoding="utf-8")
    assert "reader.test: kept" in text and "not kept" not in text
    assert logs.setup() is state  # configured once


def test_debug_is_kept_on_request(monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_READER_DEBUG", "1")
    state = logs.setup(console=False)
    logging.getLogger("reader.test").debug("details")
    _flush()
    assert "DEBUG" in state.path.read_text(encoding="utf-8")


def test_uncaught_exceptions_of_every_thread_are_logged_and_told(monkeypatch):
    state = logs.setup(console=False)
    told = []
    logs.add_listener(lambda info, thread: told.append((info[0], thread)))

    def boom():
        raise LookupError("from a worker")

    worker = threading.Thread(target=boom, name="worker-1")
    worker.start()
    worker.join()
    try:
        raise KeyError("in the main thread")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    _flush()
    text = state.path.read_text(encoding="utf-8")
    assert "uncaught exception in thread worker-1" in text and "LookupError: from a worker" in text
    assert "KeyError: 'in the main thread'" in text and "Traceback" in text
    assert told == [(LookupError, "worker-1"), (KeyError, "MainThread")]


@pytest.mark.parametrize("kind", ["device", "file", "file-parent"])
def test_an_unusable_data_folder_logs_to_stderr_only(tmp_path, monkeypatch, capsys, kind):
    if kind == "device":
        monkeypatch.setenv("TRANSCRIPT_READER_DATA", "/dev/null")
    else:
        (tmp_path / "plain").write_text("x")
        monkeypatch.setenv(
            "TRANSCRIPT_READER_DATA", str(tmp_path / "plain" / ("x" if kind == "file-parent" else ""))
        )
    state = logs.setup(console=False)
    assert state.path is None and "cannot write the log" in state.problem
    logging.getLogger("reader.test").error("seen anyway")
    assert "seen anyway" in capsys.readouterr().err
    assert "is not a folder" in data_folder.problem()


def test_a_folder_not_made_yet_is_usable(tmp_path):
    assert data_folder.problem(tmp_path / "a" / "b") is None
    assert data_folder.problem(tmp_path) is None


def test_the_log_is_rotated_when_it_grows(monkeypatch):
    monkeypatch.setattr(logs, "LOG_BYTES", 2000)
    state = logs.setup(console=False)
    for i in range(200):
        logging.getLogger("reader.test").info("line %d %s", i, "x" * 40)
    _flush()
    folder = state.path.parent
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "transcript-reader.log",
        "transcript-reader.log.1",
        "transcript-reader.log.2",
        "transcript-reader.log.3",
    ]
    assert all(p.stat().st_size < 2200 for p in folder.iterdir())
    assert "line 199" in state.path.read_text(encoding="utf-8")
