"""What a screen reader finds: every interactive control of the window and its dialogs has a name
(and every such widget a description), the panes expose their text, Help ▸ Keyboard Shortcuts
lists the registry's keys, and the High Contrast theme reads at WCAG AAA contrast."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QAccessible, QColor  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget  # noqa: E402

from reader.core.model import Role  # noqa: E402
from reader.ui import config, theme  # noqa: E402
from reader.ui.accessible import missing  # noqa: E402
from reader.ui.notes.dialog import NoteDialog  # noqa: E402
from reader.ui.window.actions import SPECS, MainAction  # noqa: E402
from reader.ui.window.settings_dialog import SettingsDialog  # noqa: E402
from reader.ui.window.shortcuts import ShortcutsDialog, rows  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def window(qtbot, make_window):
    w = make_window()
    v = w.open_path(FIXTURES / "basic.txt")
    with qtbot.waitSignal(v.ready, timeout=10000):
        pass
    return w


def test_the_missing_check_finds_a_control_without_a_name(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    edit, button = QLineEdit(box), QPushButton(box)
    box.show()
    found = missing(box)
    assert "EditableText QLineEdit: no name" in found
    assert "Button QPushButton: no name" in found
    edit.setAccessibleName("Query")
    edit.setAccessibleDescription("What to look for")
    button.setText("Go")
    button.setToolTip("Look for it")
    assert [m for m in missing(box) if "QLineEdit" in m or "QPushButton" in m] == []


def test_every_control_of_the_window_has_a_name_and_a_description(qtbot, window):
    window.action(MainAction.NOTES_PANEL).setChecked(True)
    window.action(MainAction.LIBRARY_PANEL).setChecked(True)
    window.action(MainAction.SEARCH).trigger()
    window.view().finding.open()
    qtbot.waitUntil(lambda: window.search.search_panel is not None and window.notes.panel is not None)
    assert missing(window) == []
    for mode in (MainAction.MODE_INTERLEAVED, MainAction.MODE_ZH):
        window.action(mode).trigger()
        qtbot.waitUntil(lambda: window.view().stack.leader.isVisible())
        assert missing(window) == []


def test_every_menu_and_menu_item_has_a_name_and_every_menu_a_description(window):
    for entry in window.menuBar().actions():
        menu = entry.menu()
        assert menu.accessibleName() and menu.accessibleDescription(), entry.text()
        for action in menu.actions():
            assert action.isSeparator() or action.text().strip(), menu.title()


def test_the_dialogs_name_their_controls(qtbot, window):
    dialogs = [
        SettingsDialog(window.settings, window),
        ShortcutsDialog({id: window.action(id) for id in MainAction}, window),
        NoteDialog("Revenue grew 24%.", "yellow", "", window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert missing(dialog) == [], type(dialog).__name__
        dialog.close()


def test_the_panes_expose_their_text_to_a_screen_reader(window):
    v = window.view()
    for pane, text in ((v.left, v.transcript.paragraphs[2].en), (v.right, v.transcript.paragraphs[2].zh)):
        iface = QAccessible.queryAccessibleInterface(pane)
        assert iface.text(QAccessible.Text.Name) in ("English text", "Chinese text")
        texts = iface.textInterface()
        assert text in texts.text(0, texts.characterCount())


def test_the_panes_say_the_current_paragraph_as_the_status_bar_numbers_it(qtbot, window):
    v = window.view()
    t = v.transcript
    window.action(MainAction.NEXT_TURN).trigger()
    window.action(MainAction.NEXT_TURN).trigger()
    qtbot.waitUntil(lambda: window.shown_number is not None and window.shown_number > 1)
    n, m = window.shown_number, t.calls[0].end - t.calls[0].first
    speaker = t.turns[t.paragraphs[t.calls[0].first + n - 1].turn].speaker
    title = t.speakers[speaker].title
    wanted = f"Paragraph {n} of {m}, {speaker} ({title})"
    assert f"paragraph {n} of {m}" in window.position.text() and speaker in window.position.text()
    for pane in v.panes():
        iface = QAccessible.queryAccessibleInterface(pane)
        assert iface.text(QAccessible.Text.Description) == wanted
    v.go_to_paragraph(t.calls[0].first + 2)
    qtbot.waitUntil(lambda: window.shown_number == 3)
    iface = QAccessible.queryAccessibleInterface(v.active_pane())
    assert iface.text(QAccessible.Text.Description).startswith(f"Paragraph 3 of {m}, ")
    texts = iface.textInterface()
    assert t.paragraphs[t.calls[0].first + 2].en in texts.text(0, texts.characterCount())


def test_keyboard_shortcuts_lists_every_shortcut_of_the_registry(qtbot, window):
    listed = rows({id: window.action(id) for id in MainAction})
    with_keys = [s for s in SPECS if window.action(s.id).shortcuts()]
    assert len(listed) == len(with_keys) >= 30
    assert ("Edit", "Copy as Quote", "Ctrl+Shift+C") in listed
    assert ("Go", "Go to Q&A", "Ctrl+J") in listed
    assert any(c == "Zoom In" and "Ctrl+=" in k for _, c, k in listed)  # every key of a command
    window.action(MainAction.SHORTCUTS).trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    qtbot.addWidget(dialog)
    items = sum(dialog.tree.topLevelItem(i).childCount() for i in range(dialog.tree.topLevelItemCount()))
    assert items == len(listed)
    assert window.action(MainAction.SHORTCUTS) in window.menus["help"].actions()


# --- the High Contrast theme --------------------------------------------------------------------


def luminance(c: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def ratio(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def high_contrast_ratios() -> dict[str, float]:
    """Every pairing the High Contrast theme paints: the name says what on what."""
    p = theme.high_contrast_palette()
    c = theme.colours(p)
    role = p.ColorRole
    out = {
        "body text": ratio(p.color(role.Text), p.color(role.Base)),
        "window text": ratio(p.color(role.WindowText), p.color(role.Window)),
        "button text": ratio(p.color(role.ButtonText), p.color(role.Button)),
        "tooltip text": ratio(p.color(role.ToolTipText), p.color(role.ToolTipBase)),
        "placeholder text": ratio(p.color(role.PlaceholderText), p.color(role.Base)),
        "disabled text": ratio(p.color(p.ColorGroup.Disabled, role.Text), p.color(role.Base)),
        "selection": ratio(p.color(role.HighlightedText), p.color(role.Highlight)),
        "link": ratio(p.color(role.Link), p.color(role.Base)),
        "secondary text": ratio(c.quiet, p.color(role.Base)),
        "missing translation": ratio(c.gap, p.color(role.Base)),
        "mismatch": ratio(c.mismatch, c.mismatch_background),
    }
    for kind, colour in c.figures.items():
        out[f"figure {kind}"] = ratio(colour, p.color(role.Base))
    for r, colour in c.roles.items():
        out[f"speaker {r.value}"] = ratio(colour, p.color(role.Base))
    marks = {"find": c.find, "current find": c.find_current, "counterpart": c.counterpart}
    marks |= {f"{name} highlight": colour for name, colour in c.highlights.items()}
    for name, background in marks.items():
        assert background.alpha() == 255, name  # opaque: the ratio is what is seen
        out[f"text on {name}"] = ratio(p.color(role.Text), background)
        worst = min(ratio(colour, background) for colour in c.figures.values())
        out[f"figures on {name} (lowest)"] = worst
    return out


def test_high_contrast_reads_at_7_to_1_and_its_colours_at_4_5_to_1():
    ratios = high_contrast_ratios()
    body = ("body text", "window text", "button text", "tooltip text", "selection")
    for name, value in ratios.items():
        assert value >= (7.0 if name in body or name.startswith("text on") else 4.5), (name, value)
    assert ratios["body text"] == pytest.approx(21.0)


def test_high_contrast_is_a_theme_of_the_preferences_and_paints_the_panes(qtbot, window, qapp):
    style, palette = qapp.style().name(), qapp.palette()
    try:
        dialog = SettingsDialog(window.settings, window)
        qtbot.addWidget(dialog)
        dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
        assert dialog.theme.currentText() == "High Contrast"
        dialog.accept()
        assert window.settings.get(config.THEME) == "high-contrast"
        assert theme.is_high_contrast(qapp.palette())
        assert "QMenu" in qapp.styleSheet()  # a menu's frame shows on black
        v = window.view()
        qtbot.waitUntil(lambda: theme.is_high_contrast(v.palette()))
        c = theme.colours(v.palette())
        assert c.roles[Role.MANAGEMENT] == QColor("#80c0ff")
        theme.apply_scheme("light")
        assert not theme.is_high_contrast(qapp.palette()) and not theme.is_dark(qapp.palette())
        assert qapp.styleSheet() == ""
    finally:
        theme.apply_scheme("system")
        QApplication.setStyle(style)
        qapp.setPalette(palette)
