"""What the figure lexers decide from a token's neighbours, after the regular expressions ran.

Passes over a text's tokens, so that the highlighter and `find_figures()` see the same figures
(the figures in words of `spelled` are spliced in first):

1. names: digits in a name are not figures. A number written right after a capitalised word in the
   middle of a sentence (`Polestar 4`, `Lynk & Co 08`, `Antora 1000`), after `Tier`, `Fortune`,
   `Galaxy`…, with a leading zero (`領克07`) or before 強 (`財富 200 強`) is a name; so is the same digit
   run written bare elsewhere in the text (`the Antora 1000 and the 1000 Pro`).
2. ranges: two figures joined by `to`/`-`/`至`/`到` become one range token when they can be the ends
   of one interval: compatible kinds (a bare number takes the kind of the other end), the same
   currency and unit, and a low end below the high end, so a spoken self-correction
   (`almost 7 million to 6.9 million vehicles`, `700 萬至 690 萬輛`) and a change (`31% 至 13 億元`)
   stay two figures; so does a change (`margin improved from 21% to 23%`), and a comparison of two
   years (`from 2023 to 2024`), which the lexer reads as one year range, is split in two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from pygments.token import Text, _TokenType

from .kinds import KINDS, NUMBER, PERIOD, QUANTITY, RANGE_OF
from .patterns import YEAR
from .spelled import add_spelled
from .values import Figure, parse_token

Token = tuple[int, _TokenType, str]

# Words after which a number is no name: function words, qualifiers, months, periods, currencies.
_NOT_NAMES = re.compile(
    "in|by|from|to|since|of|at|on|for|about|around|over|under|approximately|nearly|almost|and|or|with"
    "|than|until|through|before|after|during|between|only|just|roughly|some|another|top|up|down|all|but"
    "|so|the|our|we|these|those|total|i|add|plus|minus|per|each|every|additional|january|february"
    "|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul"
    "|aug|sep|sept|oct|nov|dec|q|h|fy|cy|rmb|usd|us|hk|eur"
)
# Words that name a list, a grade or a product line: a number after them is a name at any position.
_NAME_WORDS = re.compile("tier|fortune|galaxy|phase|gen|generation|level|stage|version|series")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)( ?)$")
_BARE = re.compile(r"[0-9\uff10-\uff19]+(?![0-9\uff10-\uff19.,\uff0c])")
_SCALED = re.compile(r"[\s-]*(?:thousand|million|billion|trillion|萬|万|億|亿|百萬|百万|千萬|千万)", re.I)
_ZERO = re.compile(r"[0\uff10][0-9\uff10-\uff19]+")
_RANKED = re.compile(r"\s*[強强]")
_SENTENCE_END = frozenset('.?!:;"\u201c\u2014(\u3002\uff1f\uff01\uff1a\uff1b')


def refine(text: str, tokens: Iterable[Token], zh: bool) -> list[Token]:
    """The tokens of `text` with names made plain text and ranges joined into one token."""
    out = add_spelled(text, list(tokens), zh)
    figures = [i for i, (_, t, _) in enumerate(out) if t is not Text]
    if not figures:
        return out
    figures = _unname(text, out, figures, zh)
    split = _split_years(text, out, figures)
    if split is not None:
        out = split
        figures = [i for i, (_, t, _) in enumerate(out) if t is not Text]
    return _join_ranges(text, out, figures, zh)


def _digits(tokentype: _TokenType, token: str) -> str | None:
    """The digit run of a bare count (`1000`, `4`, `1000 platform`), else None."""
    if tokentype is not NUMBER and tokentype is not QUANTITY:
        return None
    m = _BARE.match(token)
    if m is None or _SCALED.match(token, m.end()):
        return None
    if tokentype is NUMBER and m.end() != len(token):
        return None
    return m.group()


def _is_name(text: str, pos: int, token: str, digits: str, zh: bool) -> bool:
    """The bare count `token` (digits `digits`) at `pos` is part of a name."""
    if _ZERO.fullmatch(digits) or _RANKED.match(text, pos + len(token)):
        return True
    m = _WORD_BEFORE.search(text, max(0, pos - 24), pos)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if _NAME_WORDS.fullmatch(low):
        return True
    capitalised = word[0].isupper() or any(c.isupper() for c in word[1:])  # `Polestar`, `iPhone`
    if not capitalised or _NOT_NAMES.fullmatch(low) or len(digits) == 4 and digits[:2] in ("19", "20"):
        return False
    before = text[max(0, m.start() - 8) : m.start()].rstrip()
    if zh or before.endswith("&"):  # a Latin name in Chinese text; `Lynk & Co 08`
        return True
    return bool(before) and before[-1] not in _SENTENCE_END  # not `Nearly 30 engineers`


def _unname(text: str, out: list[Token], figures: list[int], zh: bool) -> list[int]:
    """Make the names among `figures` (indices into `out`) plain text; the indices left."""
    names: set[str] = set()
    bare: list[tuple[int, str]] = []
    kept = []
    for i in figures:
        pos, tokentype, token = out[i]
        digits = _digits(tokentype, token)
        if digits is not None and _is_name(text, pos, token, digits, zh):
            names.add(digits)
            out[i] = (pos, Text, token)
        else:
            kept.append(i)
            if digits is not None and digits == token:
                bare.append((i, digits))
    if names and bare:
        again = {i for i, digits in bare if digits in names}
        for i in again:
            pos, _, token = out[i]
            out[i] = (pos, Text, token)
        kept = [i for i in kept if i not in again]
    return kept


_GAP = re.compile(r"\s?(?:to|through|-|\u2013|\u2014|~)\s?|\s*(?:至|到|-|\u2013|\u2014|~|\uff5e|\uff0d)\s*")


def range_kind(a: str, b: str) -> str | None:
    """The kind of a range whose ends have kinds `a` and `b`, or None when they cannot be one."""
    if "period" in (a, b):
        return None
    if a == b or b == "number":
        return a
    return b if a == "number" else None


def range_ends(
    kind: str, a: Figure, b: Figure, a_scale: float, b_scale: float
) -> tuple[Figure, Figure] | None:
    """The two ends of a range read as `kind`, the low end taking the scale, currency and unit of the
    high end where it writes none (`$26 to $32 million` is 26e6 to 32e6); None when they are no
    interval (different currencies or units, or a low end not below the high end)."""
    if a.value is None or b.value is None:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    if a_scale == 1 and a.text[-1:].isdigit():  # a bare number: `$26` in `$26 to $32 million`
        a = replace(a, value=_times(a.value, b_scale), precision=_times(a.precision, b_scale))
    a, b = replace(a, unit=a.unit or b.unit), replace(b, unit=b.unit or a.unit)
    assert a.value is not None and b.value is not None
    return (a, b) if a.value < b.value else None


def _times(x: float | None, scale: float) -> float | None:
    return None if x is None else float(Decimal(repr(x)) * Decimal(scale))


_FROM = re.compile(r"(?:\b[Ff]rom|從|从|由)\s*$")
_RANGING = re.compile(r"(?:\b(?i:rang(?:e|es|ed|ing)|anywhere)\s+from)\s*$")
_CHANGED_FROM = re.compile(
    r"\b(?i:increas|decreas|grow|grew|rise|rose|risen|fall|fell|declin|improv|expand|drop|climb|jump"
    r"|mov|went|go|gone|up|down|chang|shift|reduc|cut|rais|lift|boost|widen|narrow)[a-z]*"
    r"(?:\s+[a-z]+){0,3}\s+from\s*$"
)


def _from_period(text: str, pos: int) -> bool:
    """The period at `pos` follows "from" (`from 2023 to 2024`, `從 2023 年到 2024 年`): a
    comparison of two periods, not an interval (but `ranging from` is one)."""
    before = text[max(0, pos - 24) : pos]
    return _FROM.search(before) is not None and _RANGING.search(before) is None


def _changed_from(text: str, pos: int) -> bool:
    """The value at `pos` is where a change starts (`margin improved from 21% to 23%`): the two
    values are two figures. A bare "from" (`prices from $400 to $1,200`) still makes a range."""
    return _CHANGED_FROM.search(text, max(0, pos - 48), pos) is not None


_YEARS = re.compile(
    rf"({YEAR}(?:\s*年度?)?)(\s*(?:to|through|-|\u2013|\u2014|~|至|到)\s*)({YEAR}(?:\s*年度?)?)"
)


def _split_years(text: str, out: list[Token], figures: list[int]) -> list[Token] | None:
    """`from 2023 to 2024` is a change between two years: two figures (the lexer's year range is
    one token). None when there is none."""
    split: dict[int, list[Token]] = {}
    for i in figures:
        pos, tokentype, token = out[i]
        if tokentype is PERIOD and _from_period(text, pos):
            m = _YEARS.fullmatch(token)
            if m:
                split[i] = [
                    (pos, PERIOD, m.group(1)),
                    (pos + m.start(2), Text, m.group(2)),
                    (pos + m.start(3), PERIOD, m.group(3)),
                ]
    if not split:
        return None
    return [t for i, token in enumerate(out) for t in split.get(i, [token])]


def _join_ranges(text: str, out: list[Token], figures: list[int], zh: bool) -> list[Token]:
    """`out` with each pair of neighbouring figures that are the ends of one interval made one token."""
    joined: dict[int, tuple[int, Token]] = {}  # first token index → (last token index, range token)
    k = 0
    while k < len(figures) - 1:
        i, j = figures[k], figures[k + 1]
        (pa, ta, va), (pb, tb, vb) = out[i], out[j]
        kind = range_kind(KINDS.get(ta, ""), KINDS.get(tb, ""))  # a vague range joins nothing
        gap = pb - pa - len(va)
        if (
            kind is not None
            and gap <= 9
            and _GAP.fullmatch(text, pa + len(va), pb)
            and not _changed_from(text, pa)
        ):
            a, a_scale = parse_token(kind, va, pa, zh)
            b, b_scale = parse_token(kind, vb, pb, zh)
            if range_ends(kind, a, b, a_scale, b_scale) is not None:
                joined[i] = (j, (pa, RANGE_OF[kind], text[pa : pb + len(vb)]))
                k += 2
                continue
        k += 1
    if not joined:
        return out
    result: list[Token] = []
    i = 0
    while i < len(out):
        if i in joined:
            last, token = joined[i]
            result.append(token)
            i = last + 1
        else:
            result.append(out[i])
            i += 1
    return result
