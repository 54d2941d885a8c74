"""The search panel: search every call of the library as you type, in English or Chinese.

Results are grouped by call (company, period, file), each hit showing who speaks, their role and
the section, the paragraph in the language the query matched with the terms marked, and its
counterpart in the other language under it. Filters narrow by speaker, role, section, company,
period and language; their choices come from the facets of the results (with counts), else from
the library. The panel only asks: the `SearchService` searches on a worker, and a hit clicked is
a request the window carries out (open the file at the paragraph, mark the terms).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import numbering
from ...core.model import Role
from ...core.search.snippets import snippet
from ..accessible import describe
from ..i18n import plural
from ..theme import colours
from ..widgets.fitting import ElidedCombo, FlowGrid, combo_width
from ..widgets.html_delegate import HTML_ROLE, blend, rich_tree, tint_selection
from ..window.actions import QT_TRANSLATE_NOOP
from .service import SearchService
from .types import SearchRequest, Snapshot

if TYPE_CHECKING:  # the search core (Whoosh) is loaded by the service's workers, not here
    from ...core.search.searcher import Hit, Results
    from ...core.search.snippets import Span

HIT = Qt.ItemDataRole.UserRole  # a hit item: its Hit
MORE = Qt.ItemDataRole.UserRole + 1  # the "show more" item: True
TYPING_DELAY_MS = 250  # results follow the typing once it pauses this long
PAGE = 50  # hits shown at first, and added by "Show more"
SNIPPET_CHARS = 260
COUNTERPART_CHARS = 180
MAX_CHOICES = 300  # facet values listed in a filter at most (the most frequent first)

ROLES = {
    "management": QT_TRANSLATE_NOOP("SearchPanel", "Management"),
    "analyst": QT_TRANSLATE_NOOP("SearchPanel", "Analyst"),
    "operator": QT_TRANSLATE_NOOP("SearchPanel", "Operator"),
    "unknown": QT_TRANSLATE_NOOP("SearchPanel", "Unknown role"),
}
SECTIONS = {
    "prepared": QT_TRANSLATE_NOOP("SearchPanel", "Prepared remarks"),
    "qa": QT_TRANSLATE_NOOP("SearchPanel", "Q&A"),
}
LANGUAGES = {
    "en": QT_TRANSLATE_NOOP("SearchPanel", "English"),
    "zh": QT_TRANSLATE_NOOP("SearchPanel", "Chinese"),
}
FILTERS = ("speaker", "role", "section", "company", "period")


def marked_html(text: str, marks: Iterable[Span], background: str, foreground: str) -> str:
    """``text`` escaped, with each marked range bold on the mark colour."""
    out, last = [], 0
    for start, end in marks:
        out.append(html.escape(text[last:start]))
        out.append(
            f"<b style='background-color:{background}; color:{foreground}'>{html.escape(text[start:end])}</b>"
        )
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


FILTER_NAMES = {
    "speaker": QT_TRANSLATE_NOOP("SearchPanel", "Speaker"),
    "company": QT_TRANSLATE_NOOP("SearchPanel", "Company"),
    "period": QT_TRANSLATE_NOOP("SearchPanel", "Period"),
    "role": QT_TRANSLATE_NOOP("SearchPanel", "Role"),
    "section": QT_TRANSLATE_NOOP("SearchPanel", "Section"),
    "lang": QT_TRANSLATE_NOOP("SearchPanel", "Language"),
}


class SearchPanel(QWidget):
    hitActivated = Signal(object)  # a Hit to show in its file
    addFolderRequested = Signal()

    def __init__(self, service: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.results: Results | None = None
        self.request: SearchRequest | None = None  # the request the list shows
        self._limit = PAGE
        self._failure: str | None = None  # why the last search gave nothing (not a query error)

        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.filters: dict[str, QComboBox] = {}
        for name in ("speaker", "company", "period", "role", "section", "lang"):
            box = ElidedCombo()
            box.setObjectName(name)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
            box.addItem("", "")  # everyone, every section...: its text in _set_texts
            self.filters[name] = box
        # three a row, or two or one in a squeezed panel: "Management (19)" whole
        min_width = combo_width(self.filters["role"], "Management (999)")
        grid = FlowGrid(list(self.filters.values()), 3, min_width)
        for name, labels in (("role", ROLES), ("section", SECTIONS), ("lang", LANGUAGES)):
            for value in labels:
                self.filters[name].addItem("", value)
        self.sort = ElidedCombo()
        self.sort.addItem("", "relevance")
        self.sort.addItem("", "date")
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.tree = QTreeWidget()
        rich_tree(self.tree)
        self.tree.setMinimumHeight(8 * self.fontMetrics().height())  # a hit or two, under a panel above
        tint_selection(self.tree)
        self.add_folder = QPushButton()
        self.add_folder.hide()
        self._set_texts()

        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.error)
        layout.addWidget(grid)
        layout.addLayout(bottom)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.add_folder)

        self._typing = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._typing.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._typing.start())
        self.query.returnPressed.connect(self.run)
        self.query.installEventFilter(self)
        for combo in (*self.filters.values(), self.sort):
            combo.currentIndexChanged.connect(lambda _i: self.run())
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        self.add_folder.clicked.connect(self.addFolderRequested.emit)
        service.searched.connect(self._searched)
        service.searchFailed.connect(self._search_failed)
        service.libraryChanged.connect(self._library_changed)
        service.indexChanged.connect(self._index_changed)
        service.indexingStarted.connect(self._show_state)
        service.indexEnded.connect(self._show_state)
        if service.snapshot is not None:
            self._library_changed(service.snapshot)
        self._show_state()

    def _set_texts(self) -> None:
        """The fixed texts, in the interface language installed now."""
        # A short hint that fits a squeezed panel; the syntax whole in the tooltip and in the list
        self.query.setPlaceholderText(self.tr("Search every call"))
        syntax = self.tr('Search every call: words, "a phrase", prefix*, a OR b, -word')
        self.query.setToolTip(
            syntax
            + "\n"
            + self.tr(
                "Words must all be in the paragraph. Chinese in Traditional or Simplified finds both. "
                "Filters can be typed too: speaker: role: section: company: period: lang:"
            )
        )
        alls = {
            "speaker": self.tr("All speakers"),
            "role": self.tr("All roles"),
            "section": self.tr("Both sections"),
            "company": self.tr("All companies"),
            "period": self.tr("All periods"),
            "lang": self.tr("Any language"),
        }
        for name, text in alls.items():
            self.filters[name].setItemText(0, text)
        for name, labels in (("role", ROLES), ("section", SECTIONS), ("lang", LANGUAGES)):
            for i, label in enumerate(labels.values(), 1):
                self.filters[name].setItemText(i, QCoreApplication.translate("SearchPanel", label))
        self.sort.setItemText(0, self.tr("Most relevant first"))
        self.sort.setItemText(1, self.tr("Newest first"))
        self.add_folder.setText(self.tr("Add Folder to the Library\u2026"))
        describe(self.query, self.tr("Search"), self.query.toolTip())
        describe(self.tree, self.tr("Results"), self.tr("The paragraphs found, by call; Enter opens one"))
        for name, label in FILTER_NAMES.items():
            describe(
                self.filters[name],
                self.tr(label),
                self.tr("Search the paragraphs of this {what} only").format(what=self.tr(label).lower()),
            )
        describe(self.sort, self.tr("Order"), self.tr("The order of the results"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark switched: colours anew
            tint_selection(self.tree)
            self._show_state()
        elif event.type() == QEvent.Type.LanguageChange:
            self._set_texts()
            self._show_state()  # the count, the hints and the hits' labels

    # --- asking ---------------------------------------------------------------------------------

    def focus_query(self, text: str | None = None) -> None:
        if text:
            self.query.setText(text)
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def current_request(self) -> SearchRequest:
        filters = tuple(
            (name, value) for name in FILTERS if (value := self.filters[name].currentData() or "")
        )
        return SearchRequest(
            self.query.text(),
            filters,
            self.filters["lang"].currentData() or None,
            self.sort.currentData() or "relevance",
            self._limit,
        )

    def run(self) -> None:
        """Search for what the panel says now (the first page of it)."""
        self._typing.stop()
        self._limit = PAGE
        self._ask()

    def _ask(self) -> None:
        request = self.current_request()
        self.service.search(request)
        if request.empty:
            self.results, self.request, self._failure = None, request, None
            self.error.hide()
            self._fill_from_library()
            self._show_state()

    def _index_changed(self) -> None:
        """The index holds more or other paragraphs now: ask again, keeping the page."""
        if self.request is not None and not self.request.empty:
            self._ask()

    # --- answers --------------------------------------------------------------------------------

    def _searched(self, request: SearchRequest, results: Results) -> None:
        self.request, self.results, self._failure = request, results, None
        self.error.hide()
        for name in FILTERS:
            self._fill(name, results.facets.get(name, {}))
        self._show_state()

    def _search_failed(self, request: SearchRequest, reason: str, query_error: bool) -> None:
        if query_error:  # said under the field; the last results stay until the query reads
            self.error.setStyleSheet(f"color: {colours(self.palette()).mismatch.name()}")
            self.error.setText(reason)
            self.error.show()
            return
        self.error.hide()
        self.request, self.results, self._failure = request, None, reason
        self._show_state()

    def _library_changed(self, _snapshot: Snapshot) -> None:
        if self.results is None:
            self._fill_from_library()
        self._show_state()

    # --- filters --------------------------------------------------------------------------------

    def _fill_from_library(self) -> None:
        """Without results, the filters offer what the library holds."""
        snapshot = self.service.snapshot
        if snapshot is None:
            return
        known: dict[str, dict[str, int]] = {"speaker": {}, "company": {}, "period": {}}
        for call in snapshot.calls:
            for name, value in (("company", call.company), ("period", call.period)):
                if value:
                    known[name][value] = known[name].get(value, 0)
            for s in call.speakers:
                if s.get("role") != "operator" and s.get("name"):
                    known["speaker"][s["name"]] = 0
        for name, values in known.items():
            self._fill(name, values, counted=False)

    def _fill(self, name: str, counts: dict[str, int], counted: bool = True) -> None:
        """Put the facet's values (with their counts) in the filter, keeping the choice made.
        A filter in use keeps its list: it came from the wider search before it was chosen."""
        box = self.filters[name]
        current = box.currentData() or ""
        if current:
            return
        box.blockSignals(True)
        if name in ("role", "section"):
            labels = ROLES if name == "role" else SECTIONS
            for i in range(1, box.count()):
                value = box.itemData(i)
                n = counts.get(value)
                label = QCoreApplication.translate("SearchPanel", labels[value])
                box.setItemText(i, f"{label} ({n})" if counted and n else label)
        else:
            while box.count() > 1:
                box.removeItem(1)
            values = list(counts.items())[:MAX_CHOICES] if counted else sorted(counts.items())
            for value, n in values:
                box.addItem(f"{value} ({n})" if counted else value, value)
        box.setCurrentIndex(0)
        box.blockSignals(False)

    # --- the list ---------------------------------------------------------------------------------

    def _show_state(self) -> None:
        """Fill the list and the count from the latest answer, or say what to do."""
        self.tree.clear()
        self.add_folder.setVisible(bool(self.service.empty))
        results = self.results
        self.count.setText(self._count_text(results) if results is not None else "")
        hint = self._hint()
        if hint is not None:
            if hint:
                self._placeholder(hint)
            return
        assert results is not None and self.request is not None
        self._fill_hits(results.hits)
        if len(results.hits) < results.total and len(results.hits) >= self.request.limit:
            more = QTreeWidgetItem(self.tree, [self.tr("Show more results\u2026")])
            more.setData(0, MORE, True)
            more.setForeground(0, self.palette().color(QPalette.ColorRole.Link))

    def _hint(self) -> str | None:
        """What the list says instead of hits ("" for nothing), or None when there are hits."""
        empty_library = self.service.empty
        if empty_library:
            return self.tr(
                "Add folders to the library to search them: File \u25b8 Add Folder to Library\u2026"
            )
        if empty_library is None:
            return self.tr("Reading the library\u2026")
        if self.request is None or self.request.empty:
            return self.tr(
                "Type words to search every call in the library, in English or Chinese. "
                '"Quotes" find a phrase, margin* a prefix, -word leaves a word out.'
            )
        if self.results is None:
            return self._failure or ""
        if self.results.hits:
            return None
        if self.service.indexing:
            return self.tr("Nothing found yet: the library is still being indexed.")
        return self.tr("No paragraph matches. Check the spelling, or remove a word or a filter.")

    def _count_text(self, results: Results) -> str:
        paragraphs = plural(
            "SearchPanel",
            QT_TRANSLATE_NOOP("SearchPanel", "%n paragraph"),
            QT_TRANSLATE_NOOP("SearchPanel", "%n paragraphs"),
            results.total,
        )
        calls = len(results.facets.get("call", {})) or len({h.fingerprint for h in results.hits})
        in_calls = plural(
            "SearchPanel",
            QT_TRANSLATE_NOOP("SearchPanel", "%n call"),
            QT_TRANSLATE_NOOP("SearchPanel", "%n calls"),
            calls,
        )
        text = self.tr("{paragraphs} in {calls}").format(paragraphs=paragraphs, calls=in_calls)
        if results.total > len(results.hits):
            text += " \u00b7 " + self.tr("the first {n} shown").format(n=len(results.hits))
        if results.stale:
            text += " \u00b7 " + self.tr(
                "{n} left out: their files changed since they were indexed (indexing them again)"
            ).format(n=results.stale)
        elif results.incomplete:
            text += " \u00b7 " + self.tr("the index is incomplete (an update was interrupted): finishing it")
        elif self.service.indexing:
            text += " \u00b7 " + self.tr("indexing\u2026")
        return text

    def _placeholder(self, text: str) -> None:
        item = QTreeWidgetItem(self.tree, [text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setData(0, HTML_ROLE, f"<i>{html.escape(text)}</i>")

    def _fill_hits(self, hits: list[Hit]) -> None:
        pal = colours(self.palette())
        base = self.palette().color(QPalette.ColorRole.Base)
        mark = blend(pal.find, base)
        style = (mark.name(), "#000000" if mark.lightness() > 128 else "#ffffff", pal.quiet.name())
        calls: dict[tuple[str, int], list[Hit]] = {}
        for hit in hits:  # grouped by call, the groups in the order of their best hit
            calls.setdefault((hit.path, hit.call), []).append(hit)
        for (path, _call), found in calls.items():
            group = QTreeWidgetItem(self.tree)
            name = path.replace("\\", "/").rsplit("/", 1)[-1]
            title = " ".join(x for x in (found[0].company, found[0].period) if x)
            detail = f" \u2014 {name} ({len(found)})" if title else f" ({len(found)})"
            group.setText(0, (title or name) + detail)
            label = f"<b>{html.escape(title or name)}</b>"
            group.setData(0, HTML_ROLE, f"{label}<span style='color:{style[2]}'>{html.escape(detail)}</span>")
            group.setToolTip(0, path)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for hit in found:
                item = QTreeWidgetItem(group, [hit.en or hit.zh or ""])
                item.setData(0, HIT, hit)
                item.setData(0, HTML_ROLE, self._html(hit, *style))
                item.setToolTip(0, self.tr("Click to open the call at this paragraph"))
        self.tree.expandAll()

    def _html(self, hit: Hit, mark: str, mark_text: str, quiet: str) -> str:
        pal = colours(self.palette())
        try:
            role_colour = pal.roles[Role(hit.role)].name()
        except ValueError:
            role_colour = quiet
        where = [ROLES.get(hit.role, ""), SECTIONS.get(hit.section, "")]
        details = " \u00b7 ".join(QCoreApplication.translate("SearchPanel", w) for w in where if w)
        paragraph = self.tr("paragraph {n}").format(n=numbering.shown(hit.paragraph))
        speaker = html.escape(hit.speaker or self.tr("(no speaker)"))
        where_text = html.escape(f"{details} \u00b7 {paragraph}" if details else paragraph)
        parts = [
            f"<span style='color:{role_colour}'><b>{speaker}</b></span>"
            f"<span style='color:{quiet}'> \u00b7 {where_text}</span>"
        ]
        order = hit.matched + [lang for lang in ("en", "zh") if lang not in hit.matched]
        shown = [lang for lang in order if (hit.en if lang == "en" else hit.zh)]
        for i, lang in enumerate(shown[:2]):
            text = (hit.en if lang == "en" else hit.zh) or ""
            cut, marks = snippet(
                text, hit.spans.get(lang, []), SNIPPET_CHARS if i == 0 else COUNTERPART_CHARS
            )
            body = marked_html(cut, marks, mark, mark_text)
            parts.append(body if i == 0 else f"<span style='color:{quiet}'>{body}</span>")
        return "<br>".join(parts)

    # --- requests -------------------------------------------------------------------------------

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, MORE):
            self._limit += PAGE
            self._ask()
            return
        hit = item.data(0, HIT)
        if hit is not None:
            self.hitActivated.emit(hit)

    def first_hit(self) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is not None and group.childCount():
                return group.child(0)
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the query field goes to the first hit; Enter there opens it.
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and (item := self.first_hit()) is not None:
                self.tree.setCurrentItem(item)
                self.tree.setFocus()
                return True
        return super().eventFilter(watched, event)
