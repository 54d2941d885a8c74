"""What the notes store holds, as plain data the window, the CLI and the exports share.

A note belongs to a document *fingerprint*, never to a path, and points into it through an
:class:`Anchor` that can be found again after the file changes (see :mod:`.anchors`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from ..errors import TranscriptError

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
"""The five highlight colours, in menu order; the first is the default."""

DEFAULT_COLOR = COLORS[0]

LANGS: tuple[str, ...] = ("en", "zh")


class Status(StrEnum):
    """Where a note stands after its document was last (re)opened."""

    ATTACHED = "attached"  # same paragraph, the quote at the same offsets
    REANCHORED = "reanchored"  # found again elsewhere: by its context or a fuzzy match
    ORPHAN = "orphan"  # its passage is gone; kept with its quote until the user acts


class NotesError(TranscriptError):
    """Base of the notes errors: a one-line reason a user can read (exit 2 in the CLI)."""


class StoreError(NotesError):
    """The store cannot be opened or written (locked too long, unwritable folder...)."""


class StoreBusyError(StoreError):
    """Other programs kept the store locked for longer than a write waits (60 s, :mod:`.turns`)
    or a read waits (the busy timeout)."""


class NewerStoreError(StoreError):
    """The store was written by a newer version of the app: left untouched, never downgraded."""


class NoteNotFoundError(NotesError):
    """No note (or no document) with that id."""


class AnchorError(NotesError):
    """A passage cannot be anchored: no such paragraph, language or quote."""


class NotesImportError(NotesError):
    """A file given to import is not a notes export this version understands."""


@dataclass(frozen=True)
class Restored:
    """What was recovered from a damaged store into the new one (:mod:`.salvage`)."""

    notes: int  # live notes
    deleted: int  # notes that were deleted (kept for undo) when the store was damaged
    documents: int
    missing: int  # notes the damaged store held that could not be read
    partial: int = 0  # notes recovered in part only (their text cut where a page was lost)


def now_iso() -> str:
    """The current time as ISO 8601 UTC with milliseconds, e.g. ``2025-06-01T09:30:00.125Z``;
    strings in this form sort in time order, which the import's "newer wins" relies on."""
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A passage, described redundantly so it can be found again (as Hypothesis does with a
    TextPositionSelector and a TextQuoteSelector): the paragraph's stable key, the language, the
    character offsets in that paragraph's text, the quoted text itself, and up to
    :data:`~.anchors.CONTEXT` characters of the document text before and after it."""

    key: str
    lang: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Placement:
    """What the note's passage looked like when last placed, so lists, filters and exports
    work without opening the file: the paragraph index (None for an orphan), the speaker, the
    section, the call, and the whole paragraph in the other language."""

    paragraph: int | None
    speaker: str = ""
    speaker_title: str = ""
    section: str = ""
    call: int | None = None
    counterpart: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """A highlight or note as stored: where it is anchored, where it was last found, its colour and text."""

    id: int
    uuid: str  # stable across export and import: what makes import idempotent
    document: str  # the document fingerprint
    anchor: Anchor
    placement: Placement
    color: str
    text: str  # the user's note; may be empty for a bare highlight
    status: Status
    created: str  # ISO 8601 UTC
    updated: str
    deleted: str | None = None  # when it was deleted (kept for undo), else None

    @property
    def paragraph(self) -> int | None:
        return self.placement.paragraph


@dataclass(frozen=True, slots=True)
class Document:
    """A transcript the store has seen: the path it was last opened from, its calls."""

    fingerprint: str
    path: str
    calls: tuple[tuple[str | None, str | None], ...]  # (company, period) per call
    paragraphs: int
    first_seen: str
    last_opened: str
    superseded_by: str | None = None  # its notes were carried to this newer version
    notes: int = 0  # live (not deleted) notes

    @property
    def company(self) -> str | None:
        return self.calls[0][0] if self.calls else None

    @property
    def period(self) -> str | None:
        return self.calls[0][1] if self.calls else None

    def call_label(self, call: int | None) -> str:
        """``Company Q2 2025`` for a call of this document, or an empty string."""
        if call is None or not 0 <= call < len(self.calls):
            return ""
        return " ".join(part for part in self.calls[call] if part)


@dataclass(frozen=True, slots=True)
class NoteFilter:
    """What the notes panel and the All-notes view filter on; every field narrows the list."""

    colors: frozenset[str] = field(default_factory=frozenset)
    speaker: str | None = None
    statuses: frozenset[Status] = field(default_factory=frozenset)
    text: str | None = None  # case-insensitive, in the note, the quote or its counterpart

    def matches(self, note: Note) -> bool:
        if self.colors and note.color not in self.colors:
            return False
        if self.speaker is not None and note.placement.speaker != self.speaker:
            return False
        if self.statuses and note.status not in self.statuses:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = (note.text, note.anchor.quote, note.placement.counterpart)
            return any(needle in s.casefold() for s in haystack)
        return True
