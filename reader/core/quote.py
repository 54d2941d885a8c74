"""A passage quoted with its source, for pasting into a mail, a Markdown note or a document.

A quote holds the passage in both languages (the reader's selection in the language it was made
in, the whole counterpart paragraphs in the other), the citation
``Company Qn YYYY earnings call, Speaker (Title), ¶N`` (N the paragraph's number as the status
bar shows it: :mod:`.numbering`) and the ``transcript-reader://`` link to its first paragraph
(0-based, as JSON output counts). It renders as plain text, Markdown and HTML; the window puts
all three on the clipboard.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .links import link
from .model import Transcript
from .numbering import shown

LANGS = ("en", "zh")
LANG_LABELS = {"en": "EN", "zh": "中文"}


class QuoteError(ValueError):
    """Nothing to quote there (a header, a gap, an empty selection)."""


@dataclass(frozen=True)
class Span:
    """Characters start:end (Python indices) of one paragraph's text in one language."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    texts: dict[str, str]  # language -> the quoted text (paragraphs joined by a blank line)
    citation: str
    url: str

    def plain(self) -> str:
        lines = [f"\u201c{self.texts[lang]}\u201d" for lang in LANGS if lang in self.texts]
        return "\n\n".join(lines) + f"\n\n\u2014 {self.citation}\n{self.url}\n"

    def markdown(self) -> str:
        out: list[str] = []
        for lang in LANGS:
            if lang in self.texts:
                if out:
                    out.append(">")
                paragraphs = self.texts[lang].split("\n\n")
                for i, text in enumerate(paragraphs):
                    if i:
                        out.append(">")
                    out.append(f"> {_md(text)}")
        out += [">", f"> \u2014 {_md(self.citation)}  ", f"> <{self.url}>"]
        return "\n".join(out) + "\n"

    def html(self) -> str:
        body = "".join(
            f'<p lang="{lang}">{html.escape(text)}</p>'
            for lang in LANGS
            if lang in self.texts
            for text in self.texts[lang].split("\n\n")
        )
        url = html.escape(self.url, quote=True)
        return (
            f"<blockquote>{body}<p>\u2014 {html.escape(self.citation)}<br>"
            f'<a href="{url}">{url}</a></p></blockquote>'
        )


def call_title(t: Transcript, call: int) -> str:
    """ "Company Q2 2025 earnings call", with what the file says of the call."""
    c = t.calls[call]
    return " ".join(x for x in (c.company, c.period, "earnings call") if x)


def citation(t: Transcript, first: int, last: int | None = None) -> str:
    """The citation of paragraphs first..last (file indices) of one turn."""
    p = t.paragraphs[first]
    parts = [call_title(t, p.call)]
    speaker = t.speaker_of(p)
    if speaker is not None and speaker.name:
        parts.append(f"{speaker.name} ({speaker.title})" if speaker.title else speaker.name)
    last = first if last is None else last
    n = shown(first)
    parts.append(f"\u00b6{n}" if last == first else f"\u00b6{n}\u2013{shown(last)}")
    return ", ".join(parts)


def make_quote(t: Transcript, path: str, lang: str, spans: list[Span]) -> Quote:
    """The quote of `spans` (in paragraph order, the selection in language `lang`), kept to the
    turn of the first one: a quote has one speaker. QuoteError if nothing is left to quote."""
    if lang not in LANGS:
        raise QuoteError(f"not a language of a transcript: {lang}")
    spans = [s for s in spans if 0 <= s.paragraph < len(t.paragraphs)]
    if not spans:
        raise QuoteError("no paragraph to quote")
    turn = t.paragraphs[spans[0].paragraph].turn
    spans = [s for s in spans if t.paragraphs[s.paragraph].turn == turn]
    texts: dict[str, list[str]] = {}
    for s in spans:
        p = t.paragraphs[s.paragraph]
        own = getattr(p, lang)
        if own is not None:
            part = " ".join(own[max(s.start, 0) : min(s.end, len(own))].split())
            if part:
                texts.setdefault(lang, []).append(part)
        other = "zh" if lang == "en" else "en"
        counterpart = getattr(p, other)
        if counterpart:
            texts.setdefault(other, []).append(" ".join(counterpart.split()))
    if lang not in texts:
        raise QuoteError("the selection holds no text of a paragraph")
    paragraphs = [s.paragraph for s in spans]
    return Quote(
        {k: "\n\n".join(v) for k, v in texts.items()},
        citation(t, paragraphs[0], paragraphs[-1]),
        link(path, paragraphs[0]),
    )


def paragraph_quote(t: Transcript, path: str, paragraph: int, lang: str = "en") -> Quote:
    """The quote of a whole paragraph (the one under the cursor), from `lang` if it has text
    there, else from the other language."""
    p = t.paragraphs[paragraph]
    if not getattr(p, lang):
        lang = "zh" if lang == "en" else "en"
    text = getattr(p, lang) or ""
    return make_quote(t, path, lang, [Span(paragraph, 0, len(text))])


def _md(text: str) -> str:
    """Text shown as itself in Markdown (what would start markup escaped)."""
    for ch in "\\`*_[]<>#":
        text = text.replace(ch, "\\" + ch)
    return text
