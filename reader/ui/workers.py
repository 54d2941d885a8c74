"""Work that can take longer than a frame runs on a Python thread and reports back with signals.

A `Job` lives in the GUI thread; its function runs on a daemon thread, and the signals it emits
from there are queued to the GUI thread by Qt. Nothing in the function may touch a widget. A job
that is no longer wanted is dropped with `cancel()`: its result is then never delivered. A job
given an `owner` is dropped when that object is destroyed (a tab closed, a window gone), so
that no callback of its ever runs on a deleted object, whatever it was connected to.

Whatever the function raises ends in `failed` with a one-line reason: a `TranscriptError`'s own,
anything else as its type and message, logged with its traceback (a bug must be seen, and a
view waiting for a job must never wait forever).

Background work: Python threads share one GIL, so a worker running beside the GUI thread halves
the speed of the GUI thread's own work. A job started with `background=True` watches the GUI
thread's event loop turn (a timer ticks there every PULSE_MS), and its function, calling
`yield_to_gui()` between small steps, waits while that loop has not turned for BUSY_S: the GUI
thread's long turns (a document laid out, a call shown) then run alone.

Locks: PySide keeps the GIL through each Qt call made from Python, and some of Qt's calls take
a lock of its signal machinery (connecting, moving an object to another thread, making a
document's layout object, which connects); and the GUI thread can hold such a lock while it
waits for the GIL (a deleted object telling a Python-made sender it is gone). So the function's
thread never makes Qt wait for the GIL under such a lock: what it hands over travels in Python
(`_results`, `_early`), its signals to the GUI thread carry no Python object, and a Qt call that
takes such a lock is made while the GUI thread waits in a safe place (`while_gui_waits`).
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..core.errors import TranscriptError

log = logging.getLogger(__name__)

T = TypeVar("T")
PARK_WAIT = 5.0  # seconds a worker waits for the GUI thread to stop in a safe place
PULSE_MS = 2  # a background job's timer on the GUI thread: each tick is a turn of its event loop
BUSY_S = 0.005  # no tick for this long: the GUI thread is busy, a background job's worker waits
YIELD_WAIT_S = 0.25  # at most this long at a time (a GUI thread busy for longer shares the GIL)
_local = threading.local()  # the job whose function runs on this thread, if any


def while_gui_waits(fn: Callable[[], T]) -> T:
    """Call `fn` on this worker while the GUI thread waits for it in a safe place (a Qt call that
    takes a lock the GUI thread may hold while waiting for the GIL, such as moveToThread); on
    the GUI thread, or on a thread that runs no job, just call it."""
    job: Job | None = getattr(_local, "job", None)
    if job is None:
        return fn()
    return job._with_gui_parked(fn)


def yield_to_gui() -> None:
    """Between two small steps of a worker's function: wait while the GUI thread is busy, if
    the job it runs for is a `background` one (`Job.yield_to_gui`); else do nothing."""
    job: Job | None = getattr(_local, "job", None)
    if job is not None:
        job.yield_to_gui()


class _Gate:
    """The GUI thread stops at a gate (`parked`) until the worker opens it (`go`)."""

    def __init__(self) -> None:
        self.parked, self.go = threading.Event(), threading.Event()


class Job(QObject):
    done = Signal(object)
    failed = Signal(object)  # a one-line reason: a str (a core Message for a TranscriptError given one)
    progress = Signal(int, int)  # done, total
    early = Signal(object)  # a first, partial result the function hands over before it is done

    _running: set[Job] = set()  # keeps a started job alive until it reports

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        parent: QObject | None = None,
        owner: QObject | None = None,
        background: bool = False,
    ) -> None:
        super().__init__(parent)
        self._fn, self._args = fn, args
        self.cancelled = False
        self.details = ""  # the traceback of an exception that was a bug, once `failed` said it
        self.resume = threading.Event()  # for a function that waits for the GUI between steps
        self._result: tuple[bool, Any] | None = None  # set by the worker before `finished`
        self._early: deque[Any] = deque()  # partial results not yet handed over, in order
        self._gates: deque[_Gate] = deque()  # the worker's requests to stop the GUI thread
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._relay.arrived.connect(self._deliver_early)
        self._relay.park.connect(self._park)
        self._thread: threading.Thread | None = None
        # Checked when the result arrives (shiboken6.isValid), not through the owner's destroyed
        # signal: connecting that made PySide type every QObject subclass it might hand over.
        self._owner = owner
        self._turned = threading.Event()  # set by each tick of the GUI thread's event loop
        self._last_turn = time.monotonic()
        self._pulse: QTimer | None = None
        if background:
            self._pulse = QTimer(self)
            self._pulse.setTimerType(Qt.TimerType.PreciseTimer)
            self._pulse.setInterval(PULSE_MS)
            self._pulse.timeout.connect(self._tick)

    def start(self) -> Job:
        Job._running.add(self)
        if self._pulse is not None:
            self._pulse.start()
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
        self._turned.set()
        Job._running.discard(self)
        self._stop_pulse()

    def yield_to_gui(self) -> None:
        """Called by a background job's function (from its thread) between small steps: wait
        while the GUI thread is busy, YIELD_WAIT_S at most; else just let it have the GIL."""
        if self._pulse is not None and not self.cancelled and time.monotonic() - self._last_turn > BUSY_S:
            self._turned.clear()
            self._turned.wait(YIELD_WAIT_S)
        else:
            time.sleep(0)

    def _tick(self) -> None:
        self._last_turn = time.monotonic()
        self._turned.set()

    def _stop_pulse(self) -> None:
        if self._pulse is not None:
            self._pulse.stop()

    def report(self, done: int, total: int) -> None:
        """Called by the function (from its thread) to say how far it got."""
        if not self.cancelled:
            self.progress.emit(done, total)

    def emit_early(self, value: Any) -> None:
        """Called by the function (from its thread) to hand over a partial result."""
        if not self.cancelled:
            self._early.append(value)
            self._relay.arrived.emit()

    def _run(self) -> None:
        _local.job = self
        try:
            result: tuple[bool, Any] = (True, self._fn(*self._args))
        except TranscriptError as err:
            result = (False, err.reason)
        except Exception as err:
            log.exception("a background job failed: %s", getattr(self._fn, "__qualname__", self._fn))
            self.details = traceback.format_exc()
            result = (False, f"{type(err).__name__}: {err}")
        finally:
            _local.job = None
        if not self.cancelled:
            self._result = result
            self._relay.finished.emit()

    def _with_gui_parked(self, fn: Callable[[], T]) -> T:
        """Worker side of `while_gui_waits`."""
        gate = _Gate()
        self._gates.append(gate)
        self._relay.park.emit()
        if not gate.parked.wait(PARK_WAIT):  # the GUI thread is gone or stuck: go on alone
            log.warning("the GUI thread did not stop for a worker in %.0f s", PARK_WAIT)
        try:
            return fn()
        finally:
            gate.go.set()

    def _park(self) -> None:
        """GUI side: wait, holding no lock of Qt's, while the worker makes its call."""
        while self._gates:
            gate = self._gates.popleft()
            gate.parked.set()
            gate.go.wait(PARK_WAIT)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    def _deliver_early(self) -> None:
        while self._early:
            value = self._early.popleft()
            if not self.cancelled and not self._owner_gone():
                self.early.emit(value)

    def _deliver(self) -> None:
        self._deliver_early()  # what came before the result is handed over before it
        Job._running.discard(self)
        self._stop_pulse()
        gone = self._owner_gone()
        self._owner = None
        result, self._result = self._result, None
        if self.cancelled or gone or result is None:
            return
        ok, value = result
        (self.done if ok else self.failed).emit(value)


class _Relay(QObject):
    """Tells the GUI thread that a job has something for it; what it has travels in Python."""

    finished = Signal()  # the result is set
    arrived = Signal()  # a partial result is queued
    park = Signal()  # the worker asks the GUI thread to wait at a gate
