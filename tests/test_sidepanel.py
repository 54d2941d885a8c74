"""The side panel: the call, its outline and speakers, and the signals it sends the window."""

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from reader.core.model import Role  # noqa: E402
from reader.core.parser import parse_file  # noqa: E402
from reader.ui.theme import _DARK, _LIGHT, dark_palette  # noqa: E402
from reader.ui.window.sidepanel import PARAGRAPH, SECOND_LINE, SidePanel  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).parent.parent / "resources" / "sample-transcript.txt"


@pytest.fixture
def panel(qtbot):
    p = SidePanel()
    qtbot.addWidget(p)
    p.resize(320, 900)
    return p


def _record(p: SidePanel) -> list:
    """Everything the panel emits, as (signal, value)."""
    seen: list = []
    for name in ("paragraphActivated", "speakerActivated", "speakerFilterRequested", "callSelected"):
        getattr(p, name).connect(lambda v, name=name: seen.append((name, v)))
    return seen


def _outline(p: SidePanel) -> list:
    """(label, second line, paragraph, depth) of every outline entry in order."""
    return [
        (e.text(0), e.data(0, SECOND_LINE), e.data(0, PARAGRAPH), 0 if e.parent() is None else 1)
        for e in p.entries
    ]


def _speakers(p: SidePanel) -> list[str]:
    return [p.speakers.item(i).text() for i in range(p.speakers.count())]


def _click(qtbot, view, item) -> None:
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_sample_outline_and_speakers(panel):
    panel.set_transcript(parse_file(SAMPLE))
    assert panel.title.text() == "Lumora Mobility Q3 2025"
    assert panel.call_box.isHidden()
    assert _outline(panel) == [
        ("Prepared remarks", None, 0, 0),
        ("Q&A", None, 21, 0),
        ("Vivian Tsai \u2014 Harbor Ridge Securities", "answered by Arjun Mehta, Mei Lin", 23, 1),
        ("Marcus Feld \u2014 Kestrel Capital", "answered by Owen Zhao", 29, 1),
        ("Li Wei \u2014 Eastgate Securities", "answered by Mei Lin", 35, 1),
        ("Hannah Okafor \u2014 Northbridge Partners", "answered by Arjun Mehta", 38, 1),
    ]
    assert (
        panel.entries[2].toolTip(0)
        == "Vivian Tsai \u2014 Harbor Ridge Securities\nanswered by Arjun Mehta, Mei Lin"
    )
    assert _speakers(panel)[:4] == ["Operator", "Grace Ho", "Mei Lin", "Arjun Mehta"]
    assert panel.speakers.item(2).toolTip() == (
        "Mei Lin\nManagement \u00b7 Chairwoman of the Board, Chief Executive Officer\n4 turns"
    )
    assert panel.speakers.item(7).toolTip() == "Li Wei\nAnalyst \u00b7 Eastgate Securities\n1 turn"
    assert panel.speakers.item(0).toolTip() == "Operator\n7 turns"  # not "Operator\nOperator"


def test_submitted_questions(panel):
    panel.set_transcript(parse_file(FIXTURES / "submitted_questions.txt"))
    assert [e[:3] for e in _outline(panel)[2:4]] == [
        ("Operator (submitted)", "answered by David Brandt", 7),
        ("Operator (submitted)", "answered by Meera Iyer", 9),
    ]
    assert _outline(panel)[4][0] == "Priya Raman \u2014 Westfield Capital"


def test_clicking_or_entering_an_entry_goes_there(panel, qtbot):
    panel.set_transcript(parse_file(SAMPLE))
    panel.show()
    qtbot.waitExposed(panel)
    seen = _record(panel)
    with qtbot.waitSignal(panel.paragraphActivated, timeout=1000) as blocker:
        _click(qtbot, panel.outline, panel.entries[3])
    assert blocker.args == [29]
    assert seen == [("paragraphActivated", 29)]  # once, and nothing else
    panel.outline.setCurrentItem(panel.entries[1])
    with qtbot.waitSignal(panel.paragraphActivated, timeout=1000) as blocker:
        qtbot.keyClick(panel.outline, Qt.Key.Key_Return)
    assert blocker.args == [21]


def test_set_position_marks_the_entry_without_signals(panel, qtbot):
    panel.set_transcript(parse_file(SAMPLE))
    seen = _record(panel)
    for paragraph, label in (
        (0, "Prepared remarks"),
        (20, "Prepared remarks"),
        (21, "Q&A"),
        (22, "Q&A"),  # the operator opening the Q&A, before the first question
        (23, "Vivian Tsai \u2014 Harbor Ridge Securities"),
        (28, "Vivian Tsai \u2014 Harbor Ridge Securities"),  # the operator announcing the next one
        (29, "Marcus Feld \u2014 Kestrel Capital"),
        (43, "Hannah Okafor \u2014 Northbridge Partners"),
    ):
        panel.set_position(paragraph)
        assert panel.outline.currentItem().text(0) == label, paragraph
        assert panel.outline.selectedItems() == [panel.outline.currentItem()]
    panel.set_position(44)  # past the end: left as it was
    assert panel.outline.currentItem().text(0) == "Hannah Okafor \u2014 Northbridge Partners"
    assert seen == []
    assert not panel.outline.hasFocus()


