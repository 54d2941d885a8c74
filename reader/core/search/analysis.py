"""How text becomes index terms, for English and Chinese, at index time and at query time.

Whoosh pickles the analyzers (and the field types of :mod:`.schema`) into the index's schema, so
this module is their stable home: moving or renaming a class here makes old indexes unreadable
(they are then rebuilt, see :mod:`.indexer`), so bump :data:`.schema.SCHEMA_VERSION` with it.

Every text goes through :func:`reader.core.find.fold` first, the folding the in-document Find
uses: lower case, full-width to ASCII, curly quotes to straight ones, and Traditional to
Simplified Chinese character by character with OpenCC's table (opencc-python-reimplemented's
``TSCharacters``). Folding one character to one character keeps every offset in the folded text
an offset in the original, which is what lets the highlighter mark the file's own text. (OpenCC's
phrase table could change a word's length; it is not used.)

- English: words (``3,420`` and ``1.28`` stay one number, ``company's`` is ``company``), Porter
  stemmed (``margins`` finds ``margin``), stop words kept so phrases are exact.
- Chinese: overlapping character bigrams with positions (``营收成长`` -> 营收 收成 成长), a lone
  character between punctuation as itself, and Latin words inside Chinese lines (names, figures)
  as in English. Bigrams find every paragraph a substring search finds for terms of two or more
  characters; single characters go to a separate unigram field (no positions: a one-character
  query never needs them), so ``收`` alone still works.
- Query side: a Chinese term of two or more characters is its bigram phrase (``毛利率`` is the
  phrase 毛利 利率), one character is a unigram term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Analyzer, Token
from whoosh.lang.porter import stem as _porter

from ..find import fold

# CJK ideographs (unified, extension A, compatibility, extensions B-F); kana and hangul are words.
_CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_WORD = rf"[^\W_{_CJK_RANGES}]+(?:[.,'][^\W_{_CJK_RANGES}]+)*"
WORD_RE = re.compile(_WORD)
CJK_RE = re.compile(rf"[{_CJK_RANGES}]+")
CJK_CHAR_RE = re.compile(rf"[{_CJK_RANGES}]")
ZH_TOKEN_RE = re.compile(rf"([{_CJK_RANGES}]+)|({_WORD})")

_stems: dict[str, str] = {}
_STEM_CACHE_SIZE = 200_000


def normalise_word(word: str) -> str:
    """The term for one folded word: ``3,420`` -> ``3420``, ``company's`` -> ``company``,
    ``don't`` -> ``dont``, ``margins`` -> ``margin``. Cached: a call repeats its words."""
    term = _stems.get(word)
    if term is None:
        w = word
        if "'" in w:
            w = w[:-2] if w.endswith("'s") else w.replace("'", "")
        if "," in w:
            w = w.replace(",", "")
        term = _porter(w) if w.isalpha() else w
        if len(_stems) >= _STEM_CACHE_SIZE:
            _stems.clear()
        _stems[word] = term
    return term


def english_terms(text: str) -> list[str]:
    """The terms of an English text in order (a term's list index is its position)."""
    stems = _stems
    return [stems.get(w) or normalise_word(w) for w in WORD_RE.findall(fold(text))]


def chinese_terms(text: str) -> tuple[list[str], list[str]]:
    """The positional terms of a Chinese text (bigrams, lone characters, Latin words) and its
    characters (unigrams), both folded."""
    folded = fold(text)
    terms: list[str] = []
    stems = _stems
    for run, word in ZH_TOKEN_RE.findall(folded):
        if not run:
            terms.append(stems.get(word) or normalise_word(word))
        elif len(run) == 1:
            terms.append(run)
        else:
            terms.extend([a + b for a, b in zip(run, run[1:], strict=False)])
    return terms, CJK_CHAR_RE.findall(folded)


def is_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character."""
    return CJK_RE.search(text) is not None


def query_terms(text: str) -> list[str]:
    """A query word or phrase as the positional terms it must match, in order, in either field's
    vocabulary: Latin words as English terms, Chinese runs as bigrams (a lone character as
    itself). ``毛利率`` -> [毛利, 利率]; ``gross margins`` -> [gross, margin]."""
    terms, _ = chinese_terms(text)
    return terms


# --- Whoosh analyzers (pickled into the schema; used by Whoosh's own tools and by highlighting) ---


def _token(text: str, pos: int, start: int, end: int, positions: bool, chars: bool, **kwargs: Any) -> Token:
    t = Token(positions=positions, chars=chars, removestops=False, **kwargs)
    t.text = text
    t.boost = 1.0
    t.stopped = False
    if positions:
        t.pos = pos
    if chars:
        t.startchar, t.endchar = start, end
    return t


class _TermAnalyzer(Analyzer):
    """An analyzer that yields its terms from ``tokens``; Whoosh's own keyword arguments (mode,
    tokenize, removestops) change nothing here and are dropped."""

    def __call__(  # type: ignore[override]
        self, value: str, positions: bool = False, chars: bool = False, start_pos: int = 0, **_kwargs: Any
    ) -> Iterator[Token]:
        return self.tokens(value, positions, chars, start_pos)

    def tokens(self, value: str, positions: bool, chars: bool, start_pos: int) -> Iterator[Token]:
        raise NotImplementedError


class EnglishAnalyzer(_TermAnalyzer):
    """English words, folded and stemmed (:func:`english_terms`), with character offsets."""

    def tokens(self, value: str, positions: bool, chars: bool, start_pos: int) -> Iterator[Token]:
        for i, m in enumerate(WORD_RE.finditer(fold(value))):
            yield _token(normalise_word(m.group()), start_pos + i, m.start(), m.end(), positions, chars)


class ChineseAnalyzer(_TermAnalyzer):
    """Chinese lines as bigrams, lone characters and Latin words (:func:`chinese_terms`), with
    character offsets (a bigram spans its two characters, so neighbouring bigrams overlap)."""

    def tokens(self, value: str, positions: bool, chars: bool, start_pos: int) -> Iterator[Token]:
        pos = start_pos
        for m in ZH_TOKEN_RE.finditer(fold(value)):
            run, start = m.group(1), m.start()
            if not run:
                yield _token(normalise_word(m.group(2)), pos, start, m.end(), positions, chars)
                pos += 1
            elif len(run) == 1:
                yield _token(run, pos, start, start + 1, positions, chars)
                pos += 1
            else:
                for i in range(len(run) - 1):
                    yield _token(run[i : i + 2], pos, start + i, start + i + 2, positions, chars)
                    pos += 1


class UnigramAnalyzer(_TermAnalyzer):
    """Each Chinese character of a text, folded: the terms that answer one-character queries."""

    def tokens(self, value: str, positions: bool, chars: bool, start_pos: int) -> Iterator[Token]:
        for i, m in enumerate(CJK_CHAR_RE.finditer(fold(value))):
            yield _token(m.group(), start_pos + i, m.start(), m.end(), positions, chars)
