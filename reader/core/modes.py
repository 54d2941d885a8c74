"""The four ways a transcript is shown, named once for the settings, the view and the command line."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    EN = "en"  # English only
    ZH = "zh"  # Chinese only
    SIDE = "side"  # English and Chinese side by side, pair for pair
    INTERLEAVED = "interleaved"  # each Chinese paragraph under its English one

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents this mode shows, one per pane: "en", "zh" or "interleaved"."""
        return _DOCUMENTS[self]


_DOCUMENTS = {
    Mode.EN: ("en",),
    Mode.ZH: ("zh",),
    Mode.SIDE: ("en", "zh"),
    Mode.INTERLEAVED: ("interleaved",),
}
