"""The window's library search: the search and library docks, their commands (Search Library,
Library Panel, Add Folder to Library), and opening a hit at its paragraph with its terms marked.

Kept out of `window.py` so the window stays a frame: it creates one `WindowSearch`, tells it when
a view loaded (the file joins the library as a recent one) or the tab changed, and asks it to
build the panels its restored layout shows. Each panel is made the first time its dock shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QProgressBar

from ...core.find import Match
from .service import SearchService

if TYPE_CHECKING:
    from ...core.search.indexer import Progress
    from ...core.search.searcher import Hit
    from ..view.transcript_view import TranscriptView
    from ..window.main_window import MainWindow
    from .library_panel import LibraryPanel
    from .panel import SearchPanel

QUERY_FROM_SELECTION = 80  # a selection up to this long becomes the query of Ctrl+Shift+F


class WindowSearch(QObject):
    def __init__(self, window: MainWindow, service: SearchService | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.service = service or SearchService(parent=self)
        self.search_panel: SearchPanel | None = None
        self.library_panel: LibraryPanel | None = None
        # A scripted run (--screenshot) reads with read-only settings: it adds nothing to the
        # library and starts no indexing either.
        self.passive = window.settings.read_only

        self.search_dock = QDockWidget(self.tr("Search Library"), window)
        self.search_dock.setObjectName("search")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self.library_dock = QDockWidget(self.tr("Library"), window)
        self.library_dock.setObjectName("library")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.library_dock)
        self.library_dock.hide()

        self.indexing = QProgressBar()  # in the status bar: indexing shows with the panel closed
        self.indexing.setMaximumWidth(180)
        self.indexing.hide()
        window.statusBar().addPermanentWidget(self.indexing)

        a = window.actions_
        a["search"].triggered.connect(self.open_search)
        a["library_panel"].toggled.connect(self.show_library)
        a["add_to_library"].triggered.connect(self.add_folder)
        self.search_dock.visibilityChanged.connect(self._search_shown)
        self.library_dock.visibilityChanged.connect(self._library_shown)
        s = self.service
        s.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        s.indexingStarted.connect(self._indexing)
        s.indexProgress.connect(self._progress)
        s.indexEnded.connect(self._indexing)
        window.installEventFilter(self)
        if not self.passive:
            # Once the window settled, not at once: opening the library imports Whoosh (and
            # through it urllib, http, ssl, email: ~70 ms of imports holding the GIL), which on a
            # worker slowed the first file's opening and first paint.
            window.settled.connect(lambda: self.service.start())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.service.shutdown()  # stop indexing: the window goes
        return False

    # --- the panels ----------------------------------------------------------------------------

    def show_search(self, shown: bool = True) -> SearchPanel | None:
        """Show or hide the search dock; its panel is made the first time it shows."""
        if shown and self.search_panel is None:
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
        self.window.actions_["library_panel"].setChecked(not self.library_dock.isHidden())

    def _search_shown(self, shown: bool) -> None:
        if shown and self.search_panel is None:  # shown by the user (a tab of a dock group)
            self.show_search()

    def _library_shown(self, shown: bool) -> None:
        if shown and self.library_panel is None:
            self.show_library()
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.actions_["library_panel"].setChecked(shown)

    # --- adding to the library -------------------------------------------------------------------

    def add_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs: imported when shown, not at start

        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Add a Folder to the Library"))
        if folder:
            self.add([folder])

    def add_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Add Transcripts to the Library"),
            "",
            self.tr("Transcripts (*.txt);;All files (*)"),
        )
        if paths:
            self.add(paths)

    def add(self, paths: list[str]) -> None:
        """Add folders or files to the library and index them (progress in the library panel)."""
        self.service.add(paths)
        self.window.statusBar().showMessage(self.tr("Adding to the library and indexing\u2026"), 5000)

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
                self.window.statusBar().showMessage(
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
        if self.passive or v.path is None or _is_sample(v.path):
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


def _is_sample(path: Path) -> bool:
    from ..app import sample_path

    return path.resolve() == sample_path().resolve()
