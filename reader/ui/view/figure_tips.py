"""What a pane's tooltip says about the figure or the flag under the mouse."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from ...core.analysis import ParagraphFigures, counterpart, describe


def _english() -> str:
    return QCoreApplication.translate("FigureTips", "English")


def _chinese() -> str:
    return QCoreApplication.translate("FigureTips", "Chinese")


def figure_tip(pf: ParagraphFigures, lang: str, position: int) -> str | None:
    """The figure at `position` of one language of a paragraph: its kind, normalised value, and
    its counterpart in the other language (or that it has none)."""
    figures = pf.en if lang == "en" else pf.zh
    fig = next((f for f in figures if f.start <= position < f.end), None)
    if fig is None:
        return None
    other = counterpart(pf, lang, fig)
    other_lang = _chinese() if lang == "en" else _english()
    lines = [f"<b>{html.escape(fig.text)}</b> = {html.escape(describe(fig))}"]
    if other is not None:
        lines.append(f"{html.escape(other_lang)}: <b>{html.escape(other.text)}</b>")
    else:
        none = QCoreApplication.translate("FigureTips", "No matching figure in the {lang} text")
        lines.append(html.escape(none.format(lang=other_lang)))
    if any(a <= fig.start < b for a, b in pf.mismatched_spans(lang)):
        disagree = QCoreApplication.translate("FigureTips", "The two languages disagree here")
        lines.append(f"<span style='color:#dc2626'>{html.escape(disagree)}</span>")
    return _nowrap(lines)


def flag_tip(pf: ParagraphFigures) -> str:
    """Why a paragraph is flagged: each figure that has no equal in the other language."""
    title = QCoreApplication.translate("FigureTips", "Figures disagree between the languages")
    lines = [f"<b>{html.escape(title)}</b>"]
    for m in pf.mismatches:
        en = html.escape(m.en) if m.en else "\u2014"
        zh = html.escape(m.zh) if m.zh else "\u2014"
        lines.append(f"{html.escape(_english())}: {en} \u00b7 {html.escape(_chinese())}: {zh}")
    return _nowrap(lines)


def _nowrap(lines: list[str]) -> str:
    """Rich text that Qt shows on as many lines as given, never wrapped narrower."""
    return "<qt>" + "<br>".join(f"<nobr>{line}</nobr>" for line in lines) + "</qt>"
