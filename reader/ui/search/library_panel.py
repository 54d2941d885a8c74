"""The library panel: the folders and files in the library, and every call found in them.

The calls list (company, date, speakers, file) sorts by any column and opens a call on
double-click. A call's date is its period (Q2 2024), the file's date only where the call does not
say its period; the column sorts them together, in time. Add Folder and Add Files ask the window
(it owns the dialogs); Remove takes the chosen folder or file out; Re-index builds the index
again from scratch. While the index is updated, a progress bar with Cancel shows how far it got.
Everything shown comes from the service's `Snapshot`: the panel never reads the library store.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...core.textsafe import display_path
from ..accessible import describe
from ..i18n import plural
from ..window.actions import QT_TRANSLATE_NOOP
from .service import SearchService
from .types import REBUILD_ASKED, Snapshot

if TYPE_CHECKING:
    from ...core.search.indexer import Progress, Report
    from ...core.search.library import CallEntry

ROOT = Qt.ItemDataRole.UserRole  # a root row: where its path is in LibraryPanel._root_paths
COLUMNS = ("company", "date", "speakers", "file")
DATE = COLUMNS.index("date")


def date_key(call: CallEntry) -> tuple[int, float]:
    """Sorts calls in time: by period (schema.period_key: year * 10 + quarter, a full year after
    its Q4), a call without one by the quarter of its file's date; then by the file's date."""
    if call.period_key:
        return call.period_key, call.modified
    day = time.localtime(call.modified)
    return day.tm_year * 10 + (day.tm_mon + 2) // 3, call.modified


class CallsModel(QAbstractTableModel):
    """The calls of the library as a table. A model, not items: a library of thousands of calls
    is replaced in one reset, which a list of items would take a visible moment to build."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calls: list[CallEntry] = []
        self.firsts: dict[tuple[str, int], int] = {}
        self._rows: list[tuple[str, ...]] = []
        self._headers: list[str] = []
        self._unknown = ""
        self.retranslate()
        self._sorted: tuple[int, Qt.SortOrder] = (DATE, Qt.SortOrder.DescendingOrder)

    def retranslate(self) -> None:
        """The headers and texts, in the interface language installed now."""
        self._headers = [self.tr("Company"), self.tr("Date"), self.tr("Speakers"), self.tr("File")]
        self._unknown = self.tr("(unknown company)")
        if self.calls:
            self.set_calls(self.calls, self.firsts)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_calls(self, calls: list[CallEntry], firsts: dict[tuple[str, int], int]) -> None:
        self.beginResetModel()
        self.calls, self.firsts = calls, firsts
        self._rows = [self._texts(c) for c in calls]
        self._order(*self._sorted)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one Python sort: a proxy model would call `data` from C++ for every
        comparison, a visible stall for a few thousand calls."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = self._order(column, order)
        self.changePersistentIndexList(before, [self.index(moved[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> dict[int, int]:
        """Put the rows in order (ties by company, then file, either way); returns where each
        row went (old row: new row)."""
        self._sorted = (column, order)
        calls, texts = self.calls, self._rows
        rows = sorted(range(len(calls)), key=lambda i: (texts[i][0].casefold(), calls[i].path, calls[i].call))
        if column == DATE:
            keys: list[Any] = [date_key(c) for c in calls]
        else:
            keys = [t[column].casefold() for t in texts]
        rows.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)  # stable
        self.calls = [calls[i] for i in rows]
        self._rows = [texts[i] for i in rows]
        return {old: new for new, old in enumerate(rows)}

    def _texts(self, call: CallEntry) -> tuple[str, ...]:
        day = call.period or time.strftime("%Y-%m-%d", time.localtime(call.modified))
        names = ", ".join(s["name"] for s in call.speakers if s.get("role") != "operator")
        name = display_path(os.path.basename(call.path))
        return (call.company or self._unknown, day, names, name)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.calls)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        call, column = self.calls[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DATE:
                if call.period:
                    return self.tr("The period of the call")
                return self.tr("When the file was last changed: the call does not say its period")
            if column == 2:
                people = [s for s in call.speakers if s.get("role") != "operator"]
                return "\n".join(
                    " \u2014 ".join(x for x in (s.get("name"), s.get("title"), s.get("firm")) if x)
                    for s in people
                )
            if column == 3:
                return display_path(call.path)
        return None

    def haystack(self, row: int) -> str:
        """A row's texts, folded, for the filter field."""
        return " ".join(self._rows[row]).casefold()

    def entry(self, row: int) -> tuple[CallEntry, int]:
        """A row's call and the first paragraph of that call in its file."""
        call = self.calls[row]
        return call, self.firsts.get((call.path, call.call), 0)


class _Filter(QSortFilterProxyModel):
    """Rows holding every word typed in the filter field, in any column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)  # the rows keep the source's order

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        text = model.haystack(row) if isinstance(model, CallsModel) else ""
        return all(w in text for w in self.words)


class LibraryPanel(QWidget):
    # A file and the first paragraph of the call to show; `object`: a Qt string would drop the
    # undecodable bytes of a name (Python keeps them as lone surrogates).
    openRequested = Signal(object, int)
    addFolderRequested = Signal()
    addFilesRequested = Signal()

    def __init__(self, service: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.roots = QListWidget()
        self._root_paths: list[str] = []  # the paths of the rows of `roots`, as the OS gives them
        self.roots.setMaximumHeight(90)
        self.add_folder, self.add_files, self.remove, self.reindex = (QPushButton() for _ in range(4))
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.model = CallsModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.calls = QTreeView()
        self.calls.setModel(self.proxy)
        self.calls.setRootIsDecorated(False)
        self.calls.setUniformRowHeights(True)
        self.calls.setAlternatingRowColors(True)
        self.calls.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.calls.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calls.setSortingEnabled(True)
        self.calls.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        header = self.calls.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((200, 90, 320)):
            header.resizeSection(column, width)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel = QPushButton()
        self._set_texts()

        buttons = QVBoxLayout()
        for b in (self.add_folder, self.add_files, self.remove, self.reindex):
            buttons.addWidget(b)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.roots, 1)
        top.addLayout(buttons)
        indexing = QHBoxLayout()
        indexing.addWidget(self.progress, 1)
        indexing.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.calls, 1)
        layout.addWidget(self.hint, 1)
        layout.addLayout(indexing)
        layout.addWidget(self.status)

        self.add_folder.clicked.connect(self.addFolderRequested.emit)
        self.add_files.clicked.connect(self.addFilesRequested.emit)
        self.remove.clicked.connect(self._remove)
        self.reindex.clicked.connect(lambda: self.service.update(rebuild=True))
        self.cancel.clicked.connect(self.service.cancel)
        self.roots.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.filter.textChanged.connect(self.proxy.set_words)
        self.calls.activated.connect(self._activated)
        service.libraryChanged.connect(self.set_snapshot)
        service.indexingStarted.connect(self._indexing)
        service.indexProgress.connect(self._progress)
        service.indexEnded.connect(self._indexing)
        service.indexFinished.connect(self._finished)
        self._current: str | None = None  # the file on screen in the window
        self.set_snapshot(service.snapshot)
        self._indexing()
        if service.last_report is not None:
            self._finished(service.last_report)

    def _set_texts(self) -> None:
        """The labels, tips and descriptions, in the interface language installed now."""
        self.roots.setToolTip(self.tr("The folders and files in the library; their calls are listed below"))
        self.add_folder.setText(self.tr("Add Folder\u2026"))
        self.add_files.setText(self.tr("Add Files\u2026"))
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Take the chosen folder or file out of the library"))
        self.reindex.setText(self.tr("Re-index"))
        self.reindex.setToolTip(self.tr("Build the search index again from every file of the library"))
        self.filter.setPlaceholderText(self.tr("Filter calls"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop indexing; the calls indexed so far can be searched"))
        describe(self.roots, self.tr("Library folders"), self.roots.toolTip())
        describe(
            self.filter,
            self.tr("Filter calls"),
            self.tr("Show the calls whose company, period or speakers hold these words"),
        )
        describe(self.calls, self.tr("Calls"), self.tr("Every call of the library; Enter opens one"))
        self.add_folder.setToolTip(self.tr("Add a folder: every transcript in it is indexed and searched"))
        self.add_files.setToolTip(self.tr("Add transcript files to the library"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._set_texts()
            self.model.retranslate()
            self.set_snapshot(self.service.snapshot)  # the folders' kinds and the hint
            self._indexing()
            if self.service.last_report is not None:
                self._finished(self.service.last_report)

    # --- the library ---------------------------------------------------------------------------

    def set_snapshot(self, snapshot: Snapshot | None) -> None:
        self.roots.clear()
        self._root_paths = [root.path for root in snapshot.roots] if snapshot is not None else []
        kinds = {
            "folder": self.tr("folder"),
            "file": self.tr("file"),
            "recent": self.tr("opened in the window"),
        }
        for row, root in enumerate(snapshot.roots if snapshot is not None else []):
            item = QListWidgetItem(f"{display_path(root.path)}  ({kinds.get(root.kind, root.kind)})")
            item.setData(ROOT, row)  # its path in _root_paths: a Qt string would drop undecodable bytes
            item.setToolTip(display_path(root.path))
            self.roots.addItem(item)
        self.model.set_calls(
            snapshot.calls if snapshot is not None else [], snapshot.firsts if snapshot else {}
        )
        hint = ""
        if snapshot is None:
            hint = self.tr("Reading the library\u2026")
        elif not snapshot.roots:
            hint = self.tr("Add folders to the library to search them: Add Folder\u2026")
        elif not snapshot.calls:
            hint = (
                self.tr("No calls indexed yet.")
                if self.service.indexing
                else self.tr("No transcripts found in these folders.")
            )
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.calls.setVisible(not hint)
        self.filter.setVisible(not hint)
        self.set_current(self._current)
        self._update_buttons()

    def set_current(self, path: str | None) -> None:
        """Select the calls of the file on screen in the window (a hint of where it is)."""
        self._current = path
        if path is None:
            return
        for row, call in enumerate(self.model.calls):
            if call.path == path:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.calls.setCurrentIndex(index)
                    self.calls.scrollTo(index)
                return

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            call, first = self.model.entry(source.row())
            self.openRequested.emit(call.path, first)

    def _remove(self) -> None:
        item = self.roots.currentItem()
        if item is not None:
            self.service.remove(self._root_paths[item.data(ROOT)])

    def _update_buttons(self) -> None:
        self.remove.setEnabled(self.roots.currentItem() is not None)
        has_roots = bool(self.service.snapshot and self.service.snapshot.roots)
        self.reindex.setEnabled(has_roots and not self.service.indexing)

    # --- indexing ------------------------------------------------------------------------------

    def _indexing(self) -> None:
        running = self.service.indexing
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        if running:
            self.progress.setRange(0, 0)  # busy until the first count
            self.progress.setFormat(self.tr("Looking for new and changed files\u2026"))
        self._update_buttons()
        if running and self.service.progress is not None:
            self._progress(self.service.progress)

    def _progress(self, p: Progress) -> None:
        if p.phase == "reading" and p.total_files:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(p.fraction * 1000))
            self.progress.setFormat(
                self.tr("Indexing {done} of {total} files\u2026").format(
                    done=p.done_files, total=p.total_files
                )
            )
        elif p.phase == "committing":
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Saving the index\u2026"))

    def _finished(self, report: Report) -> None:
        snapshot = self.service.snapshot
        calls = len(snapshot.calls) if snapshot is not None else 0
        text = plural(
            "LibraryPanel",
            QT_TRANSLATE_NOOP("LibraryPanel", "%n call in the library"),
            QT_TRANSLATE_NOOP("LibraryPanel", "%n calls in the library"),
            calls,
        )
        if report.read:
            text += " \u00b7 " + self.tr("{n} file(s) read in {s} s").format(
                n=report.read, s=f"{report.seconds:.1f}"
            )
        if report.rebuilt and report.rebuilt != REBUILD_ASKED:
            text += " \u00b7 " + self.tr("index rebuilt ({reason})").format(reason=report.rebuilt)
        if report.failed:
            text += " \u00b7 " + self.tr("{n} file(s) are not transcripts").format(n=len(report.failed))
        self.status.setText(text)
        self.status.setToolTip("\n".join(f"{Path(p).name}: {why}" for p, why in report.failed))
