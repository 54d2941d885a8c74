"""The note dialog: Ctrl+Return and Ctrl+Enter save it, from the text field (where Return alone
starts a new line) and from anywhere else in it; Escape leaves it unsaved."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from reader.ui.notes.dialog import NoteDialog  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def dialog(qtbot):
    d = NoteDialog("Gross margin was 41%.", "yellow")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_return_in_the_text_starts_a_new_line_and_ctrl_return_saves(qtbot, dialog):
    qtbot.keyClicks(dialog.text, "check")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.text, "the mix")
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.note() == "check\nthe mix"


def test_ctrl_enter_on_the_keypad_saves(qtbot, dialog):
    qtbot.keyClicks(dialog.text, "x")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.note() == "x"


def test_ctrl_return_saves_with_a_colour_chosen_by_keyboard(qtbot, dialog):
    blue = next(b for b in dialog.colors.buttons() if b.property("color") == "blue")
    blue.setFocus()
    qtbot.keyClick(blue, Qt.Key.Key_Space)
    assert dialog.color() == "blue"
    qtbot.keyClick(blue, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.color() == "blue"


def test_escape_saves_nothing(qtbot, dialog):
    qtbot.keyClicks(dialog.text, "draft")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
