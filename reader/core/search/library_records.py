"""What the library records: its roots, the files found under them, what a scan found
changed, and the calls the library panel lists (:mod:`.library` keeps them)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from ..model import Transcript
from .schema import period_key


@dataclass(frozen=True)
class Root:
    path: str
    kind: str  # "folder", "file" or "recent"


@dataclass(frozen=True)
class FileState:
    """A file as the inventory knows it."""

    path: str
    size: int
    mtime_ns: int
    fingerprint: str | None
    error: str | None


@dataclass
class Changes:
    """What a scan found. ``changed`` may hold files whose bytes are the same (touched): the
    indexer reads them and compares fingerprints before re-indexing anything."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.missing)

    @property
    def to_read(self) -> list[str]:
        return self.new + self.changed

    def note(self, path: str, known: FileState | None, st: os.stat_result) -> None:
        """File it by what the inventory knew of it (None: nothing) and what is on disk now."""
        if known is None:
            self.new.append(path)
        elif known.size != st.st_size or known.mtime_ns != st.st_mtime_ns:
            self.changed.append(path)
        else:
            self.unchanged += 1


@dataclass(frozen=True)
class CallEntry:
    """One call of the library, for the library panel."""

    path: str
    fingerprint: str
    call: int  # which call of the file
    company: str | None
    period: str | None
    period_key: int  # sortable: year * 10 + quarter (see schema.period_key); 0 when unknown
    modified: float  # the file's modification time (seconds since the epoch)
    speakers: list[dict[str, Any]]  # name, title, role, firm of the speakers of this call
    paragraphs: int


def summarize(t: Transcript) -> dict[str, Any]:
    """What the library keeps about a transcript: its calls and who speaks in each."""
    calls = []
    for call in t.calls:
        names = dict.fromkeys(t.turns[i].speaker for i in range(call.first_turn, call.end_turn))
        speakers = [
            {"name": s.name, "title": s.title, "role": s.role.value, "firm": s.firm}
            for s in (t.speakers.get(n) for n in names if n)
            if s is not None
        ]
        calls.append(
            {
                "company": call.company,
                "period": call.period,
                "period_key": period_key(call.period),
                "paragraphs": call.end - call.first,
                "speakers": speakers,
            }
        )
    return {"languages": t.languages, "paragraphs": len(t.paragraphs), "calls": calls}
