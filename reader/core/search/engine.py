"""Evaluating a query over the index: posting lists read whole, set algebra, BM25.

Whoosh's own search walks a tree of matcher objects one document at a time and scores each
match through several Python calls (about 3 us a match here, and much more for phrases, whose
span machinery decodes positions for every candidate). This module reads the posting lists of
the query's terms a term at a time (:mod:`.postings`) and leaves the rest to ``set``
operations, ``map`` and ``itertools``, which run in C: intersections for AND, unions for OR,
differences for NOT; a phrase lines its terms' postings up on the documents that have them
all and checks their positions there only. Scores are BM25 (k1 = 1.2, b = 0.75) over the
statistics Whoosh keeps (document frequencies, the byte-encoded field length of each
document), computed for the final matches only (:mod:`.scoring`).

A :class:`Segment` holds what is read once per segment reader (field lengths, deletions, filter
sets, facets); the searcher keeps them while the segment is unchanged.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from whoosh.util.numeric import byte_to_length

from .postings import Postings, align, follow, follow_wide
from .query import And, Filter, Node, Not, Or, Query, Words
from .schema import LABEL, WIDE_TERM
from .scoring import K1, B, Docs, Scored, Scorer, Scores
from .whoosh_internals import column_ints, field_lengths, read_term

MAX_EXPANSIONS = 512
"""Terms a prefix stands for at most (the first ones in order)."""
LABELLED = ("speaker", "company", "period")

_LENGTHS = [float(byte_to_length(b)) for b in range(256)]
_FLIP = bytes.maketrans(b"\0\1", b"\1\0")

Result = Scores | set[int] | frozenset[int]


@dataclass
class Match:
    """Documents matching (part of) a query, and the terms that score them (their postings
    hold at least the documents of the match that have the term)."""

    docs: Docs
    terms: list[Scored]


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
        return read_term(self.reader, field, term, values)

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
            found = self._lengths[field] = field_lengths(self.reader, field, self.count)
        return found

    def dates(self) -> Sequence[int]:
        if self._dates is None:
            self._dates = column_ints(self.reader, "date", self.count)
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

    # --- evaluation ---

    def run(self, query: Query) -> list[tuple[Segment, Result]]:
        """The matching documents of each segment (segment-local numbers): a dict of scores
        when the query has words, else a set."""
        out: list[tuple[Segment, Result]] = []
        scorer = Scorer(self)
        for seg in self.segments:
            if query.root is None:
                out.append((seg, seg.live()))
                continue
            match = self._eval(query.root, seg, query.lang)
            docs = match.docs
            cut = None
            if seg.deleted and isinstance(docs, list):  # a term's or a phrase's: kept in order
                keep = bytes(map(seg.deleted.__contains__, docs)).translate(_FLIP)
                kept = list(compress(docs, keep))
                cut, docs = (docs, keep, kept), kept
            elif seg.deleted:
                docs = set(docs).difference(seg.deleted)
            if match.terms:
                out.append((seg, scorer.score(match.terms, docs, seg, cut)))
            else:
                out.append((seg, docs if isinstance(docs, (set, frozenset)) else set(docs)))
        return out

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
            return Match(seg.live().difference(self._eval(node.child, seg, lang).docs), [])
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
        return Match(postings[0], [(field, term, postings, None)] if postings[0] else [])

    def _phrase(self, seg: Segment, field: str, terms: tuple[str, ...]) -> Match:
        """The documents with all the terms (from the rarest), then their positions only, lined
        up by :func:`.postings.align`, checked by :func:`.postings.follow`. The terms keep their
        postings cut down to the matches too, for scoring."""
        unique = list(dict.fromkeys(terms))
        lists: dict[str, Postings] = {}
        for term in unique:
            postings = seg.postings(field, term, values=True)
            if not postings[0]:
                return Match((), [])
            lists[term] = postings
        full = {t: (p[0], p[1], ()) for t, p in lists.items()}
        ordered, picked = align([lists[t] for t in unique])
        if not ordered:
            return Match((), [])
        lists = dict(zip(unique, picked, strict=True))
        positions = [lists[t][2] for t in terms]
        found = bytes(follow(positions))
        wide = set(seg.ids(field, WIDE_TERM)).intersection(ordered)
        if wide:
            marks = bytearray(found)
            for d in wide:
                k = bisect_left(ordered, d)
                marks[k] = follow_wide([p[k] for p in positions])
            found = bytes(marks)
        docs = list(compress(ordered, found))
        if not docs:
            return Match((), [])
        return Match(
            docs,
            [(field, t, full[t], (docs, list(compress(lists[t][1], found)), ())) for t in unique],
        )

    # --- ranking ---

    def top(self, results: list[tuple[Segment, Result]], limit: int, by_date: bool = False) -> list[Any]:
        """The best ``limit`` hits as (global document number, score, segment, local number):
        by score, or by the call's period (newest first) then score; equal ones in the order
        of the result (``nlargest`` keeps the first): document order for scores."""
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


def _union(matches: list[Match]) -> Match:
    """OR: every document of any match; each keeps its terms for scoring."""
    matches = [m for m in matches if m.docs]
    if not matches:
        return Match(set(), [])
    if len(matches) == 1:
        return matches[0]
    return Match(set().union(*(m.docs for m in matches)), [t for m in matches for t in m.terms])
