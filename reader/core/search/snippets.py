"""Where a query's words are in a paragraph's text, and a snippet around them.

Spans are computed on the text as the file has it (Traditional stays Traditional): folding
(:func:`reader.core.find.fold`) maps each character to one character, so an offset in the
folded text is an offset in the original. This does not use Whoosh's highlighter, which breaks
on overlapping tokens such as Chinese bigrams (whoosh issue 532):
- English words are matched token by token with the index's own analysis (``margins`` marks
  for ``margin``; a prefix marks the words it starts; a phrase marks its whole run of words);
- Chinese words are found as folded substrings (``營收`` marks 营收 and 營收), which is exact
  where bigrams only approximate.
"""

from __future__ import annotations

from ..find import fold
from .analysis import WORD_RE, is_cjk, normalise_word
from .query import Words

Span = tuple[int, int]


def spans(text: str | None, words: list[Words]) -> list[Span]:
    """The merged, sorted (start, end) character ranges of ``text`` that ``words`` match."""
    if not text or not words:
        return []
    folded = fold(text)
    found: list[Span] = []
    tokens: list[tuple[str, int, int]] | None = None
    for w in words:
        if w.unigram is not None or (w.chinese and not any(t.isascii() for t in w.terms)):
            needle = w.unigram if w.unigram is not None else "".join(fold(w.text).split()).rstrip("*")
            start = folded.find(needle)
            while needle and start >= 0:
                found.append((start, start + len(needle)))
                start = folded.find(needle, start + 1)
            continue
        if tokens is None:
            tokens = [(normalise_word(m.group()), m.start(), m.end()) for m in WORD_RE.finditer(folded)]
        terms = [t for t in w.terms if not is_cjk(t)]
        if not terms:
            continue
        if w.prefix:
            found += [(s, e) for term, s, e in tokens if term.startswith(terms[0])]
            continue
        n = len(terms)
        for i in range(len(tokens) - n + 1):
            if all(tokens[i + k][0] == terms[k] for k in range(n)):
                found.append((tokens[i][1], tokens[i + n - 1][2]))
    return merge(found)


def merge(found: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(found):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def snippet(text: str, marks: list[Span], width: int = 240) -> tuple[str, list[Span]]:
    """At most about ``width`` characters of ``text`` around its first mark, cut at spaces
    where it can be, with "…" where text was left out; the marks inside it, moved to match."""
    if len(text) <= width:
        return text, list(marks)
    first = marks[0][0] if marks else 0
    start = max(0, first - width // 4)
    if start:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end, end + 20)
        end = space if space >= 0 else end
    lead = "…" if start else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    inside = [(max(s, start) + shift, min(e, end) + shift) for s, e in marks if e > start and s < end]
    return lead + text[start:end] + tail, inside
