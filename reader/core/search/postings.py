"""Posting lists: read from a segment's file a term at a time, cut down to chosen documents,
and the phrase check on their positions.

Reading. In Whoosh's W3 format a term's postings are blocks of up to 128: a 4-byte length
(negative for the last block), a pickled info tuple, then the zlib-compressed pickle of (id
deltas, weights, values). Whoosh's ``W3LeafMatcher`` reads a block with some seven small reads
through a file object (the length, the info pickle loaded from the file...). :func:`read_term`
reads the term's whole extent with one read and cuts the blocks out of it; the info tuple is
not even unpickled (the data starts where the info pickle's frame ends). What remains is zlib
and pickle (~0.16 us a posting), paid for every posting of every term a query names: blocks
could be skipped by their largest document number, but on this corpus the words that make
queries slow are common in every call, and measured, no block of theirs could be skipped.

Picking. A phrase needs the positions of its candidates only, and scoring the weights of the
matches only. :func:`align` lines a phrase's lists up on the documents in all of them: from
the shortest list on, each list's postings of the documents so far are kept with a mask
computed in C (``map(set.__contains__)``, ``itertools.compress``), and these postings are the
documents from then on. :func:`pick` keeps the postings of a set of documents the same way,
or by bisection for a few documents in a long list. Postings on the same sorted documents
line up, so the phrase check and the sums of BM25 run down parallel lists with ``map``.

Phrases. Positions are one byte each (:class:`.schema.BytePositions`). :func:`follow` keeps,
for each document, the starts that the terms so far allow: term i's positions shifted down by
i with ``bytes.translate``, and the bytes two strings have in common with
``bytes.translate(None, delete)`` twice (the bytes of one that are not in the other, deleted
from it), all in C. Paragraphs with positions past 254 (:data:`.schema.WIDE_TERM`) are
checked by :func:`follow_wide` on decoded integers.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from io import BytesIO
from itertools import accumulate, compress, repeat
from operator import ne
from pickle import load, loads
from struct import Struct
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher, W3TermsReader
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound

from .schema import decode_positions

Postings = tuple[Sequence[int], Sequence[float], Sequence[bytes]]
"""A term's (document numbers, ascending; weights; values, or () when not read)."""
EMPTY: Postings = ((), (), ())

SPARSE = 6
""":func:`pick` bisects when the list is this many times longer than the documents wanted
(a bisection ~0.2 us a document against ~0.04 us a posting for the mask)."""

_LENGTH = Struct("!i")  # a block's length, as Whoosh's StructFile.write_int writes it
_FRAME = Struct("<Q")  # a pickle frame's length (protocol 4 and up)
_PROTO, _FRAME_OP = 0x80, 0x95

_WIDE = 0xFF
# _SHIFT[i] maps a position byte p to p - i (to 255, never a stored position, when p < i).
_SHIFT = [bytes(p - i if p >= i else _WIDE for p in range(256)) for i in range(_WIDE)]
# _UP[i] maps p to p + i (to 255 when past 254: never a stored position either).
_UP = [bytes(p + i if p + i < _WIDE else _WIDE for p in range(256)) for i in range(_WIDE)]
_translate = bytes.translate


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


def pick(
    postings: Postings, docs: set[int] | frozenset[int], ordered: Sequence[int] | None = None
) -> Postings:
    """The postings of ``docs`` only, in document order (the same object when all are).
    ``ordered``: ``docs`` sorted, when the caller has it."""
    ids, weights, values = postings
    n = len(ids)
    if n <= len(docs) and docs.issuperset(ids):
        return postings
    if n > SPARSE * len(docs):
        ordered = sorted(docs) if ordered is None else ordered
        at = [
            i
            for i, d in zip(map(bisect_left, repeat(ids), ordered), ordered, strict=True)
            if i < n and ids[i] == d
        ]
        return (
            [ids[i] for i in at],
            [weights[i] for i in at],
            [values[i] for i in at] if values else values,
        )
    keep = bytes(map(docs.__contains__, ids))
    return (
        list(compress(ids, keep)),
        list(compress(weights, keep)),
        list(compress(values, keep)) if values else values,
    )


def align(lists: Sequence[Postings]) -> tuple[list[int], list[Postings]]:
    """The documents (ascending) in every one of the posting lists, and each list's postings
    of them, lined up. From the shortest list on: the next list's postings of the documents
    so far (a mask over it, in C) are the documents from then on; each earlier list is cut to
    the final documents afterwards."""
    if len(lists) == 1:
        ids, weights, values = lists[0]
        return list(ids), [(ids, weights, values)]
    order = sorted(range(len(lists)), key=lambda i: len(lists[i][0]))
    out: list[Postings | None] = [None] * len(lists)
    docs: list[int] = list(lists[order[0]][0])
    have = set(docs)
    for k, i in enumerate(order[1:], 1):
        ids, weights, values = lists[i]
        keep = bytes(map(have.__contains__, ids))
        docs = list(compress(ids, keep))
        out[i] = (docs, list(compress(weights, keep)), list(compress(values, keep)) if values else values)
        if not docs:
            return [], [EMPTY] * len(lists)
        if len(docs) < len(have) or k < len(order) - 1:
            have = set(docs)
    for i in order[:-1]:  # cut to the final documents; the last list already is
        ids, weights, values = pick(out[i] or lists[i], have, docs)
        out[i] = (docs, weights, values)
    return docs, [p if p is not None else EMPTY for p in out]


def follow(positions: Sequence[Sequence[bytes]]) -> Iterator[bool]:
    """For each document, whether the phrase is in it: ``positions[i][k]`` holds the positions
    of the phrase's term i in document k (one byte each, all below 255), and the phrase is
    there when some p has term i at p + i for every i."""
    count = len(positions)
    if count >= _WIDE:  # longer than any paragraph with byte positions
        return repeat(False, len(positions[0]))
    starts: Iterable[bytes] = positions[0]  # where the phrase may start, so far
    for i in range(1, count - 1):
        shifted = list(map(_translate, positions[i], repeat(_SHIFT[i])))
        # the bytes of shifted that are in starts: shifted without those that are not
        starts = map(_translate, shifted, repeat(None), map(_translate, shifted, repeat(None), starts))
    # confirmed when the last term's positions lose some byte to the starts moved up to them
    last = positions[-1]
    moved = map(_translate, starts, repeat(_UP[count - 1]))
    return map(ne, map(_translate, last, repeat(None), moved), last)


def follow_wide(positions: Sequence[bytes]) -> bool:
    """The same check for one document, any of whose terms may have positions past 254."""
    starts = set(decode_positions(positions[0]))
    for i, p in enumerate(positions[1:], 1):
        starts.intersection_update(q - i for q in decode_positions(p))
    return bool(starts)
