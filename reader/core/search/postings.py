"""Posting lists cut down to chosen documents, and the phrase check on their positions. (A
term's postings are read from a segment by :func:`.whoosh_internals.read_term`.)

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

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, repeat
from operator import ne

from .schema import decode_positions
from .whoosh_internals.reading import EMPTY, Postings

__all__ = ["EMPTY", "SPARSE", "Postings", "align", "follow", "follow_wide", "pick"]

SPARSE = 6
""":func:`pick` bisects when the list is this many times longer than the documents wanted
(a bisection ~0.2 us a document against ~0.04 us a posting for the mask)."""

_WIDE = 0xFF
# _SHIFT[i] maps a position byte p to p - i (to 255, never a stored position, when p < i).
_SHIFT = [bytes(p - i if p >= i else _WIDE for p in range(256)) for i in range(_WIDE)]
# _UP[i] maps p to p + i (to 255 when past 254: never a stored position either).
_UP = [bytes(p + i if p + i < _WIDE else _WIDE for p in range(256)) for i in range(_WIDE)]
_translate = bytes.translate


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
