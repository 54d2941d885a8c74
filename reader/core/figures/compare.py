"""Compare the figures of an English paragraph with those of its Chinese translation.

Matching, in rounds, each round only on what earlier rounds left over:

1. numbers by value (money, percentages, quantities and plain numbers; first within the same kind,
   then across kinds, so `90- percentage-plus` matches `90%`), periods by their normalised string;
2. periods loosely: every part of one (`Q2`, `2024`, `Jun 30`) is named by the other side, so a bare
   `2024` matches `2024 年第二季` and `second quarter` matches `2024 年第二季`;
3. restatements: `'26` / `26 年`; a number in digits on one side and in words on the other
   (`three computers` / `3 個電腦`, `a million` / `100 萬`, `Tier 1` / `第一梯隊`);
4. what is left on both sides is paired by kind and position as "different value" (`31%` / `13%`),
   and the rest is "missing in Chinese" or "missing in English".

Values are compared as magnitudes (the Chinese says 虧損 where the English writes `($5.1 million)`),
and the Chinese may round: `RMB944 million` matches `9.4 億元` (half a unit of its last digit), but
any digit that the Chinese writes must agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..figure_data import Mismatch
from .finder import find_figures
from .values import NUMERIC_KINDS, Figure
from .words import (
    chinese_word_months,
    chinese_word_numbers,
    english_word_halves,
    english_word_months,
    english_word_numbers,
)

MISSING_ZH = "missing in Chinese"
MISSING_EN = "missing in English"
DIFFERENT = "different value"


def compare_figures(
    en: str | None,
    zh: str | None,
    en_figures: list[Figure] | None = None,
    zh_figures: list[Figure] | None = None,
) -> list[Mismatch]:
    """The figures of one paragraph that disagree between the English and the Chinese. Nothing is
    compared when either side is None (an English-only transcript, a missing line). Pass the
    figures when the caller has already found them, so the text is not lexed twice."""
    if en is None or zh is None:
        return []
    return _Matcher(en, zh, en_figures, zh_figures).run()


def _class(kind: str) -> str:
    return "count" if kind in ("quantity", "number") else kind


def same_value(e: Figure, z: Figure) -> bool:
    """The comparison's notion of equal numbers: `e` (English) and `z` (Chinese) have the same
    magnitude, allowing the Chinese to round to its last written digit. False for periods."""
    return _same_value(e, z)


def _same_value(e: Figure, z: Figure) -> bool:
    """Equal magnitudes, allowing the Chinese to round to its last written digit; a range equals
    only a range with both ends equal."""
    if e.is_range or z.is_range:
        return (
            e.is_range
            and z.is_range
            and _close(e.low, z.low, z.precision)
            and _close(e.high, z.high, z.high_precision)
        )
    return _close(e.value, z.value, z.precision)


def _close(a: float | None, b: float | None, precision: float | None) -> bool:
    """`a` (English) equals `b` (Chinese) to half the place value of the Chinese's last digit."""
    if a is None or b is None:
        return False
    a, b = abs(a), abs(b)
    tolerance = max(0.5 * (precision or 0.0), 1e-9 * max(a, b))
    return abs(a - b) <= tolerance * (1 + 1e-9)


_PART = re.compile(r"Q[1-4]|H[12]|[A-Z][a-z]{2}(?: [0-9]{1,2}(?![0-9]))?|[0-9]{4}")
_YEARS = re.compile(r"[0-9]{4}-[0-9]{4}")


def period_parts(period: str) -> set[str]:
    """The parts a period names: `Q2 2024` → {Q2, 2024}; `Jun 30` → {Jun, Jun 30};
    `2026-2027` → {2026, 2027, 2026-2027}; `FY` → {} (FY2024 names 2024)."""
    parts = set(_PART.findall(period))
    parts |= {p[:3] for p in parts if len(p) > 4 and p[:3].isalpha()}
    if m := _YEARS.search(period):
        parts.add(m.group())
    return parts


