"""What the user is told about a damaged notes store, and how a path is kept in the store.

A damaged store is set aside and salvaged (:mod:`.db`, :mod:`.salvage`); :class:`Recovery` is what
one open found, :class:`RecoveryReport` the record kept in the new store until the user dismisses
it (the window shows it as a banner, the command line on every ``notes`` command).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .models import Restored


@dataclass(frozen=True)
class Recovery:
    """A damaged store found at open: where it was kept, why it was set aside, and what was
    recovered from it into the new store (None when salvage itself failed: ``salvage_error``)."""

    damaged_path: Path
    reason: str
    restored: Restored | None = None
    salvage_error: str | None = None

    @property
    def message(self) -> str:
        return recovery_message(self.reason, self.damaged_path, self.restored, self.salvage_error)


def recovery_message(
    reason: str,
    kept: Path | str,
    restored: Restored | None,
    salvage_error: str | None = None,
    when: str | None = None,
) -> str:
    """What the user is told about a damaged store, in one line."""
    found = f", found on {when[:10]}" if when else ""
    head = f"the notes store was damaged ({reason}){found}; it was kept as {kept}"
    if restored is None:
        return f"{head}; nothing could be recovered from it ({salvage_error or 'unknown error'})"
    notes = f"{restored.notes} note{'s' * (restored.notes != 1)}"
    tail = f" (and {restored.deleted} deleted)" if restored.deleted else ""
    if restored.partial:
        tail += f" ({restored.partial} of them only in part: their text is cut where a page was lost)"
    lost = f"; {restored.missing} could not be read" if restored.missing else ""
    return f"{head}; {notes}{tail} were recovered into a new store{lost}"


@dataclass(frozen=True)
class RecoveryReport:
    """A damaged store that was set aside and salvaged into this one (kept until dismissed)."""

    id: int
    happened: str  # ISO 8601 UTC
    damaged_path: str  # where the damaged store was kept: it is never deleted
    reason: str
    restored: Restored
    dismissed: str | None = None

    @property
    def message(self) -> str:
        return recovery_message(self.reason, self.damaged_path, self.restored, when=self.happened)


def path_value(path: str | Path) -> str | bytes:
    """How a path is stored: as text, or (a name that is not valid UTF-8, which Python holds
    with lone surrogates) as its bytes, in a BLOB: SQLite text must be UTF-8."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text)
    return text


def path_from(value: str | bytes) -> str:
    """A path :func:`path_value` stored (text, or bytes when not UTF-8) as the OS takes it back."""
    return os.fsdecode(value) if isinstance(value, bytes) else value
