"""The index schema: one Whoosh document per paragraph, and the field types that index it fast.

A paragraph document holds what a query needs to find and filter it, and stores only what
cannot be taken from the file: the file's fingerprint and the paragraph's index. Its text,
speaker and call are read from the file when a hit is shown (after checking the fingerprint), so
the index stays small and the file stays the one source of the text. The path is not in the
index either: the library (:mod:`.library`) maps fingerprints to paths, so a moved file keeps its
documents and only its library row changes.

Whoosh pickles this schema, these field classes and the analyzers of :mod:`.analysis` into the
index. Any change to a field, a class or the analysis must bump :data:`SCHEMA_VERSION`: an index
of another version is rebuilt, not read.

Why the text fields override ``index()``: Whoosh's ``TEXT.index`` runs an analyzer chain that
makes a ``Token`` object per word and then a dict of positions; on this corpus that was most of
the build time. These classes compute the same (term, positions) table straight from the term
lists of :mod:`.analysis` (the same terms their ``analyzer`` gives, which tests check), about
five times faster.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Sequence
from typing import Any

from whoosh import columns, fields, formats

from ..find import fold
from .analysis import (
    WORD_RE,
    ChineseAnalyzer,
    EnglishAnalyzer,
    UnigramAnalyzer,
    chinese_terms,
    english_terms,
)

# Segments of indexes written before whoosh_internals existed pickled their codec under this
# module's name: keep it importable from here so those indexes still open.
from .whoosh_internals.codec import Codec

__all__ = [
    "LABEL",
    "SCHEMA_VERSION",
    "WIDE_TERM",
    "BytePositions",
    "ChineseText",
    "ChineseUnigrams",
    "Codec",
    "EnglishText",
    "TagField",
    "decode_positions",
    "encode_positions",
    "label_term",
    "make_schema",
    "period_key",
    "tag_terms",
]

SCHEMA_VERSION = 1
"""Bump on any change to the schema, its field types or the analysis (see the module doc)."""

Posting = tuple[bytes, int, float, bytes]
"""What a field's ``index()`` gives Whoosh per distinct term: (term, frequency, weight, value)."""


_WIDE = 0xFF
"""First byte of a value whose positions do not all fit a byte (a paragraph of 255+ tokens)."""

WIDE_TERM = "\0wide"
"""A term (no tokenizer makes it) added to a field of a paragraph with positions past 254:
the phrase check reads these few paragraphs the slow way (:mod:`.engine`)."""


def encode_positions(positions: list[int]) -> bytes:
    """Ascending positions, one byte each when all are below 255 (nearly every paragraph), else
    a marker byte and four little-endian bytes each."""
    if positions[-1] < _WIDE:
        return bytes(positions)
    return bytes([_WIDE]) + struct.pack(f"<{len(positions)}I", *positions)


def decode_positions(data: bytes) -> Sequence[int]:
    if data[:1] != b"\xff":
        return data
    return struct.unpack(f"<{(len(data) - 1) // 4}I", data[1:])


class BytePositions(formats.Positions):
    """Positions as bytes. Whoosh's own ``Positions`` pickles each posting's list of position
    deltas (protocol 2, ~14 bytes for one position); this is one byte a position, and a phrase
    check can run on the bytes themselves (:mod:`.engine` shifts them with ``bytes.translate``
    and intersects them as sets, all in C)."""

    def encode(self, poslist: list[int]) -> bytes:  # type: ignore[override]
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:  # type: ignore[override]
        return list(decode_positions(valuestring))

    def decode_frequency(self, valuestring: bytes) -> int:  # type: ignore[override]
        return len(valuestring) if valuestring[:1] != b"\xff" else (len(valuestring) - 1) // 4

    def decode_weight(self, valuestring: bytes) -> float:  # type: ignore[override]
        return float(self.decode_frequency(valuestring))


def positional_postings(terms: list[str]) -> list[Posting]:
    """A text's postings with positions: (term, frequency, weight = frequency, positions)."""
    poses: dict[str, list[int]] = {}
    for i, term in enumerate(terms):
        found = poses.get(term)
        if found is None:
            poses[term] = [i]
        else:
            found.append(i)
    out = []
    for term, positions in poses.items():
        n = len(positions)
        out.append((term.encode(), n, float(n), encode_positions(positions)))
    if len(terms) > _WIDE:
        out.append((WIDE_TERM.encode(), 0, 0.0, b"\0"))
    return out


