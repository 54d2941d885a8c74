"""The session: the tabs open when the window closed come back in a new window (same settings),
each at its place (the paragraph at the top) and in its mode, with the same tab in front; not when
Preferences turned it off; a file gone since is skipped with a message; a scripted run neither
restores nor keeps a session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from reader.core.paths import APPLICATION, ORGANIZATION  # noqa: E402
from reader.ui import config  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402
from reader.ui.window.session import Tab, WindowSession, read_session, write_session  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def files(tmp_path):
    """Two transcripts of the user's own, in a folder of theirs (one may be removed)."""
    folder = tmp_path / "calls"
    folder.mkdir()
    long_call = folder / "long_call.txt"
    shutil.copy(FIXTURES / "place" / "long_call.txt", long_call)
    basic = folder / "basic.txt"
    shutil.copy(FIXTURES / "basic.txt", basic)
    return long_call, basic


def open_ready(qtbot, window, path: Path):
    view = window.open_path(path)
    qtbot.waitUntil(lambda: view.transcript is not None and not view.settling(), timeout=10000)
    return view


def go(qtbot, window, view, paragraph: int, mode: str) -> int:
    """Put `view` in `mode` with `paragraph` at its top; return the paragraph at the top then."""
    window.show_view(view)
    window.set_mode(mode)
    view.go_to_paragraph(paragraph, mark=False)
    qtbot.waitUntil(lambda: not view.settling(), timeout=5000)
    return view.top_paragraph()


def restored_window(qtbot, make_window):
    window = make_window("s.ini")
    session = WindowSession(window, window.settings)
    count = session.restore()
    qtbot.waitUntil(
        lambda: session.pending() == 0 and all(not v.settling() for v in window.views()), timeout=10000
    )
    return window, session, count


def close(window) -> None:
    window.close()
    window.settings.q.sync()


def test_tabs_places_modes_and_the_current_tab_come_back(qtbot, make_window, files):
    long_call, basic = files
    first = make_window("s.ini")
    WindowSession(first, first.settings)
    a = open_ready(qtbot, first, long_call)
    b = open_ready(qtbot, first, basic)
    top_a = go(qtbot, first, a, 60, "interleaved")
    top_b = go(qtbot, first, b, 9, "en")
    assert top_a > 40 and top_b > 5  # (both far from their start)
    first.show_view(a)
    close(first)

    second, _session, count = restored_window(qtbot, make_window)
    assert count == 2
    views = second.views()
    assert [v.path.name for v in views] == ["long_call.txt", "basic.txt"]
    assert second.view() is views[0]
    assert views[0].top_paragraph() == top_a and views[0].mode == "interleaved"
    assert views[1].top_paragraph() == top_b and views[1].mode == "en"
    assert second.action(MainAction.MODE_INTERLEAVED).isChecked()


def test_a_restored_tab_is_first_painted_at_its_place_in_its_mode_with_its_figures(qtbot, make_window, files):
    """The first frame of a restored tab is its final one: at the paragraph and in the mode the
    session kept, figures coloured, not the call's top then a jump."""
    from reader.ui.scripted import coloured

    long_call, _basic = files
    window = make_window("s.ini")
    window.settings.set(config.VIEW_MODE, "side")
    window.settings.set(config.SESSION, write_session([Tab(str(long_call), 60, "interleaved")], 0))
    seen: list[tuple[int, str, bool]] = []
    session = WindowSession(window, window.settings)
    assert session.restore() == 1
    view = window.view()
    view.textPainted.connect(lambda: seen.append((view.top_paragraph(), str(view.mode), coloured(view))))
    qtbot.waitUntil(lambda: session.pending() == 0 and not view.settling(), timeout=10000)
    assert seen[0] == (view.top_paragraph(), "interleaved", True)
    assert 55 <= seen[0][0] <= 60  # (60, or the turn's header above it)
    assert window.action(MainAction.MODE_INTERLEAVED).isChecked()


def test_the_place_is_kept_while_the_window_is_open(qtbot, make_window, files):
    """Written every few seconds, not only at close: a crash loses little."""
    long_call, _basic = files
    window = make_window("s.ini")
    session = WindowSession(window, window.settings)
    view = open_ready(qtbot, window, long_call)
    top = go(qtbot, window, view, 50, "side")
    session.save()  # what its timer does
    tabs, current = read_session(window.settings.get(config.SESSION))
    assert tabs == [Tab(str(long_call), top, "side")] and current == 0


def test_the_setting_off_restores_nothing(qtbot, make_window, files):
    long_call, basic = files
    first = make_window("s.ini")
    first.settings.set(config.SESSION, write_session([Tab(str(long_call), 3, "en")], 0))
    first.settings.set(config.RESTORE_SESSION, False)
    close(first)
    second, _session, count = restored_window(qtbot, make_window)
    assert count == 0 and second.views() == []


def test_a_file_gone_is_skipped_with_a_message(qtbot, make_window, files):
    long_call, basic = files
    first = make_window("s.ini")
    tabs = [Tab(str(basic), 0, "side"), Tab(str(long_call), 30, "side")]
    first.settings.set(config.SESSION, write_session(tabs, 0))
    close(first)
    basic.unlink()
    second, _session, count = restored_window(qtbot, make_window)
    assert count == 2
    assert [v.path.name for v in second.views()] == ["long_call.txt"]
    qtbot.waitUntil(lambda: "basic.txt" in second.statusBar().currentMessage(), timeout=5000)
    assert second.views()[0].top_paragraph() >= 28  # (30, or the first of its turn)


def test_an_unreadable_session_restores_nothing(qtbot, make_window):
    first = make_window("s.ini")
    first.settings.set(config.SESSION, "{not json")
    close(first)
    second, _session, count = restored_window(qtbot, make_window)
    assert count == 0 and second.views() == []
    assert read_session('{"tabs": [{"nopath": 1}]}') == ([], 0)


def test_a_scripted_run_does_not_restore_the_session(tmp_path, files):
    """`--state` shows the sample (no file given), not the session's tab."""
    long_call, _basic = files
    conf = Path(os.environ["XDG_CONFIG_HOME"]) / ORGANIZATION / f"{APPLICATION}.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    q = QSettings(str(conf), QSettings.Format.IniFormat)
    q.setValue(config.SESSION.key, write_session([Tab(str(long_call), 10, "en")], 0))
    q.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--state"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    state = json.loads(done.stdout)
    assert state["file"] is not None and Path(state["file"]).name != "long_call.txt"
    q.sync()
    assert read_session(q.value(config.SESSION.key)) == ([Tab(str(long_call), 10, "en")], 0)
