"""An item delegate that draws an item's text as a few lines of rich text, wrapped to the view's
width: the notes panel (quote, counterpart, note) and the search results (snippets with the terms
marked) show several styled lines per item, which plain item text cannot."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

HTML_ROLE = Qt.ItemDataRole.UserRole + 100  # the item's rich text; items without it draw as usual
MARGIN = 4
SELECTION_TINT = 0.22  # how much of the palette's highlight colour a selected item's background has

Index = QModelIndex | QPersistentModelIndex


class HtmlDelegate(QStyledItemDelegate):
    """Set on an item view (its parent): item heights follow the view's width."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._doc = QTextDocument()
        self._doc.setDocumentMargin(MARGIN)
        self._view = view
        self._width = -1
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The heights depend on the width: lay the items out again when it changes (a view
        # caches its items' size hints).
        if event.type() == QEvent.Type.Resize and self._view.viewport().width() != self._width:
            self._width = self._view.viewport().width()
            self._view.doItemsLayout()
        return False

    def _prepare(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        self._doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        self._doc.setHtml(text)
        self._doc.setTextWidth(max(width, 60))
        return self._doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        opt = QStyleOptionViewItem(option)
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        doc = self._prepare(option, str(text), rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        text = index.data(HTML_ROLE)
        if not text:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        viewport = getattr(widget, "viewport", None)
        width = viewport().width() if viewport is not None else 300
        # The text's width as paint() will have it: less the indentation of the item's depth,
        # its icon, and the style's margins around each.
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indentation = getattr(widget, "indentation", lambda: 0)()
        icon = option.decorationSize.width() + 8 if not option.icon.isNull() else 0  # type: ignore[attr-defined]
        doc = self._prepare(option, str(text), width - depth * indentation - icon - 12)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


def rich_tree(tree: QTreeView) -> None:
    """Set up a one-column tree of rich-text items (the notes and search panels): no header, a
    small indent, rows as tall as their wrapped text, scrolled by pixel, one item selected."""
    tree.setHeaderHidden(True)
    tree.setRootIsDecorated(False)
    tree.setIndentation(10)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    tree.setItemDelegate(HtmlDelegate(tree))


def blend(over: QColor, under: QColor) -> QColor:
    """``over`` (with its alpha) painted on ``under``: rich text has no transparent colours."""
    a = over.alphaF()
    return QColor.fromRgbF(
        over.redF() * a + under.redF() * (1 - a),
        over.greenF() * a + under.greenF() * (1 - a),
        over.blueF() * a + under.blueF() * (1 - a),
    )


def tint_selection(tree: QAbstractItemView) -> None:
    """A light selection that keeps the items' own text colours: a speaker's colour, a note's
    highlight and the quiet lines stay readable on it (on the usual solid one, its white text
    would sit on a note's pale highlight). Call again when the palette changes."""
    pal = QPalette(QApplication.palette(tree))  # the app's (light, dark or high contrast)
    base = pal.color(QPalette.ColorRole.Base)
    tint = QColor(pal.color(QPalette.ColorRole.Highlight))
    tint.setAlphaF(SELECTION_TINT)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Highlight, blend(tint, base))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, pal.color(QPalette.ColorRole.Text))
    tree.setPalette(pal)
