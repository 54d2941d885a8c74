"""Builds the QTextDocuments a call is read in, one block per row (see reader.core.rows).

Side by side, the English and the Chinese documents have exactly one block per row each, so block
i of one pane is block i of the other, and then one empty block of the same height in both (kind
END, no row): the last row's padding goes on its own bottom margin (`aligner.py`), since Qt ignores
the bottom margin of a document's last block. Interleaved, each paragraph row has its English
block then its Chinese block. Text from the file is inserted as plain text, never parsed as markup.

Vertical space between blocks is only ever a bottom margin (every top margin is 0): Qt collapses a
bottom margin with the next block's top margin, and with top margins at 0 the space after a block
is exactly its bottom margin, which `aligner.py` can extend to keep the panes in step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from ...core.model import Transcript
from ...core.rows import Row, RowKind
from ..theme import Colours
from . import blocks

AFTER_PARAGRAPH = 9.0  # px below a paragraph
AFTER_TURN = 20.0  # px below the last block of a turn (before the next speaker's header)
AFTER_HEADER = 4.0
LEFT_GUTTER = 28.0  # room at the left of the document for note markers and figure flags
INTERLEAVED_INDENT = 14.0  # the Chinese under its English, set in a little


def notice_text() -> str:
    return QCoreApplication.translate("Document", "Chinese: machine translation, for reference only.")


def gap_text() -> str:
    return QCoreApplication.translate("Document", "[No translation of this paragraph in the file]")


def new_document(font: QFont) -> QTextDocument:
    doc = QTextDocument()
    # No width to lay out at until a pane gives one, so that making its layout object (on the GUI
    # thread, see FigureHighlighter) costs no layout.
    doc.setPageSize(QSizeF(0, 0))
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(10)
    root = doc.rootFrame().frameFormat()
    root.setLeftMargin(LEFT_GUTTER)
    doc.rootFrame().setFrameFormat(root)
    return doc


class _Writer:
    """Appends blocks to one document through one cursor."""

    def __init__(self, doc: QTextDocument, colours: Colours, t: Transcript) -> None:
        self.doc, self.colours, self.t = doc, colours, t
        self.cursor = QTextCursor(doc)
        self.first = True
        self.plain = QTextCharFormat()
        self.quiet = QTextCharFormat()
        self.quiet.setForeground(colours.quiet)
        self.quiet_italic = QTextCharFormat(self.quiet)
        self.quiet_italic.setFontItalic(True)
        self.gap = QTextCharFormat()
        self.gap.setForeground(colours.gap)
        self.gap.setFontItalic(True)

    def block(
        self, row: int, lang: str, row_info: Row, after: float, gap: bool = False, indent: float = 0.0
    ) -> None:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(indent)
        fmt.setTopMargin(0)
        fmt.setBottomMargin(after)
        fmt.setProperty(blocks.ROW, row)
        fmt.setProperty(blocks.LANG, lang)
        fmt.setProperty(blocks.PARAGRAPH, row_info.paragraph)
        fmt.setProperty(blocks.KIND, row_info.kind.value)
        fmt.setProperty(blocks.PAD, 0.0)
        if gap:
            fmt.setProperty(blocks.GAP, True)
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(self.plain)
            self.first = False
        else:
            self.cursor.insertBlock(fmt, self.plain)

    def end(self) -> None:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(0)
        fmt.setBottomMargin(0)
        fmt.setProperty(blocks.KIND, blocks.END)
        self.cursor.insertBlock(fmt, self.plain)

    def note(self, lang: str) -> None:
        if lang == "zh":
            self.cursor.insertText(self.t.header or "", self.quiet_italic)
        else:
            self.cursor.insertText(notice_text(), self.quiet_italic)

    def header(self, turn: int, lang: str) -> None:
        speaker = self.t.speakers.get(self.t.turns[turn].speaker)
        name = self.t.turns[turn].speaker
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        if speaker is not None:
            fmt.setForeground(self.colours.roles[speaker.role])
        self.cursor.insertText(name, fmt)
        if speaker is None:
            return
        title = speaker.title_zh if lang == "zh" and speaker.title_zh else speaker.title
        extra = title
        if speaker.firm and speaker.firm not in (title or ""):
            extra = ", ".join(x for x in (title, speaker.firm) if x)
        if extra:
            self.cursor.insertText("  \u2014  " + extra, self.quiet)

    def text(self, text: str | None) -> None:
        if text is None:
            self.cursor.insertText(gap_text(), self.gap)
        else:
            self.cursor.insertText(text, self.plain)


def _after(rows: list[Row], i: int) -> float:
    row = rows[i]
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if row.kind is RowKind.HEADER:
        return AFTER_HEADER
    if nxt is None or nxt.kind is not RowKind.PARAGRAPH or nxt.turn != row.turn:
        return AFTER_TURN
    return AFTER_PARAGRAPH


Built = tuple[QTextDocument, list[int]]  # a document and, per row, the number of its first block


def build(name: str, t: Transcript, rows: list[Row], font: QFont, colours: Colours) -> Built:
    """The document of a pane: "en", "zh" or "interleaved". Safe to call on a worker thread (no
    layout happens here); the document must then be moved to the GUI thread before it is shown."""
    if name == "interleaved":
        return build_interleaved(t, rows, font, colours), interleaved_blocks(t, rows)
    return build_side(t, rows, name, font, colours), list(range(len(rows)))


def interleaved_blocks(t: Transcript, rows: list[Row]) -> list[int]:
    """Row -> first block of the interleaved document (a paragraph row has two blocks)."""
    two = "zh" in t.languages
    out, n = [], 0
    for row in rows:
        out.append(n)
        n += 2 if two and row.kind is RowKind.PARAGRAPH else 1
    return out


def build_side(t: Transcript, rows: list[Row], lang: str, font: QFont, colours: Colours) -> QTextDocument:
    """One language's document: one block per row, and the END block."""
    doc = new_document(font)
    w = _Writer(doc, colours, t)
    w.cursor.beginEditBlock()
    for i, row in enumerate(rows):
        text = getattr(t.paragraphs[row.paragraph], lang) if row.kind is RowKind.PARAGRAPH else ""
        w.block(i, lang, row, _after(rows, i), gap=row.kind is RowKind.PARAGRAPH and text is None)
        if row.kind is RowKind.NOTE:
            w.note(lang)
        elif row.kind is RowKind.HEADER:
            w.header(row.turn, lang)
        else:
            w.text(text)
    w.end()
    w.cursor.endEditBlock()
    return doc


def build_interleaved(t: Transcript, rows: list[Row], font: QFont, colours: Colours) -> QTextDocument:
    """Both languages in one document: each Chinese paragraph under its English one."""
    doc = new_document(font)
    w = _Writer(doc, colours, t)
    has_zh = "zh" in t.languages
    w.cursor.beginEditBlock()
    for i, row in enumerate(rows):
        after = _after(rows, i)
        if row.kind is RowKind.NOTE:
            w.block(i, "en", row, after)
            w.note("en")
        elif row.kind is RowKind.HEADER:
            w.block(i, "en", row, after)
            w.header(row.turn, "en")
        else:
            p = t.paragraphs[row.paragraph]
            w.block(i, "en", row, AFTER_HEADER if has_zh else after, gap=p.en is None)
            w.text(p.en)
            if has_zh:
                w.block(i, "zh", row, after, gap=p.zh is None, indent=INTERLEAVED_INDENT)
                w.text(p.zh)
    w.cursor.endEditBlock()
    return doc
