"""Anchors: making one from a selection, and finding it again in a changed document.

Finding again goes from the most to the least certain, as Hypothesis does:
1. the paragraph with the same key still has the quote at the same offsets -> ``attached``;
2. the exact quote elsewhere (in that paragraph first), the best candidate chosen by how well
   the text around it matches the stored context -> ``reanchored``;
3. a fuzzy match (difflib) of the quote, paragraph by paragraph: similar enough
   (:data:`FUZZY_THRESHOLD`) where its context agrees, nearly the same (:data:`FUZZY_SURE`)
   where it does not -> ``reanchored``, the anchor now quoting the text found;
4. else ``orphan``: the anchor is kept as it was, so the note still shows its quote and can be
   placed again later (another version of the file, or the user re-attaching it).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Paragraph, Transcript
from ..numbering import shown
from .models import LANGS, Anchor, AnchorError, Placement, Status

CONTEXT = 32
"""Characters of document text kept before and after a quote."""

FUZZY_THRESHOLD = 0.8
"""How similar (difflib ratio) a passage must be to the quote to take its place, if the text
on both sides of it agrees with the stored context too; :data:`FUZZY_SURE` if it does not."""

FUZZY_SURE = 0.9

SHORT_QUOTE = 24
"""An exact match of a quote shorter than this is accepted only where its context agrees too:
"27%" or "Thank you." alone says little about where it was."""

CONTEXT_AGREEMENT = 0.6
"""Context agrees when the text around a candidate is this similar (difflib ratio) to the stored
one; two unrelated 32-character stretches of a transcript score 0.28 (median), 0.5 (1 in 100)."""

TOKENS_KEPT = 0.5
"""A paragraph is tried for a fuzzy match only if it holds this share of the quote's words."""

_WORD = re.compile(r"[A-Za-z0-9]+")
_CJK_RUN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]+")


def paragraph_text(paragraph: Paragraph, lang: str) -> str | None:
    return paragraph.en if lang == "en" else paragraph.zh


class DocumentText:
    """A transcript's text in one language, laid end to end (paragraphs joined by a newline), with
    the offset where each paragraph starts: context runs across paragraph ends, as in the file."""

    def __init__(self, transcript: Transcript, lang: str) -> None:
        if lang not in LANGS:
            raise AnchorError(f"unknown language {lang!r} (use en or zh)")
        self.transcript = transcript
        self.lang = lang
        texts = [paragraph_text(p, lang) or "" for p in transcript.paragraphs]
        self.starts: list[int] = []
        offset = 0
        for text in texts:
            self.starts.append(offset)
            offset += len(text) + 1
        self.texts = texts
        self.flat = "\n".join(texts)
        self.by_key = {p.key: p.index for p in transcript.paragraphs}
        self._tokens: dict[int, frozenset[str]] = {}

    def tokens(self, index: int) -> frozenset[str]:
        if index not in self._tokens:
            self._tokens[index] = tokens(self.texts[index])
        return self._tokens[index]

    def paragraph_at(self, flat_offset: int) -> int:
        return bisect.bisect_right(self.starts, flat_offset) - 1

    def context(self, index: int, start: int, end: int) -> tuple[str, str]:
        base = self.starts[index]
        return (
            self.flat[max(0, base + start - CONTEXT) : base + start],
            self.flat[base + end : base + end + CONTEXT],
        )


def make_anchor(
    transcript: Transcript, paragraph: int, lang: str, start: int = 0, end: int | None = None
) -> Anchor:
    """The anchor of characters ``start:end`` of a paragraph's text in ``lang`` (the whole
    paragraph by default), as a selection in the window gives them."""
    text = _text_of(transcript, paragraph, lang)
    end = len(text) if end is None else end
    if not 0 <= start < end <= len(text):
        raise AnchorError(
            f"characters {start}-{end} are not within paragraph {_named(paragraph)} ({len(text)} characters)"
        )
    doc = DocumentText(transcript, lang)
    prefix, suffix = doc.context(paragraph, start, end)
    key = transcript.paragraphs[paragraph].key
    return Anchor(key, lang, start, end, text[start:end], prefix, suffix)


def find_quote(transcript: Transcript, paragraph: int, lang: str, quote: str | None = None) -> Anchor:
    """The anchor of ``quote`` (its first occurrence) in a paragraph, or of the whole paragraph."""
    text = _text_of(transcript, paragraph, lang)
    if quote is None:
        return make_anchor(transcript, paragraph, lang)
    start = text.find(quote) if quote else -1
    if start < 0:
        raise AnchorError(f"the quote is not in the {lang} text of paragraph {_named(paragraph)}")
    return make_anchor(transcript, paragraph, lang, start, start + len(quote))


