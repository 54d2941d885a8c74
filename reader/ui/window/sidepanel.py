"""The side panel next to the reading panes: which call this is, its outline (prepared remarks, Q&A
and each question) and its speakers with their share of the talk. It only says where the user
wants to go; the window moves the panes and tells the panel where the reading is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Role, Transcript
from ...core.outline import call_outline, speaker_stats
from ..accessible import describe
from ..theme import colours
from ..widgets.text_lines import line_height

if TYPE_CHECKING:  # both imported when first used, after the first paint (_qstyle, set_call)
    from PySide6.QtWidgets import QStyle

    from ...core.outline import SpeakerStat

PARAGRAPH = Qt.ItemDataRole.UserRole  # outline entries: the paragraph index
SECOND_LINE = Qt.ItemDataRole.UserRole + 1  # outline entries: the quiet line under the label
STAT = Qt.ItemDataRole.UserRole + 2  # speaker rows: the SpeakerStat
Index = QModelIndex | QPersistentModelIndex


def _background(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem, index: Index
) -> QStyleOptionViewItem:
    """Draw an item's background, selection and focus (no text); return its style option."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    if opt.widget:
        opt.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    return opt


def _selected(opt: QStyleOptionViewItem) -> bool:
    return bool(opt.state & QStyle.StateFlag.State_Selected)


def _line(painter: QPainter, r: QRect, n: int, height: int, text: str, right: bool = False) -> None:
    """Draw `text` elided on line `n` (each `height` tall) of the rectangle `r`, at its right end
    if asked."""
    rect = QRect(r.left(), r.top() + n * height, r.width(), height)
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft, elided)


