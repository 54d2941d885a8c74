"""What `transcript-reader info` says about a transcript: a JSON-ready dict and a text report.

The dict is valid JSON whatever the file holds: a figure too large for a float (400 digits) keeps
its text and gets ``null`` as its value, never ``Infinity``; two such figures are compared
exactly, from their text, so equal ones are not reported as a mismatch.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .figures import DIFFERENT, compare_figures, find_figures
from .model import Call, Transcript
from .numbering import shown


def figure_report(t: Transcript) -> tuple[int, list[dict[str, Any]]]:
    """The number of figures in the English text (the Chinese of a Chinese-only text), and every
    English/Chinese disagreement."""
    if "en" not in t.languages:
        return sum(len(find_figures(p.zh, "zh")) for p in t.paragraphs if p.zh), []
    count = 0
    mismatches: list[dict[str, Any]] = []
    for p in t.paragraphs:
        if not p.en:
            continue
        found = find_figures(p.en, "en")
        count += len(found)
        if p.zh:
            for m in compare_figures(p.en, p.zh, en_figures=found):
                if m.problem == DIFFERENT and _equal_beyond_float(m.en, m.zh, m.value, m.zh_value):
                    continue
                mismatches.append({"paragraph": p.index, "line": p.line, **finite(m.to_dict())})
    return count, mismatches


def finite(value: Any) -> Any:
    """``value`` (JSON-ready data) with every float that is not finite replaced by None: JSON has
    no Infinity or NaN, and ``json.dumps`` would print them anyway."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


# Scale words, and the first number of a figure's text (digits, separators, a decimal part).
_SCALES = {
    "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "k": 3, "m": 6, "mn": 6, "bn": 9,
    "千": 3, "萬": 4, "万": 4, "億": 8, "亿": 8, "兆": 12, "百": 2,
}  # fmt: skip
_SCALE_WORDS = re.compile(r"[A-Za-z]+|[千萬万億亿兆百]")
_NUMBER = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


def _equal_beyond_float(en: str | None, zh: str | None, value: object, zh_value: object) -> bool:
    """Whether a "different value" pair whose values overflowed a float (both infinite) names the
    same amount: compared exactly from the texts, their numbers times their scale words."""
    if not (isinstance(value, float) and isinstance(zh_value, float)):
        return False
    if math.isfinite(value) or math.isfinite(zh_value) or not en or not zh:
        return False
    a, b = _exact(en), _exact(zh)
    return a is not None and a == b


def _exact(text: str) -> Decimal | None:
    number = _NUMBER.search(text)
    if number is None:
        return None
    rest = text[number.end() :]
    exponent = sum(_SCALES.get(w.lower(), 0) for w in _SCALE_WORDS.findall(rest))
    try:  # built from a string, a Decimal is exact at any length (arithmetic would round it)
        return Decimal(f"{number.group().replace(',', '')}e{exponent}")
    except InvalidOperation:
        return None


def info_dict(t: Transcript) -> dict[str, Any]:
    figures, mismatches = figure_report(t)
    total_words = sum(s.words for s in t.speakers.values()) or 1
    return finite(
        {
            "turns": len(t.turns),
            "paragraphs": len(t.paragraphs),
            "languages": t.languages,
            "encoding": t.encoding,
            "layout": t.layout,
            "speakers": [
                {
                    "name": s.name,
                    "title": s.title,
                    "role": s.role.value,
                    "turns": s.turns,
                    "words": s.words,
                    "firm": s.firm,
                    "title_zh": s.title_zh,
                    "talk_share": round(s.words / total_words, 4),
                    "words_by_section": s.words_by_section,
                }
                for s in t.speakers.values()
            ],
            "qa_start": t.qa_start,
            "figures": figures,
            "figure_mismatches": mismatches,
            "warnings": t.warnings,
            "calls": [_call_dict(t, c) for c in t.calls],
            "exchanges": [
                {
                    "asker": e.asker,
                    "firm": e.firm,
                    "submitted": e.submitted,
                    "paragraphs": [e.first, e.end],
                    "answerers": e.answerers,
                }
                for e in t.exchanges
            ],
            "fingerprint": t.fingerprint,
        }
    )


def _call_dict(t: Transcript, c: Call) -> dict[str, Any]:
    out: dict[str, Any] = {
        "company": c.company,
        "period": c.period,
        "turns": c.end_turn - c.first_turn,
        "paragraphs": [c.first, c.end],
        "qa_start": c.qa_start,
        "questions": sum(1 for e in t.exchanges if e.call == c.index),
    }
    if c.title is not None:  # only what a source gave: a call without stays as it always printed
        out["title"] = c.title
    if c.summary:
        out["summary"] = c.summary
    return out


def info_text(t: Transcript, name: str) -> str:
    """The human-readable report."""
    info = info_dict(t)
    out = [name]
    for c, call_info in zip(t.calls, info["calls"], strict=True):
        title = " \u2014 ".join(x for x in (c.company, c.period) if x) or "(company and period not named)"
        questions = call_info["questions"]
        qa = f"Q&A from paragraph {shown(c.qa_start)}" if c.qa_start is not None else "no Q&A found"
        prefix = f"Call {c.index + 1}: " if len(t.calls) > 1 else "Call: "
        out.append(
            f"{prefix}{title} \u00b7 {c.end_turn - c.first_turn} turns \u00b7 {qa} \u00b7 "
            f"{questions} question{'' if questions == 1 else 's'}"
        )
        if c.title:
            out.append(f"  Title: {c.title}")
        if c.summary:
            out.append(f"  Summary: {len(c.summary)} line{'' if len(c.summary) == 1 else 's'}")
    out.append(
        f"Encoding {t.encoding} \u00b7 layout {t.layout} \u00b7 languages {', '.join(t.languages)} \u00b7 "
        f"{len(t.turns)} turns \u00b7 {len(t.paragraphs)} paragraphs"
    )
    out.append("Speakers (turns, words, talk share):")
    width = max((len(s["name"]) for s in info["speakers"]), default=0)
    for s in info["speakers"]:
        detail = s["title"] or "-"
        if s["firm"]:
            detail += f", {s['firm']}"
        out.append(
            f"  {s['name']:<{width}}  {s['role']:<10}  {s['turns']:>3}  {s['words']:>6,}  "
            f"{s['talk_share']:>6.1%}  {detail}"
        )
    mismatches = info["figure_mismatches"]
    if len(t.languages) < 2:
        text = "English" if "en" in t.languages else "Chinese"
        out.append(f"Figures: {info['figures']} in the {text} text; no translation")
    else:
        out.append(
            f"Figures: {info['figures']} in the English text; mismatches with the Chinese: {len(mismatches)}"
        )
    for m in mismatches[:20]:
        out.append(f"  paragraph {shown(m['paragraph'])} (line {m['line']}): {_describe(m)}")
    if len(mismatches) > 20:
        out.append(f"  ... and {len(mismatches) - 20} more (see --json)")
    if t.warnings:
        out.append(f"Warnings ({len(t.warnings)}):")
        out.extend(f"  {w}" for w in t.warnings[:30])
        if len(t.warnings) > 30:
            out.append(f"  ... and {len(t.warnings) - 30} more (see --json)")
    else:
        out.append("Warnings: none")
    return "\n".join(out)


def _describe(m: dict[str, Any]) -> str:
    en, zh = m.get("en"), m.get("zh")
    if en and zh:
        return f"{en!r} vs {zh!r} ({m['problem']})"
    return f"{(en or zh)!r} {m['problem']}"
