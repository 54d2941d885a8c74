"""Writing index segments: paragraphs to Whoosh documents, and a segment writer built for speed.

Whoosh's ``SegmentWriter`` sends every posting through a sorting pool (a tuple per posting,
sized, sorted, spilled to disk) and then through ``add_postings`` one call per posting; with the
per-posting asserts, that was two thirds of the build time of this index. :class:`SegmentBuilder`
is the same writer with those two steps replaced: ``add_document`` appends each posting to an
in-memory list per term (document numbers only grow, so each list is already sorted), and the
flush writes each term's list block by block. The files it writes are ordinary Whoosh segments
(the codec of :mod:`.schema`), read by Whoosh's own readers. A merge (:meth:`SegmentBuilder.
add_segment`) copies whole posting lists the same way instead of Whoosh's posting-by-posting.

Holding postings in memory bounds what one builder should take: the indexer cuts a new segment
every :data:`SEGMENT_TEXT_BYTES` of transcript files (a worker peaked at ~160 MiB for 24 MB).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from ..errors import TranscriptError
from ..model import Role, Transcript
from ..parser import parse_file
from .library import summarize
from .schema import Codec, period_key

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


_Postings = tuple[array, array, list[bytes]]  # document numbers, weights, values


class SegmentBuilder(SegmentWriter):
    """A ``SegmentWriter`` keeping its postings in memory by field and term (see the module
    doc). Documents must come through :meth:`add_document`; postings of segments merged in by a
    merge policy still come through Whoosh's pool and are written after them."""

    def __init__(self, ix: Any, lock: bool = True) -> None:
        super().__init__(ix, _lk=lock, codec=Codec(), limitmb=64)
        self._posts: dict[str, dict[bytes, _Postings]] = {}

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        schema = self.schema
        pdw = self.perdocwriter
        docnum = self.docnum
        pdw.start_doc(docnum)
        try:
            for name, value in fields.items():
                if value is None or name.startswith("_"):
                    continue
                fieldobj = schema[name]
                length = 0
                if fieldobj.indexed:
                    posts = self._posts.get(name)
                    if posts is None:
                        posts = self._posts[name] = {}
                    for tbytes, freq, weight, vbytes in fieldobj.index(value):
                        entry = posts.get(tbytes)
                        if entry is None:
                            entry = posts[tbytes] = (array("I"), array("f"), [])
                        entry[0].append(docnum)
                        entry[1].append(weight)
                        if vbytes:
                            entry[2].append(vbytes)
                        length += freq
                    if not fieldobj.scorable:
                        length = 0
                pdw.add_field(name, fieldobj, value if fieldobj.stored else None, length)
                if fieldobj.column_type:
                    pdw.add_column_value(name, fieldobj.column_type, fieldobj.to_column_value(value))
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        self._added = True
        self.docnum += 1

    def add_segment(self, reader: Any) -> None:
        """Copy a segment's live documents into this one (a merge), posting list by posting
        list: Whoosh's own merge sends every posting through its pool one tuple at a time."""
        from .engine import Segment
        from .postings import read_postings

        self._check_state()
        base = self.docnum
        docmap = self._copy_documents(reader, Segment(reader, 0))
        deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
        terms = reader._terms  # walked in order, each term's postings read from its term info
        for (name, text), terminfo in terms.items():
            if name not in self.schema:
                continue
            fieldobj = self.schema[name]
            with_values = fieldobj.format.fixed_value_size() != 0
            matcher = terms._codec.postings_reader(terms._postfile, terminfo, fieldobj.format)
            ids, weights, values = read_postings(matcher, with_values)
            entry = self._posts.setdefault(name, {}).get(text)
            if entry is None:
                entry = self._posts[name][text] = (array("I"), array("f"), [])
            for i, d in enumerate(ids):
                if d in deleted:
                    continue
                entry[0].append(docmap[d] if docmap is not None else base + d)
                entry[1].append(weights[i])
                if with_values:
                    entry[2].append(values[i])
            if not entry[0]:
                del self._posts[name][text]
        self._added = True

    def _copy_documents(self, reader: Any, seg: Any) -> dict[int, int] | None:
        """Stored fields, field lengths and the date column of each live document (Whoosh's
        ``write_per_doc`` does the same with a file-existence check per document and field).
        Returns the old-to-new document numbers when some were deleted."""
        schema = self.schema
        scorable = [name for name in schema.names() if schema[name].scorable]
        lengths = {name: seg.lengths(name) for name in scorable}
        dates = seg.dates()
        date_column = schema["date"].column_type
        docmap: dict[int, int] | None = {} if reader.has_deletions() else None
        pdw = self.perdocwriter
        for docnum, stored in reader.iter_docs():
            if docmap is not None:
                docmap[docnum] = self.docnum
            pdw.start_doc(self.docnum)
            for name, value in stored.items():
                pdw.add_field(name, schema[name], value, 0)
            for name in scorable:
                pdw.add_field(name, schema[name], None, byte_to_length(lengths[name][docnum]))
            pdw.add_column_value("date", date_column, dates[docnum])
            pdw.finish_doc()
            self.docnum += 1
        return docmap

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        posts = self._posts
        for name, text, docnum, weight, vbytes in self.pool.iter_postings():  # merged segments
            entry = posts.setdefault(name, {}).get(text)
            if entry is None:
                entry = posts[name][text] = (array("I"), array("f"), [])
            entry[0].append(docnum)
            entry[1].append(weight)
            if vbytes:
                entry[2].append(vbytes)
        fw = self.fieldwriter
        for name in sorted(posts):
            terms = posts[name]
            fw.start_field(name, self.schema[name])
            for text in sorted(terms):
                ids, weights, values = terms[text]
                fw.start_term(text)
                fw._postwriter.add_list(ids, weights, values)
                fw.finish_term()
            fw.finish_field()
        self._posts = {}
        fw.close()


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
