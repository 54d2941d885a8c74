"""Issue 24: the notes and search panels' items stay readable selected and not, in the light, the
dark and the high-contrast theme: every text colour they draw against what it is drawn on, at
WCAG 2's 4.5:1 for text at least. A selected note was white on its pale green highlight."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from test_accessible import ratio  # noqa: E402  (WCAG 2 contrast, as the High Contrast checks measure it)

from reader.core.model import Role  # noqa: E402
from reader.ui import theme  # noqa: E402
from reader.ui.widgets.html_delegate import HTML_ROLE, blend, tint_selection  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
AA = 4.5


def palettes(app: QApplication) -> dict[str, QPalette]:
    return {
        "light": app.style().standardPalette(),
        "dark": theme.dark_palette(),
        "high contrast": theme.high_contrast_palette(),
    }


@pytest.fixture
def restore_palette(qapp):
    palette = qapp.palette()
    yield qapp
    qapp.setPalette(palette)


@pytest.mark.parametrize("name", ["light", "dark", "high contrast"])
def test_every_text_colour_of_the_panels_reads_on_the_selection_and_on_the_base(qtbot, restore_palette, name):
    app = restore_palette
    app.setPalette(palettes(app)[name])
    from PySide6.QtWidgets import QTreeWidget

    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tint_selection(tree)
    pal, c = tree.palette(), theme.colours(app.palette())
    base = pal.color(QPalette.ColorRole.Base)
    selected = pal.color(QPalette.ColorRole.Highlight)
    text = pal.color(QPalette.ColorRole.HighlightedText)
    assert text == pal.color(QPalette.ColorRole.Text)  # a selected item keeps its own colours
    low = {}
    for what, colour in {
        "text": text,
        "quiet": c.quiet,
        **{f"speaker ({role.value})": c.roles[role] for role in Role},
    }.items():
        for under, background in (("selected", selected), ("not selected", base)):
            low[f"{what}, {under}"] = ratio(colour, background)
    for note_colour, mark in c.highlights.items():  # a note's quote on its highlight
        low[f"text on a {note_colour} note"] = ratio(text, blend(mark, base))
    assert {k: round(v, 2) for k, v in low.items() if v < AA} == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_selected_note_in_the_notes_panel_keeps_dark_on_light_or_light_on_dark(
    qtbot, make_window, restore_palette, scheme
):
    from reader.ui.notes.panel import NOTE
    from reader.ui.view.note_marks import Passage

    theme.apply_scheme(scheme)
    try:
        window = make_window()
        view = window.open_path(FIXTURES / "basic.txt")
        with qtbot.waitSignal(view.ready, timeout=10000):
            pass
        qtbot.waitUntil(
            lambda: window.notes.service.is_open and view.note_marks.pending is None, timeout=10000
        )
        p = next(p for p in view.transcript.paragraphs if p.en)
        assert view.note_marks.add(Passage(p.index, "en", 0, min(len(p.en), 20)), "green", "check")
        panel = window.notes.show_panel()
        qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=5000)
        item = next(
            panel.tree.topLevelItem(i)
            for i in range(panel.tree.topLevelItemCount())
            if panel.tree.topLevelItem(i).data(0, NOTE) is not None
        )
        panel.tree.setCurrentItem(item)
        pal, c = panel.tree.palette(), theme.colours(QApplication.palette())
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.HighlightedText)
        mark = blend(c.highlights["green"], base)
        assert mark.name() in item.data(0, HTML_ROLE)  # the highlight as painted on the panel
        assert ratio(text, mark) >= AA and ratio(text, pal.color(QPalette.ColorRole.Highlight)) >= AA
    finally:
        theme.apply_scheme("system")
