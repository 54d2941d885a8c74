"""The window's library search: the search and library docks, their commands (Search Library,
Library Panel, Add Folder to Library), and opening a hit at its paragraph with its terms marked.

Kept out of the main window so the window stays a frame: it creates one `WindowSearch`, tells it when
a view loaded (the file joins the library as a recent one) or the tab changed, and asks it to
build the panels its restored layout shows. Each panel is made the first time its dock shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFileDialog, QProgressBar

from ...core.find import Match
from ...core.paths import is_pasted, is_sample
from ..i18n import plural
from ..window.actions import QT_TRANSLATE_NOOP, MainAction
from ..window.host import WindowHost
from .service import SearchService

if TYPE_CHECKING:
    from ...core.search.indexer import Progress
    from ...core.search.searcher import Hit
    from ..view.transcript_view import TranscriptView
    from .library_panel import LibraryPanel
    from .panel import SearchPanel

QUERY_FROM_SELECTION = 80  # a selection up to this long becomes the query of Ctrl+Shift+F


class WindowSearch(QObject):
    def __init__(
        self, window: WindowHost, service: SearchService | None = None, passive: bool = False
    ) -> None:
        super().__init__(window.widget())
        self.window = window
        self.service = service or SearchService(parent=self)
        self.search_panel: SearchPanel | None = None
        self.library_panel: LibraryPanel | None = None
        # A scripted run (--screenshot) adds nothing to the library and starts no indexing.
        self.passive = passive

        self.search_dock = QDockWidget(window.widget())
        self.search_dock.setObjectName("search")
        window.add_dock(self.search_dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.search_dock.hide()
        self.library_dock = QDockWidget(window.widget())
        self.library_dock.setObjectName("library")
        self.retranslate()
        window.add_dock(self.library_dock, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.library_dock.hide()

        # "Adding to the library and indexing…" stays until the update it asked for ends: "" (not
        # said, or replaced by the service's own message), "asked", then "indexing"
        self._adding = ""
        self.indexing = QProgressBar()  # in the status bar: indexing shows with the panel closed
        self.indexing.setMaximumWidth(180)
        self.indexing.hide()
        window.add_status_widget(self.indexing)

        a = window.action
        a(MainAction.SEARCH).triggered.connect(self.open_search)
        a(MainAction.LIBRARY_PANEL).toggled.connect(self.show_library)
        a(MainAction.ADD_TO_LIBRARY).triggered.connect(self.add_folder)
        self.search_dock.visibilityChanged.connect(self._search_shown)
        self.library_dock.visibilityChanged.connect(self._library_shown)
        s = self.service
        s.message.connect(self._message)
        s.indexingStarted.connect(self._indexing)
        s.indexProgress.connect(self._progress)
        s.indexEnded.connect(self._indexing)

    def retranslate(self) -> None:
        """The docks' titles and descriptions, in the interface language installed now."""
        self.search_dock.setWindowTitle(self.tr("Search Library"))
        self.search_dock.setAccessibleDescription(self.tr("Search every call of the library"))
        self.library_dock.setWindowTitle(self.tr("Library"))
        self.library_dock.setAccessibleDescription(self.tr("The folders and calls of the library"))

    def window_settled(self) -> None:
        """The window's first file is shown: open the library now, not before (its imports on a
        worker would slow the first file's opening and first paint)."""
        if not self.passive:
            self.service.start()

    def shutdown(self) -> None:
        """The window closes: stop indexing."""
        self.service.shutdown()

    def _message(self, text: str) -> None:
        self._adding = ""  # (indexing cancelled or failed: this says so in its place)
        self.window.show_message(text, 8000)

    # --- the panels ----------------------------------------------------------------------------

    def show_search(self, shown: bool = True) -> SearchPanel | None:
        """Show or hide the search dock; its panel is made the first time it shows."""
        if shown and self.search_panel is None:
            # The panel imports the search core (Whoosh): made when first shown, not at start.
            from .panel import SearchPanel

            panel = SearchPanel(self.service)
            panel.hitActivated.connect(self.open_hit)
            panel.addFolderRequested.connect(self.add_folder)
            self.search_dock.setWidget(panel)
            self.search_panel = panel
        self.search_dock.setVisible(shown)
        return self.search_panel

    def open_search(self) -> None:
        """Ctrl+Shift+F: the search dock, its query field ready (the selection as the query)."""
        panel = self.show_search()
        assert panel is not None
        self.search_dock.raise_()
        panel.focus_query(self._selection())

    def _selection(self) -> str | None:
        v = self.window.view()
        if v is None or v.transcript is None:
            return None
        text = v.active_pane().textCursor().selectedText().strip()
        return text if 0 < len(text) <= QUERY_FROM_SELECTION and "\u2029" not in text else None

    def show_library(self, shown: bool = True) -> LibraryPanel | None:
        if shown and self.library_panel is None:
            # The panel: made when first shown, not at start.
            from .library_panel import LibraryPanel

            panel = LibraryPanel(self.service)
            panel.openRequested.connect(self._open_call)
            panel.addFolderRequested.connect(self.add_folder)
            panel.addFilesRequested.connect(self.add_files)
            v = self.window.view()
            panel.set_current(str(v.path.resolve()) if v is not None and v.path is not None else None)
            self.library_dock.setWidget(panel)
            self.library_panel = panel
        self.library_dock.setVisible(shown)
        return self.library_panel

    def restore(self) -> None:
        """The window's layout was restored: build the panels it shows."""
        if not self.search_dock.isHidden():
            self.show_search()
        if not self.library_dock.isHidden():
            self.show_library()
        self.window.action(MainAction.LIBRARY_PANEL).setChecked(not self.library_dock.isHidden())

    def _search_shown(self, shown: bool) -> None:
        if shown and self.search_panel is None:  # shown by the user (a tab of a dock group)
            self.show_search()

    def _library_shown(self, shown: bool) -> None:
        if shown and self.library_panel is None:
            self.show_library()
        if self.window.on_screen():
            self.window.action(MainAction.LIBRARY_PANEL).setChecked(shown)

    # --- adding to the library -------------------------------------------------------------------

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window.widget(), self.tr("Add a Folder to the Library")
        )
        if folder:
            self.add([folder])

    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window.widget(),
            self.tr("Add Transcripts to the Library"),
            "",
            self.tr("Transcripts (*.txt);;All files (*)"),
        )
        if paths:
            self.add(paths)

    def add(self, paths: list[str]) -> None:
        """Add folders or files to the library and index them (progress in the library panel)."""
        self.service.add(paths)
        self._adding = "asked"
        self.window.show_message(self.tr("Adding to the library and indexing\u2026"))  # until it ends

    # --- opening ---------------------------------------------------------------------------------

    def open_hit(self, hit: Hit) -> TranscriptView:
        """Open a hit's file at its paragraph and mark what the query matched there, as a Find
        would (F3 goes through the marks)."""
        matches = [
            Match(hit.paragraph, lang, start, end)
            for lang in ("en", "zh")
            for start, end in hit.spans.get(lang, [])
        ]
        v = self.window.open_at(Path(hit.path), hit.paragraph)

        def mark() -> None:
            t = v.transcript
            if t is None or t.fingerprint != hit.fingerprint:
                self.window.show_message(
                    self.tr("This file changed since it was indexed: the terms are not marked"), 6000
                )
                return
            v.finding.show_matches(matches)

        if v.transcript is not None and not v.partial:
            mark()  # already open: open_at went to the paragraph
            return v

        def shown() -> None:
            if v.partial:  # the head of a big file: the paragraph may be in the rest
                return
            v.loaded.disconnect(shown)
            mark()

        v.loaded.connect(shown)  # after open_at's own handler: it goes to the paragraph first
        return v

    def _open_call(self, path: str, first: int) -> None:
        if first:
            self.window.open_at(Path(path), first)
        else:
            self.window.open_path(Path(path))

    # --- the window tells ------------------------------------------------------------------------

    def view_loaded(self, v: TranscriptView) -> None:
        """A file was read in full: it joins the library (as a recent file) and is indexed."""
        if self.passive or v.path is None or is_sample(v.path) or is_pasted(v.path):
            return
        path = str(v.path.resolve())
        snapshot = self.service.snapshot
        if snapshot is not None and (
            any(r.path == path for r in snapshot.roots) or any(c.path == path for c in snapshot.calls)
        ):
            return  # in the library already: the watcher follows its changes
        self.service.add([path], recent=True)

    def tab_changed(self, v: TranscriptView | None) -> None:
        if self.library_panel is not None:
            path = v.path if v is not None else None
            self.library_panel.set_current(str(path.resolve()) if path is not None else None)

    # --- indexing in the status bar ------------------------------------------------------------

    def _indexing(self) -> None:
        running = self.service.indexing
        self.indexing.setVisible(running)
        if running:
            self.indexing.setRange(0, 0)
            self.indexing.setFormat(self.tr("Indexing\u2026"))
            if self._adding == "asked":
                self._adding = "indexing"
        elif self._adding == "indexing":  # once the service has started what was waiting, if any
            QTimer.singleShot(0, self, self._added)

    def _added(self) -> None:
        """The update that "Adding to the library and indexing…" announced has ended: say so."""
        if self._adding != "indexing" or self.service.indexing:
            return
        self._adding = ""
        snapshot = self.service.snapshot
        calls = len(snapshot.calls) if snapshot is not None else 0
        self.window.show_message(
            plural(
                "LibraryPanel",
                QT_TRANSLATE_NOOP("LibraryPanel", "%n call in the library"),
                QT_TRANSLATE_NOOP("LibraryPanel", "%n calls in the library"),
                calls,
            ),
            5000,
        )

    def _progress(self, p: Progress) -> None:
        if p.phase == "reading" and p.total_files:
            self.indexing.setRange(0, 1000)
            self.indexing.setValue(int(p.fraction * 1000))
            self.indexing.setFormat(self.tr("Indexing %p%"))
            self.indexing.setToolTip(
                self.tr("Indexing the library: {done} of {total} files").format(
                    done=p.done_files, total=p.total_files
                )
            )
