"""Writing index segments: files read and their paragraphs added as Whoosh documents to a
:class:`.whoosh_internals.SegmentBuilder` (a segment writer built for speed).

The builder holds its postings in memory, which bounds what one builder should take: the indexer
cuts a new segment every :data:`SEGMENT_TEXT_BYTES` of transcript files.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from ..errors import TranscriptError
from ..model import Role, Transcript
from ..parser import parse_file
from .library import summarize
from .schema import period_key
from .whoosh_internals import SegmentBuilder

log = logging.getLogger(__name__)

SEGMENT_TEXT_BYTES = 24_000_000
"""Transcript bytes per segment written in one go."""

INDEX_NAME = "MAIN"


def paragraph_documents(t: Transcript) -> Iterator[dict[str, Any]]:
    """One Whoosh document per paragraph of ``t`` (fields of :func:`.schema.make_schema`)."""
    calls = [(c.company or "", c.period or "", period_key(c.period)) for c in t.calls]
    roles = {name: s.role.value for name, s in t.speakers.items()}
    fp = t.fingerprint
    for p in t.paragraphs:
        speaker = t.turns[p.turn].speaker
        company, period, date = calls[p.call]
        doc: dict[str, Any] = {
            "fp": fp,
            "para": p.index,
            "speaker": speaker,
            "role": roles.get(speaker, Role.UNKNOWN.value),
            "section": p.section.value,
            "company": company,
            "period": period,
            "date": date,
        }
        if p.en:
            doc["en"] = p.en
        if p.zh:
            doc["zh"] = doc["zh1"] = p.zh
        yield doc


@dataclass
class FileResult:
    """What reading one file gave: its fingerprint and library summary, or why it failed."""

    path: str
    size: int
    mtime_ns: int
    fingerprint: str | None = None
    error: str | None = None
    summary: dict[str, Any] | None = None
    indexed: bool = False  # its paragraphs were added to the segment

    def row(self) -> tuple[str, int, int, str | None, str | None, dict[str, Any] | None]:
        return self.path, self.size, self.mtime_ns, self.fingerprint, self.error, self.summary


def read_file(path: str) -> tuple[FileResult, Transcript | None]:
    try:
        st = os.stat(path)
    except OSError as err:
        return FileResult(path, 0, 0, error=f"cannot be read ({err.strerror or err})"), None
    try:
        t = parse_file(path)
    except TranscriptError as err:
        return FileResult(path, st.st_size, st.st_mtime_ns, error=err.reason), None
    except Exception as err:  # a parser bug on one file must not stop the whole update
        log.exception("reading %r for the index failed", path)
        reason = f"cannot be read ({type(err).__name__})"
        return FileResult(path, st.st_size, st.st_mtime_ns, error=reason), None
    return FileResult(path, st.st_size, st.st_mtime_ns, t.fingerprint, summary=summarize(t)), t


def add_files(
    builder: SegmentBuilder,
    paths: list[str],
    skip: set[str],
    on_file: Callable[[FileResult], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[FileResult]:
    """Read ``paths`` and add the paragraphs of each transcript whose fingerprint is not in
    ``skip`` (already indexed, or added earlier in this batch) to ``builder``."""
    results = []
    for path in paths:
        if cancelled is not None and cancelled():
            break
        result, t = read_file(path)
        if t is not None and t.fingerprint not in skip:
            skip.add(t.fingerprint)
            for doc in paragraph_documents(t):
                builder.add_document(**doc)
            result.indexed = True
        results.append(result)
        if on_file is not None:
            on_file(result)
    return results


def storage(directory: Path) -> FileStorage:
    """The index folder as Whoosh storage, read without ``mmap``: whoosh-reloaded 2.7.5 wraps
    each memory-mapped file of a segment in ``BytesIO(memoryview)``, which copies it, so every
    segment reader opened held a copy of the whole postings file (400 MiB to search 2000 calls,
    9 ms to open each segment). Plain reads of the file leave that to the OS cache."""
    return FileStorage(str(directory), supports_mmap=False)
