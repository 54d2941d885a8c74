"""Transcripts pasted from the clipboard: read as a transcript first (any layout), then kept as a
UTF-8 file in the app's own data folder (never next to a user's file), so that the tab, its notes
(attached by content, as for any file) and a reload work as for a file until the user saves it
where they want it.

    path = keep_pasted(text, html)      # TranscriptError if neither reads as a transcript
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from .errors import TranscriptError
from .files import write_atomically
from .html_text import html_to_text
from .parser import parse_text
from .paths import pasted_dir

NAME = "the clipboard"


def keep_pasted(text: str | None, html: str | None = None, now: datetime | None = None) -> Path:
    """Read the clipboard's HTML (a page copied from a browser: one line per block) or, when that
    is not a transcript, its plain text; keep the first that is one and return its file."""
    reason = "the clipboard holds no text"
    for candidate in (html_to_text(html) if html else None, text):
        if not candidate or not candidate.strip():
            continue
        try:
            t = parse_text(candidate, name=NAME)
        except TranscriptError as err:
            reason = err.reason
            continue
        call = t.calls[0]
        label = " ".join(x for x in (call.company, call.period) if x) or "transcript"
        return _write(candidate, label, now or datetime.now())
    raise TranscriptError(reason, NAME)


def _write(text: str, label: str, now: datetime) -> Path:
    folder = pasted_dir()
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w\- ]+", "", label).strip()[:60] or "transcript"
    path = folder / f"Pasted {safe} {now:%Y-%m-%d %H%M%S}.txt"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"Pasted {safe} {now:%Y-%m-%d %H%M%S} ({n}).txt"
    save_text(path, text)
    return path


def save_text(path: Path, text: str) -> None:
    """Write `path` whole or not at all, ending in a newline."""
    write_atomically(path, text if text.endswith("\n") else text + "\n")
