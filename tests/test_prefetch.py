"""The command line's file read in a child process forked at start (reader.core.prefetch).

Each case runs in a fresh Python process, as the app forks before Qt or any worker thread is
there (the test process has both); the script prints one JSON line of what it saw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.analysis import analyse_paragraph
from reader.core.parser import parse_file
from reader.core.paths import sample_path
from reader.core.rows import call_rows, first_screen

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the prefetch forks on Linux")


def run(script: str, *args: str) -> dict:
    code = "import json, os, sys, threading, time\nfrom pathlib import Path\n" + script
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, env=dict(os.environ)
    )
    assert done.returncode == 0, done.stderr
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "stderr": done.stderr}


TAKE = """
import logging
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(message)s")
from reader.core.prefetch import Prefetch
at = int(sys.argv[2]) if len(sys.argv) > 2 else None
p = Prefetch.start(Path(sys.argv[1]), at)
got = p.take() if p is not None else None
rest = p.rest() if got is not None else None
out = {"started": p is not None, "took": got is not None}
if got is not None:
    from reader.core.parser import parse_file
    t = parse_file(sys.argv[1])
    out |= {
        "same": got.transcript == t,
        "call": got.call,
        "top": got.top,
        "first": sorted(got.figures),
        "rest": sorted(rest or {}),
        "figures": {str(k): repr(v) for k, v in {**got.figures, **(rest or {})}.items()},
    }
print(json.dumps(out))
"""


@pytest.mark.parametrize(("name", "at"), [("multi_call.txt", None), ("basic.txt", None), ("basic.txt", 5)])
def test_the_child_gives_what_reading_the_file_here_gives(name, at):
    path = FIXTURES / name
    seen = run(TAKE, str(path), *([] if at is None else [str(at)]))
    assert seen["started"] and seen["took"] and seen["same"]
    t = parse_file(path)
    call = t.paragraphs[at].call if at is not None else 0
    top = at if at is not None else t.calls[0].first
    assert (seen["call"], seen["top"]) == (call, top)
    first = first_screen(call_rows(t, call), top)
    assert seen["first"] == sorted(first)  # the first screen from the place it opens at
    c = t.calls[call]
    assert sorted(seen["first"] + seen["rest"]) == list(range(c.first, c.end))  # then the rest of its call
    here = {str(p): repr(analyse_paragraph(t.paragraphs[p])) for p in range(c.first, c.end)}
    assert seen["figures"] == here
    assert "WARNING" not in seen["stderr"]


def test_a_file_that_is_no_transcript_gives_nothing_and_no_warning():
    """The window reads it again and says why, as for any file; the child's reason is only
    logged for debugging."""
    seen = run(TAKE, str(FIXTURES / "not_a_transcript.txt"))
    assert seen["started"] and not seen["took"]
    assert "WARNING" not in seen["stderr"] and "DEBUG the prefetch of" in seen["stderr"]


def test_a_child_that_fails_or_dies_gives_nothing_at_once():
    """A bug in the child (its traceback is logged) or a child killed: the window reads the file
    itself, without waiting."""
    seen = run(
        """
import reader.core.analysis, reader.core.parser
from reader.core.prefetch import Prefetch
def broken(p):
    raise ZeroDivisionError("a bug in the child")
reader.core.analysis.analyse_paragraph = broken  # the child imports what its parent has
failed = Prefetch.start(Path(sys.argv[1]))
reader.core.parser.parse_decoded = lambda *a: os._exit(3)
died = Prefetch.start(Path(sys.argv[1]))
out = {}
for name, p in (("failed", failed), ("died", died)):
    start = time.monotonic()
    out[name] = [p is not None, p.take() is None, time.monotonic() - start < 5]
print(json.dumps(out))
""",
        str(FIXTURES / "basic.txt"),
    )
    assert seen["failed"] == [True, True, True]
    assert seen["died"] == [True, True, True]
    assert "failed; the file is read again" in seen["stderr"]
    assert "ZeroDivisionError: a bug in the child" in seen["stderr"]


def test_a_child_interrupted_by_ctrl_c_ends_without_a_word():
    """Ctrl+C in the terminal during start reaches the child too: it ends, and the window reads
    the file itself without logging the child's KeyboardInterrupt."""
    seen = run(
        """
import logging
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(message)s")
import reader.core.analysis
from reader.core.prefetch import Prefetch
def interrupted(p):
    raise KeyboardInterrupt
reader.core.analysis.analyse_paragraph = interrupted
p = Prefetch.start(Path(sys.argv[1]))
print(json.dumps({"took": p.take() is not None}))
""",
        str(FIXTURES / "basic.txt"),
    )
    assert seen["took"] is False
    assert "KeyboardInterrupt" not in seen["stderr"] and "WARNING" not in seen["stderr"]


