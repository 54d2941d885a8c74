"""What each block of a pane's QTextDocument stands for, stored on the block's format.

Every document built for a call has one block per row of `reader.core.rows` in each side-by-side
pane (interleaved: one block per language per row). The properties below tie a block back to the
model without a side table, so highlighters, tooltips and find marks read them from the block.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextFormat

ROW = QTextFormat.Property.UserProperty + 1  # int: index into the call's rows
LANG = QTextFormat.Property.UserProperty + 2  # str: "en" or "zh"
PARAGRAPH = QTextFormat.Property.UserProperty + 3  # int: Transcript.paragraphs index, -1 for none
KIND = QTextFormat.Property.UserProperty + 4  # str: RowKind value ("header", "paragraph", ...)
PAD = QTextFormat.Property.UserProperty + 5  # float: bottom padding added to stay in step
GAP = QTextFormat.Property.UserProperty + 6  # bool: a missing translation's gap marker
END = "end"  # the KIND of the empty block that ends a side-by-side document (no ROW)


def row_of(block: QTextBlock) -> int:
    fmt = block.blockFormat()
    return fmt.intProperty(ROW) if fmt.hasProperty(ROW) else -1


def lang_of(block: QTextBlock) -> str:
    return block.blockFormat().stringProperty(LANG) or "en"


def paragraph_of(block: QTextBlock) -> int:
    fmt = block.blockFormat()
    return fmt.intProperty(PARAGRAPH) if fmt.hasProperty(PARAGRAPH) else -1


def kind_of(block: QTextBlock) -> str:
    return block.blockFormat().stringProperty(KIND)


def is_gap(block: QTextBlock) -> bool:
    return block.blockFormat().boolProperty(GAP)


def qt_offset(text: str, index: int) -> int:
    """A Python index into a block's text as Qt counts it (UTF-16 units: a character beyond the
    BMP, such as a rare CJK ideograph, takes two)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def py_offset(text: str, units: int) -> int:
    """The inverse of `qt_offset`: a position in a block (UTF-16 units) as a Python index."""
    i = count = 0
    while i < len(text) and count < units:
        count += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i
