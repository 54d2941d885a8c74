"""BM25 of a query's matches, computed by distinct (weight, length) instead of by document.

A term's part of a document's score is ``c * w / (w + norm)``: ``c`` the term's idf times
(k1 + 1), ``w`` its weight (frequency) in the document, ``norm`` k1 * (1 - b + b * length /
average length) of the document's byte-encoded field length. Only ``w`` and the length byte
vary, and few pairs occur (a few hundred for a common word), so :class:`Parts` computes each
pair once and documents look theirs up. When every term of the query is in every matching
document (a phrase, an AND of words, a single word), a document's whole score depends only on
its weights and length bytes: :class:`Scorer` sums the parts once per distinct tuple of them
and each document looks its sum up, one ``dict`` lookup instead of arithmetic per term.

The sums are added term after term in the query's order, as adding one term's list after the
other would, so the scores are the same floats as computing them document by document.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import add
from typing import TYPE_CHECKING, Any

from .postings import SPARSE, Postings, pick

if TYPE_CHECKING:
    from .engine import Engine, Segment

K1 = 1.2
B = 0.75

Scores = dict[int, float]
Docs = Sequence[int] | set[int] | frozenset[int]
"""Documents: a set, or a term's (or phrase's) ascending document numbers (no set made)."""
Cut = tuple[Sequence[int], bytes, list[int]]
"""Documents in order, a mask over them (deleted ones 0), and the documents kept."""
Scored = tuple[str, str, Postings, Postings | None]
"""A term a match was found with: field, term, its postings, and for a phrase's term its
postings in the phrase's matches (what scores them when the query's matches are all such)."""


class Parts(dict[tuple[float, int], float]):
    """A term's part of BM25 by (weight, length byte), computed the first time a pair is asked
    for, with the operations, in the order, of Whoosh's BM25F."""

    def __init__(self, c: float, norms: list[float]) -> None:
        super().__init__()
        self.c = c
        self.norms = norms

    def __missing__(self, key: tuple[float, int]) -> float:
        w, length = key
        found = self[key] = self.c * w / (w + self.norms[length])
        return found


class Sums(dict[tuple[Any, ...], float]):
    """Whole scores by (weight of each term..., length byte of each field...) for terms in
    every document: their parts added from the first term on."""

    def __init__(self, parts: list[Parts], where: list[int]) -> None:
        super().__init__()
        self.parts = parts
        self.where = [len(parts) + i for i in where]  # each term's length byte in the key

    def __missing__(self, key: tuple[Any, ...]) -> float:
        total = 0.0
        for j, parts in enumerate(self.parts):
            x = parts[key[j], key[self.where[j]]]
            total = x if j == 0 else total + x
        self[key] = total
        return total


class Scorer:
    """Scores the matches of one query, segment after segment; the parts and sums it computes
    are kept for the query's other segments (never beyond the query)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._parts: dict[tuple[str, str], Parts] = {}
        self._sums: dict[tuple[tuple[str, str], ...], Sums] = {}

    def parts(self, field: str, term: str) -> Parts:
        found = self._parts.get((field, term))
        if found is None:
            c = self.engine.idf(field, term) * (K1 + 1)
            found = self._parts[field, term] = Parts(c, self.engine.norms(field))
        return found

    def score(self, terms: list[Scored], docs: Docs, seg: Segment, cut: Cut | None = None) -> Scores:
        """BM25 of each of ``docs``: the sum of the parts of the terms found in it, added in
        the order of ``terms``; the dict is in document order (which breaks ties when the best
        are chosen). Each term's postings are first cut down to ``docs``. With ``cut``, ``docs``
        is its kept list, and postings on its very list of documents are masked the same way."""
        as_set = docs if isinstance(docs, (set, frozenset)) else None
        ordered: list[int] | None = None
        full: list[tuple[str, str, Sequence[float]]] = []  # the terms so far, while each had every doc
        order: Sequence[int] = ()  # then the documents, in order
        scores: Scores | None = None
        for field, term, postings, within in terms:
            source = within if within is not None else postings
            if cut is not None and source[0] is cut[0]:
                postings = (cut[2], list(compress(source[1], cut[1])), ())
            elif within is not None and within[0] is docs:
                postings = within
            elif postings[0] is not docs:
                if as_set is None:
                    as_set = set(docs)
                if ordered is None and len(postings[0]) > SPARSE * len(docs):
                    ordered = sorted(docs)
                got = pick(within, as_set, ordered) if within is not None else None
                # a phrase's term scores in documents not matching the phrase too
                postings = (
                    got if got is not None and len(got[0]) == len(docs) else pick(postings, as_set, ordered)
                )
            ids, weights, _ = postings
            if scores is None and len(ids) == len(docs):  # in every document
                full.append((field, term, weights))
                order = ids
                continue
            lengths = seg.lengths(field)
            part = map(
                self.parts(field, term).__getitem__, zip(weights, map(lengths.__getitem__, ids), strict=True)
            )
            if scores is None and not full:  # the first term: its scores are 0.0 + its part
                scores = dict.fromkeys(ordered or sorted(docs), 0.0)
                scores.update(zip(ids, part, strict=True))
                continue
            if scores is None:
                scores = self.sums(full, order, seg)
            scores.update(zip(ids, map(add, map(scores.__getitem__, ids), part), strict=True))
        return scores if scores is not None else self.sums(full, order, seg)

    def sums(
        self, full: list[tuple[str, str, Sequence[float]]], order: Sequence[int], seg: Segment
    ) -> Scores:
        """The scores of the documents ``order`` from terms that are in every one of them (their
        weights lined up with it), one lookup of :class:`Sums` each."""
        if len(full) == 1:  # one term: its parts are the sums
            field, term, weights = full[0]
            lengths = map(seg.lengths(field).__getitem__, order)
            parts = self.parts(field, term).__getitem__
            return dict(zip(order, map(parts, zip(weights, lengths, strict=True)), strict=True))
        fields = list(dict.fromkeys(f for f, _, _ in full))
        key = tuple((f, t) for f, t, _ in full)
        sums = self._sums.get(key)
        if sums is None:
            where = [fields.index(f) for f, _, _ in full]
            sums = self._sums[key] = Sums([self.parts(f, t) for f, t, _ in full], where)
        columns = [map(seg.lengths(f).__getitem__, order) for f in fields]
        keys = zip(*[w for _, _, w in full], *columns, strict=True)
        return dict(zip(order, map(sums.__getitem__, keys), strict=True))