def placement(transcript: Transcript, paragraph: int | None, lang: str) -> Placement:
    """What a note at ``paragraph`` shows without the file: speaker, section, call, and the
    paragraph in the other language."""
    if paragraph is None:
        return Placement(None)
    p = transcript.paragraphs[paragraph]
    speaker = transcript.speaker_of(p)
    other = paragraph_text(p, "zh" if lang == "en" else "en") or ""
    return Placement(
        paragraph=paragraph,
        speaker=speaker.name if speaker else transcript.turns[p.turn].speaker,
        speaker_title=speaker.title if speaker else "",
        section=p.section.value,
        call=p.call,
        counterpart=other,
    )


@dataclass(frozen=True)
class Found:
    status: Status
    anchor: Anchor  # the new anchor; for an orphan, the old one unchanged
    paragraph: int | None


def reanchor(anchor: Anchor, doc: DocumentText) -> Found:
    """Find ``anchor`` in ``doc`` (a document in the anchor's language); see the module doc."""
    same = doc.by_key.get(anchor.key)
    if same is not None and doc.texts[same][anchor.start : anchor.end] == anchor.quote:
        return Found(Status.ATTACHED, _anchor_at(doc, same, anchor.start, anchor.end), same)
    hit = _exact(anchor, doc, same)
    if hit is None:
        hit = _fuzzy(anchor, doc, same)
    if hit is None:
        return Found(Status.ORPHAN, anchor, None)
    index, start, end = hit
    return Found(Status.REANCHORED, _anchor_at(doc, index, start, end), index)


def _exact(anchor: Anchor, doc: DocumentText, same: int | None) -> tuple[int, int, int] | None:
    quote = anchor.quote
    if not quote:
        return None
    best: tuple[float, int, int] | None = None  # (score, paragraph, start)
    at = doc.flat.find(quote)
    while at >= 0:
        index = doc.paragraph_at(at)
        start = at - doc.starts[index]
        if start + len(quote) <= len(doc.texts[index]):  # not across a paragraph end
            agreement = _context_agreement(anchor, doc, index, start, start + len(quote))
            if len(quote) >= SHORT_QUOTE or agreement >= CONTEXT_AGREEMENT or index == same:
                score = agreement + (1.0 if index == same else 0.0) - abs(start - anchor.start) * 1e-6
                if best is None or score > best[0]:
                    best = (score, index, start)
        at = doc.flat.find(quote, at + 1)
    return None if best is None else (best[1], best[2], best[2] + len(quote))


def _fuzzy(anchor: Anchor, doc: DocumentText, same: int | None) -> tuple[int, int, int] | None:
    quote = anchor.quote
    if len(quote) < 8:
        return None
    wanted = tokens(quote)
    # Did the user's selection start and end on word boundaries? Then so will the match.
    snap = (not _in_word(anchor.prefix[-1:] + quote, 1), not _in_word(quote + anchor.suffix[:1], len(quote)))
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote)
    best: tuple[float, int, int, int] | None = None
    for index, text in enumerate(doc.texts):
        if len(text) < len(quote) * FUZZY_THRESHOLD:
            continue
        # A passage this like the quote keeps most of its words (Chinese: character pairs);
        # checking that first spares difflib most paragraphs.
        if len(wanted) >= 3 and len(wanted & doc.tokens(index)) < TOKENS_KEPT * len(wanted):
            continue
        start, end, ratio = _best_window(text, quote, matcher, snap)
        if ratio < FUZZY_THRESHOLD:
            continue
        agreement = _context_agreement(anchor, doc, index, start, end)
        # A similar sentence said elsewhere is not the passage: unless it is nearly the same, the
        # text on both sides of it must agree too (a repeated lead-in alone is not enough).
        unsure = len(quote) < SHORT_QUOTE or ratio < FUZZY_SURE
        if unsure and _context_agreement(anchor, doc, index, start, end, both=True) < CONTEXT_AGREEMENT:
            continue
        score = ratio + 0.05 * agreement + (0.01 if index == same else 0.0)
        if best is None or score > best[0]:
            best = (score, index, start, end)
    return None if best is None else best[1:]


