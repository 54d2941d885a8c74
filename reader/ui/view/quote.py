"""Copy as Quote: the reader's selection, or the paragraph under the cursor, in both languages
with its citation and link (`reader.core.quote`), on the clipboard as plain text, Markdown and
HTML in one QMimeData, so that it pastes well into a mail, a Markdown note or a word processor."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint
from PySide6.QtGui import QGuiApplication, QTextBlock

from ...core.quote import Quote, QuoteError, Span, make_quote, paragraph_quote
from ...core.rows import RowKind, paragraph_from
from . import blocks
from .host import ViewHost
from .pane import Pane

MARKDOWN = "text/markdown"


def quote_of(
    view: ViewHost, current_row: int, pane: Pane | None = None, pos: QPoint | None = None
) -> Quote | None:
    """What Copy as Quote copies: the selection of `pane` (else of the first shown pane holding
    one); else the paragraph at `pos` in `pane`, at the text cursor, at `current_row` (the row
    marked current), or at the top of the reading pane. None when the view shows no paragraph."""
    t, path = view.transcript, view.path
    if t is None:
        return None
    name = str(path) if path is not None else ""
    shown = [p for p in view.panes() if p.isVisible()] or [view.active_pane()]
    panes = [pane] if pane is not None else sorted(shown, key=lambda p: not p.hasFocus())
    for p in panes:
        if p.textCursor().hasSelection():
            lang, spans = _selection(p)
            if spans:
                try:
                    return make_quote(t, name, lang, spans)
                except QuoteError:
                    pass
    target = pane or panes[0]
    block = target.cursorForPosition(pos).block() if pos is not None else target.textCursor().block()
    paragraph, lang = _paragraph(block)
    if paragraph < 0 and pos is None and current_row >= 0:
        paragraph = paragraph_from(view.rows, current_row)
    if paragraph < 0 and pos is None:
        paragraph = view.top_paragraph()
    if not 0 <= paragraph < len(t.paragraphs):
        return None
    return paragraph_quote(t, name, paragraph, lang)


def _paragraph(block: QTextBlock) -> tuple[int, str]:
    if not block.isValid() or blocks.kind_of(block) != RowKind.PARAGRAPH.value or blocks.is_gap(block):
        return -1, "en"
    return blocks.paragraph_of(block), blocks.lang_of(block)


def _selection(pane: Pane) -> tuple[str, list[Span]]:
    """The selected characters of each paragraph block, in the language of the first one (an
    interleaved pane's selection holds both: the other language comes whole from the model)."""
    cursor = pane.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    block = pane.document().findBlock(start)
    lang: str | None = None
    spans: list[Span] = []
    while block.isValid() and block.position() < end:
        paragraph, block_lang = _paragraph(block)
        if paragraph >= 0 and (lang is None or block_lang == lang):
            lang = block_lang
            text = block.text()
            first = blocks.py_offset(text, max(start - block.position(), 0))
            last = blocks.py_offset(text, min(end - block.position(), len(text) * 2))
            if last > first:
                spans.append(Span(paragraph, first, last))
        block = block.next()
    return lang or "en", spans


def mime_data(quote: Quote) -> QMimeData:
    """The quote as text/plain, text/markdown and text/html."""
    data = QMimeData()
    data.setText(quote.plain())
    data.setData(MARKDOWN, quote.markdown().encode("utf-8"))
    data.setHtml(quote.html())
    return data


def copy_quote(quote: Quote) -> None:
    QGuiApplication.clipboard().setMimeData(mime_data(quote))
