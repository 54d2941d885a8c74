"""The value of one figure token (`parse_token()`), as a `Figure` (reader.core.figure_data).

Values are absolute amounts: `RMB1.3 billion` and `13 億元` are both 1.3e9, `6.9 million` and
`690 萬` are both 6.9e6, `31%` is 31.0, `40 basis points` is 0.4 (percentage points), `($5.1 million)`
is -5.1e6. Periods get a normalised string instead (`Q2 2024`, `H1`, `FY2025`, `2026-2027`,
`Jun 30`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..figure_data import Figure
from .patterns import CN_SCALE, NUM, UNIT_EN, UNIT_ZH, WORD_END
from .words import CN_NUMERAL_RUN, MONTHS, chinese_numeral, english_word_numbers

NUMERIC_KINDS = ("money", "percent", "quantity", "number")


# --- reading one token -------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９％＄（）", "0123456789%$()")
_NUM = re.compile(NUM.replace("\uff10-\uff19", ""))
_EN_SCALE = re.compile(r"[\s-]?(thousand|million|billion|trillion|mln|bln|mn|bn|[mbk])(?![a-z])", re.I)
_EN_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6}
_EN_SCALES |= {"billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "trillion": 10**12}
_CN_SCALE = re.compile(rf"\s*({CN_SCALE})(?![瓦伏])")  # 百萬瓦時 is a unit (MWh), not 百萬 瓦時
_CN_SCALES = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "百萬": 10**6, "百万": 10**6}
_CN_SCALES |= {"千萬": 10**7, "千万": 10**7, "十億": 10**9, "十亿": 10**9, "百億": 10**10, "百亿": 10**10}
_CN_SCALES |= {"千億": 10**11, "千亿": 10**11, "萬億": 10**12, "万亿": 10**12, "千": 10**3}
_CURRENCIES = {
    "rmb": "RMB", "cny": "RMB", "yuan": "RMB", "renminbi": "RMB", "人民幣": "RMB", "人民币": "RMB",
    "元": "RMB", "¥": "RMB", "￥": "RMB",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "us dollar": "USD",
    "us dollars": "USD", "cents": "USD", "美元": "USD", "美金": "USD",
    "hk$": "HKD", "hkd": "HKD", "hk dollar": "HKD", "hk dollars": "HKD", "hong kong dollar": "HKD",
    "hong kong dollars": "HKD", "港元": "HKD", "港幣": "HKD", "港币": "HKD",
    "nt$": "TWD", "twd": "TWD", "新台幣": "TWD", "新台币": "TWD", "台幣": "TWD", "台币": "TWD",
    "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR", "歐元": "EUR", "欧元": "EUR",
    "gbp": "GBP", "£": "GBP", "pounds": "GBP", "英鎊": "GBP", "英镑": "GBP",
    "jpy": "JPY", "yen": "JPY", "日元": "JPY", "日圓": "JPY", "日圆": "JPY",
    "s$": "SGD", "sgd": "SGD", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD", "chf": "CHF",
    "krw": "KRW", "₩": "KRW", "won": "KRW", "inr": "INR", "₹": "INR", "rupees": "INR",
}  # fmt: skip
_CURRENCY = re.compile(
    "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_CURRENCIES, key=len, reverse=True))
)
_UNIT_EN = re.compile(rf"{UNIT_EN}{WORD_END}|(?<=[0-9])[xX\u00d7]")
_UNIT_ZH = re.compile(UNIT_ZH)
_BASIS_POINTS = re.compile(r"basis|bps?\b|基點|基点", re.I)


def parse_token(kind: str, token: str, start: int, zh: bool) -> tuple[Figure, float]:
    """The figure for one token, and the scale its number was multiplied by."""
    text = token.translate(_FULLWIDTH)
    fig = Figure(kind, token, start, start + len(token))
    if kind == "period":
        return replace(fig, period=normalise_period(text)), 1.0
    if text.startswith("百分之"):
        return _parse_percent_words(fig, text[3:]), 1.0
    m = _NUM.search(text)
    if m is None:  # a number in words: `two million vehicles`, `five percent`, `三成`, `兩百萬美元`
        return _parse_words(fig, text, zh), 1.0
    number = m.group().replace(",", "")
    scale, after = _scale(text, m.end())
    value = Decimal(number) * scale  # exact: 2.57 億 is 257000000, not 256999999.99999997
    precision = Decimal(1).scaleb(-len(number.partition(".")[2])) * scale
    unit = None
    if kind == "money":
        cur = _CURRENCY.search(text.lower())
        unit = _CURRENCIES[re.sub(r"\s+", " ", cur.group())] if cur else None
        if cur and cur.group() == "cents":
            value, precision = value / 100, precision / 100
        if text.lstrip()[:1] in "(-\u2212":
            value = -value
    elif kind == "percent":
        if _BASIS_POINTS.search(text):
            value, precision = value / 100, precision / 100
    elif kind == "quantity":
        # the last unit written: `5 OEM customers` counts customers
        units = (_UNIT_ZH if zh else _UNIT_EN).findall(text, after)
        unit = re.sub(r"[\s-]+", " ", units[-1 if not zh else 0]) if units else None
    end = start + len(token)
    return Figure(kind, token, start, end, float(value), unit, None, float(precision)), float(scale)


def _scale(text: str, pos: int) -> tuple[int, int]:
    """The scale word right after a number (`million`, `億`, `百萬`), and where it ends."""
    m = _CN_SCALE.match(text, pos)
    if m:
        return _CN_SCALES[m.group(1)], m.end()
    m = _EN_SCALE.match(text, pos)
    if m:
        return _EN_SCALES[m.group(1).lower()], m.end()
    return 1, pos


def _parse_words(fig: Figure, text: str, zh: bool) -> Figure:
    """A number in words with its scale; its precision is the place value of its last non-zero
    digit (`two million` → 1e6, `二十五萬` → 1e4)."""
    unit = None
    if zh:
        run = CN_NUMERAL_RUN.search(text)
        if run is None:
            return fig
        value = chinese_numeral(run.group())
        if value is not None and text[run.end() : run.end() + 1] == "成":
            value *= 10  # 三成 is 30%
        if fig.kind == "quantity":
            um = _UNIT_ZH.search(text, run.end())
            unit = um.group() if um else None
    else:
        values = english_word_numbers(text)
        value = max(values) if values else None
        if fig.kind == "quantity":
            units = _UNIT_EN.findall(text)
            unit = re.sub(r"[\s-]+", " ", units[-1]) if units else None
    if fig.kind == "money":
        cur = _CURRENCY.search(text.lower())
        unit = _CURRENCIES[re.sub(r"\s+", " ", cur.group())] if cur else None
    if value is None:
        return fig
    digits = str(int(value)) if value == int(value) else ""
    zeros = len(digits) - len(digits.rstrip("0")) if digits else 0
    return replace(fig, value=float(value), unit=unit, precision=float(10**zeros) if digits else None)


def _parse_percent_words(fig: Figure, rest: str) -> Figure:
    rest = rest.strip()
    m = _NUM.match(rest)
    if m:
        number = m.group()
        return replace(
            fig, value=float(number.replace(",", "")), precision=10.0 ** -len(number.partition(".")[2])
        )
    value = chinese_numeral(rest)
    decimals = len(rest.replace("点", "點").partition("點")[2])
    return replace(fig, value=value, precision=10.0**-decimals if value is not None else None)


# --- periods -----------------------------------------------------------------------------------

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_ORDINALS |= {"one": 1, "two": 2, "three": 3, "four": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_ORDINALS |= {"front": 1, "back": 2, "later": 2, "latter": 2, "上": 1, "下": 2}
_QUARTER = re.compile(
    r"Q([1-4])|([1-4])Q|(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter|quarter\s(one|two|three|four|[1-4])"
    r"|第\s*([一二三四1-4])\s*季|([一二三四])季度",
    re.I,
)
_HALF = re.compile(
    r"H([12])|([12])H|(first|1st|front|second|2nd|back|later|latter)[\s-]half|([上下])半年", re.I
)
_FY = re.compile(r"FY|full[\s-]year|fiscal|全年|財年|财年|財政年度|财政年度|會計年度|会计年度", re.I)
_MONTH_EN = re.compile(
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9]))?"
)
_MONTH_ZH = re.compile(r"(1[0-2]|0?[1-9])\s*月(?:份)?(?:\s*(3[01]|[12][0-9]|0?[1-9])\s*[日號号])?")
_YEAR4 = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_YEAR2 = re.compile(
    r"(?:['\u2019]|(?<=FY)\s?|(?<=CY)\s?|(?<=fiscal )'?|(?<=[1-4]Q)|(?<=[12]H)|(?<=[0-9]{4}[-\u2013]))"
    r"([0-9]{2})(?![0-9])",
    re.I,
)


def normalise_period(text: str) -> str:
    """`second quarter of 2024` / `2024 年第二季` → `Q2 2024`; `the first half` / `上半年` → `H1`;
    `full year 2024` / `2024 財年` → `FY2024`; `2026 to 2027` → `2026-2027`; `June 30` / `6 月 30 日`
    → `Jun 30`; `'22` → `2022`."""
    base = None
    if m := _QUARTER.search(text):
        base = "Q" + str(_ordinal(next(g for g in m.groups() if g)))
    elif m := _HALF.search(text):
        base = "H" + str(_ordinal(next(g for g in m.groups() if g)))
    elif m := _MONTH_ZH.search(text):
        base = MONTHS[int(m.group(1)) - 1] + (f" {int(m.group(2))}" if m.group(2) else "")
    elif m := _MONTH_EN.search(text):
        base = m.group(1) + (f" {int(m.group(2))}" if m.group(2) else "")
    years = [(y.start(), y.group(1)) for y in _YEAR4.finditer(text)]
    for y in _YEAR2.finditer(text):
        yy = int(y.group(1))
        years.append((y.start(), str(2000 + yy if yy < 70 else 1900 + yy)))
    ordered = [y for _, y in sorted(years)]
    year = "-".join(ordered[:2])
    if _FY.search(text):
        year = "FY" + year
    return " ".join(x for x in (base, year) if x) or text.strip()


def _ordinal(word: str) -> int:
    return _ORDINALS.get(word.lower(), 0) or int(word)