class _Matcher:
    def __init__(
        self, en: str, zh: str, en_figures: list[Figure] | None, zh_figures: list[Figure] | None
    ) -> None:
        self.en_text, self.zh_text = en, zh
        self.en = en_figures if en_figures is not None else find_figures(en, "en")
        self.zh = zh_figures if zh_figures is not None else find_figures(zh, "zh")
        self.en_left = set(range(len(self.en)))
        self.zh_left = set(range(len(self.zh)))

    def run(self) -> list[Mismatch]:
        self._pair(lambda e, z: e.kind == z.kind and e.kind != "period" and _same_value(e, z))
        self._pair(lambda e, z: _class(e.kind) == _class(z.kind) and e.kind != "period" and _same_value(e, z))
        self._pair(lambda e, z: e.kind in NUMERIC_KINDS and z.kind in NUMERIC_KINDS and _same_value(e, z))
        self._pair(lambda e, z: e.kind == z.kind == "period" and e.period == z.period)
        self._pair(_short_year)
        self._split_ranges()
        self._loose_periods()
        self._words()
        return self._report()

    def _relpos(self, f: Figure, zh: bool) -> float:
        return f.start / max(1, len(self.zh_text if zh else self.en_text))

    def _pair(self, same: Callable[[Figure, Figure], bool]) -> None:
        """Match leftovers one-to-one where `same(e, z)`, nearest relative position first."""
        for i in sorted(self.en_left):
            e = self.en[i]
            candidates = [j for j in self.zh_left if same(e, self.zh[j])]
            if candidates:
                j = min(
                    candidates,
                    key=lambda j: (abs(self._relpos(self.zh[j], True) - self._relpos(e, False)), j),
                )
                self.en_left.discard(i)
                self.zh_left.discard(j)

    def _split_ranges(self) -> None:
        """A range on one side whose two ends the other side writes as two figures (`2% to 3%` /
        `2% 和 3%`): the three say the same."""
        for mine, theirs, mine_left, theirs_left, zh in (
            (self.en, self.zh, self.en_left, self.zh_left, False),
            (self.zh, self.en, self.zh_left, self.en_left, True),
        ):
            for i in sorted(mine_left):
                r = mine[i]
                if not r.is_range or r.low is None:
                    continue
                ends: list[int] = []
                for bound, precision in ((r.low, r.precision), (r.high, r.high_precision)):
                    end = replace(r, is_range=False, value=bound, precision=precision)
                    j = next(
                        (
                            j
                            for j in sorted(theirs_left)
                            if j not in ends
                            and theirs[j].kind in NUMERIC_KINDS
                            and (_same_value(theirs[j], end) if zh else _same_value(end, theirs[j]))
                        ),
                        None,
                    )
                    if j is None:
                        break
                    ends.append(j)
                if len(ends) == 2:
                    mine_left.discard(i)
                    theirs_left.difference_update(ends)

    def _loose_periods(self) -> None:
        """Periods named more fully on one side: first one-to-one among the leftovers, then a vaguer
        leftover (`second quarter`, a bare `2024`) is fine when the other side names a fuller period
        that contains it (`2024 年第二季`), or says it in words (`六月`, `in June`, `the later part of the
        year`)."""
        self._pair(lambda e, z: e.kind == z.kind == "period" and _nested(_parts(e), _parts(z)))
        en_left = [i for i in self.en_left if self.en[i].kind == "period"]
        if en_left:  # the other side's periods and words only when there is something to excuse
            zh_periods = [_parts(f) for f in self.zh if f.kind == "period"]
            zh_words = chinese_word_months(self.zh_text)
            for i in en_left:
                if _vaguer(_parts(self.en[i]), zh_periods, zh_words):
                    self.en_left.discard(i)
        zh_left = [j for j in self.zh_left if self.zh[j].kind == "period"]
        if zh_left:
            en_periods = [_parts(f) for f in self.en if f.kind == "period"]
            en_words = english_word_halves(self.en_text) | english_word_months(self.en_text)
            for j in zh_left:
                if _vaguer(_parts(self.zh[j]), en_periods, en_words):
                    self.zh_left.discard(j)

    def _words(self) -> None:
        """Excuse a leftover number written in digits on one side and in words on the other."""
        en_left = [i for i in self.en_left if self.en[i].kind in NUMERIC_KINDS]
        if en_left:  # the words of the other side only when there is something to excuse
            zh_words = chinese_word_numbers(self.zh_text)
            for i in en_left:
                if any(_is_word(self.en[i].value, w) for w in zh_words):
                    self.en_left.discard(i)
        zh_left = [j for j in self.zh_left if self.zh[j].kind in NUMERIC_KINDS]
        if zh_left:
            en_words = english_word_numbers(self.en_text)
            for j in zh_left:
                if any(_is_word(self.zh[j].value, w) for w in en_words):
                    self.zh_left.discard(j)

    def _report(self) -> list[Mismatch]:
        out: list[tuple[float, Mismatch]] = []
        # pair what is left, kind by kind, nearest relative position first: "different value"
        for cls in ("money", "percent", "count", "period"):
            es = sorted(i for i in self.en_left if _class(self.en[i].kind) == cls)
            zs = sorted(j for j in self.zh_left if _class(self.zh[j].kind) == cls)
            pairs = sorted(
                (abs(self._relpos(self.en[i], False) - self._relpos(self.zh[j], True)), i, j)
                for i in es
                for j in zs
            )
            for _, i, j in pairs:
                if i in self.en_left and j in self.zh_left:
                    self.en_left.discard(i)
                    self.zh_left.discard(j)
                    e, z = self.en[i], self.zh[j]
                    out.append((self._relpos(e, False), _mismatch(e, z, DIFFERENT)))
        out += [
            (self._relpos(self.en[i], False), _mismatch(self.en[i], None, MISSING_ZH)) for i in self.en_left
        ]
        out += [
            (self._relpos(self.zh[j], True), _mismatch(None, self.zh[j], MISSING_EN)) for j in self.zh_left
        ]
        return [m for _, m in sorted(out, key=lambda t: t[0])]