def test_combo_only_for_several_calls(panel, qtbot):
    panel.set_transcript(parse_file(SAMPLE))
    assert panel.call_box.isHidden()
    panel.set_transcript(parse_file(FIXTURES / "multi_call.txt"))
    assert not panel.call_box.isHidden()
    box = panel.call_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Orbis Drone Systems Q1 2025",
        "Pennant Foods Q4 2024",
    ]
    assert _speakers(panel) == ["Operator", "Felix Moreau", "Grace Lindqvist", "Omar Haddad", "Ruth Adeyemi"]
    with qtbot.waitSignal(panel.callSelected, timeout=1000) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert blocker.args == [1]
    assert panel.title.text() == "Pennant Foods Q4 2024"
    assert [e[2] for e in _outline(panel)] == [12, 15, 16]
    assert _speakers(panel) == ["Operator", "Chloe Ramirez", "Victor Lam", "Ben Kessler"]


def test_a_call_without_company_or_period_is_numbered(panel):
    t = parse_file(FIXTURES / "multi_call.txt")
    t.calls[1].company = t.calls[1].period = None
    panel.set_transcript(t)
    assert [panel.call_box.itemText(i) for i in range(2)] == ["Orbis Drone Systems Q1 2025", "Call 2"]
    panel.set_call(1)
    assert panel.title.text() == "Call 2"


def test_set_call_and_position_in_another_call_emit_nothing(panel):
    panel.set_transcript(parse_file(FIXTURES / "multi_call.txt"))
    seen = _record(panel)
    panel.set_call(1)
    assert (panel.call, panel.call_box.currentIndex(), panel.title.text()) == (1, 1, "Pennant Foods Q4 2024")
    panel.set_position(7)  # in the first call: the panel follows
    assert (panel.call, panel.call_box.currentIndex()) == (0, 0)
    assert panel.outline.currentItem().text(0) == "Omar Haddad \u2014 Tallgrass Securities"
    panel.set_position(17)
    assert panel.call == 1 and panel.outline.currentItem().text(0) == "Ben Kessler \u2014 Oakmont Partners"
    assert seen == []


def test_clicking_a_speaker(panel, qtbot):
    panel.set_transcript(parse_file(SAMPLE))
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.speakerActivated, timeout=1000) as blocker:
        _click(qtbot, panel.speakers, panel.speakers.item(2))
    assert blocker.args == ["Mei Lin"]


def test_speaker_filter(panel, qtbot):
    panel.set_transcript(parse_file(SAMPLE))
    menu = panel.speaker_menu("Mei Lin")
    go, only, everyone = menu.actions()
    assert (only.text(), only.isCheckable(), only.isChecked(), everyone.isEnabled()) == (
        "Only this speaker",
        True,
        False,
        False,
    )
    with qtbot.waitSignal(panel.speakerFilterRequested, timeout=1000) as blocker:
        only.trigger()
    assert blocker.args == ["Mei Lin"]
    with qtbot.waitSignal(panel.speakerActivated, timeout=1000) as blocker:
        go.trigger()
    assert blocker.args == ["Mei Lin"]

    before = panel.speakers.viewport().grab().toImage()
    panel.set_filter("Mei Lin")
    assert panel.filter == "Mei Lin"
    assert panel.speakers.viewport().grab().toImage() != before  # bold, with a check mark
    _, only, everyone = panel.speaker_menu("Mei Lin").actions()
    assert only.isChecked() and everyone.isEnabled()
    with qtbot.waitSignal(panel.speakerFilterRequested, timeout=1000) as blocker:
        only.trigger()
    assert blocker.args == [None]
    with qtbot.waitSignal(panel.speakerFilterRequested, timeout=1000) as blocker:
        everyone.trigger()
    assert blocker.args == [None]
    assert not panel.speaker_menu("Li Wei").actions()[1].isChecked()
    panel.set_filter(None)
    assert panel.speakers.viewport().grab().toImage() == before


def _has_colour(image, colour: QColor) -> bool:
    rgb = colour.rgb()
    return any(image.pixel(x, y) == rgb for y in range(image.height()) for x in range(0, image.width(), 2))


def test_bars_in_role_colours_follow_the_palette(panel):
    panel.set_transcript(parse_file(FIXTURES / "english_only.txt"))
    image = panel.speakers.viewport().grab().toImage()
    assert _has_colour(image, _LIGHT.roles[Role.MANAGEMENT])
    assert not _has_colour(image, _DARK.roles[Role.MANAGEMENT])
    panel.setPalette(dark_palette())
    image = panel.speakers.viewport().grab().toImage()
    assert _has_colour(image, _DARK.roles[Role.MANAGEMENT])
    assert _has_colour(image, _DARK.roles[Role.ANALYST])


def test_no_transcript_clears(panel):
    panel.set_transcript(parse_file(FIXTURES / "multi_call.txt"))
    panel.set_filter("Operator")
    panel.set_transcript(None)
    assert (panel.outline.topLevelItemCount(), panel.speakers.count(), panel.entries) == (0, 0, [])
    assert panel.call_box.isHidden() and panel.call_box.count() == 0
    assert (panel.title.text(), panel.filter) == ("", None)
    panel.set_position(3)  # nothing to mark, no error
    panel.set_call(1)
    assert panel.outline.topLevelItemCount() == 0
