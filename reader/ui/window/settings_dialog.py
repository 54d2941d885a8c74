"""Preferences: interface language, theme, reading font, figure highlighting, and whether the
last session's tabs come back at start.

The dialog shows the current settings and writes them through `Settings.set` only when accepted;
it then emits `changed` with the keys of the options whose value changed (never an empty set).
The theme and the interface language are applied here at once (the language by installing its
translators: every widget then sets its texts again); the font is applied by whoever listens to
`changed` (the main window).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..accessible import describe, describe_buttons
from ..config import FIGURES, FONT_FAMILY, FONT_SIZE, LANGUAGE, RESTORE_SESSION, THEME, Option, Settings
from ..theme import apply_scheme

MIN_FONT_SIZE = 6
MAX_FONT_SIZE = 72


class _SizeBox(QSpinBox):
    """A point size, or 0 shown as "Default"; the step from Default goes straight to the smallest
    size, and back."""

    def stepBy(self, steps: int) -> None:
        if self.value() == 0 and steps > 0:
            self.setValue(MIN_FONT_SIZE + steps - 1)
        elif 0 < self.value() + steps < MIN_FONT_SIZE:
            self.setValue(0 if steps < 0 else MIN_FONT_SIZE)
        else:
            super().stepBy(steps)


class SettingsDialog(QDialog):
    changed = Signal(object)  # a set of the Option.key strings whose value changed

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))

        self.language = QComboBox()
        # The languages' names are written in their own language: whoever reads one can find it.
        for text, value in ((self.tr("Follow system"), "system"), ("English", "en"), ("繁體中文", "zh_TW")):
            self.language.addItem(text, value)

        self.theme = QComboBox()
        for text, value in (
            (self.tr("Follow system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
            (self.tr("High Contrast"), "high-contrast"),
        ):
            self.theme.addItem(text, value)

        self.default_font = QCheckBox(self.tr("Default"))
        self.default_font.setToolTip(self.tr("Use the system's font for the transcript"))
        self.font_family = QFontComboBox()
        self.font_family.setEditable(False)
        self.default_font.toggled.connect(lambda on: self.font_family.setEnabled(not on))
        self.font_size = _SizeBox()
        self.font_size.setRange(0, MAX_FONT_SIZE)
        self.font_size.setSpecialValueText(self.tr("Default"))
        self.font_size.setSuffix(self.tr(" pt"))
        font_row = QHBoxLayout()
        font_row.setContentsMargins(0, 0, 0, 0)
        font_row.addWidget(self.default_font)
        font_row.addWidget(self.font_family, 1)
        font_row.addWidget(self.font_size)

        self.figures = QCheckBox(self.tr("Highlight figures"))
        self.figures.setToolTip(
            self.tr("Colour amounts, percentages and dates, and flag figures that differ between languages")
        )

        self.restore_session = QCheckBox(self.tr("Reopen the last session's transcripts at start"))
        self.restore_session.setToolTip(
            self.tr("The tabs open when the app was closed come back, each at its place and in its mode")
        )

        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Reading font:"), font_row)
        form.addRow("", self.figures)
        form.addRow("", self.restore_session)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.setAccessibleDescription(self.tr("The interface language, theme, reading font and figures"))
        describe(self.language, self.tr("Interface language"), self.tr("The language of menus and dialogs"))
        describe(self.theme, self.tr("Theme"), self.tr("Light, dark, high contrast, or as the system is"))
        describe(self.font_family, self.tr("Reading font"), self.tr("The font the transcript is shown in"))
        describe(self.font_size, self.tr("Font size"), self.tr("The transcript's size in points"))
        std = QDialogButtonBox.StandardButton
        describe_buttons(
            self.buttons,
            {std.Ok: self.tr("Apply the changes"), std.Cancel: self.tr("Close, changing nothing")},
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._load()

    def _load(self) -> None:
        s = self.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.get(LANGUAGE))))
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.get(THEME))))
        family = s.get(FONT_FAMILY)
        self.default_font.setChecked(not family)
        self.font_family.setEnabled(bool(family))
        self.font_family.setCurrentFont(QFont(family) if family else self.font())
        # The combo box shows the nearest family it has; the stored one stays unless another is chosen
        # (a font that is not installed here is not replaced by a look-alike behind the user's back).
        self._family = family or self.font_family.currentFont().family()
        self.font_family.currentFontChanged.connect(self._font_chosen)
        self.font_size.setValue(min(max(s.get(FONT_SIZE), 0), MAX_FONT_SIZE))
        self.figures.setChecked(s.get(FIGURES))
        self.restore_session.setChecked(s.get(RESTORE_SESSION))

    def _font_chosen(self, font: QFont) -> None:
        self._family = font.family()

    def values(self) -> dict[Option, object]:
        """The value of every option as the dialog shows it now."""
        size = self.font_size.value()
        return {
            LANGUAGE: self.language.currentData(),
            THEME: self.theme.currentData(),
            FONT_FAMILY: "" if self.default_font.isChecked() else self._family,
            FONT_SIZE: 0 if size <= 0 else max(size, MIN_FONT_SIZE),
            FIGURES: self.figures.isChecked(),
            RESTORE_SESSION: self.restore_session.isChecked(),
        }

    def accept(self) -> None:
        changed = set()
        for option, value in self.values().items():
            if self.settings.get(option) != value:
                self.settings.set(option, value)
                changed.add(option.key)
        super().accept()
        if THEME.key in changed:
            apply_scheme(self.settings.get(THEME))
        app = QCoreApplication.instance()
        if LANGUAGE.key in changed and app is not None:
            i18n.install_translators(app, self.settings.get(LANGUAGE))
        if changed:
            self.changed.emit(changed)