def _parts(f: Figure) -> set[str]:
    return period_parts(f.period or "")


def _nested(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and (a <= b or b <= a)


def _vaguer(parts: set[str], other_periods: list[set[str]], other_words: set[str]) -> bool:
    """`parts` says less than some period on the other side (or nothing at all: `full year`)."""
    return parts <= other_words or any(parts < p for p in other_periods)


def _short_year(e: Figure, z: Figure) -> bool:
    """`'26` (or `2026`) in the English, `26 年` in the Chinese."""
    return (
        e.kind == "period"
        and z.kind in ("quantity", "number")
        and z.value is not None
        and z.unit in ("年", None)
        and re.fullmatch(r"(?:19|20)[0-9]{2}", e.period or "") is not None
        and int(e.period or 0) % 100 == z.value
        and z.text[:2].isdigit()
        and not z.text[2:3].isdigit()
    )


def _is_word(value: float | None, word: float) -> bool:
    return value is not None and abs(abs(value) - word) <= 1e-9 * max(1.0, word)


def _value(f: Figure) -> float | str | None:
    return f.period if f.kind == "period" else f.value


def _mismatch(e: Figure | None, z: Figure | None, problem: str) -> Mismatch:
    first = e or z
    assert first is not None
    return Mismatch(
        kind=first.kind,
        en=e.text if e else None,
        zh=z.text if z else None,
        value=_value(first),
        problem=problem,
        zh_value=_value(z) if (z and e) else None,
        en_span=(e.start, e.end) if e else None,
        zh_span=(z.start, z.end) if z else None,
        high=first.high,
        zh_high=z.high if (z and e) else None,
    )
