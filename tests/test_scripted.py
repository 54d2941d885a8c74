"""The scripted window on the command line: `--list-actions`, `--do`, `--size`, `--state`, as a
process run offscreen (what end-to-end checks and documentation screenshots use)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from test_app_run import errors, run_app  # noqa: E402

from reader.ui.window.actions import SPECS, MainAction  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
LONG = str(FIXTURES / "place" / "long_call.txt")
FIELDS = {
    "file",
    "mode",
    "paragraph",
    "shown",
    "speaker",
    "section",
    "call",
    "top",
    "level",
    "figures_coloured",
    "theme",
    "language",
    "zoom",
}


def test_list_actions_prints_id_shortcut_and_menu_text_of_every_action():
    done = run_app("--list-actions")
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert all(len(row) == 3 for row in rows)
    assert [row[0] for row in rows] == [spec.id.value for spec in SPECS]
    assert {row[0] for row in rows} == {a.value for a in MainAction}
    by_id = {row[0]: row[1:] for row in rows}
    assert by_id["qa"] == ["Ctrl+J", "Go to Q&A"]
    assert by_id["only_speaker"] == ["Ctrl+Shift+O", "Only This Speaker"]
    assert by_id["panel"] == ["F9", "Side Panel"]
    assert by_id["font"] == ["", "Reading Font\u2026"]


def test_do_runs_actions_then_state_says_where_the_reader_is():
    done = run_app(LONG, "--do", "qa", "--do", "next_question,size:900x600", "--state", "--mode", "side")
    assert done.returncode == 0, done.stderr
    assert errors(done.stderr) == []
    s = json.loads(done.stdout)
    assert set(s) == FIELDS
    assert s["file"] == str(Path(LONG).resolve())
    assert s["mode"] == "side" and s["section"] == "qa" and s["call"] == 0
    assert s["speaker"] == "Kenji Aral"  # the first analyst, after the operator opened the Q&A
    assert s["shown"] == s["paragraph"] + 1
    assert s["top"] == {"en": s["paragraph"], "zh": s["paragraph"]}
    assert s["level"] is True and s["figures_coloured"] is True
    assert (s["theme"], s["language"], s["zoom"]) == ("system", "system", 0)


def test_size_and_a_screenshot_after_the_steps(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    done = run_app(LONG, "--size", "900x600", "--do", "qa,zoom_in", "--state", "--screenshot", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["zoom"] == 1
    picture = QImage(str(out))
    assert (picture.width(), picture.height()) == (900, 600)


def test_state_at_the_first_paint():
    done = run_app(LONG, "--exit-after-paint", "--state", "--mode", "en")
    assert done.returncode == 0, done.stderr
    s = json.loads(done.stdout)
    assert set(s) == FIELDS
    assert s["mode"] == "en" and s["paragraph"] == 0 and s["top"] == {"en": 0}
    assert s["level"] is False  # one pane: nothing to be level with


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--do", "qa,no_such_action"], "error: unknown action id: no_such_action"),
        (["--do", "size:900"], "error: unknown action id: size:900"),
        (["--do", "preferences"], "error: preferences opens a dialog"),
        (["--do", "qa,print"], "error: print opens a dialog"),  # it waited on it for ever
        (["--do", "export_pdf"], "error: export_pdf opens a dialog"),
        (["--do", "save_as"], "error: save_as opens a dialog"),
        (["--do", "qa", "--exit-after-paint"], "error: --do runs once the window is ready"),
        (["--size", "big"], "error: argument --size: not a window size"),
    ],
)
def test_a_bad_step_ends_with_one_error_line_and_exit_2(args, says):
    done = run_app(LONG, *args, "--state")
    assert done.returncode == 2
    lines = errors(done.stderr)
    assert len(lines) == 1 and lines[0].startswith(says), lines
    assert done.stdout == ""


def test_a_window_that_never_settles_ends_the_script_instead_of_hanging(qtbot, make_window, monkeypatch):
    from reader.ui import scripted

    window = make_window()
    monkeypatch.setattr(scripted, "busy", lambda _window: True)
    monkeypatch.setattr(scripted, "SETTLE_LIMIT_MS", 100)
    script = scripted.Script(window, ["qa"])
    done = []
    script.finished.connect(lambda: done.append(True))
    with qtbot.waitSignal(script.stuck, timeout=5000) as blocker:
        script.start()
    assert blocker.args == ["open"] and done == []
