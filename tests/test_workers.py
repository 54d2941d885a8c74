"""A background job always reports: its result, or a one-line reason, whatever it raised."""

import logging

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
