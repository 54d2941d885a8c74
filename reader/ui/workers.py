"""Work that can take longer than a frame runs on a Python thread and reports back with signals.

A `Job` lives in the GUI thread; its function runs on a daemon thread, and the signals it emits
from there are queued to the GUI thread by Qt. Nothing in the function may touch a widget. A job
that is no longer wanted is dropped with `cancel()`: its result is then never delivered. A job
given an `owner` is dropped when that object is destroyed (a tab closed, a window gone), so
that no callback of its ever runs on a deleted object, whatever it was connected to.

Whatever the function raises ends in `failed` with a one-line reason: a `TranscriptError`'s own,
anything else as its type and message, logged with its traceback (a bug must be seen, and a
view waiting for a job must never wait forever).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from ..core.errors import TranscriptError

log = logging.getLogger(__name__)


class Job(QObject):
    done = Signal(object)
    failed = Signal(str)  # a one-line reason
    progress = Signal(int, int)  # done, total
    early = Signal(object)  # a first, partial result the function hands over before it is done

    _running: set[Job] = set()  # keeps a started job alive until it reports

    def __init__(
        self, fn: Callable[..., Any], *args: Any, parent: QObject | None = None, owner: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._fn, self._args = fn, args
        self.cancelled = False
        self.details = ""  # the traceback of an exception that was a bug, once `failed` said it
        self.resume = threading.Event()  # for a function that waits for the GUI between steps
        self._relay = _Relay()
        self._relay.result.connect(self._deliver)
        self._thread: threading.Thread | None = None
        # Checked when the result arrives (shiboken6.isValid), not through the owner's destroyed
        # signal: connecting that made PySide type every QObject subclass it might hand over.
        self._owner = owner

    def start(self) -> Job:
        Job._running.add(self)
        # Not a daemon: a daemon thread still running Python while the interpreter shuts down can
        # crash it; the app cancels its jobs and waits for them when it quits (`stop_all`).
        self._thread = threading.Thread(target=self._run, name="reader-job")
        self._thread.start()
        return self

    @classmethod
    def stop_all(cls, timeout: float = 2.0) -> None:
        """Cancel every running job and wait (a bounded time) for their threads to end."""
        jobs = list(cls._running)
        for job in jobs:
            job.cancel()
        for job in jobs:
            job.wait(timeout)

    def wait(self, timeout: float) -> None:
        """Wait (at most `timeout` seconds) for the function to return, if it was started."""
        if self._thread is not None:
            self._thread.join(timeout)

    def running(self) -> bool:
        """Started, and neither done nor cancelled yet."""
        return self in Job._running

    def cancel(self) -> None:
        self.cancelled = True
        self.resume.set()
        Job._running.discard(self)

    def report(self, done: int, total: int) -> None:
        """Called by the function (from its thread) to say how far it got."""
        if not self.cancelled:
            self.progress.emit(done, total)

    def emit_early(self, value: Any) -> None:
        """Called by the function (from its thread) to hand over a partial result."""
        if not self.cancelled:
            self.early.emit(value)

    def _run(self) -> None:
        try:
            result: tuple[bool, Any] = (True, self._fn(*self._args))
        except TranscriptError as err:
            result = (False, err.reason)
        except Exception as err:
            log.exception("a background job failed: %s", getattr(self._fn, "__qualname__", self._fn))
            self.details = traceback.format_exc()
            result = (False, f"{type(err).__name__}: {err}")
        if not self.cancelled:
            self._relay.result.emit(self, result)

    def _deliver(self, job: Job, result: tuple[bool, Any]) -> None:
        Job._running.discard(self)
        owner, self._owner = self._owner, None
        if self.cancelled or (owner is not None and not shiboken6.isValid(owner)):
            return
        ok, value = result
        (self.done if ok else self.failed).emit(value)


class _Relay(QObject):
    """Carries a job's outcome across threads (emitted from the worker, received in the GUI)."""

    result = Signal(object, object)