class _TwoLineDelegate(QStyledItemDelegate):
    """An outline entry: its label, and under it (if any) a quiet line such as who answered."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        second = index.data(SECOND_LINE)
        if not second:
            super().paint(painter, option, index)
            return
        opt = _background(self, painter, option, index)
        selected = _selected(opt)
        r = opt.rect.adjusted(4, 2, -4, -2)
        label = index.data(Qt.ItemDataRole.DisplayRole)
        line = line_height(opt.font, label, second)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        _line(painter, r, 0, line, label)
        if not selected:
            painter.setPen(colours(opt.palette).quiet)
        _line(painter, r, 1, line, second)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        second = index.data(SECOND_LINE)
        if second:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)  # the item's own font (a bold entry)
            size.setHeight(2 * line_height(opt.font, index.data(Qt.ItemDataRole.DisplayRole), second) + 4)
        return size


class _SpeakerDelegate(QStyledItemDelegate):
    """A speaker row: the name in the role's colour (bold with a check mark when it is the filter)
    and the turns, role and title in quiet text, and a thin bar of the share of the call's words."""

    def __init__(self, panel: SidePanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = _background(self, painter, option, index)
        stat: SpeakerStat | None = index.data(STAT)
        if stat is None:
            return
        c = colours(opt.palette)
        selected = _selected(opt)
        role_colour = c.roles.get(stat.role, c.quiet)
        quiet = opt.palette.highlightedText().color() if selected else c.quiet
        turns, details = self.panel.turns_label(stat.turns), self.panel.speaker_details(stat)
        r, line = opt.rect.adjusted(6, 3, -6, -3), self._line_height(opt.font, stat)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(quiet)
        _line(painter, r, 0, line, turns, right=True)
        percent = f"{round(stat.share * 100)}%"
        _line(painter, r, 2, line, percent, right=True)
        _line(painter, r, 1, line, details)
        label_width = opt.fontMetrics.horizontalAdvance("100%") + 8
        bar = QRect(r.left(), r.top() + 2 * line + line // 2, max(0, r.width() - label_width), line // 3)
        painter.fillRect(bar, c.figure_background)
        painter.fillRect(
            QRect(bar.left(), bar.top(), round(bar.width() * stat.share), bar.height()), role_colour
        )
        filtered = stat.name == self.panel.filter
        font = QFont(opt.font)
        font.setBold(filtered)
        painter.setFont(font)
        painter.setPen(quiet if selected else role_colour)
        name_width = r.width() - opt.fontMetrics.horizontalAdvance(turns) - 8
        name_rect = QRect(r.left(), r.top(), name_width, r.height())
        _line(painter, name_rect, 0, line, "\u2713 " * filtered + stat.name)
        painter.restore()

    def _line_height(self, font: QFont, stat: SpeakerStat) -> int:
        """A line as tall as the tallest of the row's texts needs (a Chinese role under a Latin name)."""
        turns, details = self.panel.turns_label(stat.turns), self.panel.speaker_details(stat)
        return line_height(font, stat.name, details, turns)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        stat: SpeakerStat | None = index.data(STAT)
        line = option.fontMetrics.height() if stat is None else self._line_height(option.font, stat)
        return QSize(120, 3 * line + 6)


class SidePanel(QWidget):
    paragraphActivated = Signal(int)
    speakerActivated = Signal(str)
    speakerFilterRequested = Signal(object)  # a speaker's name, or None for everyone
    callSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transcript: Transcript | None = None
        self.call = 0
        self.filter: str | None = None
        self.entries: list[QTreeWidgetItem] = []  # the outline's entries in reading order
        self.title = QLabel()
        bold = self.title.font()  # a font, not a style sheet: a style sheet kept the old theme's text colour
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.call_box = QComboBox()
        self.call_box.setVisible(False)
        self.call_box.activated.connect(self._call_chosen)
        self.outline = QTreeWidget()
        self.outline.setHeaderHidden(True)
        self.outline.setItemDelegate(_TwoLineDelegate(self.outline))
        self.outline.itemClicked.connect(lambda item: self._outline_chosen(item, True))
        self.outline.itemActivated.connect(lambda item: self._outline_chosen(item, False))
        self.speakers = QListWidget()
        self.speakers.setItemDelegate(_SpeakerDelegate(self))
        self.speakers.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.speakers.customContextMenuRequested.connect(self._speaker_context_menu)
        self.speakers.itemClicked.connect(lambda item: self._speaker_chosen(item, True))
        self.speakers.itemActivated.connect(lambda item: self._speaker_chosen(item, False))
        self.outline_label, self.speakers_label = QLabel(), QLabel()
        self._set_texts()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.title, self.call_box, self.outline_label, self.outline, self.speakers_label):
            layout.addWidget(widget, 2 if widget is self.outline else 0)
        layout.addWidget(self.speakers, 3)

    def _set_texts(self) -> None:
        """The labels and descriptions, in the interface language installed now (the rows are
        filled again by the window: `set_transcript`)."""
        # self.tr itself, not an alias: lupdate files an alias's strings under no context at all.
        self.outline_label.setText(self.tr("Outline"))
        self.speakers_label.setText(self.tr("Speakers"))
        describe(
            self.call_box, self.tr("Call"), self.tr("The call of the file to show (the file holds several)")
        )
        describe(
            self.outline, self.tr("Outline"), self.tr("The call's sections and questions; Enter goes to one")
        )
        describe(
            self.speakers,
            self.tr("Speakers"),
            self.tr("Who speaks, and how much; Enter goes to their next turn"),
        )

    # What the window tells the panel

    def set_transcript(self, t: Transcript | None, call: int = 0) -> None:
        """Show a transcript's calls, and the outline and speakers of `call`."""
        self.transcript, self.call, self.filter = t, call, None
        self.call_box.clear()
        if t is not None:
            self.call_box.addItems([self.call_label(i) for i in range(len(t.calls))])
        self.call_box.setVisible(t is not None and len(t.calls) > 1)
        self.set_call(call)

    def set_call(self, i: int) -> None:
        t = self.transcript
        self.outline.clear()
        self.speakers.clear()
        self.entries.clear()
        if t is None or not 0 <= i < len(t.calls):
            self.title.clear()
            return
        self.call = i
        self.call_box.setCurrentIndex(i)  # `activated` alone is connected: no signal from here
        self.title.setText(self.call_label(i))
        self._fill_outline()

        for stat in speaker_stats(t, i):
            item = QListWidgetItem(stat.name)
            item.setData(STAT, stat)
            lines = (stat.name, self.speaker_details(stat), self.turns_label(stat.turns))
            item.setToolTip("\n".join(line for line in lines if line))
            self.speakers.addItem(item)

    def set_position(self, paragraph: int) -> None:
        """Mark the outline entry the reading is in (the last that starts at or before it), and
        its speaker in the list of speakers."""
        t = self.transcript
        if t is None or not 0 <= paragraph < len(t.paragraphs):
            return
        if t.paragraphs[paragraph].call != self.call:
            self.set_call(t.paragraphs[paragraph].call)
        found = None
        for item in self.entries:  # in reading order
            if item.data(0, PARAGRAPH) <= paragraph:
                found = item
        if found is None:
            self.outline.clearSelection()
            self.outline.setCurrentIndex(QModelIndex())
        elif found is not self.outline.currentItem():
            self.outline.setCurrentItem(found)
            self.outline.scrollToItem(found)
        name = t.turns[t.paragraphs[paragraph].turn].speaker
        for i in range(self.speakers.count()):
            speaker = self.speakers.item(i)
            if speaker.data(STAT).name == name and speaker is not self.speakers.currentItem():
                self.speakers.setCurrentItem(speaker)  # (a current item is not an activated one)
                self.speakers.scrollToItem(speaker)

    def set_filter(self, name: str | None) -> None:
        self.filter = name
        self.speakers.viewport().update()

    # Labels

    def call_label(self, i: int) -> str:
        assert self.transcript is not None
        c = self.transcript.calls[i]
        return " ".join(x for x in (c.company, c.period) if x) or self.tr("Call {n}").format(n=i + 1)

    def role_label(self, role: Role) -> str:
        return {
            Role.OPERATOR: self.tr("Operator"),
            Role.MANAGEMENT: self.tr("Management"),
            Role.ANALYST: self.tr("Analyst"),
        }.get(role, self.tr("Unknown"))

    def speaker_details(self, stat: SpeakerStat) -> str:
        """Role (unless the name says it: "Operator"), title (unless it only repeats the role)
        and firm."""
        role = self.role_label(stat.role)
        if role.casefold() == stat.name.casefold() or stat.role.value == stat.name.casefold():
            role = ""
        title = "" if stat.title.casefold() in (role.casefold(), stat.role.value) else stat.title
        return " \u00b7 ".join(p for p in (role, title, stat.firm) if p)

    def turns_label(self, n: int) -> str:
        return self.tr("1 turn") if n == 1 else self.tr("{n} turns").format(n=n)

    # Outline and speakers

    def _fill_outline(self) -> None:
        assert self.transcript is not None

        o = call_outline(self.transcript, self.call)
        self._summary(self.transcript.calls[self.call].summary)
        if o.prepared is not None:
            self._entry(self.outline, self.tr("Prepared remarks"), o.prepared)
        if o.qa is not None:
            qa = self._entry(self.outline, self.tr("Q&A"), o.qa)
            for q in o.questions:
                if q.submitted:
                    label = self.tr("{asker} (submitted)").format(asker=q.asker)
                elif q.firm:
                    label = self.tr("{asker} \u2014 {firm}").format(asker=q.asker, firm=q.firm)
                else:
                    label = q.asker
                names = self.tr(", ", "between names").join(q.answerers)
                answered = self.tr("answered by {names}").format(names=names) if q.answerers else ""
                self._entry(qa, label, q.paragraph, answered)
            qa.setExpanded(True)

    def _summary(self, lines: list[str]) -> None:
        """The summary a source gives above its transcript: kept apart from the transcript's
        paragraphs, shown here collapsed, each line in full in its tooltip."""
        if not lines:
            return
        top = QTreeWidgetItem(self.outline, [self.tr("Summary")])
        top.setData(0, PARAGRAPH, -1)
        top.setToolTip(0, "\n".join(lines))
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        for line in lines:
            item = QTreeWidgetItem(top, [line])
            item.setData(0, PARAGRAPH, -1)
            item.setToolTip(0, line)

    def _entry(self, parent, text: str, paragraph: int, second: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, PARAGRAPH, paragraph)
        self.entries.append(item)
        if second:
            item.setData(0, SECOND_LINE, second)
            item.setToolTip(0, f"{text}\n{second}")
        else:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        return item

    def _activates(self, by_click: bool) -> bool:
        """A click activates; so does `activated` (Enter, a double click), unless the style already
        makes a single click an activation, which the click has handled."""
        single = self.style().styleHint(QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, self)
        return by_click or not single

    def _outline_chosen(self, item: QTreeWidgetItem, by_click: bool) -> None:
        paragraph = item.data(0, PARAGRAPH)
        if self._activates(by_click) and paragraph is not None and paragraph >= 0:
            self.paragraphActivated.emit(paragraph)

    def _speaker_chosen(self, item: QListWidgetItem, by_click: bool) -> None:
        if self._activates(by_click):
            self.speakerActivated.emit(item.data(STAT).name)

    def _call_chosen(self, i: int) -> None:
        if i != self.call:
            self.set_call(i)
            self.callSelected.emit(i)

    def speaker_menu(self, name: str) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Go to next turn"), lambda: self.speakerActivated.emit(name))
        only = menu.addAction(self.tr("Only this speaker"))
        only.setCheckable(True)
        only.setChecked(self.filter == name)
        only.toggled.connect(lambda on: self.speakerFilterRequested.emit(name if on else None))
        everyone = menu.addAction(
            self.tr("Show all speakers"), lambda: self.speakerFilterRequested.emit(None)
        )
        everyone.setEnabled(self.filter is not None)
        return menu

    def _speaker_context_menu(self, pos: QPoint) -> None:
        item = self.speakers.itemAt(pos)
        if item is not None:
            menu = self.speaker_menu(item.data(STAT).name)
            menu.exec(self.speakers.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.outline.viewport().update()
            self.speakers.viewport().update()
        elif event.type() == QEvent.Type.LanguageChange:
            self._set_texts()
