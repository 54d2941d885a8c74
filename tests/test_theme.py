"""The light/dark choice: the app's dark palette is set where the platform has none, and undone."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.ui import theme  # noqa: E402


@pytest.fixture
def restore_style(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    yield qapp
    theme.apply_scheme("system")
    QApplication.setStyle(style)
    qapp.setPalette(palette)


def test_dark_is_set_and_undone_by_light_or_by_following_the_system(restore_style):
    app = restore_style
    theme.apply_scheme("system")  # offscreen, the system is light: nothing of the app's to set
    assert not theme.is_dark(app.palette())
    theme.apply_scheme("dark")
    assert theme.is_dark(app.palette())
    theme.apply_scheme("system")  # back to the system's (light) palette
    assert not theme.is_dark(app.palette())
    theme.apply_scheme("dark")
    theme.apply_scheme("light")
    assert not theme.is_dark(app.palette())


def test_following_the_system_leaves_a_palette_it_did_not_set(restore_style):
    app = restore_style
    palette = app.palette()
    palette.setColor(palette.ColorRole.Window, palette.color(palette.ColorRole.Window).darker(101))
    app.setPalette(palette)  # e.g. the platform theme's
    theme.apply_scheme("system")
    assert app.palette().color(palette.ColorRole.Window) == palette.color(palette.ColorRole.Window)


def figure_colours(view) -> dict:
    """Each shown document's figure colour for money, as its highlighter paints it."""
    return {name: hl._formats["money"].foreground().color().name() for name, hl in view.highlighters.items()}


@pytest.mark.parametrize("first, then", [("dark", "light"), ("light", "dark")])
def test_a_theme_switched_while_running_recolours_every_pane_and_the_panel(
    restore_style, qtbot, make_window, first, then
):
    from pathlib import Path

    window = make_window()
    theme.apply_scheme(first)
    view = window.open_path(Path(__file__).parent / "fixtures" / "basic.txt")
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    theme.apply_scheme(then)
    wanted = theme.colours(QApplication.palette()).figures["money"].name()
    qtbot.waitUntil(
        lambda: set(view.highlighters) == {"en", "zh"} and set(figure_colours(view).values()) == {wanted},
        timeout=10000,
    )
    title = window.panel.title
    assert title.styleSheet() == "" and title.font().bold()  # a style sheet kept the old colour
    assert title.palette().windowText().color() == QApplication.palette().windowText().color()
