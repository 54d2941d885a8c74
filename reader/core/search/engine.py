"""Evaluating a query over the index: posting lists read whole, set algebra, BM25.

Whoosh's own search walks a tree of matcher objects one document at a time and scores each
match through several Python calls (about 3 us a match here, and much more for phrases, whose
span machinery decodes positions for every candidate). This module asks Whoosh's segment readers
for the posting lists of the query's terms, decodes each block at once, and leaves the rest to
``set`` and ``dict`` operations that run in C: intersections for AND, unions for OR, differences
for NOT, and a phrase check that shifts each term's positions with ``bytes.translate`` and
intersects them (positions are stored one byte each, see :class:`.schema.BytePositions`).
Scores are BM25 (k1 = 1.2, b = 0.75) over the same statistics Whoosh keeps: document frequencies
and the byte-encoded field lengths of each document.

A :class:`Segment` holds what is read once per segment reader (field lengths, deletions, filter
sets, facets); the searcher keeps them while the segment is unchanged.
"""

from __future__ import annotations

import heapq
import math
import struct
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import itemgetter
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from .query import And, Filter, Node, Not, Or, Query, Words
from .schema import LABEL, WIDE_TERM

K1 = 1.2
B = 0.75
MAX_EXPANSIONS = 512
"""Terms a prefix stands for at most (the first ones in order)."""
LABELLED = ("speaker", "company", "period")

_WIDE = 0xFF
# _SHIFT[i] maps a position byte p to p - i (to 255, never a stored position, when p < i).
_SHIFT = [bytes(p - i if p >= i else _WIDE for p in range(256)) for i in range(_WIDE)]
_LENGTHS = [float(byte_to_length(b)) for b in range(256)]

Scores = dict[int, float]
Result = Scores | set[int] | frozenset[int]
Postings = tuple[Sequence[int], Sequence[float], Sequence[bytes]]
Scored = tuple[str, str, Postings]  # a term a match was found with: field, term, its postings
_EMPTY: Postings = ((), (), ())


@dataclass
class Match:
    """Documents matching (part of) a query, and the terms that score them."""

    docs: set[int] | frozenset[int]
    terms: list[Scored]


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


class Segment:
    """One segment reader and what the engine reads from it once."""

    def __init__(self, reader: Any, docbase: int) -> None:
        self.reader = reader
        self.docbase = docbase
        self.count: int = reader.doc_count_all()
        self.deleted: frozenset[int] = reader.deleted_docs_set if reader.has_deletions() else frozenset()
        self._lengths: dict[str, bytes] = {}
        self.filters: dict[tuple[str, tuple[str, ...]], frozenset[int]] = {}
        self._dates: Sequence[int] | None = None
        self._labels: dict[str, tuple[list[str], array]] = {}

    def postings(self, field: str, term: str, values: bool = False) -> Postings:
        try:
            return read_postings(self.reader.postings(field, term), values)
        except TermNotFound:
            return _EMPTY

    def ids(self, field: str, term: str) -> Sequence[int]:
        return self.postings(field, term)[0]

    def expand(self, field: str, prefix: str) -> list[str]:
        out = []
        for term in self.reader.expand_prefix(field, prefix):
            out.append(term.decode() if isinstance(term, bytes) else term)
            if len(out) >= MAX_EXPANSIONS:
                break
        return out

    def lengths(self, field: str) -> bytes:
        """The byte-encoded length of ``field`` for every document of the segment."""
        found = self._lengths.get(field)
        if found is None:
            perdoc = self.reader._perdoc
            name = f"_{field}_len"
            found = b""
            if perdoc.has_column(name):
                from whoosh.codec.whoosh3 import LENGTHS_COLUMN

                found = _raw_column(perdoc.column_reader(name, LENGTHS_COLUMN), "B", self.count)
            found = found.ljust(self.count, b"\0")
            self._lengths[field] = found
        return found

    def dates(self) -> Sequence[int]:
        if self._dates is None:
            if self.reader.has_column("date"):
                column = self.reader.column_reader("date", translate=False)
                self._dates = list(struct.unpack(f"!{self.count}i", _raw_column(column, "i", self.count)))
            else:
                self._dates = [0] * self.count
        return self._dates

    def live(self) -> set[int]:
        return set(range(self.count)) - self.deleted

    def labels(self, field: str) -> tuple[list[str], array]:
        """A field's values (fp, role, section; the label terms of speaker, company, period),
        and for each document the index of its value (-1 for none). Read once per segment;
        facets count with it."""
        found = self._labels.get(field)
        if found is None:
            if field in LABELLED:
                terms = self.expand(field, LABEL)
                values = [t[len(LABEL) :] for t in terms]
            else:
                terms = values = [
                    t.decode() if isinstance(t, bytes) else t for t in self.reader.lexicon(field)
                ]
            which = array("i", [-1]) * self.count
            for i, term in enumerate(terms):
                for d in self.ids(field, term):
                    which[d] = i
            found = self._labels[field] = (values, which)
        return found


