"""The figures of paragraphs, found once and read many times (Qt-free).

The window runs `analyse()` in a worker thread; the GUI then reads the result: the highlighter
colours the figures without lexing again, hover finds a figure's `counterpart()` in the other
language, and tooltips show `describe()`.

    pf = analyse_paragraph(p)        # p.en "Revenue was RMB1.3 billion, up 31%."
    pf.en[0].text, describe(pf.en[0])   # ("RMB1.3 billion", "RMB 1.3 billion")
    counterpart(pf, "en", pf.en[0])     # the Figure "13 億元" of p.zh
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from .figure_data import ParagraphFigures, is_zh
from .figures import Figure, compare_figures, find_figures, period_parts, same_value
from .figures.values import NUMERIC_KINDS
from .model import Paragraph, Transcript


def analyse_paragraph(p: Paragraph) -> ParagraphFigures:
    """Lex each language of `p` once and compare the two."""
    en = find_figures(p.en, "en") if p.en else []
    zh = find_figures(p.zh, "zh") if p.zh else []
    return ParagraphFigures(en, zh, compare_figures(p.en, p.zh, en, zh))


def analyse(t: Transcript, paragraphs: range) -> dict[int, ParagraphFigures]:
    """`analyse_paragraph()` of each of `paragraphs` (indices into `t.paragraphs`), by index."""
    return {i: analyse_paragraph(t.paragraphs[i]) for i in paragraphs}


# --- counterparts ---------------------------------------------------------------------------------


def counterpart(pf: ParagraphFigures, lang: str, fig: Figure) -> Figure | None:
    """The figure of the other language that says the same as `fig` (a figure of `lang` in `pf`,
    found by its span), or None when it has none (a mismatch, or no such figure).

    Figures are paired one to one as the comparison pairs them: numbers by value (first of the same
    kind, then of the same class, then any number), periods by their normalised period, then a
    period that names part of the other (`second quarter` / `2024 年第二季`). Within a round, the
    n-th figure of a value pairs with the n-th of the other side."""
    zh = is_zh(lang)
    mine = pf.zh if zh else pf.en
    i = next((k for k, f in enumerate(mine) if f.start == fig.start and f.end == fig.end), None)
    if i is None:
        return None
    pairs = _pairs(pf.en, pf.zh)
    if zh:
        j = next((e for e, z in pairs.items() if z == i), None)
        return pf.en[j] if j is not None else None
    j = pairs.get(i)
    return pf.zh[j] if j is not None else None


def _cls(kind: str) -> str:
    return "count" if kind in ("quantity", "number") else kind


def _numeric(e: Figure, z: Figure) -> bool:
    return e.kind in NUMERIC_KINDS and z.kind in NUMERIC_KINDS and same_value(e, z)


def _nested(e: Figure, z: Figure) -> bool:
    if not (e.kind == z.kind == "period"):
        return False
    a, b = period_parts(e.period or ""), period_parts(z.period or "")
    return bool(a and b) and (a <= b or b <= a)


_ROUNDS: tuple[Callable[[Figure, Figure], bool], ...] = (
    lambda e, z: e.kind == z.kind and _numeric(e, z),
    lambda e, z: _cls(e.kind) == _cls(z.kind) and _numeric(e, z),
    _numeric,
    lambda e, z: e.kind == z.kind == "period" and e.period == z.period,
    _nested,
)


def _pairs(en: list[Figure], zh: list[Figure]) -> dict[int, int]:
    """English index → Chinese index of the figures that say the same thing."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for same in _ROUNDS:
        for i, e in enumerate(en):
            if i in pairs:
                continue
            j = next((j for j, z in enumerate(zh) if j not in taken and same(e, z)), None)
            if j is not None:
                pairs[i] = j
                taken.add(j)
    return pairs


# --- descriptions ---------------------------------------------------------------------------------

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_POINTS = re.compile(r"point|basis|bps?\b|百分點|百分点|基點|基点", re.I)


def describe(fig: Figure) -> str:
    """The value of `fig` in a few words, the same for a figure and its translation (for tooltips).

    Amounts of a million or more are scaled in English words, smaller ones written out with thousands
    separators; decimals are those the figure wrote, trailing zeros dropped (so `13 億元` and
    `RMB1.30 billion` both read `RMB 1.3 billion`). Money is negative for a loss written `($5.1m)`.

    - money: `RMB 1.3 billion`, `USD 26 million`, `USD 750,000`, `USD 0.12`, `USD -5.1 million`
      (no currency code when the figure names none: `1.3 billion`)
    - percent: `31%`, `12.5%`; a change in points: `0.4 percentage points` (`40 basis points`)
    - quantity: the number and the unit as written: `5,000 vehicles`, `6.9 million 輛`, `3.5x`
    - number: `1,234`, `1 million`
    - period: the normalised period: `Q2 2024`, `H1`, `FY2025`, `Jun 30`
    - a range: both ends: `USD 26 million to 32 million`, `2% to 3%`
    """
    if fig.kind == "period":
        return fig.period or fig.text
    if fig.value is None:
        return fig.text
    amount = _amount(fig.value, fig.precision)
    if fig.is_range and fig.high is not None:  # `$26 to $32 million`: both ends
        amount = f"{amount} to {_amount(fig.high, fig.high_precision)}"
    if fig.kind == "money":
        return f"{fig.unit} {amount}" if fig.unit else amount
    if fig.kind == "percent":
        return f"{amount} percentage points" if _POINTS.search(fig.text) else f"{amount}%"
    if fig.kind == "quantity" and fig.unit:
        return f"{amount}{fig.unit}" if fig.unit.lower() == "x" else f"{amount} {fig.unit}"
    return amount


def _amount(value: float, precision: float | None) -> str:
    """`1.3e9` → `1.3 billion`; `750000` → `750,000`; `-5.1e6` → `-5.1 million`."""
    size = abs(value)
    scale, word = next(((s, w) for s, w in _SCALES if size >= s), (1.0, ""))
    x = size / scale
    decimals = min(6, max(0, math.ceil(-math.log10(precision / scale) - 1e-9))) if precision else 6
    digits = f"{x:,.{decimals}f}"
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    sign = "-" if value < 0 and digits.strip("0.,") else ""
    return f"{sign}{digits} {word}" if word else f"{sign}{digits}"
