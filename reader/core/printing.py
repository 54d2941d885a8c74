"""What a printout is asked for: the options, the highlights and notes on it, and its colours.

Plain data, apart from `printout` (which lays a call out and needs the figure lexers), so that the
window can say what to print without importing them at its start.
"""

from __future__ import annotations

from dataclasses import dataclass

from .modes import Mode


@dataclass(frozen=True)
class PrintOptions:
    mode: Mode = Mode.SIDE
    calls: tuple[int, ...] | None = None  # None: every call of the file
    qa_only: bool = False
    speaker: str | None = None  # only this speaker's turns
    notes: bool = True  # highlights and notes printed
    only_noted: bool = False  # only the paragraphs with a highlight or note


@dataclass(frozen=True)
class Mark:
    """A highlight (with a note when `text` is not empty) on characters start:end of one
    paragraph's text in one language."""

    paragraph: int
    lang: str
    start: int
    end: int
    color: str
    text: str = ""


@dataclass(frozen=True)
class Ink:
    """The colours of the printout, as #rrggbb (a light, print-friendly set)."""

    roles: dict[str, str]
    figures: dict[str, str]
    mismatch: str
    quiet: str
    gap: str
    highlights: dict[str, str]
    note_background: str = "#f3f4f6"
    text: str = "#000000"