def test_no_child_while_a_thread_runs_or_for_a_big_file(tmp_path):
    big = tmp_path / "big.txt"
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8")
    big.write_text(text * (300_000 // len(text) + 2), encoding="utf-8")
    seen = run(
        """
from reader.core.prefetch import Prefetch
big = Prefetch.start(Path(sys.argv[2]))
stop = threading.Event()
threading.Thread(target=stop.wait).start()
threaded = Prefetch.start(Path(sys.argv[1]))
stop.set()
print(json.dumps({"big": big is None, "threaded": threaded is None}))
""",
        str(FIXTURES / "basic.txt"),
        str(big),
    )
    assert seen["big"] and seen["threaded"]


def test_close_ends_a_child_whose_messages_nobody_reads():
    seen = run(
        """
from reader.core.prefetch import Prefetch
p = Prefetch.start(Path(sys.argv[1]))
pid = p.pid
time.sleep(0.5)  # the child is waiting to send what nobody reads
p.close()
p.close()  # twice is harmless
try:
    os.waitpid(pid, os.WNOHANG)
    reaped = False
except ChildProcessError:
    reaped = True
print(json.dumps({"reaped": reaped, "take": p.take() is None, "rest": p.rest() is None}))
""",
        str(FIXTURES / "multi_call.txt"),
    )
    assert seen == {**seen, "reaped": True, "take": True, "rest": True}


def test_the_app_started_on_a_file_reads_it_in_a_child_not_in_the_window(tmp_path):
    """The window's process imports neither the parser nor the figure lexers before its first
    paint: the child did that work, on another core."""
    script = (
        "import os, sys\n"
        "main_pid, end = os.getpid(), os._exit\n"
        "def listing(code):\n"
        "    if os.getpid() == main_pid:\n"
        "        print(' '.join(sys.modules), flush=True)\n"
        "    end(code)\n"
        "os._exit = listing\n"
        "from reader.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script, str(FIXTURES / "basic.txt"), "--exit-after-paint", "--state"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 60
    modules = done.stdout.split("\n")[-2].split()
    assert "reader.ui.window.main_window" in modules
    assert [
        m for m in modules if m.startswith(("reader.core.parser", "reader.core.figures", "pygments"))
    ] == []
    state = json.loads(done.stdout[: done.stdout.rindex("}") + 1])
    assert state["figures_coloured"] is True and state["paragraph"] == 0


class ChildStandIn:
    """What a `Prefetch` gives, found here: the first screen's figures, then the rest's."""

    def __init__(self, path: Path, gives: bool = True) -> None:
        from reader.core.prefetch import Prefetched

        t = parse_file(path)
        c = t.calls[0]
        first = first_screen(call_rows(t, 0), c.first)
        self.path, self.call, self.gives = path, 0, gives
        self.first = Prefetched(t, 0, c.first, {p: analyse_paragraph(t.paragraphs[p]) for p in first})
        self.rest_of_call = {
            p: analyse_paragraph(t.paragraphs[p]) for p in range(c.first, c.end) if p not in first
        }
        self.asked: list[str] = []

    def take(self):
        self.asked.append("take")
        return self.first if self.gives else None

    def rest(self):
        self.asked.append("rest")
        return self.rest_of_call

    def close(self) -> None:
        self.asked.append("close")


def opened_with(qtbot, make_window, child: ChildStandIn):
    """A window that opened the sample with `child` as its prefetch, once ready, with the
    figures of the whole call known."""
    window = make_window()
    view = window.open_path(sample_path(), pre=child)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    c = view.transcript.calls[0]
    assert sorted(view.figs.analysis) == list(range(c.first, c.end))
    return window


def test_a_prefetched_call_is_shown_with_the_childs_figures_and_none_found_here(
    qtbot, make_window, monkeypatch
):
    from reader.ui.view import figures, loading

    def found_here(*_args, **_kwargs):
        raise AssertionError("figures found in the window's process")

    monkeypatch.setattr(loading, "analyser", found_here)
    monkeypatch.setattr(figures, "analyse_calls", found_here)
    monkeypatch.setattr(figures, "analyser", found_here)
    child = ChildStandIn(sample_path())
    assert child.rest_of_call  # the sample's first call is longer than a first screen
    window = opened_with(qtbot, make_window, child)
    assert child.asked == ["take", "rest"]
    assert window.shown_number == 1


def test_a_prefetch_that_gives_nothing_is_read_here_and_ended(qtbot, make_window):
    child = ChildStandIn(sample_path(), gives=False)
    opened_with(qtbot, make_window, child)
    assert child.asked == ["take", "close"]
