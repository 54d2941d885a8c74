"""The transcript model: what a parsed file holds. Plain data, no Qt, no I/O.

Indices are 0-based and global to the file: a file with several calls numbers its paragraphs
and turns straight through, and each :class:`Call` says which range is its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    OPERATOR = "operator"
    MANAGEMENT = "management"
    ANALYST = "analyst"
    UNKNOWN = "unknown"  # a turn with no speaker line before it


class Section(StrEnum):
    PREPARED = "prepared"
    QA = "qa"


@dataclass
class Speaker:
    """One person (or the operator) as the file names them; stats filled in by the parser."""

    name: str
    title: str
    role: Role
    firm: str | None = None  # an analyst's firm, from the operator's announcement
    title_zh: str | None = None  # the title as the Chinese speaker line translates it
    turns: int = 0
    words: int = 0  # English words spoken (all calls)
    words_by_section: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Paragraph:
    """One content paragraph: an English line and its Chinese line (either may be missing)."""

    index: int
    en: str | None
    zh: str | None
    turn: int  # index into Transcript.turns
    call: int  # index into Transcript.calls
    section: Section
    line: int  # 1-based line in the decoded file of its first line
    key: str = ""  # stable across re-encoding, moves and edits elsewhere in the file

    @property
    def text(self) -> str:
        """The text that identifies this paragraph: English if present, else Chinese."""
        return self.en if self.en is not None else (self.zh or "")


@dataclass(slots=True)
class Turn:
    """A speaker turn: a speaker line and the paragraphs up to the next one."""

    index: int
    speaker: str  # Speaker.name; "" when the file starts without a speaker line
    call: int
    line: int  # 1-based line of the speaker line (of the first paragraph when there is none)
    first: int  # first paragraph index
    end: int  # one past the last paragraph index (first == end: a turn with no text)

    @property
    def paragraphs(self) -> range:
        return range(self.first, self.end)


@dataclass
class Exchange:
    """One question in the Q&A: who asked (an analyst, or the operator reading a submitted
    question) and who answered."""

    call: int
    asker: str
    firm: str | None
    submitted: bool  # read out by the operator on someone's behalf
    first: int  # first paragraph of the question
    end: int  # one past the last paragraph of the answers
    answerers: list[str] = field(default_factory=list)


@dataclass
class Call:
    """One earnings call. Most files hold one; pasted files may hold several."""

    index: int
    company: str | None
    period: str | None  # normalised, e.g. "Q2 2024", "FY2024", "H1 2024"
    first_turn: int
    end_turn: int
    first: int  # first paragraph index
    end: int  # one past the last paragraph index
    qa_start: int | None  # paragraph index where the Q&A begins
    title: str | None = None  # the title line the source gives the call (a page's, a report's)
    summary: list[str] = field(default_factory=list)  # a summary the source puts before the text


@dataclass
class Transcript:
    """A parsed transcript file."""

    encoding: str
    languages: list[str]
    header: str | None  # the machine-translation disclaimer, metadata not a paragraph
    paragraphs: list[Paragraph]
    turns: list[Turn]
    speakers: dict[str, Speaker]  # by name, in order of first appearance
    calls: list[Call]
    exchanges: list[Exchange]
    fingerprint: str
    warnings: list[str] = field(default_factory=list)
    layout: str = "statementdog"  # which source layout the text was read as (reader.core.layouts)

    @property
    def qa_start(self) -> int | None:
        """Where the first Q&A of the file begins (paragraph index), or None."""
        return next((c.qa_start for c in self.calls if c.qa_start is not None), None)

    def speaker_of(self, paragraph: Paragraph) -> Speaker | None:
        return self.speakers.get(self.turns[paragraph.turn].speaker)
