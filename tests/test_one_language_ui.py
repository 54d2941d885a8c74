"""A transcript in one language opens in the one mode it has, and the window offers no other."""

from pathlib import Path

import pytest

from reader.core.modes import Mode, fitting, modes_for
from reader.ui.window.actions import MainAction

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_modes_of_each_set_of_languages():
    assert modes_for(["en", "zh"]) == tuple(Mode)
    assert modes_for(["en"]) == (Mode.EN,)
    assert modes_for(["zh"]) == (Mode.ZH,)
    assert fitting(Mode.SIDE, ["zh"]) is Mode.ZH
    assert fitting(Mode.INTERLEAVED, ["en"]) is Mode.EN
    assert fitting(Mode.INTERLEAVED, ["en", "zh"]) is Mode.INTERLEAVED


@pytest.mark.parametrize(
    ("fixture", "mode", "shown"),
    [("layouts/minutes_zh.txt", Mode.ZH, "right"), ("english_only.txt", Mode.EN, "left")],
)
def test_a_one_language_file_opens_in_its_mode_and_offers_no_other(qtbot, make_window, fixture, mode, shown):
    window = make_window()
    window.set_mode(Mode.SIDE)
    view = window.open_path(FIXTURES / fixture)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert view.mode is mode
    assert getattr(view, shown).isVisibleTo(view)
    assert view.active_pane() is getattr(view, shown)
    for other in Mode:
        assert window.action(MainAction.for_mode(other)).isEnabled() is (other is mode), other
    assert not window.action(MainAction.SYNC).isEnabled()
    view.set_mode(Mode.INTERLEAVED)  # asked for anyway: stays in the mode the file has
    assert view.mode is mode
    assert view.top_paragraph() >= 0
