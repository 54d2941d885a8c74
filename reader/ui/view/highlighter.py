"""Colour the figures of a pane's paragraphs, and underline those that disagree with the translation.

One `FigureHighlighter` per QTextDocument. Each block says what it stands for (`reader.ui.view.blocks`):
only paragraph blocks that are not a gap marker are highlighted, in the block's language. The figures
come from the analysis when it has them (`figures(paragraph, lang)`, no lexing), else from the figure
lexer run on the block's text, or (`lex_unknown=False`, what the view asks for) not yet:
`refresh_paragraphs()` colours the blocks of paragraphs whose analysis arrived later. The view shows
a call's text before its figures are found, on a worker: lexing here would put the lexer's import
and regex compilation and the lexing on the GUI thread before the first paint. Nothing depends on
the previous block's state.

Colouring is cheap; what costs is Qt laying out again the blocks whose colours changed, which for a
long call coloured in one go would hold the GUI thread. Given a `Slicer`, a long
document is coloured progressively: `start()`, before a pane shows it (it has no layout yet, so no
relayout), colours its first SYNC_BLOCKS blocks; the rest follow in the slicer's slices, a few
blocks per edit, and `admit()` colours first the blocks the reader scrolls to. A recolouring (a
toggle, a palette change) goes the same way from the block it is given, where the reader is. (The
small edits also keep Qt's lazy layout of the document in small steps: left alone, it doubles its
step every 10 ms and lays out a third of a long call at a time.)
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from ...core.rows import FIRST_ROWS
from .. import theme
from . import blocks
from .slices import Slicer

if TYPE_CHECKING:
    from ...core.figures import Figure

FiguresOf = Callable[[int, str], "list[Figure] | None"]
MismatchesOf = Callable[[int, str], list[tuple[int, int]] | None]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # one Python character, two UTF-16 units in Qt
_PARAGRAPH = "paragraph"
SYNC_BLOCKS = FIRST_ROWS  # blocks coloured at once when a pass starts: more than a screenful
ADMIT_BLOCKS = SYNC_BLOCKS  # blocks coloured at once where the reader scrolls to
RELAYOUT_S = 0.0003  # seconds to lay a paragraph block out again once recoloured (a slice counts it)


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
        slicer: Slicer | None = None,
        enabled: bool = True,
        lex_unknown: bool = True,
    ) -> None:
        # The document's layout object made before we listen: making it says every block changed
        # (a pane's setDocument would, and have us colour them all again). Made here, on the GUI
        # thread, not on the worker that builds the document: making it connects a signal, which
        # a worker must not do (the "Locks" paragraph of reader.ui.workers: it can hang).
        document.documentLayout()
        super().__init__(document)
        self._figures = figures
        self._lex_unknown = lex_unknown
        self._mismatches = mismatches
        self._enabled = enabled
        self._formats: dict[str, QTextCharFormat] = {}
        self._mismatch_formats: dict[str, QTextCharFormat] = {}
        self._mismatch_format = QTextCharFormat()
        self._blocks: dict[int, list[int]] | None = None  # paragraph → block numbers, built lazily
        self._recolouring = False  # our own rehighlighting also says the contents changed
        # A progressive pass: which blocks it has reached (None: every block is highlighted), the
        # order it takes them in, and how far along that order it is.
        self._gate: bytearray | None = None
        self._order: list[int] = []
        self._at = 0
        self._slicer = slicer
        self._build(theme.colours())
        document.contentsChanged.connect(self._forget_blocks)

    @classmethod
    def started(
        cls, document: QTextDocument, figures: FiguresOf, mismatches: MismatchesOf, slicer: Slicer, on: bool
    ) -> FigureHighlighter:
        """The view's highlighter of a document no pane shows yet (figures not lexed here), its
        top coloured already if `on` (`start()`)."""
        hl = cls(document, figures, mismatches, slicer, on, lex_unknown=False)
        if on:
            hl.start()
        return hl

    # --- public -------------------------------------------------------------------------------

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool, near: int = 0) -> None:
        """Show or hide every figure highlight; a long document from block `near` (where the
        reader is) first."""
        if enabled != self._enabled:
            self._enabled = enabled
            self._recolour_all(near)

    def set_palette(self, palette: QPalette | None, near: int = 0) -> None:
        """Take the figure colours for `palette` (light or dark) and recolour."""
        self._build(theme.colours(palette))
        if self._enabled:
            self._recolour_all(near)

    def pending(self) -> bool:
        """Whether a progressive pass still has blocks to colour."""
        return self._gate is not None

    def start(self) -> None:
        """Colour a document that no pane shows yet: its top now, the rest in slices."""
        self._begin(0)
        self.rehighlight()  # the gate lets the top through; no layout yet, so no relayout

    def stop(self) -> None:
        """Drop the pass under way: this highlighter is being replaced."""
        if self._slicer is not None:
            self._slicer.remove(self._slice)
        self._gate, self._order = None, []

    def admit(self, first: int, last: int) -> None:
        """Colour blocks first..last now (the reader is looking at them), if a pass has not yet:
        ADMIT_BLOCKS of them at most, the rest in the pass's turn. (A range from a pane whose
        layout is still under way can run to the end of the document.)"""
        gate, doc = self._gate, self.document()
        if gate is None or doc is None:
            return
        first = min(max(first, 0), len(gate) - 1)
        stop = min(last + 1, len(gate), first + ADMIT_BLOCKS)
        todo = [n for n in range(first, stop) if not gate[n]]
        if todo:
            with self._edit(doc):
                for n in todo:
                    gate[n] = 1
                    self.rehighlightBlock(doc.findBlockByNumber(n))

    def refresh_paragraphs(self, indices: Iterable[int], near: int = 0) -> None:
        """Recolour the blocks of these paragraphs (their analysis has arrived). More than
        SYNC_BLOCKS paragraphs (the rest of a call) go in slices, from block `near` down: the
        blocks of other paragraphs (those on screen, coloured already) are left as they are."""
        if not self._enabled:
            return
        doc = self.document()
        if doc is None:
            return
        indices = list(indices)
        found = [block for index in indices for block in self._blocks_of(doc, index)]
        if self._slicer is not None and len(indices) > SYNC_BLOCKS:
            self._queue(sorted(block.blockNumber() for block in found), near)
            return
        gate = self._gate
        with self._edit(doc):
            for block in found:
                if gate is None or _admitted(gate, block.blockNumber()):
                    self.rehighlightBlock(block)  # else the pass colours it when it gets there

    # --- progressive passes -------------------------------------------------------------------

    def _begin(self, anchor: int) -> list[int]:
        """Start a pass from block `anchor` down, then from the top; the first SYNC_BLOCKS blocks
        of that order are let through at once, and returned. A short document gets no pass (the
        gate stays None, nothing is returned): colour it all at once."""
        doc = self.document()
        count = doc.blockCount() if doc is not None else 0
        if self._slicer is None or count <= SYNC_BLOCKS:
            self._gate = None
            return []
        anchor = min(max(anchor, 0), count - 1)
        self._gate = bytearray(count)
        self._order = [*range(anchor, count), *range(anchor)]
        self._at = min(SYNC_BLOCKS, count)
        first = self._order[: self._at]
        for n in first:
            self._gate[n] = 1
        self._slicer.add(self._slice)
        return first

    def _slice(self, deadline: float) -> bool:
        gate, doc = self._gate, self.document()
        if gate is None or doc is None:
            return False
        relayout = 0.0  # what laying out again the recoloured blocks costs (estimated)
        with self._edit(doc):  # one relayout for the slice, of just its blocks
            while self._at < len(self._order):
                n = self._order[self._at]
                self._at += 1
                if not gate[n]:
                    gate[n] = 1
                    block = doc.findBlockByNumber(n)
                    if block.layout().lineCount():  # laid out already (the reader went past it)
                        relayout += RELAYOUT_S
                    self.rehighlightBlock(block)
                    if time.perf_counter() + relayout > deadline:
                        break
        if self._at < len(self._order):
            return True
        self._gate, self._order = None, []
        return False

    def _queue(self, numbers: list[int], near: int) -> None:
        """Colour blocks `numbers` in the pass's slices, from `near` down, then from the top (a
        new pass if none is under way; those a pass under way has not reached yet it colours in
        its turn). None of them now: they come after a first paint that coloured the screen, and
        the reader's scrolling admits any it shows (`admit`)."""
        doc = self.document()
        if doc is None or self._slicer is None:
            return
        gate = self._gate
        if gate is None:
            gate = self._gate = bytearray(b"\x01") * doc.blockCount()
            self._order, self._at = [], 0
            self._slicer.add(self._slice)
        todo = [n for n in numbers if n < len(gate) and gate[n]]
        for n in todo:
            gate[n] = 0
        self._order.extend([n for n in todo if n >= near] + [n for n in todo if n < near])

    def _recolour_all(self, near: int) -> None:
        doc = self.document()
        if doc is None:
            return
        first = self._begin(near)
        if self._gate is None:
            self.rehighlight()
            return
        with self._edit(doc):
            for n in first:
                self.rehighlightBlock(doc.findBlockByNumber(n))

    @contextmanager
    def _edit(self, doc: QTextDocument) -> Iterator[None]:
        """Recolour in one edit of the document (one relayout); not a change of its blocks."""
        self._recolouring = True
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        try:
            yield
        finally:
            cursor.endEditBlock()
            self._recolouring = False

    # --- highlighting -------------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not self._enabled or not text:
            return
        block = self.currentBlock()
        if self._gate is not None and not _admitted(self._gate, block.blockNumber()):
            return  # a progressive pass colours it later
        fmt = block.blockFormat()
        if fmt.stringProperty(blocks.KIND) != _PARAGRAPH or fmt.boolProperty(blocks.GAP):
            return
        lang = fmt.stringProperty(blocks.LANG) or "en"
        paragraph = fmt.intProperty(blocks.PARAGRAPH) if fmt.hasProperty(blocks.PARAGRAPH) else -1
        spans = None
        if paragraph >= 0:
            figures = self._figures(paragraph, lang)
            if figures is None and not self._lex_unknown:
                return  # refresh_paragraphs() colours it once the analysis has it
            spans = _spans(text, figures) if figures is not None else None
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
            # QColors, converted by Qt, not QBrushes (which would build more of PySide's enums).
            f.setForeground(c.figures[kind])
            f.setBackground(c.figure_background)
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


def _admitted(gate: bytearray, number: int) -> bool:
    return number >= len(gate) or gate[number] != 0


def _mark(f: QTextCharFormat, c: theme.Colours) -> None:
    f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    f.setUnderlineColor(c.mismatch)
    f.setBackground(c.mismatch_background)


def _spans(text: str, figures: list[Figure]) -> list[tuple[int, int, str]] | None:
    """The analysed figures as spans of this block's text, or None when they do not fit it (the
    block is lexed then)."""
    spans = []
    for f in figures:
        if text[f.start : f.end] != f.text:
            return None
        spans.append((f.start, f.end, f.kind))
    return spans


def _lex(text: str, lang: str) -> list[tuple[int, int, str]]:
    # Imported here: the lexer (Pygments) is not needed to show a window, only to colour it.
    from ...core.figures import kind_of, lexer_for

    spans = []
    for pos, tokentype, token in lexer_for(lang).get_tokens_unprocessed(text):
        kind = kind_of(tokentype)
        if kind is not None:
            spans.append((pos, pos + len(token), kind))
    return spans


def _utf16(text: str, index: int) -> int:
    """The UTF-16 offset of the Python offset `index`."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)
