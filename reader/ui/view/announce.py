"""What a screen reader learns of the reader's place: each pane's accessible description says the
current paragraph ("Paragraph 14 of 133, Raymond Kwok (Chief Financial Officer)", numbered as the
status bar numbers it, from 1 within the call), and a DescriptionChanged event tells the
accessibility bridge (AT-SPI on Linux) so that it is heard when the reader goes somewhere.

The panes' text itself is read through QTextEdit's own accessible text interface.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent

from ...core.model import Transcript
from .host import ViewHost
from .pane import ACCESSIBLE, Pane


def place_text(t: Transcript, paragraph: int) -> str:
    """The place as said: "Paragraph n of m, Speaker (Title)" for paragraph `paragraph` of the
    file (0-based), n and m counted within its call from 1; the call too when the file has several."""
    p = t.paragraphs[paragraph]
    call = t.calls[p.call]
    out = QCoreApplication.translate("Announce", "Paragraph {n} of {m}").format(
        n=paragraph - call.first + 1, m=call.end - call.first
    )
    name = t.turns[p.turn].speaker
    speaker = t.speakers.get(name) if name else None
    if name:
        out += f", {name}" + (f" ({speaker.title})" if speaker is not None and speaker.title else "")
    if len(t.calls) > 1:
        out += ", " + QCoreApplication.translate("Announce", "call {n} of {m}").format(
            n=p.call + 1, m=len(t.calls)
        )
    return out


def base_description(pane: Pane) -> str:
    """What a pane is, said before any place is (and after its transcript goes)."""
    entry = ACCESSIBLE.get(pane.objectName())
    return QCoreApplication.translate("Pane", entry[1]) if entry is not None else ""


class PlaceAnnouncer(QObject):
    """Follows a view's place (`say` is connected to its positionChanged) into its panes'
    accessible descriptions."""

    def __init__(self, view: ViewHost, parent: QObject) -> None:
        super().__init__(parent)
        self.view = view
        self.said = ""

    def say(self, paragraph: int) -> None:
        t = self.view.transcript
        text = place_text(t, paragraph) if t is not None and 0 <= paragraph < len(t.paragraphs) else ""
        if text == self.said:
            return
        self.said = text
        for pane in self.view.panes():
            pane.setAccessibleDescription(text or base_description(pane))
            # Tell the accessibility bridge (AT-SPI), which reads descriptions when told they changed.
            QAccessible.updateAccessibility(QAccessibleEvent(pane, QAccessible.Event.DescriptionChanged))
