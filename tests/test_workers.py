"""A background job always reports: its result, or a one-line reason, whatever it raised."""

import logging
import time

from reader.ui.workers import Job


def run(qtbot, fn):
    job = Job(fn)
    outcome = []
    job.done.connect(lambda value: outcome.append(("done", value)))
    job.failed.connect(lambda reason: outcome.append(("failed", reason)))
    job.start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    job.wait(5)
    return outcome


def test_a_result_is_delivered(qtbot):
    assert run(qtbot, lambda: 42) == [("done", 42)]


def test_any_exception_ends_in_failed_and_is_logged(qtbot, caplog):
    def buggy():
        return {}["missing"]

    with caplog.at_level(logging.ERROR, logger="reader.ui.workers"):
        assert run(qtbot, buggy) == [("failed", "KeyError: 'missing'")]
    assert "a background job failed" in caplog.text and "Traceback" in caplog.text


def test_a_cancelled_job_delivers_nothing(qtbot):
    job = Job(lambda: 1)
    seen = []
    job.done.connect(seen.append)
    job.cancel()
    job.start()
    job.wait(5)
    qtbot.wait(50)
    assert seen == []


def test_partial_results_arrive_in_order_and_before_the_result(qtbot):
    def fn(job_ref: list) -> str:
        for n in range(50):
            job_ref[0].emit_early({"n": n})
        return "done"

    ref: list = []
    job = Job(fn, ref)
    ref.append(job)
    seen: list = []
    job.early.connect(lambda value: seen.append(value["n"]))
    job.done.connect(lambda value: seen.append(value))
    with qtbot.waitSignal(job.done, timeout=5000):
        job.start()
    assert seen == [*range(50), "done"]


def test_a_call_made_while_the_gui_waits_runs_with_the_gui_thread_stopped(qtbot):
    """`while_gui_waits`: the GUI thread runs nothing (not even a 1 ms timer) while the worker's
    call runs; on the GUI thread itself the call is just made."""
    from PySide6.QtCore import QTimer

    from reader.ui.workers import while_gui_waits

    ticks = [0]
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()

    def stopped_gui() -> tuple[int, int]:
        before = ticks[0]
        time.sleep(0.1)
        return before, ticks[0]

    def fn() -> tuple[int, int]:
        while ticks[0] < 3:  # the GUI thread runs meanwhile
            time.sleep(0.005)
        return while_gui_waits(stopped_gui)

    job = Job(fn)
    with qtbot.waitSignal(job.done, timeout=10000) as done:
        job.start()
    timer.stop()
    before, after = done.args[0]
    assert before == after >= 3
    assert while_gui_waits(lambda: 7) == 7


def steps_while(qtbot, background: bool) -> tuple[int, int]:
    """A job counting small steps, each followed by `yield_to_gui`: the steps it made while the GUI
    thread was busy for 0.3 s (its event loop not turning; letting go of the GIL now and then, as
    a thread of Python does at least every switch interval), and in 0.3 s idle after."""
    steps = [0]

    def count(job_ref: list) -> None:
        job = job_ref[0]
        while not job.cancelled:
            sum(range(2000))  # a little Python work, as a paragraph's figures are
            steps[0] += 1
            job.yield_to_gui()

    ref: list = []
    job = Job(count, ref, background=background)
    ref.append(job)
    job.start()
    qtbot.waitUntil(lambda: steps[0] > 50, timeout=5000)
    qtbot.wait(20)  # the GUI thread's event loop has turned: the worker runs
    before = steps[0]
    end = time.monotonic() + 0.3
    while time.monotonic() < end:  # the GUI thread busy, its event loop not turning
        sum(range(200))
        time.sleep(0)
    busy = steps[0] - before
    before = steps[0]
    qtbot.wait(300)
    idle = steps[0] - before
    job.cancel()
    job.wait(5)
    return busy, idle


def test_a_background_job_waits_while_the_gui_thread_is_busy(qtbot):
    busy, idle = steps_while(qtbot, background=True)
    assert idle > 100
    assert busy < idle / 10  # it went on for BUSY_S at most, then waited
    busy, idle = steps_while(qtbot, background=False)
    assert busy > idle / 10  # a job that is not a background one shares the GIL all along
