"""What a printed call (or its PDF) holds, as the HTML subset QTextDocument lays out (Qt-free).

The call as the reader shows it: English, Chinese, side by side (a two-column table, one row a
pair, so each pair starts at the same height on the page) or interleaved; speaker headings in
their role's colour, figures in their kind's colour (mismatches underlined), highlights in their
colour and each note under its passage. Options keep the Q&A only, one speaker, or only the
passages with notes. The page header and numbers are drawn by the renderer (`reader.ui.export`).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from .analysis import ParagraphFigures, analyse_paragraph
from .model import Section, Transcript
from .modes import Mode
from .printing import Ink, Mark, PrintOptions
from .quote import call_title

__all__ = ["Ink", "Mark", "PrintOptions", "printout_html"]


def printout_html(
    t: Transcript,
    options: PrintOptions,
    ink: Ink,
    marks: Iterable[Mark] = (),
    figures: dict[int, ParagraphFigures] | None = None,
    labels: dict[str, str] | None = None,
) -> str:
    """The HTML of the printout. `figures` (by paragraph) are found here when not given;
    `labels` may translate "qa", "gap", "note" and "prepared"."""
    words = {
        "qa": "Questions and answers",
        "prepared": "Prepared remarks",
        "gap": "[No translation of this paragraph in the file]",
        "note": "Note",
    } | (labels or {})
    by_paragraph: dict[int, list[Mark]] = {}
    if options.notes:
        for m in marks:
            by_paragraph.setdefault(m.paragraph, []).append(m)
    figures = dict(figures or {})
    out = [f'<html><body style="color:{ink.text}">']
    calls = options.calls if options.calls is not None else tuple(range(len(t.calls)))
    for call in calls:
        c = t.calls[call]
        out.append(f"<h1>{_e(call_title(t, call))}</h1>")
        section = None
        for turn in t.turns[c.first_turn : c.end_turn]:
            if options.speaker is not None and turn.speaker != options.speaker:
                continue
            kept = [
                i
                for i in turn.paragraphs
                if not (options.qa_only and t.paragraphs[i].section is not Section.QA)
                and not (options.only_noted and i not in by_paragraph)
            ]
            if not kept:
                continue
            here = t.paragraphs[kept[0]].section
            if here is not section and not options.qa_only:
                out.append(f'<h2 style="color:{ink.quiet}">{_e(words[here.value])}</h2>')
            section = here
            rows = []
            for i in kept:
                if i not in figures:
                    figures[i] = analyse_paragraph(t.paragraphs[i])
                rows.append(_paragraph(t, i, options.mode, ink, by_paragraph.get(i, []), figures[i], words))
            out.append(_turn(t, turn.index, options.mode, ink, rows))
    out.append("</body></html>")
    return "".join(out)


def _turn(t: Transcript, turn: int, mode: Mode, ink: Ink, rows: list[dict[str, str]]) -> str:
    heads = {lang: _heading(t, turn, lang, ink) for lang in ("en", "zh")}
    if mode is Mode.SIDE:
        # A table per pair (the first with the speaker's heading): the renderer starts a pair
        # that would straddle two pages on the next one, so a pair is never split.
        head = f'<tr><td width="50%">{heads["en"]}</td><td width="50%">{heads["zh"]}</td></tr>'
        return "".join(
            f'<table width="100%" cellspacing="0" cellpadding="4">{head if not i else ""}'
            f'<tr><td width="50%" valign="top">{r["en"]}</td><td width="50%" valign="top">{r["zh"]}</td>'
            "</tr></table>"
            for i, r in enumerate(rows)
        )
    if mode is Mode.INTERLEAVED:
        body = "".join(r["en"] + f'<div style="margin-left:14px">{r["zh"]}</div>' for r in rows)
        return heads["en"] + body
    lang = "zh" if mode is Mode.ZH else "en"
    return heads[lang] + "".join(r[lang] for r in rows)


def _heading(t: Transcript, turn: int, lang: str, ink: Ink) -> str:
    name = t.turns[turn].speaker
    speaker = t.speakers.get(name)
    if not name or speaker is None:
        return ""
    title = speaker.title_zh if lang == "zh" and speaker.title_zh else speaker.title
    extra = title
    if speaker.firm and speaker.firm not in (title or ""):
        extra = ", ".join(x for x in (title, speaker.firm) if x)
    colour = ink.roles.get(speaker.role.value, ink.text)
    quiet = f' <span style="color:{ink.quiet}; font-weight:normal">\u2014 {_e(extra)}</span>' if extra else ""
    return f'<h3 style="color:{colour}">{_e(name)}{quiet}</h3>'


def _paragraph(
    t: Transcript,
    i: int,
    mode: Mode,
    ink: Ink,
    marks: list[Mark],
    figures: ParagraphFigures,
    words: dict[str, str],
) -> dict[str, str]:
    """The HTML of paragraph i in each language: its text, then its notes."""
    p = t.paragraphs[i]
    out: dict[str, str] = {}
    for lang in ("en", "zh"):
        text = getattr(p, lang)
        if text is None:
            if lang == "zh" and "zh" not in t.languages:
                out[lang] = ""
                continue
            out[lang] = f'<p style="color:{ink.gap}"><i>{_e(words["gap"])}</i></p>'
            continue
        mine = [m for m in marks if m.lang == lang]
        body = _styled(text, figures, lang, mine, ink)
        notes = "".join(
            f'<p style="background-color:{ink.note_background}; margin-left:12px">'
            f'<b style="color:{ink.highlights.get(m.color, ink.quiet)}">\u25a0</b> '
            f"<b>{_e(words['note'])}:</b> {_e(m.text)}</p>"
            for m in mine
            if m.text
        )
        out[lang] = f"<p>{body}</p>{notes}"
    return out


def _styled(text: str, figures: ParagraphFigures, lang: str, marks: list[Mark], ink: Ink) -> str:
    """The text with figures in colour (mismatches underlined) and highlights as backgrounds."""
    mismatched = set(figures.mismatched_spans(lang))
    cuts = {0, len(text)}
    figs = [(f.start, f.end, f.kind) for f in figures.figures(lang) if 0 <= f.start < f.end <= len(text)]
    for start, end, _ in figs:
        cuts |= {start, end}
    spans = [(max(0, m.start), min(len(text), m.end), m.color) for m in marks if m.end > m.start]
    for start, end, _ in spans:
        cuts |= {start, end}
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        piece = _e(text[a:b])
        styles = []
        fig = next(((s, e, k) for s, e, k in figs if s <= a and b <= e), None)
        if fig is not None and (fig[0], fig[1]) in mismatched:  # disagrees with the other language
            styles += [f"color:{ink.mismatch}", "text-decoration:underline"]
        elif fig is not None:
            styles.append(f"color:{ink.figures.get(fig[2], ink.text)}")
        mark = next((c for s, e, c in spans if s <= a and b <= e), None)
        if mark is not None:
            styles.append(f"background-color:{ink.highlights.get(mark, ink.note_background)}")
        out.append(f'<span style="{"; ".join(styles)}">{piece}</span>' if styles else piece)
    return "".join(out)


def _e(text: str) -> str:
    return html.escape(text, quote=False)