class Engine:
    """Evaluates queries over a Whoosh searcher's segments (one Engine per searcher version)."""

    def __init__(self, searcher: Any, segments: list[Segment]) -> None:
        self.searcher = searcher
        self.segments = segments
        self.doc_count = max(1, searcher.doc_count_all())
        self._idf: dict[tuple[str, str], float] = {}
        self._norms: dict[str, list[float]] = {}
        self._doc_norms: dict[tuple[int, str], array] = {}

    # --- statistics ---

    def idf(self, field: str, term: str) -> float:
        key = (field, term)
        found = self._idf.get(key)
        if found is None:
            df = self.searcher.doc_frequency(field, term)
            found = self._idf[key] = math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5))
        return found

    def norms(self, field: str) -> list[float]:
        """k1 * (1 - b + b * length / average length), for each encoded length byte."""
        found = self._norms.get(field)
        if found is None:
            avg = self.searcher.field_length(field) / self.doc_count or 1.0
            found = self._norms[field] = [K1 * (1 - B + B * length / avg) for length in _LENGTHS]
        return found

    def doc_norms(self, seg: Segment, field: str) -> array:
        """The BM25 length norm of each document of a segment (read once per index version)."""
        key = (id(seg), field)
        found = self._doc_norms.get(key)
        if found is None:
            found = self._doc_norms[key] = array("d", map(self.norms(field).__getitem__, seg.lengths(field)))
        return found

    # --- evaluation ---

    def run(self, query: Query) -> list[tuple[Segment, Result]]:
        """The matching documents of each segment (segment-local numbers): a dict of scores
        when the query has words, else a set."""
        out: list[tuple[Segment, Result]] = []
        for seg in self.segments:
            if query.root is None:
                out.append((seg, seg.live()))
                continue
            match = self._eval(query.root, seg, query.lang)
            docs = match.docs - seg.deleted if seg.deleted else match.docs
            out.append((seg, self._score(match.terms, docs, seg) if match.terms else docs))
        return out

    def _score(self, terms: list[Scored], docs: set[int] | frozenset[int], seg: Segment) -> Scores:
        """BM25 of each of ``docs``: the sum over the query's terms found in it. Scores are
        computed only for the documents that matched, after all the set algebra."""
        scores: Scores | None = None
        for field, term, (ids, weights, _) in terms:
            c = self.idf(field, term) * (K1 + 1)
            nd = self.doc_norms(seg, field)
            if scores is None:
                if len(ids) == len(docs) and docs.issuperset(ids):  # one term: its postings are the matches
                    scores = {d: c * w / (w + nd[d]) for d, w in zip(ids, weights, strict=True)}
                    continue
                scores = dict.fromkeys(docs, 0.0)
            if len(ids) <= 2 * len(scores):
                for d, w in zip(ids, weights, strict=True):
                    if d in scores:
                        scores[d] += c * w / (w + nd[d])
            else:
                found = dict(zip(ids, weights, strict=True))
                for d in found.keys() & scores.keys():
                    w = found[d]
                    scores[d] += c * w / (w + nd[d])
        return scores if scores is not None else dict.fromkeys(docs, 0.0)

    def _eval(self, node: Node, seg: Segment, lang: str | None) -> Match:
        if isinstance(node, Words):
            return self._words(node, seg, lang)
        if isinstance(node, Filter):
            return Match(self._filter(node, seg), [])
        if isinstance(node, And):
            return self._and(node.children, seg, lang)
        if isinstance(node, Or):
            return _union([self._eval(child, seg, lang) for child in node.children])
        if isinstance(node, Not):
            return Match(seg.live() - self._eval(node.child, seg, lang).docs, [])
        raise TypeError(node)

    def _and(self, children: Iterable[Node], seg: Segment, lang: str | None) -> Match:
        matches: list[Match] = []
        excluded: list[Match] = []
        for child in children:
            if isinstance(child, Not):
                excluded.append(self._eval(child.child, seg, lang))
                continue
            match = self._eval(child, seg, lang)
            if not match.docs:
                return Match(set(), [])
            matches.append(match)
        if matches:
            matches.sort(key=lambda m: len(m.docs))
            docs = set(matches[0].docs)
            for other in matches[1:]:
                docs.intersection_update(other.docs)
        else:
            docs = seg.live()
        for match in excluded:
            docs.difference_update(match.docs)
        return Match(docs, [t for m in matches for t in m.terms])

    def _filter(self, node: Filter, seg: Segment) -> frozenset[int]:
        key = (node.field, node.terms)
        found = seg.filters.get(key)
        if found is None:
            docs: set[int] | None = None
            for term in node.terms:
                ids = seg.ids(node.field, term)
                docs = set(ids) if docs is None else docs.intersection(ids)
                if not docs:
                    break
            found = seg.filters[key] = frozenset(docs or ())
        return found

    def _words(self, node: Words, seg: Segment, lang: str | None) -> Match:
        if node.unigram is not None:
            fields = ["zh1"]
        elif node.chinese:
            fields = ["zh"]
        else:
            fields = ["en", "zh"]
        if lang == "en":
            fields = [f for f in fields if f == "en"]
        elif lang == "zh":
            fields = [f for f in fields if f != "en"]
        matches: list[Match] = []
        for field in fields:
            if node.unigram is not None:
                matches.append(self._term(seg, field, node.unigram))
            elif node.prefix:
                matches.append(_union([self._term(seg, field, t) for t in seg.expand(field, node.terms[0])]))
            elif len(node.terms) == 1:
                matches.append(self._term(seg, field, node.terms[0]))
            else:
                matches.append(self._phrase(seg, field, node.terms))
        return _union(matches)

    def _term(self, seg: Segment, field: str, term: str) -> Match:
        postings = seg.postings(field, term)
        return Match(set(postings[0]), [(field, term, postings)] if postings[0] else [])

    def _phrase(self, seg: Segment, field: str, terms: tuple[str, ...]) -> Match:
        unique = list(dict.fromkeys(terms))
        lists: dict[str, Postings] = {}
        for term in unique:
            postings = seg.postings(field, term, values=True)
            if not postings[0]:
                return Match(set(), [])
            lists[term] = postings
        by_size = sorted(unique, key=lambda t: len(lists[t][0]))
        candidates = set(lists[by_size[0]][0])
        for term in by_size[1:]:
            candidates.intersection_update(lists[term][0])
            if not candidates:
                return Match(set(), [])
        positions = {t: dict(zip(lists[t][0], lists[t][2], strict=True)) for t in unique}
        wide = candidates.intersection(seg.ids(field, WIDE_TERM))
        docs = _phrase_docs(candidates - wide if wide else candidates, [positions[t] for t in terms])
        docs.update(_wide_phrase_docs(wide, [positions[t] for t in terms]))
        return Match(docs, [(field, t, lists[t]) for t in unique] if docs else [])

    # --- ranking ---

    def top(self, results: list[tuple[Segment, Result]], limit: int, by_date: bool = False) -> list[Any]:
        """The best ``limit`` hits as (global document number, score, segment, local number):
        by score, or by the call's period (newest first) then score."""
        best: list[tuple[Any, int, float, Segment, int]] = []
        for seg, result in results:
            items: Iterable[tuple[int, float]] = (
                result.items() if isinstance(result, dict) else zip(result, repeat(0.0))
            )
            if by_date:
                dates = seg.dates()
                chosen = heapq.nlargest(limit, items, key=lambda x: (dates[x[0]], x[1]))
                best += [((dates[d], s), seg.docbase + d, s, seg, d) for d, s in chosen]
            else:
                chosen = heapq.nlargest(limit, items, key=itemgetter(1))
                best += [(s, seg.docbase + d, s, seg, d) for d, s in chosen]
        best.sort(key=lambda x: (x[0], -x[1]), reverse=True)
        return [(g, s, seg, d) for _, g, s, seg, d in best[:limit]]


