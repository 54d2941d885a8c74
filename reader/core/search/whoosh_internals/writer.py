"""A segment writer built for speed, on Whoosh's ``SegmentWriter`` internals.

Whoosh's ``SegmentWriter`` sends every posting through a sorting pool (a tuple per posting,
sized, sorted, spilled to disk) and then through ``add_postings`` one call per posting; with the
per-posting asserts, that was two thirds of the build time of this index. :class:`SegmentBuilder`
is the same writer with those two steps replaced: ``add_document`` appends each posting to an
in-memory list per term (document numbers only grow, so each list is already sorted), and the
flush writes each term's list block by block. The files it writes are ordinary Whoosh segments
(the codec of :mod:`.codec`), read by Whoosh's own readers. A merge (:meth:`SegmentBuilder.
add_segment`) copies whole posting lists the same way instead of Whoosh's posting-by-posting.

The methods after ``add_segment`` are the steps of Whoosh's ``commit`` taken one at a time, so
the indexer can commit a segment written elsewhere (a worker's) or with its own deletions.
"""

from __future__ import annotations

from array import array
from typing import Any

from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from .codec import Codec
from .reading import column_ints, field_lengths, term_postings

_Postings = tuple[array, array, list[bytes]]  # document numbers, weights, values


class SegmentBuilder(SegmentWriter):
    """A ``SegmentWriter`` keeping its postings in memory by field and term (see the module
    doc). Documents must come through :meth:`add_document`; postings of segments merged in by a
    merge policy still come through Whoosh's pool and are written after them. ``lock``: take
    the index's write lock (False when the caller holds it)."""

    def __init__(self, ix: Any, lock: bool = True) -> None:
        super().__init__(ix, _lk=lock, codec=Codec(), limitmb=64)
        self._posts: dict[str, dict[bytes, _Postings]] = {}

    @property
    def has_documents(self) -> bool:
        """Whether a document or a segment was added."""
        return bool(self._added)

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
        self._check_state()
        base = self.docnum
        docmap = self._copy_documents(reader)
        deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
        for (name, text), read in term_postings(reader):  # in order
            if name not in self.schema:
                continue
            fieldobj = self.schema[name]
            with_values = fieldobj.format.fixed_value_size() != 0
            ids, weights, values = read(fieldobj.format, with_values)
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

    # --- Whoosh's commit, a step at a time ---

    def finish_segment(self) -> Any:
        """Write the segment's files and release the writer: the new segment, ready to be
        committed, or None (and nothing written) when nothing was added."""
        if not self._added:
            self.cancel()
            return None
        segment = self._finalize_segment()
        self._finish()  # its temporary folder goes (the segment's files stay)
        return segment

    def close_segment(self) -> Any:
        """Write the segment's files (a merge's): the new segment, or None when it holds no
        document. The writer stays open for :meth:`commit_segments` and :meth:`release`."""
        if self.docnum:
            return self._finalize_segment()
        self._close_segment()
        return None

    def commit_segments(self, segments: list[Any]) -> None:
        """Commit a new table of contents listing ``segments`` (generation ``self.generation``)
        and delete the files of the segments it no longer lists."""
        self._commit_toc(segments)

    def release(self) -> None:
        """Remove the writer's temporary files and release its lock, if it took one."""
        self._finish()

    # --- internals ---

    def _copy_documents(self, reader: Any) -> dict[int, int] | None:
        """Stored fields, field lengths and the date column of each live document (Whoosh's
        ``write_per_doc`` does the same with a file-existence check per document and field).
        Returns the old-to-new document numbers when some were deleted."""
        schema = self.schema
        count = reader.doc_count_all()
        scorable = [name for name in schema.names() if schema[name].scorable]
        lengths = {name: field_lengths(reader, name, count) for name in scorable}
        dates = column_ints(reader, "date", count)
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
