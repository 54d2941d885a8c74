"""Colour the figures of a pane's paragraphs, and underline those that disagree with the translation.

One `FigureHighlighter` per QTextDocument. Each block says what it stands for (`reader.ui.blocks`):
only paragraph blocks that are not a gap marker are highlighted, in the block's language. The figures
come from the analysis when it has them (`figures(paragraph, lang)`, no lexing), else from the figure
lexer run on the block's text; `refresh_paragraphs()` recolours the blocks of paragraphs whose analysis
arrived later. Nothing depends on the previous block's state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtGui import (
    QBrush,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from ..core.figures import Figure, kind_of, lexer_for
from . import blocks, theme

FiguresOf = Callable[[int, str], list[Figure] | None]
MismatchesOf = Callable[[int, str], list[tuple[int, int]] | None]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # one Python character, two UTF-16 units in Qt
_PARAGRAPH = "paragraph"


class FigureHighlighter(QSyntaxHighlighter):
    """Figures in the colour of their kind on a faint background; mismatched ones wavy-underlined.

    `figures(paragraph, lang)` returns the analysed figures of a paragraph's `lang` text, or None
    while the analysis has not got there; `mismatches(paragraph, lang)` the (start, end) spans of
    that text's figures that disagree with the other language."""

    def __init__(
        self,
        document: QTextDocument,
        figures: FiguresOf,
        mismatches: MismatchesOf | None = None,
    ) -> None:
        super().__init__(document)
        self._figures = figures
        self._mismatches = mismatches
        self._enabled = True
        self._formats: dict[str, QTextCharFormat] = {}
        self._mismatch_formats: dict[str, QTextCharFormat] = {}
        self._mismatch_format = QTextCharFormat()
        self._blocks: dict[int, list[int]] | None = None  # paragraph → block numbers, built lazily
        self._recolouring = False  # our own rehighlighting also says the contents changed
        self._build(theme.colours())
        document.contentsChanged.connect(self._forget_blocks)

    # --- public -------------------------------------------------------------------------------

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Show or hide every figure highlight."""
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight()

    def set_palette(self, palette: QPalette | None) -> None:
        """Take the figure colours for `palette` (light or dark) and recolour."""
        self._build(theme.colours(palette))
        if self._enabled:
            self.rehighlight()

    def refresh_paragraphs(self, indices: Iterable[int]) -> None:
        """Recolour just the blocks of these paragraphs (their analysis has arrived)."""
        if not self._enabled:
            return
        doc = self.document()
        if doc is None:
            return
        self._recolouring = True
        try:
            for index in indices:
                for block in self._blocks_of(doc, index):
                    self.rehighlightBlock(block)
        finally:
            self._recolouring = False

    # --- highlighting -------------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not self._enabled or not text:
            return
        fmt = self.currentBlock().blockFormat()
        if fmt.stringProperty(blocks.KIND) != _PARAGRAPH or fmt.boolProperty(blocks.GAP):
            return
        lang = fmt.stringProperty(blocks.LANG) or "en"
        paragraph = fmt.intProperty(blocks.PARAGRAPH) if fmt.hasProperty(blocks.PARAGRAPH) else -1
        spans = self._cached(text, paragraph, lang) if paragraph >= 0 else None
        if spans is None:
            spans = _lex(text, lang)
        bad: set[tuple[int, int]] = set()
        if self._mismatches is not None and paragraph >= 0:
            bad = set(self._mismatches(paragraph, lang) or ())
        astral = _ASTRAL.search(text) is not None
        for start, end, kind in spans:
            if (start, end) in bad:
                bad.discard((start, end))
                fmt_ = self._mismatch_formats[kind]
            else:
                fmt_ = self._formats[kind]
            self._set(text, start, end, fmt_, astral)
        for start, end in bad:  # a mismatch that is no figure of this text: underline it all the same
            if 0 <= start < end <= len(text):
                self._set(text, start, end, self._mismatch_format, astral)

    def _cached(self, text: str, paragraph: int, lang: str) -> list[tuple[int, int, str]] | None:
        """The analysed figures of this block, or None when there are none yet or they do not fit
        the block's text (then the block is lexed)."""
        figures = self._figures(paragraph, lang)
        if figures is None:
            return None
        spans = []
        for f in figures:
            if text[f.start : f.end] != f.text:
                return None
            spans.append((f.start, f.end, f.kind))
        return spans

    def _set(self, text: str, start: int, end: int, fmt: QTextCharFormat, astral: bool) -> None:
        if astral:  # Qt counts UTF-16 units
            start, end = _utf16(text, start), _utf16(text, end)
        self.setFormat(start, end - start, fmt)

    # --- formats and blocks ---------------------------------------------------------------------

    def _build(self, c: theme.Colours) -> None:
        self._formats.clear()
        self._mismatch_formats.clear()
        for kind in theme.FIGURE_KINDS:
            f = QTextCharFormat()
            f.setForeground(QBrush(c.figures[kind]))
            f.setBackground(QBrush(c.figure_background))
            self._formats[kind] = f
            m = QTextCharFormat(f)
            _mark(m, c)
            self._mismatch_formats[kind] = m
        self._mismatch_format = QTextCharFormat()
        _mark(self._mismatch_format, c)

    def _map_blocks(self, doc: QTextDocument) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        block: QTextBlock = doc.begin()
        while block.isValid():
            fmt = block.blockFormat()
            if (
                fmt.stringProperty(blocks.KIND) == _PARAGRAPH
                and not fmt.boolProperty(blocks.GAP)
                and fmt.hasProperty(blocks.PARAGRAPH)
            ):
                out.setdefault(fmt.intProperty(blocks.PARAGRAPH), []).append(block.blockNumber())
            block = block.next()
        return out

    def _blocks_of(self, doc: QTextDocument, index: int) -> list[QTextBlock]:
        """The highlighted blocks of paragraph `index`; the map is rebuilt if the document changed
        under it (a block no longer says it is that paragraph's)."""
        for attempt in range(2):
            if self._blocks is None or attempt:
                self._blocks = self._map_blocks(doc)
            found = [doc.findBlockByNumber(n) for n in self._blocks.get(index, ())]
            if all(b.isValid() and blocks.paragraph_of(b) == index for b in found):
                return found
        return []

    def _forget_blocks(self) -> None:
        if not self._recolouring:
            self._blocks = None


def _mark(f: QTextCharFormat, c: theme.Colours) -> None:
    f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    f.setUnderlineColor(c.mismatch)
    f.setBackground(QBrush(c.mismatch_background))


def _lex(text: str, lang: str) -> list[tuple[int, int, str]]:
    spans = []
    for pos, tokentype, token in lexer_for(lang).get_tokens_unprocessed(text):
        kind = kind_of(tokentype)
        if kind is not None:
            spans.append((pos, pos + len(token), kind))
    return spans


def _utf16(text: str, index: int) -> int:
    """The UTF-16 offset of the Python offset `index`."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)