def _phrase_docs(candidates: set[int], positions: list[dict[int, bytes]]) -> set[int]:
    """The candidates where term i of the phrase is at p + i for some p, all positions below
    255 (one byte each): term i's bytes shifted by i, intersected as sets."""
    if len(positions) >= _WIDE:
        return set()
    p0 = positions[0]
    if len(positions) == 2:
        p1, s1 = positions[1], _SHIFT[1]
        return {d for d in candidates if not set(p0[d]).isdisjoint(p1[d].translate(s1))}
    if len(positions) == 3:
        p1, p2, s1, s2 = positions[1], positions[2], _SHIFT[1], _SHIFT[2]
        return {d for d in candidates if set(p0[d]).intersection(p1[d].translate(s1), p2[d].translate(s2))}
    rest = [(p, _SHIFT[i]) for i, p in enumerate(positions[1:], 1)]
    return {d for d in candidates if set(p0[d]).intersection(*[p[d].translate(t) for p, t in rest])}


def _wide_phrase_docs(candidates: set[int], positions: list[dict[int, bytes]]) -> set[int]:
    """The same check for paragraphs with positions past 254, decoded to integers."""
    from .schema import decode_positions

    out = set()
    for d in candidates:
        starts = set(decode_positions(positions[0][d]))
        for i, p in enumerate(positions[1:], 1):
            starts.intersection_update(q - i for q in decode_positions(p[d]))
        if starts:
            out.add(d)
    return out


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


def _union(matches: list[Match]) -> Match:
    """OR: every document of any match; each keeps its terms for scoring."""
    matches = [m for m in matches if m.docs]
    if not matches:
        return Match(set(), [])
    if len(matches) == 1:
        return matches[0]
    return Match(set().union(*(m.docs for m in matches)), [t for m in matches for t in m.terms])
