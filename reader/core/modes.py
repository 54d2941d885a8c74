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


def modes_for(languages: list[str]) -> tuple[Mode, ...]:
    """The modes that make sense for a transcript in these languages: both, or only its own."""
    if "en" in languages and "zh" in languages:
        return tuple(Mode)
    return (Mode.ZH,) if "zh" in languages else (Mode.EN,)


def fitting(mode: Mode, languages: list[str]) -> Mode:
    """`mode`, or the one mode a one-language transcript has."""
    allowed = modes_for(languages)
    return mode if mode in allowed else allowed[0]
