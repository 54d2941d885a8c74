"""Figures without digits, found by a scan of the whole text rather than by the lexers' rules.

Numbers in words are figures only with a scale, a percent or a currency (`two million vehicles`,
`five percent`, `twenty-five million dollars`, `三成`, `兩百萬美元`), and `the mid to high-90s` is a
vague range. They are rare, and a rule for them in the lexers would test every word of every text
(the lexers' fast path must stop at any word that may start a figure), so they are searched for
once per text, only when a scale or percent word is there, and spliced into the tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pygments.token import Text, _TokenType

from .kinds import MONEY, NUMBER, PERCENT, QUANTITY, RANGE_OF
from .patterns import (
    CN_CUR_SUFFIX,
    CN_SPELLED,
    CN_TENTHS,
    CUR_SUFFIX_EN,
    MOD_EN,
    SCALE_LONG,
    SPELLED_EN,
    UNIT_EN,
    UNIT_ZH,
    WORD_END,
    WORD_NUM_EN,
    D,
)

Token = tuple[int, _TokenType, str]

_NUMBER_WORD_BEFORE = re.compile(rf"(?i:{WORD_NUM_EN})[\s-][A-Za-z]{{1,2}}$")
_START_EN = r"(?<![A-Za-z0-9_'\u2019-])"
_INNER_EN = r"(?:\s(?:more|or\s+so|or\s+more|odd|plus))?"
_RULES_EN: list[tuple[re.Pattern[str], _TokenType]] = [
    (re.compile(rf"{_START_EN}{SPELLED_EN}\s(?i:percent|per\s?cent)\b"), PERCENT),
    (re.compile(rf"{_START_EN}{SPELLED_EN}{SCALE_LONG}\s{CUR_SUFFIX_EN}{WORD_END}"), MONEY),
    (
        re.compile(
            rf"{_START_EN}{SPELLED_EN}{SCALE_LONG}{_INNER_EN}(?:\s{MOD_EN}){{0,2}}[\s-]{UNIT_EN}{WORD_END}"
        ),
        QUANTITY,
    ),
    (re.compile(rf"{_START_EN}{SPELLED_EN}{SCALE_LONG}{WORD_END}"), NUMBER),
    # `the mid to high-90s`: a vague range with no exact value
    (
        re.compile(rf"{_START_EN}(?i:low|mid|high)\s?(?:to|-)\s?(?i:low|mid|high)[\s-]{D}0s(?![A-Za-z0-9])"),
        RANGE_OF["number"],
    ),
]
_HINT_ZH = re.compile(r"[一二兩两三四五六七八九十百千][萬万億亿成]")
_RULES_ZH: list[tuple[re.Pattern[str], _TokenType]] = [
    (re.compile(CN_TENTHS), PERCENT),
    (re.compile(rf"{CN_SPELLED}\s*{CN_CUR_SUFFIX}"), MONEY),
    (re.compile(rf"{CN_SPELLED}\s*(?:[多餘余]\s*)?{UNIT_ZH}"), QUANTITY),
    (re.compile(CN_SPELLED), NUMBER),
]


def add_spelled(text: str, tokens: list[Token], zh: bool) -> list[Token]:
    """`tokens` (covering `text`) with the figures in words made figure tokens, where they lie in
    plain text only."""
    found: list[tuple[int, int, _TokenType]] = []
    for at in _hints_zh(text) if zh else _hints_en(text):
        lo, hi = max(0, at - 80), min(len(text), at + 80)
        for pattern, tokentype in _RULES_ZH if zh else _RULES_EN:
            for m in pattern.finditer(text, lo, hi):
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    found.append((m.start(), m.end(), tokentype))
    if not found:
        return tokens
    return _splice(text, tokens, sorted(found))


def _hints_en(text: str) -> Iterator[int]:
    """Where a figure in words may be: a number word before a scale or percent word (`two
    million`, `five percent`), or `-90s`. Found with `str.find`, far faster than a regex scan."""
    for tail in ("illion", "housand", "ercent", "er cent"):  # m/b/trillion, thousand, percent
        at = text.find(tail)
        while at >= 0:
            if _NUMBER_WORD_BEFORE.search(text, max(0, at - 16), at):
                yield at
            at = text.find(tail, at + 1)
    at = text.find("0s")
    while at >= 0:
        yield at
        at = text.find("0s", at + 1)


def _hints_zh(text: str) -> Iterator[int]:
    for m in _HINT_ZH.finditer(text):
        yield m.start()


def _splice(text: str, tokens: list[Token], found: list[tuple[int, int, _TokenType]]) -> list[Token]:
    """The figure tokens and the `found` spans that overlap none of them, with plain text between."""
    figures = [(pos, t, v) for pos, t, v in tokens if t is not Text]
    ends = [(pos, pos + len(v)) for pos, _, v in figures]
    added = [(s, t, text[s:e]) for s, e, t in found if not any(a < e and s < b for a, b in ends)]
    if not added:
        return tokens
    out: list[Token] = []
    at = 0
    for pos, tokentype, value in sorted(figures + added, key=lambda token: token[0]):
        if pos > at:
            out.append((at, Text, text[at:pos]))
        out.append((pos, tokentype, value))
        at = pos + len(value)
    if at < len(text):
        out.append((at, Text, text[at:]))
    return out
