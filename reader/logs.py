"""The app's log, configured once at start (`setup`): Python's `logging` to a rotating file in the
app's data folder, so that a failure in the installed app (which has no console) is recorded.

- The file: ``data_dir() / "logs" / "transcript-reader.log"``, rotated at LOG_BYTES, LOG_BACKUPS
  kept; DEBUG with ``TRANSCRIPT_READER_DEBUG=1``, else INFO.
- With `console`, warnings and worse also go to stderr (a run from a terminal, a scripted run).
- An uncaught exception, in the main thread (`sys.excepthook`) or another (`threading.excepthook`),
  is logged with its traceback, then handed to the listeners (the window shows a dialog).
- A data folder that cannot be used (a file, read-only, `/dev/null`) never stops the app: the log
  goes to stderr only and `problem` says why.

Qt-free: the window routes Qt's own messages here (reader/ui/crash.py).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from .core.paths import data_dir

LOG_NAME = "transcript-reader.log"
LOG_BYTES = 1_000_000  # one file's size before it is rotated
LOG_BACKUPS = 3  # rotated files kept beside the current one
FILE_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
CONSOLE_FORMAT = "transcript-reader: %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("reader")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
Listener = Callable[[ExcInfo, str], None]  # the exception, and the name of the thread it ended


@dataclass
class LogState:
    """What `setup` did: where the log file is (None when there is none) and, if the data folder
    could not be used, why."""

    path: Path | None = None
    problem: str | None = None
    configured: bool = False


state = LogState()
_listeners: list[Listener] = []
_handlers: list[logging.Handler] = []


def log_folder() -> Path:
    """The folder the log file is kept in (Help ▸ Open Log Folder)."""
    return data_dir() / "logs"


def debug_requested() -> bool:
    return os.environ.get("TRANSCRIPT_READER_DEBUG", "") not in ("", "0")


def setup(console: bool = True) -> LogState:
    """Configure logging for this process: the rotating file (if the data folder can hold it),
    stderr for warnings with `console`, and the exception hooks. Never raises; a second call
    does nothing."""
    if state.configured:
        return state
    state.configured = True
    level = logging.DEBUG if debug_requested() else logging.INFO
    root = logging.getLogger()
    root.setLevel(level)
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFile(folder / LOG_NAME)
    except OSError as err:  # a data folder that is a file, read-only, on a device...
        state.problem = f"cannot write the log in {folder}: {err.strerror or err}"
    else:
        handler.setFormatter(logging.Formatter(FILE_FORMAT))
        handler.setLevel(level)
        _add(root, handler)
        state.path = folder / LOG_NAME
    if console or state.path is None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter(CONSOLE_FORMAT))
        stream.setLevel(logging.DEBUG if debug_requested() else logging.WARNING)
        _add(root, stream)
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook
    if state.problem:
        log.warning("%s; logging to stderr only", state.problem)
    log.info("started (pid %d, Python %s, %s)", os.getpid(), sys.version.split()[0], sys.platform)
    return state


class RotatingFile(logging.FileHandler):
    """A log file set aside as ``.1`` (the older ones shifted, LOG_BACKUPS kept) once it grows over
    LOG_BYTES. Not logging.handlers' own: importing that module (sockets, pickle, queues) would
    cost the window's start more than all of this."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if path.exists() and path.stat().st_size >= LOG_BYTES:
            self._shift()
        super().__init__(path, encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)  # (under the handler's lock)
        if self.stream is not None and self.stream.tell() >= LOG_BYTES:
            self.close()
            with contextlib.suppress(OSError):  # not rotated: the file grows on
                self._shift()
            self.stream = self._open()

    def _shift(self) -> None:
        for n in range(LOG_BACKUPS - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{n}")
            if older.exists():
                os.replace(older, self.path.with_name(f"{self.path.name}.{n + 1}"))
        os.replace(self.path, self.path.with_name(f"{self.path.name}.1"))


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    root.addHandler(handler)
    _handlers.append(handler)


def reset() -> None:
    """Undo `setup` (tests): remove its handlers, give the hooks back."""
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()
    _listeners.clear()
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    state.path, state.problem, state.configured = None, None, False


def add_listener(listener: Listener) -> None:
    """Be told of every uncaught exception, after it was logged (the window's dialog)."""
    _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def report_uncaught(info: ExcInfo, thread: str = "MainThread") -> None:
    """Log an exception nothing caught, with its traceback, and tell the listeners."""
    log.critical("uncaught exception in thread %s", thread, exc_info=info)
    for listener in list(_listeners):
        try:
            listener(info, thread)
        except Exception:  # a listener's own failure must not hide the first one
            log.exception("the listener for uncaught exceptions failed")


def _sys_hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    report_uncaught((kind, value, tb), threading.current_thread().name)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    thread = args.thread.name if args.thread is not None else "?"
    report_uncaught((args.exc_type, args.exc_value, args.exc_traceback), thread)
