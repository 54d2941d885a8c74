"""Colours of the reading panes, in a light, a dark and a high-contrast set, and the theme choice.

The panes draw speaker headers, figures, flags and marks in colours that must read on either
background; everything that paints asks `colours()` for the set matching the palette in use.
The high-contrast theme is white on black with a yellow selection, every colour opaque: its
contrast ratios (WCAG 2) are checked in tests/test_theme.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ..core.model import Role

FIGURE_KINDS = ("money", "percent", "quantity", "number", "period")


@dataclass(frozen=True)
class Colours:
    """The colours the panes paint with, for one palette (light or dark)."""

    roles: dict[Role, QColor]
    figures: dict[str, QColor]  # foreground per figure kind
    figure_background: QColor
    mismatch: QColor  # flag and underline of figures that disagree
    mismatch_background: QColor
    gap: QColor  # the marker of a missing translation
    quiet: QColor  # disclaimer, titles, secondary text
    counterpart: QColor  # background of the hovered paragraph's counterpart
    find: QColor  # every find match
    find_current: QColor  # the current find match
    highlights: dict[str, QColor]  # a note's highlight, by its colour name (core.notes.COLORS)
    highlight_marker: dict[str, QColor]  # the same colours, solid: gutter markers, swatches


_LIGHT = Colours(
    roles={  # each at least 4.5:1 (WCAG 2) on white and on a selected item (tests/test_selection_contrast.py)
        Role.OPERATOR: QColor("#5b6270"),
        Role.MANAGEMENT: QColor("#1d4ed8"),
        Role.ANALYST: QColor("#9a4508"),
        Role.UNKNOWN: QColor("#4b5563"),
    },
    figures={
        "money": QColor("#047857"),
        "percent": QColor("#7c3aed"),
        "quantity": QColor("#0e7490"),
        "number": QColor("#374151"),
        "period": QColor("#be185d"),
    },
    figure_background=QColor(0, 0, 0, 14),
    mismatch=QColor("#dc2626"),
    mismatch_background=QColor(220, 38, 38, 22),
    gap=QColor("#b91c1c"),
    quiet=QColor("#5b6270"),
    counterpart=QColor(250, 204, 21, 60),
    find=QColor(250, 204, 21, 150),
    find_current=QColor(249, 115, 22, 200),
    highlights={
        "yellow": QColor(253, 224, 71, 150),
        "green": QColor(134, 239, 172, 150),
        "blue": QColor(147, 197, 253, 150),
        "pink": QColor(249, 168, 212, 150),
        "purple": QColor(196, 181, 253, 150),
    },
    highlight_marker={
        "yellow": QColor("#eab308"),
        "green": QColor("#16a34a"),
        "blue": QColor("#2563eb"),
        "pink": QColor("#db2777"),
        "purple": QColor("#7c3aed"),
    },
)

_DARK = Colours(
    roles={
        Role.OPERATOR: QColor("#9ca3af"),
        Role.MANAGEMENT: QColor("#93c5fd"),
        Role.ANALYST: QColor("#fbbf24"),
        Role.UNKNOWN: QColor("#d1d5db"),
    },
    figures={
        "money": QColor("#6ee7b7"),
        "percent": QColor("#c4b5fd"),
        "quantity": QColor("#67e8f9"),
        "number": QColor("#e5e7eb"),
        "period": QColor("#f9a8d4"),
    },
    figure_background=QColor(255, 255, 255, 20),
    mismatch=QColor("#f87171"),
    mismatch_background=QColor(248, 113, 113, 40),
    gap=QColor("#fca5a5"),
    quiet=QColor("#9ca3af"),
    counterpart=QColor(250, 204, 21, 45),
    find=QColor(202, 138, 4, 150),
    find_current=QColor(234, 88, 12, 220),
    highlights={
        "yellow": QColor(202, 138, 4, 110),
        "green": QColor(22, 163, 74, 110),
        "blue": QColor(37, 99, 235, 120),
        "pink": QColor(219, 39, 119, 110),
        "purple": QColor(124, 58, 237, 120),
    },
    highlight_marker={
        "yellow": QColor("#facc15"),
        "green": QColor("#4ade80"),
        "blue": QColor("#60a5fa"),
        "pink": QColor("#f472b6"),
        "purple": QColor("#a78bfa"),
    },
)

_HIGH_CONTRAST = Colours(
    roles={
        Role.OPERATOR: QColor("#d0d0d0"),
        Role.MANAGEMENT: QColor("#80c0ff"),
        Role.ANALYST: QColor("#ffd24d"),
        Role.UNKNOWN: QColor("#ffffff"),
    },
    figures={
        "money": QColor("#66ff66"),
        "percent": QColor("#ff9cff"),
        "quantity": QColor("#00e5ff"),
        "number": QColor("#ffffff"),
        "period": QColor("#ffc04d"),
    },
    figure_background=QColor(0, 0, 0, 0),  # none: figures stand out by colour alone
    mismatch=QColor("#ff8080"),
    mismatch_background=QColor("#3a0000"),
    gap=QColor("#ff8080"),
    quiet=QColor("#c8c8c8"),
    counterpart=QColor("#1f3a5f"),
    find=QColor("#5c4b00"),
    find_current=QColor("#8a3000"),
    highlights={
        "yellow": QColor("#5c4b00"),
        "green": QColor("#00502a"),
        "blue": QColor("#0a3a8a"),
        "pink": QColor("#7a1048"),
        "purple": QColor("#4b1f8f"),
    },
    highlight_marker={
        "yellow": QColor("#ffff00"),
        "green": QColor("#33ff66"),
        "blue": QColor("#66b3ff"),
        "pink": QColor("#ff66c4"),
        "purple": QColor("#c49cff"),
    },
)

HIGH_CONTRAST_PALETTE = {
    "Window": "#000000",
    "WindowText": "#ffffff",
    "Base": "#000000",
    "AlternateBase": "#141414",
    "ToolTipBase": "#000000",
    "ToolTipText": "#ffffff",
    "PlaceholderText": "#c8c8c8",
    "Text": "#ffffff",
    "Button": "#000000",
    "ButtonText": "#ffffff",
    "BrightText": "#ffff00",
    "Light": "#ffffff",
    "Midlight": "#c8c8c8",
    "Mid": "#808080",
    "Dark": "#c8c8c8",
    "Shadow": "#ffffff",
    "Highlight": "#ffff00",
    "HighlightedText": "#000000",
    "Link": "#00ffff",
    "LinkVisited": "#ff9cff",
}
"""The high-contrast palette by colour role: white on black, a yellow selection, light frames."""
HIGH_CONTRAST_DISABLED = "#a0a0a0"  # disabled text: dimmer, still 8:1 on black
# Fusion draws a popup's frame, and a check box's, a shade darker than the window: none on black.
# White frames show where a menu or a tooltip ends and where a box is; a checked box is yellow.
HIGH_CONTRAST_STYLE = """
QMenu, QToolTip { border: 1px solid #ffffff; }
QCheckBox::indicator, QRadioButton::indicator {
    width: 12px; height: 12px; border: 2px solid #ffffff; background: #000000;
}
QRadioButton::indicator { border-radius: 8px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: #ffff00; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #a0a0a0; }
"""


def high_contrast_palette() -> QPalette:
    p = QPalette()
    for name, colour in HIGH_CONTRAST_PALETTE.items():
        p.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(HIGH_CONTRAST_DISABLED))
    return p


def is_high_contrast(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return all(
        palette.color(getattr(QPalette.ColorRole, role)) == QColor(HIGH_CONTRAST_PALETTE[role])
        for role in ("Base", "Text", "Highlight")
    )


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colours(palette: QPalette | None = None) -> Colours:
    if is_high_contrast(palette):
        return _HIGH_CONTRAST
    return _DARK if is_dark(palette) else _LIGHT


def print_colours() -> Colours:
    """The colours of a printout: the light set, dark ink for white paper."""
    return _LIGHT


def dark_palette() -> QPalette:
    """A dark palette for Fusion: used when the user asks for dark, or the system is dark but its
    platform theme gives Qt no dark palette of its own (plain X11, Xvfb)."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#1f2126"),
        (roles.WindowText, "#e5e7eb"),
        (roles.Base, "#16181c"),
        (roles.AlternateBase, "#23262c"),
        (roles.ToolTipBase, "#2b2e35"),
        (roles.ToolTipText, "#f3f4f6"),
        (roles.PlaceholderText, "#8b9099"),
        (roles.Text, "#e5e7eb"),
        (roles.Button, "#2a2d33"),
        (roles.ButtonText, "#e5e7eb"),
        (roles.BrightText, "#ffffff"),
        (roles.Light, "#3a3d44"),
        (roles.Midlight, "#32353b"),
        (roles.Mid, "#25282d"),
        (roles.Dark, "#111316"),
        (roles.Shadow, "#000000"),
        (roles.Highlight, "#2f6fdb"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#7fb0ff"),
        (roles.LinkVisited, "#c4a5ff"),
    ):
        p.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7280"))
    return p


_own_palette = False  # the application's palette is `dark_palette()`, set by `apply_scheme`


def apply_scheme(choice: str) -> None:
    """Follow the system ("system") or force "light", "dark" or "high-contrast" for the whole
    application.

    The style hint tells the platform theme; where that theme has no dark palette of its own
    (the palette stays light), the app sets its dark palette on the Fusion style. High contrast
    is the app's own palette on Fusion everywhere. Following the system with no palette of the
    app's own to undo, the palette is left alone (a platform theme's palette stays as it is)."""
    global _own_palette

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = app.styleHints()
    wanted = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
        "high-contrast": Qt.ColorScheme.Dark,
    }
    hints.setColorScheme(wanted.get(choice, Qt.ColorScheme.Unknown))
    if choice == "high-contrast":
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(HIGH_CONTRAST_STYLE)
        _own_palette = True
        return
    if app.styleSheet() == HIGH_CONTRAST_STYLE:
        app.setStyleSheet("")
    dark = hints.colorScheme() == Qt.ColorScheme.Dark if choice not in wanted else choice == "dark"
    if dark and not is_dark(app.style().standardPalette()):
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
        _own_palette = True
    elif _own_palette or choice == "light":
        app.setPalette(app.style().standardPalette())
        _own_palette = False
