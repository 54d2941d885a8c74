"""What is found of the figures of a paragraph, as plain records (Qt-free, no lexer): `Figure`,
`Mismatch` and `ParagraphFigures`. The window reads them, and a child process that found them
sends them (`prefetch`), without importing the figure lexers that find them (reader.core.figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    """One figure in a text. `start`/`end` index the text that was scanned (`text[start:end]`)."""

    kind: str  # "money", "percent", "quantity", "number" or "period"
    text: str
    start: int
    end: int
    value: float | None = None  # None for periods
    unit: str | None = None  # currency code for money, unit noun for quantities
    period: str | None = None  # normalised period, for periods
    precision: float | None = None  # the place value of the last digit written, in value's units
    # A range (`$26 to $32 million`, `2% 至 3%`) is one figure: `kind` is the kind of its ends,
    # `value`/`precision` its low end, `low`/`high` its two ends (None for a vague range: `the mid to
    # high-90s`), `high_precision` the place value of the high end's last digit.
    is_range: bool = False
    low: float | None = None
    high: float | None = None
    high_precision: float | None = None


@dataclass(frozen=True)
class Mismatch:
    """A figure of one paragraph without its counterpart in the other language."""

    kind: str
    en: str | None  # the English figure's text
    zh: str | None  # the Chinese figure's text
    value: float | str | None  # the English value (or period; the low end of a range), else the Chinese
    problem: str  # "missing in Chinese", "missing in English" or "different value"
    zh_value: float | str | None = None  # the Chinese value, for "different value"
    en_span: tuple[int, int] | None = None  # offsets in the English text
    zh_span: tuple[int, int] | None = None  # offsets in the Chinese text
    high: float | None = None  # the high end, when `value` is the low end of a range
    zh_high: float | None = None  # the same for `zh_value`

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "kind": self.kind,
            "en": self.en,
            "zh": self.zh,
            "value": self.value,
            "zh_value": self.zh_value,
            "problem": self.problem,
            "en_span": list(self.en_span) if self.en_span else None,
            "zh_span": list(self.zh_span) if self.zh_span else None,
            "high": self.high,
            "zh_high": self.zh_high,
        }


@dataclass(slots=True)
class ParagraphFigures:
    """The figures of one paragraph in each language (start/end index `Paragraph.en`/`.zh`), and
    those that disagree between the two."""

    en: list[Figure]
    zh: list[Figure]
    mismatches: list[Mismatch]

    @property
    def flagged(self) -> bool:
        """Some figure disagrees between the English and the Chinese."""
        return bool(self.mismatches)

    def figures(self, lang: str) -> list[Figure]:
        """The figures of `lang` ("en" or "zh…")."""
        return self.zh if is_zh(lang) else self.en

    def mismatched_spans(self, lang: str) -> list[tuple[int, int]]:
        """(start, end) of every figure of `lang` that is part of a mismatch, in mismatch order."""
        zh = is_zh(lang)
        spans = (m.zh_span if zh else m.en_span for m in self.mismatches)
        return [s for s in spans if s is not None]


def is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")
