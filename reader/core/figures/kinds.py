"""The Pygments token types of figures, and the kind of figure each stands for.

A range (`$26 to $32 million`, `2,600 至 3,200 萬美元`) is one token of a `Range` subtype of the
kind of its ends (`Token.Figure.Money.Range`), so whatever colours by kind needs no change.
"""

from __future__ import annotations

from pygments.token import Token, _TokenType

FIGURE = Token.Figure
MONEY = Token.Figure.Money
PERCENT = Token.Figure.Percent
QUANTITY = Token.Figure.Quantity
NUMBER = Token.Figure.Number
PERIOD = Token.Figure.Period

KINDS: dict[_TokenType, str] = {
    MONEY: "money",
    PERCENT: "percent",
    QUANTITY: "quantity",
    NUMBER: "number",
    PERIOD: "period",
}
TOKEN_OF: dict[str, _TokenType] = {kind: t for t, kind in KINDS.items()}
RANGE_OF: dict[str, _TokenType] = {kind: t.Range for t, kind in KINDS.items()}
RANGES = frozenset(RANGE_OF.values())


def kind_of(tokentype: _TokenType) -> str | None:
    """`"money"`, `"percent"`, `"quantity"`, `"number"` or `"period"` for a figure token type (or a
    subtype of one), None for anything else."""
    t: _TokenType | None = tokentype
    while t is not None:
        kind = KINDS.get(t)
        if kind is not None:
            return kind
        t = t.parent
    return None