def counted_postings(terms: Iterable[str]) -> list[Posting]:
    """A text's postings with no value: the frequency is kept as the posting's weight (what
    BM25 reads), so no value needs storing."""
    counts: dict[str, int] = {}
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    return [(term.encode(), n, float(n), b"") for term, n in counts.items()]


class EnglishText(fields.TEXT):
    """English paragraph text: positions (phrases), BM25-scored, not stored."""

    def __init__(self) -> None:
        super().__init__(analyzer=EnglishAnalyzer(), phrase=True, stored=False)
        self.format = BytePositions()

    def index(self, value: str, **kwargs: Any) -> list[Posting]:  # type: ignore[override]
        return positional_postings(english_terms(value))


class ChineseText(fields.TEXT):
    """Chinese paragraph text as bigrams (and lone characters, Latin words) with positions."""

    def __init__(self) -> None:
        super().__init__(analyzer=ChineseAnalyzer(), phrase=True, stored=False)
        self.format = BytePositions()

    def index(self, value: str, **kwargs: Any) -> list[Posting]:  # type: ignore[override]
        return positional_postings(chinese_terms(value)[0])


class ChineseUnigrams(fields.TEXT):
    """Each Chinese character, weighted by its count, no positions: for one-character queries."""

    def __init__(self) -> None:
        super().__init__(analyzer=UnigramAnalyzer(), phrase=False, stored=False)
        self.format = formats.Existence()

    def index(self, value: str, **kwargs: Any) -> list[Posting]:  # type: ignore[override]
        return counted_postings(chinese_terms(value)[1])


_YEAR = re.compile(r"(?:19|20)\d\d")


def tag_terms(value: str) -> list[str]:
    """A filter value's words, folded, unstemmed: ``Sophie Lam`` -> [sophie, lam]. A period also
    gives its year alone (``FY2024`` -> fy2024, 2024), so a filter on the year finds it."""
    words = WORD_RE.findall(fold(value))
    return words + [y for y in _YEAR.findall(value) if y not in words]


LABEL = "="
"""Prefix of the one term per document holding a tag field's whole value (``=sophie lam``):
what facets count by. No tokenizer makes a term starting with it."""


def label_term(value: str) -> str:
    return LABEL + " ".join(fold(value).split())


class TagField(fields.FieldType):
    """A filter field (speaker, company, period): its words as terms, not scored, not stored,
    and its whole value as one label term. A filter asks for all the words the user gave."""

    def __init__(self) -> None:
        self.format = formats.Existence()
        self.analyzer = EnglishAnalyzer()  # for Whoosh's tools only; index() below is the truth
        self.scorable = False
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value: str, **kwargs: Any) -> list[Posting]:  # type: ignore[override]
        terms = [*dict.fromkeys(tag_terms(value)), label_term(value)]
        return [(t.encode(), 1, 1.0, b"") for t in terms]


def make_schema() -> fields.Schema:
    return fields.Schema(
        fp=fields.ID(stored=True),  # the file's fingerprint (reader.core.identity)
        para=fields.STORED(),  # the paragraph's index in the file
        en=EnglishText(),
        zh=ChineseText(),
        zh1=ChineseUnigrams(),
        speaker=TagField(),
        company=TagField(),
        period=TagField(),
        role=fields.ID(),  # operator, management, analyst, unknown
        section=fields.ID(),  # prepared, qa
        date=fields.COLUMN(columns.NumericColumn("i")),  # year * 10 + quarter, for "sort by date"
    )


def period_key(period: str | None) -> int:
    """A sortable number for a normalised period: ``Q2 2024`` -> 20242, ``FY2024`` -> 20245,
    ``H1 2024`` -> 20242 (the quarter it ends), unknown -> 0."""
    if not period:
        return 0
    year = _YEAR.search(period)
    if not year:
        return 0
    quarter = re.search(r"\bQ([1-4])\b", period)
    half = re.search(r"\bH([12])\b", period)
    step = int(quarter[1]) if quarter else (2 * int(half[1]) if half else 5)
    return int(year[0]) * 10 + step
