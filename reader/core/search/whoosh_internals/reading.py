"""Reading a segment's postings, field lengths and columns in bulk, and an index's table of
contents, from Whoosh's private reader state (see the package doc for the names relied on).

In Whoosh's W3 format a term's postings are blocks of up to 128: a 4-byte length (negative
for the last block), a pickled info tuple, then the zlib-compressed pickle of (id deltas,
weights, values). Whoosh's ``W3LeafMatcher`` reads a block with some seven small reads through
a file object (the length, the info pickle loaded from the file...). :func:`read_term` reads
the term's whole extent with one read and cuts the blocks out of it; the info tuple is not even
unpickled (the data starts where the info pickle's frame ends). What remains is zlib and
pickle, paid for every posting of every term a query names.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from io import BytesIO
from itertools import accumulate, repeat
from pickle import load, loads
from struct import Struct
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3LeafMatcher, W3TermsReader
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound

Postings = tuple[Sequence[int], Sequence[float], Sequence[bytes]]
"""A term's (document numbers, ascending; weights; values, or () when not read)."""
EMPTY: Postings = ((), (), ())

_LENGTH = Struct("!i")  # a block's length, as Whoosh's StructFile.write_int writes it
_FRAME = Struct("<Q")  # a pickle frame's length (protocol 4 and up)
_PROTO, _FRAME_OP = 0x80, 0x95


def read_toc(ix: Any) -> Any:
    """The index's current table of contents (``generation``, ``schema``, ``segments``)."""
    return ix._read_toc()


def read_term(reader: Any, field: str, term: str, values: bool) -> Postings:
    """All postings of a term in a segment, deleted documents included; EMPTY when absent."""
    try:
        terms = reader._terms
        if isinstance(terms, W3TermsReader):
            info = terms.term_info(field, reader._text_to_bytes(field, term))
            if not info.is_inlined():
                offset, length = info.extent()
                # whoosh-reloaded 2.7.5 reads the length back as a 1-tuple
                length = length[0] if isinstance(length, tuple) else length
                return decode_blocks(terms._postfile.get(offset, length), values)
        return read_postings(reader.postings(field, term), values)
    except TermNotFound:
        return EMPTY


def decode_blocks(data: bytes, values: bool) -> Postings:
    """The postings of a term's W3 blocks (``data``: its whole extent in the postings file)."""
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not a W3 posting list")
    view = memoryview(data)
    ids: list[int] = []
    weights: list[float] = []
    vals: list[bytes] = []
    pos = 4
    last = False
    while not last:
        size = _LENGTH.unpack_from(data, pos)[0]
        last = size < 0
        info = pos + 4
        pos = info + abs(size)
        if data[info] == _PROTO and data[info + 2] == _FRAME_OP:  # protocol 4+: framed, skip it
            start = info + 11 + _FRAME.unpack_from(data, info + 3)[0]
        else:  # an older pickle protocol: load it to find where it ends
            stream = BytesIO(data)
            stream.seek(info)
            load(stream)
            start = stream.tell()
        deltas, w, v = loads(zlib.decompress(view[start:pos]))
        ids += accumulate(deltas)
        if w is None or isinstance(w, float):
            weights += repeat(1.0 if w is None else w, len(deltas))
        else:
            weights += w
        if values:
            vals += v if v is not None else repeat(b"", len(deltas))
    return ids, weights, vals


def read_postings(matcher: Any, values: bool) -> Postings:
    """All (document numbers, weights, values) of a Whoosh matcher, deletions included."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    ids: list[int] = []
    weights: list[float] = []
    vals: list[bytes] = []
    if isinstance(matcher, W3LeafMatcher):
        # Whole blocks at once: the block's pickled (id deltas, weights, values) tuple.
        while not matcher._atend:
            matcher._read_data()
            deltas, w, v = matcher._data
            n = matcher._blocklength
            ids.extend(accumulate(deltas))
            if w is None or isinstance(w, float):
                weights.extend(repeat(1.0 if w is None else w, n))
            else:
                weights.extend(w)
            if values:
                vals.extend(v if v is not None else repeat(b"", n))
            matcher._next_block()
    else:  # inlined lists and any other matcher: the generic, slower way
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            if values:
                vals.append(matcher.value())
            matcher.next()
    return ids, weights, vals


def term_postings(reader: Any) -> Any:
    """Every (field, term bytes) of a segment in order with a function reading its postings
    (document numbers, weights and, when ``values``, values): what a merge copies."""
    terms = reader._terms
    for key, terminfo in terms.items():

        def read(fmt: Any, values: bool, terminfo: Any = terminfo) -> Postings:
            matcher = terms._codec.postings_reader(terms._postfile, terminfo, fmt)
            return read_postings(matcher, values)

        yield key, read


def field_lengths(reader: Any, field: str, count: int) -> bytes:
    """The byte-encoded length of ``field`` for each of the segment's ``count`` documents
    (zero where none is stored)."""
    perdoc = reader._perdoc
    name = f"_{field}_len"  # the length column Whoosh's per-document writer names so
    found = b""
    if perdoc.has_column(name):
        found = _raw_column(perdoc.column_reader(name, LENGTHS_COLUMN), "B", count)
    return found.ljust(count, b"\0")


def column_ints(reader: Any, field: str, count: int) -> list[int]:
    """A 4-byte integer column's values (``NumericColumn("i")``) for ``count`` documents; zeros
    when the segment has no such column."""
    if not reader.has_column(field):
        return [0] * count
    column = reader.column_reader(field, translate=False)
    return list(struct.unpack(f"!{count}i", _raw_column(column, "i", count)))


def _raw_column(column: Any, typecode: str, count: int) -> bytes:
    """A fixed-width Whoosh column's bytes for ``count`` documents (missing ones as the
    column's default), read at once instead of one call per document."""
    size = struct.calcsize(typecode)
    try:
        data = column._dbfile.get(column._basepos, column._count * size)
        default = column._defaultbytes
    except AttributeError:  # another column layout: read it the slow way
        return b"".join(struct.pack("!" + typecode, v) for v in column)
    return data + default * (count - column._count) if count > column._count else data[: count * size]
