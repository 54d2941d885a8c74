"""`find_figures()`: the figures of a text with their values, read from the lexer's tokens."""

from __future__ import annotations

import re
from dataclasses import replace

from pygments.token import Text

from .kinds import RANGES, kind_of
from .lexer import lexer_for
from .refine import range_ends, range_kind
from .values import Figure, parse_token


def find_figures(text: str, lang: str) -> list[Figure]:
    """Every figure in `text` (`lang` is "en" or "zh"), in order. A range is one figure whose
    `low`/`high` are its ends (`$26 to $32 million` is 26e6 to 32e6)."""
    zh = lang.lower().startswith("zh")
    lexer = lexer_for(lang)
    found: list[tuple[Figure, float]] = []
    for pos, tokentype, token in lexer.get_tokens_unprocessed(text):
        if tokentype is Text:
            continue
        kind = kind_of(tokentype)
        if kind is None:
            continue
        if tokentype in RANGES:
            found.append((_parse_range(kind, token, pos, zh), 1.0))
        else:
            found.append(parse_token(kind, token, pos, zh))
    for i in range(len(found) - 1):
        (a, a_scale), (b, b_scale) = found[i], found[i + 1]
        kind = range_kind(a.kind, b.kind)
        if kind and _between(a, b, text[a.end : b.start], text[max(0, a.start - 8) : a.start]):
            ends = range_ends(kind, replace(a, kind=kind), b, a_scale, b_scale)
            if ends is not None:
                found[i] = (ends[0], b_scale)
    return [f for f, _ in found]


def _parse_range(kind: str, token: str, start: int, zh: bool) -> Figure:
    """One range token: its ends are the first and last figures the lexer finds inside it, before
    ranges are joined; a vague range (`the mid to high-90s`) has none."""
    fig = Figure(kind, token, start, start + len(token), is_range=True)
    ends = [(p, t) for p, tt, t in lexer_for("zh" if zh else "en").raw_tokens(token) if kind_of(tt)]
    if kind == "period":
        return replace(fig, period=parse_token(kind, token, start, zh)[0].period)
    if len(ends) < 2:
        return fig
    (pa, ta), (pb, tb) = ends[0], ends[-1]
    a, a_scale = parse_token(kind, ta, start + pa, zh)
    b, b_scale = parse_token(kind, tb, start + pb, zh)
    pair = range_ends(kind, a, b, a_scale, b_scale)
    if pair is None:  # cannot happen for the lexer's ranges; be safe for any caller
        return fig
    low, high = pair
    return replace(
        fig,
        value=low.value,
        unit=high.unit,
        precision=low.precision,
        low=low.value,
        high=high.value,
        high_precision=high.precision,
    )


_AND_GAP = re.compile(r"\s+and\s+|\s*(?:和|與|与)\s*")
_BETWEEN = re.compile(r"(?:\b[Bb]etween\s+|介於\s*|介于\s*)$")


def _between(a: Figure, b: Figure, gap: str, before: str) -> bool:
    """`between $3.5 and $4.5 million`, `介於 350 和 450 萬美元`: two figures (joined by "and"),
    but the first takes the scale and unit of the second that it lacks."""
    return (
        not a.is_range
        and not b.is_range
        and _AND_GAP.fullmatch(gap) is not None
        and _BETWEEN.search(before) is not None
    )
