"""Numbers written in words: English (`three`, `a million`) and Chinese numerals (`三十一`, `兩`).

Word numbers are not figures; the comparison only uses them to excuse a figure written in digits on
one side and in words on the other (`three central computers` / `3 個中央電腦`).
"""

from __future__ import annotations

import re

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
)
_EN_ONES = {w: i for i, w in enumerate([*_ONES.split(), "seventeen", "eighteen", "nineteen"])}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_TENS = {w: 10 * i for i, w in enumerate(_TENS, 2)}
_EN_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_WORD = re.compile(r"[a-z]+|[^a-z\s-]")


def english_word_numbers(text: str) -> set[float]:
    """The values of the numbers spelt out in English text: `three` → 3, `twenty-five` → 25,
    `a million` → 1e6, `two hundred and five` → 205, `a dozen` → 12."""
    values: set[float] = set()
    total = current = 0.0
    last = ""  # what the number so far ended with: "", "ones", "tens", "hundred", "big"
    prev = ""

    def flush() -> None:
        nonlocal total, current, last
        if last:
            values.add(total + current)
        total = current = 0.0
        last = ""

    for w in [*_EN_WORD.findall(text.lower()), "."]:
        if w in _EN_ONES:
            if (
                last == "ones"
                or (last == "tens" and _EN_ONES[w] >= 10)
                or (last == "tens" and not _EN_ONES[w])
            ):
                flush()
            current += _EN_ONES[w]
            last = "ones"
        elif w in _EN_TENS:
            if last in ("ones", "tens"):
                flush()
            current += _EN_TENS[w]
            last = "tens"
        elif w in ("hundred", "dozen") and (last in ("ones", "tens") or prev in ("a", "an")):
            current = (current or 1) * (100 if w == "hundred" else 12)
            last = "hundred"
        elif w in _EN_BIG and (last or prev in ("a", "an")):
            total += (current or 1) * _EN_BIG[w]
            current = 0
            last = "big"
        elif not (w == "and" and last in ("hundred", "big")):
            flush()
        prev = w
    return values


_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "兩": 2, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"萬": 1e4, "万": 1e4, "億": 1e8, "亿": 1e8}
CN_NUMERAL_RUN = re.compile("[零〇一二兩两三四五六七八九十百千萬万億亿]+")


def chinese_numeral(s: str) -> float | None:
    """`三十一` → 31, `二十六` → 26, `兩` → 2, `一百` → 100, `三點五` → 3.5; None if `s` is not one."""
    whole, _, frac = s.replace("点", "點").partition("點")
    if not whole:
        return None
    total = section = 0.0
    digit: int | None = None
    for ch in whole:
        if ch in _CN_DIGITS:
            # digit by digit, as in 二〇二四
            digit = _CN_DIGITS[ch] if digit is None else digit * 10 + _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total = (total + (section or 1)) * _CN_BIG[ch]
            section, digit = 0, None
        else:
            return None
    value = total + section + (digit or 0)
    if frac:
        digits = "".join(str(_CN_DIGITS[c]) for c in frac if c in _CN_DIGITS)
        if len(digits) != len(frac):
            return None
        value += float("0." + digits)
    return value


def chinese_word_numbers(text: str) -> set[float]:
    """The values of the Chinese numerals in a text (`三個中央電腦` → {3}, `第一梯隊` → {1})."""
    values: set[float] = set()
    for run in CN_NUMERAL_RUN.findall(text):
        value = chinese_numeral(run)
        if value is not None:
            values.add(value)
    return values


_CN_MONTH_WORD = re.compile("(十[一二]?|[一二三四五六七八九])月")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def chinese_word_months(text: str) -> set[str]:
    """Months written in Chinese numerals (`六月` → `Jun`), as period parts."""
    out: set[str] = set()
    for m in _CN_MONTH_WORD.finditer(text):
        n = chinese_numeral(m.group(1))
        if n is not None and 1 <= n <= 12:
            out.add(MONTHS[int(n) - 1])
    return out


_EN_LATE = re.compile(r"\b(?:later|latter|back)\s+(?:part|end|half)\b", re.I)
_EN_EARLY = re.compile(r"\b(?:early|earlier|front)\s+(?:part|end|half)\b", re.I)


def english_word_halves(text: str) -> set[str]:
    """`the later part of the year` → {H2}, `the early part` → {H1}: how machine translation may
    render 下半年 / 上半年 back; used to excuse those on the Chinese side."""
    out: set[str] = set()
    if _EN_LATE.search(text):
        out.add("H2")
    if _EN_EARLY.search(text):
        out.add("H1")
    return out


_EN_MONTH_WORD = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def english_word_months(text: str) -> set[str]:
    """Months named without a day or year (`in June` → `Jun`), as period parts: a month name alone
    is no figure, but it says the same as `6 月` in the Chinese."""
    return {m.group(1)[:3] for m in _EN_MONTH_WORD.finditer(text)}