def tokens(text: str) -> frozenset[str]:
    """The words of ``text`` (letters and digits, lower-cased) and its pairs of adjacent CJK
    characters: what a fuzzy match must mostly share."""
    found = {w.lower() for w in _WORD.findall(text)}
    for run in _CJK_RUN.findall(text):
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(found)


def _best_window(
    text: str, quote: str, matcher: SequenceMatcher[str], snap: tuple[bool, bool]
) -> tuple[int, int, float]:
    """The passage of ``text`` most like ``quote``: aligned on their longest common block, then
    its ends moved while that improves the ratio. The window is only refined when it is close
    already (difflib's cheap upper bounds first): this runs for every paragraph of a file."""
    matcher.set_seq1(text)
    main = matcher.find_longest_match(0, len(text), 0, len(quote))
    if main.size == 0:
        return 0, 0, 0.0
    start = max(0, main.a - main.b)
    end = min(len(text), start + len(quote))
    window = SequenceMatcher(None, autojunk=False)
    window.set_seq2(quote)  # difflib caches what it learns about the second sequence

    def ratio(s: int, e: int) -> float:
        window.set_seq1(text[s:e])
        return window.ratio() if e > s else 0.0

    window.set_seq1(text[start:end])
    if window.quick_ratio() < FUZZY_THRESHOLD - 0.1:
        return start, end, 0.0
    best = (ratio(start, end), start, end)
    if best[0] < FUZZY_THRESHOLD - 0.1:
        return start, end, best[0]
    for _round in range(3):
        before = best
        for step in (-8, -4, -2, -1, 1, 2, 4, 8):
            s = best[1] + step
            if 0 <= s < best[2]:
                best = max(best, (ratio(s, best[2]), s, best[2]))
        for step in (-8, -4, -2, -1, 1, 2, 4, 8):
            e = best[2] + step
            if best[1] < e <= len(text):
                best = max(best, (ratio(best[1], e), best[1], e))
        if best == before:
            break
    _, start, end = best
    while snap[0] and start > best[1] - 16 and _in_word(text, start):
        start -= 1
    while snap[1] and end < best[2] + 16 and _in_word(text, end):
        end += 1
    return start, end, best[0] if (start, end) == best[1:] else ratio(start, end)


def _in_word(text: str, at: int) -> bool:
    """True when offset ``at`` falls between two ASCII letters or digits."""
    if not 0 < at < len(text):
        return False
    a, b = text[at - 1], text[at]
    return a.isascii() and a.isalnum() and b.isascii() and b.isalnum()


def _context_agreement(
    anchor: Anchor, doc: DocumentText, index: int, start: int, end: int, both: bool = False
) -> float:
    """0..1: how much the text around a candidate looks like the stored prefix and suffix (on
    average; with ``both``, on the side that agrees least)."""
    if not anchor.prefix and not anchor.suffix:
        return 0.0
    prefix, suffix = doc.context(index, start, end)
    scores = []
    if anchor.prefix:
        scores.append(
            SequenceMatcher(None, anchor.prefix, prefix[-len(anchor.prefix) :], autojunk=False).ratio()
        )
    if anchor.suffix:
        scores.append(
            SequenceMatcher(None, anchor.suffix, suffix[: len(anchor.suffix)], autojunk=False).ratio()
        )
    return min(scores) if both else sum(scores) / len(scores)


def _anchor_at(doc: DocumentText, index: int, start: int, end: int) -> Anchor:
    prefix, suffix = doc.context(index, start, end)
    key = doc.transcript.paragraphs[index].key
    return Anchor(key, doc.lang, start, end, doc.texts[index][start:end], prefix, suffix)


def _text_of(transcript: Transcript, paragraph: int, lang: str) -> str:
    if lang not in LANGS:
        raise AnchorError(f"unknown language {lang!r} (use en or zh)")
    count = len(transcript.paragraphs)
    if not 0 <= paragraph < count:
        raise AnchorError(
            f"no paragraph at index {paragraph}: the file has indexes 0-{count - 1} "
            f"(paragraphs 1-{count} as the reader numbers them)"
        )
    text = paragraph_text(transcript.paragraphs[paragraph], lang)
    if not text:
        language = "English" if lang == "en" else "Chinese"
        raise AnchorError(f"paragraph {_named(paragraph)} has no {language} text")
    return text


def _named(paragraph: int) -> str:
    """A paragraph in an error message: its number as the reader shows it, and the 0-based
    index a script gave."""
    return f"{shown(paragraph)} (index {paragraph})"
