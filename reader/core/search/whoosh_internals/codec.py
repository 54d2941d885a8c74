"""The W3 codec tuned for this index: compact posting blocks, no per-posting length lookups.

Subclasses Whoosh's ``W3Codec`` and ``W3PostingsWriter`` and writes their private block state
(see the package doc for the names relied on). The blocks it writes are ordinary W3 blocks,
read by Whoosh's own readers (``tests/test_search_engine_index.py`` compares them posting by
posting).
"""

from __future__ import annotations

import zlib
from array import array
from operator import sub
from pickle import HIGHEST_PROTOCOL, dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3PostingsWriter
from whoosh.util.numeric import length_to_byte


class CompactPostingsWriter(W3PostingsWriter):
    """Whoosh's W3 postings writer, writing the same block layout more compactly.

    Whoosh pickles each block with protocol 2, which in Python 3 writes every ``bytes`` value
    as a ``_codecs.encode(str, "latin1")`` call (~30 bytes each, and a function call for each
    when read back) and each weight as an 8-byte float. Blocks here are pickled with the highest
    protocol (``bytes`` as bytes) and integral weights as a one-byte array; Whoosh's reader
    unpickles either and reads both the same (a sequence of values, a sequence of weights).
    """

    _ids: Any
    _weights: Any
    _values: Any
    _maxweight: float

    def add_list(self, ids: array, weights: array, values: list[bytes]) -> None:
        """Add a whole posting list (ascending document numbers) block by block; the last block
        stays buffered for ``finish_postings``, as after ``add_posting``."""
        step = self._blocklimit
        for start in range(0, len(ids), step):
            if len(self._ids):
                self._write_block()
            self._ids = ids[start : start + step]
            self._weights = weights[start : start + step]
            self._values = values[start : start + step]
            self._maxweight = max(self._weights)

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        weights = self._weights
        mini_weights: Any = None
        if weights.count(1.0) != len(weights):
            try:  # frequencies: small whole numbers, one byte each
                mini_weights = array("B", map(int, weights))
            except OverflowError:
                mini_weights = weights
            if mini_weights is not weights and mini_weights.tolist() != weights.tolist():
                mini_weights = weights
        values: Any = self._mini_values()
        deltas = (ids[0], *map(sub, ids[1:], ids[:-1]))
        data = (deltas, mini_weights, values)
        databytes = zlib.compress(dumps(data, HIGHEST_PROTOCOL), self._compression)
        info = (
            len(ids),
            ids[-1],
            self._maxweight,
            self._compression,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
        )
        infobytes = dumps(info, HIGHEST_PROTOCOL)
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class Codec(W3Codec):
    """The W3 codec, tuned for this index.

    - No per-posting field-length lookups while writing (``length_stats``): Whoosh reads each
      posting's document length back from the length column to keep min/max lengths per block,
      a quarter of the build time here. Without them, BM25's upper bound for a block assumes the
      shortest length, which only makes it skip fewer blocks; scores are unchanged.
    - Compact blocks (:class:`CompactPostingsWriter`).

    Whoosh's inlining of short posting lists into the term table is left off: it is broken in
    whoosh-reloaded 2.7.5 (``W3PostingsWriter.finish_postings`` calls a ``set_inline`` that
    does not exist) and, pickled with protocol 2, made the index larger, not smaller.

    Each segment of an index pickles its codec: indexes written before this package existed
    name it ``reader.core.search.schema.Codec``, which :mod:`..schema` keeps importable.
    """

    length_stats = False

    def __init__(self) -> None:
        super().__init__(blocklimit=128, compression=3, inlinelimit=1)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return CompactPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
