"""Pygments lexers that find figures (money, percentages, quantities, numbers, periods) in a paragraph.

Everything that is not a figure comes out as `Token.Text`; figures come out as `Token.Figure.*`. The
lexers have no state across lines, so a Qt `QSyntaxHighlighter` can run them block by block; use
`get_tokens_unprocessed()`, whose offsets index the string as given (`get_tokens()` rewrites `\\r`).

Rule order matters: at each position the first rule that matches wins. The first rule swallows long
runs of ordinary words and punctuation that cannot begin a figure, which keeps the lexers fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from pygments.lexer import RegexLexer, bygroups
from pygments.token import Text, _TokenType

from .kinds import MONEY, NUMBER, PERCENT, PERIOD, QUANTITY
from .patterns import (
    CN_CUR_PREFIX,
    CN_CUR_SUFFIX,
    CN_FY,
    CN_HALF,
    CN_MONTH,
    CN_NUMERAL,
    CN_QUARTER,
    CN_SCALE,
    CUR_PREFIX,
    CUR_SUFFIX_EN,
    DAY,
    DG,
    END,
    MOD_EN,
    MONTH_ABBR,
    MONTH_FULL,
    NUM,
    ORD_H,
    ORD_Q,
    PCT_EN,
    PCT_ZH,
    PER_SHARE,
    RANGE_EN,
    RANGE_ZH,
    SAFE_WORD,
    SCALE_LONG,
    SCALE_SHORT,
    START,
    UNIT_EN,
    UNIT_ZH,
    WORD_END,
    YEAR,
    YEAR_TAIL,
    YY,
    D,
)
from .refine import refine

# --- English ---------------------------------------------------------------------------------

_SCALE_EN = rf"(?:{SCALE_LONG}|{SCALE_SHORT})"
_MONEY_PRE = rf"{START}{CUR_PREFIX}\s?{NUM}{_SCALE_EN}?{END}{PER_SHARE}"
_MONEY_POST = rf"{START}{NUM}(?:{SCALE_LONG})?\s{CUR_SUFFIX_EN}{WORD_END}{PER_SHARE}"
_FAST_EN = (
    rf"(?:{SAFE_WORD}|[^A-Za-z{DG}_$\u20ac\u00a3\u00a5\uffe5\u20a9\u20b9(\-\u2212'\u2019]"
    rf"|\((?!\s?(?:{CUR_PREFIX}|{D}))|[-\u2212](?!\s?(?:{CUR_PREFIX}|{D}))|['\u2019](?!{D}{{2}}))+"
)
# A month is a figure only with a day or a year (`June 30`, `July 31, 2024`, `May 2024`): a month
# name alone (`in June`) is not.
_MONTH_EN = (
    rf"(?:(?:{MONTH_FULL}|May)(?![A-Za-z])|(?:{MONTH_ABBR})\.?(?=\s{D}))"
    rf"(?:\s{DAY}(?:st|nd|rd|th)?{END}(?:,?\s{YEAR}{END})?|,?\s{YEAR}{END})"
)
# What may sit between a number and its unit: `1 million more vehicles`, `800 or so watt-hours`.
_INNER_EN = r"(?:\s(?:more|or\s+so|or\s+more|odd|plus))?"
# A unit per another: `watt-hours per liter` (but not `units a year`).
_PER_EN = r"(?:\sper\s(?:liter|litre|kilogram|kg|cell|charge|year|month|week|day|hour|unit))?(?![A-Za-z])"


class _FigureLexer(RegexLexer):
    """Shared set-up: keep the text exactly as given (no stripping, no added newline); names and
    ranges are decided after the regular expressions (`refine`)."""

    flags = re.UNICODE
    zh = False

    def __init__(self, **options: Any) -> None:
        options.setdefault("stripnl", False)
        options.setdefault("ensurenl", False)
        super().__init__(**options)

    def get_tokens_unprocessed(  # type: ignore[override]
        self, text: str, stack: Iterable[str] = ("root",)
    ) -> Iterator[tuple[int, _TokenType, str]]:
        """(offset, token type, text) of every token; figures are `Token.Figure.*`."""
        return iter(refine(text, self.raw_tokens(text, stack), self.zh))

    def raw_tokens(
        self, text: str, stack: Iterable[str] = ("root",)
    ) -> Iterator[tuple[int, _TokenType, str]]:
        """The tokens of the regular expressions alone (names not removed, ranges not joined)."""
        return RegexLexer.get_tokens_unprocessed(self, text, stack)  # type: ignore[no-any-return]


class EnglishFigureLexer(_FigureLexer):
    """Figures in English text: `RMB1.3 billion`, `31%`, `6.9 million vehicles`, `Q2`, `2026 to 2027`."""

    name = "Figures (English)"
    aliases: ClassVar[list[str]] = ["figures-en"]

    tokens: ClassVar[dict[str, Any]] = {
        "root": [
            (_FAST_EN, Text),
            # money: ($5.1 million), -$5.1 million, $26-32 million, RMB1.3 billion, 1.3 billion yuan
            (rf"\(\s?(?:{_MONEY_PRE}|{_MONEY_POST})\s?\)", MONEY),
            (rf"(?<![A-Za-z0-9_])[-\u2212]\s?{_MONEY_PRE}", MONEY),
            (
                rf"({START}{CUR_PREFIX}\s?{NUM}{END})({RANGE_EN})"
                rf"((?:{CUR_PREFIX}\s?)?{NUM}{_SCALE_EN}{END}{PER_SHARE})",
                bygroups(MONEY, Text, MONEY),
            ),
            (_MONEY_PRE, MONEY),
            (_MONEY_POST, MONEY),
            # percentages: 2 to 3%, 31%, 31 percent, 40 basis points, 50 bps
            (rf"({START}{NUM})({RANGE_EN})({NUM}{PCT_EN})", bygroups(PERCENT, Text, PERCENT)),
            (rf"{START}{NUM}{PCT_EN}", PERCENT),
            # periods
            (rf"{START}{YEAR}{RANGE_EN}(?:{YEAR}|(?<=[-\u2013]){D}{{2}}){END}", PERIOD),
            (rf"{START}(?:{ORD_Q}[\s-](?i:quarter)|{ORD_H}[\s-](?i:half))(?![a-z]){YEAR_TAIL}?", PERIOD),
            (rf"{START}(?i:quarter)\s(?:(?i:one|two|three|four)|[1-4]){WORD_END}{YEAR_TAIL}?", PERIOD),
            (rf"{START}(?:Q[1-4]|H[12]){END}{YEAR_TAIL}?", PERIOD),
            (rf"{START}[1-4][QH](?:{D}{{2}}{END}|{END}{YEAR_TAIL}?)", PERIOD),
            (rf"{START}(?:FY|CY)\s?(?:{YEAR}|{D}{{2}}){END}", PERIOD),
            (rf"{START}(?i:full[\s-]year)(?![a-z])(?:\s(?:of\s)?{YEAR}{END})?", PERIOD),
            (rf"{START}(?i:fiscal)(?:\s(?i:year))?\s(?:{YEAR}|'?{D}{{2}}){END}", PERIOD),
            (rf"{START}(?i:fiscal\syear)(?![a-z])", PERIOD),
            (rf"{START}{_MONTH_EN}", PERIOD),
            (rf"(?<![A-Za-z0-9_'\u2019]){YY}", PERIOD),
            (rf"{START}{YEAR}{END}(?!{SCALE_LONG})", PERIOD),
            # quantities: 26 to 32 million vehicles, 598 registered patents, 6.9 million vehicles, 3x
            (
                rf"({START}{NUM})({RANGE_EN})({NUM}(?:{SCALE_LONG})?[\s-]{UNIT_EN}{WORD_END})",
                bygroups(QUANTITY, Text, QUANTITY),
            ),
            (
                rf"{START}{NUM}(?:{SCALE_LONG})?{_INNER_EN}(?:\s{MOD_EN}){{1,2}}\s{UNIT_EN}{WORD_END}{_PER_EN}",
                QUANTITY,
            ),
            (rf"{START}{NUM}(?:{SCALE_LONG})?{_INNER_EN}[\s-]{UNIT_EN}{WORD_END}{_PER_EN}", QUANTITY),
            (rf"{START}{NUM}[xX\u00d7]{WORD_END}", QUANTITY),
            # plain numbers: 472,000, 1.3, 12 million
            (rf"{START}{NUM}(?:{SCALE_LONG})?{END}", NUMBER),
            # everything else, a word or a character at a time
            (r"[A-Za-z0-9_]+", Text),
            (r"[\s\S]", Text),
        ]
    }


# --- Chinese (Traditional and Simplified) ------------------------------------------------------

_MONEY_ZH_PRE = rf"{START}{CN_CUR_PREFIX}\s*{NUM}(?:\s*{CN_SCALE}|{SCALE_LONG})?(?:\s*{CN_CUR_SUFFIX})?{END}"
_MONEY_ZH_POST = rf"{START}{NUM}\s*(?:{CN_SCALE}\s*)?(?:[多餘余]\s*)?{CN_CUR_SUFFIX}"
_QTY_ZH = rf"(?:{CN_SCALE}\s*)?(?:[多餘余]\s*)?{UNIT_ZH}"
_FAST_ZH = (
    rf"(?:{SAFE_WORD}|[^A-Za-z{DG}_$\uff04\u00a5\uffe5(\uff08\-\u2212'\u2019人第上下全百一二三四]"
    rf"|人(?!民[幣币])|第(?!\s*[一二三四1-4]\s*季)|[上下](?!半年)|全(?!年)|百(?!分之)|[一二三四](?!季度)"
    rf"|[(\uff08](?!\s*(?:人民|RMB|US|HK|[{DG}$\uff04\u00a5\uffe5]))|[-\u2212](?![{DG}$]|\s*人民)"
    rf"|['\u2019](?!{D}{{2}}))+"
)
_YEAR_ZH = r"(?:\s*(?:年度?|財年|财年|財政年度|财政年度))"


class ChineseFigureLexer(_FigureLexer):
    """Figures in Chinese text: `人民幣13億元`, `380 萬美元`, `690 萬輛`, `31%`, `2024 年第二季`, `上半年`."""

    zh = True

    name = "Figures (Chinese)"
    aliases: ClassVar[list[str]] = ["figures-zh"]

    tokens: ClassVar[dict[str, Any]] = {
        "root": [
            (_FAST_ZH, Text),
            # money: (510 萬美元), 2,600 至 3,200 萬美元, 人民幣13億元, 13 億元, 0.25 美元
            (rf"[(\uff08]\s*(?:{_MONEY_ZH_PRE}|{_MONEY_ZH_POST})\s*[)\uff09]", MONEY),
            (rf"(?<![A-Za-z0-9_])[-\u2212]\s*(?:{_MONEY_ZH_PRE}|{_MONEY_ZH_POST})", MONEY),
            (
                rf"({START}{NUM}(?:\s*{CN_SCALE})?)({RANGE_ZH})({NUM}\s*(?:{CN_SCALE}\s*)?{CN_CUR_SUFFIX})",
                bygroups(MONEY, Text, MONEY),
            ),
            (_MONEY_ZH_PRE, MONEY),
            (_MONEY_ZH_POST, MONEY),
            # percentages: 2 至 3%, 31%, 百分之三十一, 40 個基點
            (rf"({START}{NUM})({RANGE_ZH})({NUM}{PCT_ZH})", bygroups(PERCENT, Text, PERCENT)),
            (rf"{START}{NUM}{PCT_ZH}", PERCENT),
            (rf"百分之\s*(?:{NUM}|[{CN_NUMERAL}點点]+)", PERCENT),
            # periods: 2026 年至 2027 年, 2024 年第二季, 2024 年, 第二季, 上半年, 6 月 30 日, Q2
            (rf"{START}{YEAR}{_YEAR_ZH}?{RANGE_ZH}{YEAR}(?:{_YEAR_ZH}|{END})", PERIOD),
            (rf"{START}{YEAR}{_YEAR_ZH}?\s*(?:{CN_QUARTER}|{CN_HALF}|{CN_FY}|{CN_MONTH})", PERIOD),
            (rf"{START}{YEAR}{_YEAR_ZH}", PERIOD),
            (rf"{CN_QUARTER}|{CN_HALF}|{CN_FY}", PERIOD),
            (rf"{START}{CN_MONTH}", PERIOD),
            (rf"{START}(?:Q[1-4]|H[12]){END}(?:\s?{YEAR}{END})?", PERIOD),
            (rf"{START}[1-4][QH](?:{D}{{2}})?{END}", PERIOD),
            (rf"{START}(?:FY|CY)\s?(?:{YEAR}|{D}{{2}}){END}", PERIOD),
            # quantities: 26 至 32 萬輛, 690 萬輛, 598 項註冊專利, 1,500 多名
            (
                rf"({START}{NUM}(?:\s*{CN_SCALE})?)({RANGE_ZH})({NUM}\s*{_QTY_ZH})",
                bygroups(QUANTITY, Text, QUANTITY),
            ),
            (rf"{START}{NUM}\s*{_QTY_ZH}", QUANTITY),
            (rf"{START}{YEAR}{END}", PERIOD),
            # plain numbers: 472,000, 1,200萬
            (rf"{START}{NUM}(?:\s*{CN_SCALE})?{END}", NUMBER),
            (r"[A-Za-z0-9_]+", Text),
            (r"[\s\S]", Text),
        ]
    }


_LEXERS: dict[str, RegexLexer] = {}


def lexer_for(lang: str) -> RegexLexer:
    """The (shared) figure lexer for `"en"` or `"zh"` (`"zh-Hant"`, `"zh-CN"`… are Chinese too)."""
    key = _lang(lang)
    lexer = _LEXERS.get(key)
    if lexer is None:
        lexer = _LEXERS[key] = EnglishFigureLexer() if key == "en" else ChineseFigureLexer()
    return lexer


def _lang(lang: str) -> str:
    low = lang.lower()
    if low.startswith("zh"):
        return "zh"
    if low.startswith("en"):
        return "en"
    raise ValueError(f"unknown language {lang!r}: expected 'en' or 'zh'")
