"""Figures in transcript text (Qt-free): a Pygments lexer that finds them, their values, and the
comparison of an English paragraph's figures with its Chinese translation's.

    find_figures("Revenue rose 31% to RMB1.3 billion.", "en")
    compare_figures("Revenue rose 31% to RMB1.3 billion.", "營收成長 31% 至 13 億元。")  # -> []

A syntax highlighter runs `lexer_for(lang).get_tokens_unprocessed(block)` and colours each token by
`kind_of(tokentype)`; a range (`$26 to $32 million`) is one token and one `Figure` with `low`/`high`.
"""

from .compare import (
    DIFFERENT,
    MISSING_EN,
    MISSING_ZH,
    Mismatch,
    compare_figures,
    period_parts,
    same_value,
)
from .finder import find_figures
from .kinds import KINDS, MONEY, NUMBER, PERCENT, PERIOD, QUANTITY, kind_of
from .lexer import ChineseFigureLexer, EnglishFigureLexer, lexer_for
from .values import Figure, normalise_period

__all__ = [
    "DIFFERENT",
    "KINDS",
    "MISSING_EN",
    "MISSING_ZH",
    "MONEY",
    "NUMBER",
    "PERCENT",
    "PERIOD",
    "QUANTITY",
    "ChineseFigureLexer",
    "EnglishFigureLexer",
    "Figure",
    "Mismatch",
    "compare_figures",
    "find_figures",
    "kind_of",
    "lexer_for",
    "normalise_period",
    "period_parts",
    "same_value",
]
