"""What to print, asked before Print and Export PDF: the view, the whole call or its Q&A, every
speaker or one, with or without highlights and notes, or only the passages that have them. It
opens on what the reader sees (the view's mode and speaker filter)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Transcript
from ...core.modes import Mode
from ...core.printing import PrintOptions
from ..accessible import describe, describe_buttons


class PrintOptionsDialog(QDialog):
    def __init__(self, t: Transcript, shown: PrintOptions, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleDescription(self.tr("What to print: the view, the part of the call, the notes"))
        self.calls = shown.calls
        self.mode = QComboBox()
        names = {
            Mode.SIDE: self.tr("Side by side"),
            Mode.INTERLEAVED: self.tr("Interleaved"),
            Mode.EN: self.tr("English only"),
            Mode.ZH: self.tr("Chinese only"),
        }
        for mode, name in names.items():
            if mode is Mode.EN or "zh" in t.languages:
                self.mode.addItem(name, mode.value)
        self.mode.setCurrentIndex(max(0, self.mode.findData(shown.mode.value)))
        self.part = QComboBox()
        self.part.addItem(self.tr("The whole call"), False)
        if any(c.qa_start is not None for c in t.calls):
            self.part.addItem(self.tr("Questions and answers only"), True)
        self.part.setCurrentIndex(1 if shown.qa_only and self.part.count() > 1 else 0)
        self.speaker = QComboBox()
        self.speaker.addItem(self.tr("Every speaker"), "")
        for name in t.speakers:
            self.speaker.addItem(name, name)
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(shown.speaker or "")))
        self.notes = QCheckBox(self.tr("Highlights and notes"))
        self.notes.setChecked(shown.notes)
        self.only_noted = QCheckBox(self.tr("Only the passages with a highlight or note"))
        self.only_noted.setChecked(shown.only_noted)
        self.only_noted.toggled.connect(self._only_noted)
        self.notes.toggled.connect(self._notes)

        describe(self.mode, self.tr("View"), self.tr("How the languages are laid out on the page"))
        describe(self.part, self.tr("Part of the call"), self.tr("The whole call, or its Q&A only"))
        describe(self.speaker, self.tr("Speaker"), self.tr("Every speaker's turns, or one speaker's only"))
        self.notes.setToolTip(self.tr("Print highlights in their colour and each note under its passage"))
        self.only_noted.setToolTip(self.tr("Leave out every paragraph without a highlight or note"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        std = QDialogButtonBox.StandardButton
        describe_buttons(buttons, {std.Ok: self.tr("Go on to print"), std.Cancel: self.tr("Print nothing")})

        form = QFormLayout()
        form.addRow(self.tr("View:"), self.mode)
        form.addRow(self.tr("Print:"), self.part)
        form.addRow(self.tr("Speaker:"), self.speaker)
        form.addRow("", self.notes)
        form.addRow("", self.only_noted)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _only_noted(self, on: bool) -> None:
        if on:  # the passages with notes, printed without their notes, would say nothing
            self.notes.setChecked(True)

    def _notes(self, on: bool) -> None:
        if not on:
            self.only_noted.setChecked(False)

    def options(self) -> PrintOptions:
        return PrintOptions(
            mode=Mode(self.mode.currentData()),
            calls=self.calls,
            qa_only=bool(self.part.currentData()),
            speaker=self.speaker.currentData() or None,
            notes=self.notes.isChecked(),
            only_noted=self.only_noted.isChecked(),
        )
