"""Find in the document, in both languages at once, with Traditional and Simplified Chinese folded.

    finder = Finder(transcript)
    matches = finder.find("營收")  # also finds 营收, in the English and the Chinese lines
    i = nearest(matches, current_paragraph)

Both the text and the query go through :func:`fold`, which maps each character to one character
(Traditional to Simplified, full-width to ASCII, upper to lower case, curly quotes and dashes to
plain ones), so an offset in the folded text is the same offset in the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

from .model import Transcript

# Typography a user types as plain ASCII. Full-width forms (U+FF01-FF5E, which include the
# Chinese comma, colon and parentheses) are mapped by range in _build_table.
_TYPOGRAPHY = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',  # ‟
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u3000": " ",  # ideographic space
}

# Taiwan writes 著 where the mainland writes 着 (意味著 / 意味着); TSCharacters leaves 著 alone
# because it is also a Simplified character (显著). Folding both ways only widens what matches.
_EXTRA_CJK = {"著": "着"}

_table: str | None = None


def _ts_characters() -> dict[str, str]:
    """OpenCC's Traditional-to-Simplified character dictionary: first candidate, one char only."""
    text = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        key, _, targets = line.partition("\t")
        target = targets.split(" ", 1)[0]
        if len(key) == 1 and len(target) == 1:
            out[key] = target
    return out


def _build_table() -> str:
    """A str indexed by code point: table[ord(c)] is c folded. Code points past its end fold to
    themselves (str.translate treats the IndexError as "unmapped")."""
    step: dict[str, str] = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    step.update(_TYPOGRAPHY)
    step.update(_ts_characters())
    step.update(_EXTRA_CJK)
    size = max(max(map(ord, step)), 0x1E943) + 1  # 0x1E943: the last code point with a lower case
    chars = []
    for code in range(size):
        c = chr(code)
        for _ in range(4):  # to a fixed point: Ａ -> A -> a, 薴 -> 苧 -> 苎
            lower = c.lower()
            lower = lower if len(lower) == 1 else c  # not İ, whose lower case is two characters
            folded = step.get(lower, lower)
            if folded == c:
                break
            c = folded
        chars.append(c)
    return "".join(chars)


def _fold_table() -> str:
    global _table
    if _table is None:
        _table = _build_table()
    return _table


def fold(text: str) -> str:
    """``text`` with each character folded for matching; always the same length as ``text``."""
    return text.translate(_fold_table())


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern that finds ``query`` in folded text (whitespace matches any run of
    whitespace), or None for an empty or whitespace-only query."""
    words = fold(unicodedata.normalize("NFC", query)).split()
    if not words:
        return None
    return re.compile(r"\s+".join(map(re.escape, words)))


@dataclass(frozen=True, slots=True)
class Match:
    """One match of a find: a span of a paragraph's text in one language."""

    paragraph: int
    lang: str  # "en" or "zh"
    start: int  # offsets into the paragraph's text in that language
    end: int


class Finder:
    """Finds text in one transcript. Each paragraph is folded the first time a search reaches
    it and kept, so later searches only run the pattern."""

    def __init__(self, transcript: Transcript) -> None:
        self._paragraphs = transcript.paragraphs
        self._folded: list[tuple[str | None, str | None] | None] = [None] * len(self._paragraphs)

    def _folded_pair(self, index: int) -> tuple[str | None, str | None]:
        pair = self._folded[index]
        if pair is None:
            p = self._paragraphs[index]
            pair = (
                fold(p.en) if p.en is not None else None,
                fold(p.zh) if p.zh is not None else None,
            )
            self._folded[index] = pair
        return pair

    def find(self, query: str, paragraphs: range | None = None) -> list[Match]:
        """Every non-overlapping match of ``query`` in document order (paragraph, English before
        Chinese, offset), within ``paragraphs`` if given."""
        pattern = compile_query(query)
        if pattern is None:
            return []
        n = len(self._paragraphs)
        if paragraphs is None:
            indices: range = range(n)
        else:
            if paragraphs.step < 0:
                paragraphs = paragraphs[::-1]
            indices = paragraphs[bisect_left(paragraphs, 0) : bisect_left(paragraphs, n)]
        out = []
        for i in indices:
            en, zh = self._folded_pair(i)
            if en is not None:
                out += [Match(i, "en", m.start(), m.end()) for m in pattern.finditer(en)]
            if zh is not None:
                out += [Match(i, "zh", m.start(), m.end()) for m in pattern.finditer(zh)]
        return out


def nearest(matches: Sequence[Match], paragraph: int, backwards: bool = False) -> int | None:
    """Index into ``matches`` (in document order) of the first match in ``paragraph`` or after
    it, or with ``backwards`` of the last match before ``paragraph``; None if there is none."""
    i = bisect_left(matches, paragraph, key=lambda m: m.paragraph)
    if backwards:
        return i - 1 if i > 0 else None
    return i if i < len(matches) else None
