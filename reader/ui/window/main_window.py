"""The main window: tabs of open transcripts, the side panel, menus and toolbar from the action
registry, the status bar, and everything remembered between runs (through `config.Settings`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ...core import numbering
from ...core.model import Section
from ...core.modes import Mode, modes_for
from ...core.paths import is_pasted, is_sample
from ...core.prefetch import Prefetch
from ...core.textsafe import display_path
from .. import config
from ..config import Settings
from ..i18n import said
from ..notes.service import NotesService
from ..notes.window_notes import WindowNotes
from ..search.window_search import WindowSearch
from ..view.transcript_view import TranscriptView
from ..widgets.banner import BannerArea
from . import actions as registry
from .about import show_about
from .actions import NEED_A_TRANSCRIPT, MainAction
from .diagnostics import WindowDiagnostics
from .extra_commands import ExtraCommands
from .file_warnings import FileWarnings
from .file_watch import FileWatch
from .language import WindowLanguage
from .navigation import WindowNavigation
from .opening import call_title, fill_recent, say_opening
from .paste import PastedTranscripts
from .same_content import SameContent
from .settings_dialog import SettingsDialog
from .sidepanel import SidePanel

NOTES_AFTER_PAINT_MS = 20  # the notes store opens this long after a file's text is first painted
SETTLE_LATEST_MS = 3000  # `settled` comes this long after start at the latest


class MainWindow(QMainWindow):
    fileFailed = Signal(str, str)  # path, reason: a file that could not be opened
    # Once: the first file opened is ready and whole (or failed), or no file is being opened, or
    # SETTLE_LATEST_MS passed. Work that need not come before the first paint waits for it.
    settled = Signal()

    def __init__(
        self, settings: Settings | None = None, notes: NotesService | None = None, quiet: bool = False
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self._quiet = quiet
        self.setWindowTitle(self.tr("Transcript Reader"))
        self.setAcceptDrops(True)
        self.main_actions = registry.create(self)
        self.menus = registry.build_menus(self.menuBar(), self.main_actions)
        self.toolbar = QToolBar(self.tr("Toolbar"))
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        registry.build_toolbar(self.toolbar, self.main_actions)
        self.addToolBar(self.toolbar)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(area := BannerArea(self.tabs))  # the tabs, with any banner above them
        self.file_warnings = FileWarnings(self, self.tabs, area)  # what went wrong reading a file

        self.panel = SidePanel()
        self.dock = QDockWidget(self.tr("Side Panel"), self)  # its outline has a heading of its own
        self.dock.setObjectName("outline")
        self.dock.setWidget(self.panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.panel.paragraphActivated.connect(lambda p: self._with_view(lambda v: v.go_to_paragraph(p)))
        self.panel.callSelected.connect(lambda c: self._with_view(lambda v: v.set_call(c)))

        self.position = QLabel()
        self.shown_number: int | None = None  # the paragraph number the status bar shows
        self.checking = QProgressBar()
        self.checking.setMaximumWidth(160)
        self.checking.setFormat(self.tr("Figures %v/%m calls"))
        self.checking.hide()
        self.statusBar().addPermanentWidget(self.checking)
        self.statusBar().addPermanentWidget(self.position)
        self.statusBar().showMessage(self.tr("No transcript open: File \u25b8 Open\u2026 (Ctrl+O)"))
        self.diagnostics = WindowDiagnostics(self)  # Help > Open Log Folder; why notes/search are off
        self.watcher = FileWatch(self)
        self.watcher.changedOnDisk.connect(self._changed_on_disk)

        self._settled = False
        QTimer.singleShot(0, self, lambda: None if self.views() else self._settle())  # none opening
        QTimer.singleShot(SETTLE_LATEST_MS, self, self._settle)
        self.navigation = WindowNavigation(self, self.panel)
        self.notes = WindowNotes(self, notes)
        self.search = WindowSearch(self, passive=self.settings.read_only)
        self.same = SameContent(self, self.search.service)  # a file open already shows its tab
        self.pasted = PastedTranscripts(self)
        self.extra = ExtraCommands(self, self.tabs)  # Copy as Quote, print, Keyboard Shortcuts
        self.settled.connect(self.notes.window_settled)
        self.settled.connect(self.search.window_settled)
        self._connect_actions()
        self.language = WindowLanguage(self)  # a new interface language applies at once
        self._restore()

    # --- what the feature helpers use (host.WindowHost) -------------------------------------

    @property
    def quiet(self) -> bool:
        return self._quiet

    def on_screen(self) -> bool:
        return self.isVisible() and not self.isMinimized()

    def widget(self) -> QWidget:
        return self

    def action(self, id: MainAction) -> QAction:
        return self.main_actions[id]

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        self.addDockWidget(area, dock)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def show_message(self, text: str, timeout: int = 0) -> None:
        self.statusBar().showMessage(text, timeout)

    def clear_message(self) -> None:
        self.statusBar().clearMessage()

    def show_view(self, view: TranscriptView) -> None:
        self.tabs.setCurrentWidget(view)

    def close_view(self, view: TranscriptView) -> None:
        self.close_tab(self.tabs.indexOf(view))

    # --- actions -------------------------------------------------------------------------------

    def _connect_actions(self) -> None:
        a = self.main_actions
        a[MainAction.OPEN].triggered.connect(self.choose_file)
        a[MainAction.RELOAD].triggered.connect(self.reload)
        a[MainAction.CLOSE].triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        a[MainAction.QUIT].triggered.connect(self.close)
        a[MainAction.COPY].triggered.connect(lambda: self._with_view(lambda v: v.active_pane().copy()))
        a[MainAction.FIND].triggered.connect(lambda: self._with_view(lambda v: v.finding.open()))
        a[MainAction.FIND_NEXT].triggered.connect(lambda: self._with_view(lambda v: v.finding.next(False)))
        a[MainAction.FIND_PREVIOUS].triggered.connect(lambda: self._with_view(lambda v: v.finding.next(True)))
        a[MainAction.PREFERENCES].triggered.connect(self.preferences)
        for mode in Mode:
            a[MainAction.for_mode(mode)].triggered.connect(lambda _c=False, m=mode: self.set_mode(m))
        a[MainAction.SYNC].toggled.connect(self.set_synced)
        a[MainAction.FIGURES].toggled.connect(self.set_figures)
        a[MainAction.ZOOM_IN].triggered.connect(lambda: self.zoom(1))
        a[MainAction.ZOOM_OUT].triggered.connect(lambda: self.zoom(-1))
        a[MainAction.ZOOM_RESET].triggered.connect(lambda: self.zoom(0))
        a[MainAction.FONT].triggered.connect(self.choose_font)
        a[MainAction.PANEL].toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(self._panel_shown)
        a[MainAction.NEXT_CALL].triggered.connect(lambda: self._with_view(lambda v: v.set_call(v.call + 1)))
        a[MainAction.PREVIOUS_CALL].triggered.connect(
            lambda: self._with_view(lambda v: v.set_call(v.call - 1))
        )
        a[MainAction.ABOUT].triggered.connect(lambda: show_about(self))

    def reload(self) -> None:
        """Read the current tab's file again, keeping the reader's place."""
        self._with_view(lambda v: v.path and v.open(v.path, keep_position=True))

    def _panel_shown(self, shown: bool) -> None:
        if self.on_screen():  # not while the window hides or minimises
            self.main_actions[MainAction.PANEL].setChecked(shown)

    def _call_changed(self, v: TranscriptView, call: int, later: bool = False) -> None:
        if v.attaching.pending and not later:  # it lays out the call's documents; once it shows it:
            return v.attaching.when_done(lambda: self._call_changed(v, call, later=True))
        if v.call == call:
            self._name_tab(v)
            if v is self.view() and self.panel.call != call:
                self.panel.set_call(call)

    def view(self) -> TranscriptView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, TranscriptView) else None

    def views(self) -> list[TranscriptView]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), TranscriptView)]

    def _with_view(self, fn) -> None:  # type: ignore[no-untyped-def]
        v = self.view()
        if v is not None and v.transcript is not None:
            fn(v)

    # --- opening and closing -------------------------------------------------------------------

    def choose_file(self) -> None:
        recent = self.settings.get(config.RECENT)
        start = str(Path(recent[0]).parent) if recent else ""
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open transcripts"), start, self.tr("Transcripts (*.txt);;All files (*)")
        )
        for path in paths:
            self.open_path(Path(path))

    def open_path(
        self, path: Path, at: int | None = None, mode: Mode | None = None, pre: Prefetch | None = None
    ) -> TranscriptView:
        """Open a file in a new tab (in `mode`, its first paint at paragraph `at`; `pre` has read
        it already), or bring its tab forward when it is already open."""
        path = path.expanduser()
        if (shown := self.same.open_tab(path)) is not None:  # this file, or its content, in a tab
            if pre is not None:  # not read again
                pre.close()
            self.tabs.setCurrentWidget(shown)
            return shown
        v = TranscriptView(
            self.reading_font(),
            self.notes.service,
            mode=mode or self.settings.get(config.VIEW_MODE),
            synced=self.settings.get(config.SYNC),
            figures=self.settings.get(config.FIGURES),
        )
        splitter = self.settings.get(config.SPLITTER)
        if not splitter.isEmpty():
            v.split.restoreState(splitter)
        v.loaded.connect(lambda v=v: self._loaded(v))
        self.same.watch(v)
        self.file_warnings.watch(v)  # its banner in its text's first paint
        v.textPainted.connect(lambda v=v: self._text_painted(v))
        if not self._settled:  # a big file is ready twice: with its head, then whole
            v.ready.connect(lambda v=v: None if v.partial else self._settle())
            v.failed.connect(self._settle)
        v.failed.connect(lambda reason, v=v, p=path: self._failed(v, p, reason))
        v.positionChanged.connect(lambda p, v=v: self._position(v, p))
        v.analysisProgress.connect(lambda done, total, v=v: self._checking(v, done, total))
        v.callChanged.connect(lambda c, v=v: self._call_changed(v, c))
        v.note_marks.registered.connect(self._notes_registered)
        index = self.tabs.addTab(v, display_path(path.name))  # any name, shown the same everywhere
        self.tabs.setTabToolTip(index, display_path(str(path)))
        self.tabs.setCurrentIndex(index)
        say_opening(self, v, path)  # until its place shows in the status bar
        v.open(path, at=at, pre=pre)
        return v

    def _text_painted(self, v: TranscriptView) -> None:
        # The notes store opens (on a worker) once a file's text is on screen, not in the paint's
        # own slice; for a big file once it is whole, when the GUI thread is no longer busy.
        if not v.partial:
            QTimer.singleShot(NOTES_AFTER_PAINT_MS, self, self.notes.service.open_soon)

    def open_at(self, path: Path, paragraph: int, pre: Prefetch | None = None) -> TranscriptView:
        """Open a file (or bring its tab forward) and show one of its paragraphs, marked: a new
        tab's first paint shows it."""
        v = self.open_path(path, at=paragraph, pre=pre)
        if v.transcript is not None and not v.partial:
            v.go_to_paragraph(paragraph)
            return v

        def shown() -> None:
            if v.partial:  # the head of a big file: the paragraph may be in the rest
                return
            v.loaded.disconnect(shown)
            self.same.survivor(v).go_to_paragraph(paragraph)  # (the tab kept, if v was a copy)

        v.loaded.connect(shown)
        return v

    def _loaded(self, v: TranscriptView) -> None:
        assert v.path is not None and v.transcript is not None
        self.watcher.watch(v.path)
        if not is_sample(v.path) and not is_pasted(v.path):
            self._update_recent(self.settings.add_recent(str(v.path)))
        # The side panel and the actions, for the file now in front: in a slice of their own.
        QTimer.singleShot(0, self, lambda: self._tab_changed() if v is self.view() else None)
        if v.partial:  # the head of a big file: its warnings and calls are not the whole file's
            self.statusBar().showMessage(self.tr("Reading the rest of {name}\u2026").format(name=v.path.name))
            return
        self.search.view_loaded(v)
        QTimer.singleShot(0, self, lambda: self._notes_for(v))  # its notes, in a slice of their own
        self.file_warnings.loaded(v)  # in a banner above the tabs, whole

    def _name_tab(self, v: TranscriptView) -> None:
        """Name `v`'s tab (and the window, if it is in front) after the call it shows."""
        title = call_title(v)
        self.tabs.setTabText(self.tabs.indexOf(v), title)
        if v is self.view():
            self.setWindowTitle(f"{title} \u2014 {self.tr('Transcript Reader')}")

    def _notes_for(self, v: TranscriptView) -> None:
        if v.transcript is not None and self.tabs.indexOf(v) >= 0:
            self.notes.view_loaded(v)

    def _settle(self) -> None:
        if not self._settled:
            self._settled = True
            self.settled.emit()

    def _notes_registered(self, message: str) -> None:
        if message:  # notes carried over from an earlier version of the file
            self.statusBar().showMessage(message, 8000)

    def _checking(self, v: TranscriptView, done: int, total: int) -> None:  # calls' figures checked
        if v is self.view():
            self.checking.setRange(0, total)
            self.checking.setValue(done)
            self.checking.setVisible(done < total)

    def _failed(self, v: TranscriptView, path: Path, reason: str) -> None:
        self.fileFailed.emit(str(path), reason)
        if v.transcript is None:  # never shown: its tab says why (view/loading_page.py)
            self.tabs.setTabIcon(self.tabs.indexOf(v), QIcon(v.loading.icon.pixmap()))
        elif not self.quiet:  # a reload failed: the tab keeps what it showed
            QMessageBox.warning(self, self.tr("Cannot open this file"), f"{path.name}: {said(reason)}")

    def close_tab(self, index: int) -> None:
        v = self.tabs.widget(index)
        if isinstance(v, TranscriptView):
            if v.path is not None and not any(o.path == v.path for o in self.views() if o is not v):
                self.watcher.unwatch(v.path)
            self.tabs.removeTab(index)
            v.shutdown()
            v.deleteLater()
        if not self.tabs.count():
            self._tab_changed()

    def _changed_on_disk(self, path: str) -> None:
        for v in self.views():
            if v.path is not None and str(v.path) == path:
                v.open(v.path, keep_position=True)
                self.statusBar().showMessage(self.tr("Reloaded {name}").format(name=v.path.name), 4000)

    def _update_recent(self, recent: list[str] | None = None) -> None:
        paths = recent if recent is not None else self.settings.get(config.RECENT)
        fill_recent(self.menus["recent"], paths, lambda path: self.open_path(Path(path)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # --- view state ----------------------------------------------------------------------------

    def _tab_changed(self, _index: int = -1) -> None:
        v = self.view()
        t = v.transcript if v is not None else None
        self.panel.set_transcript(t, v.call if v is not None and t is not None else 0)
        self.notes.tab_changed(v)
        self.search.tab_changed(v)
        has = t is not None
        for key in NEED_A_TRANSCRIPT:
            self.main_actions[key].setEnabled(has)
        if v is None or t is None:
            self.setWindowTitle(self.tr("Transcript Reader"))
            self.position.clear()
            self.shown_number = None
            return
        shown = modes_for(t.languages)
        for mode in Mode:
            self.main_actions[MainAction.for_mode(mode)].setEnabled(mode in shown)
        self.main_actions[MainAction.SYNC].setEnabled(Mode.SIDE in shown)
        for step in (MainAction.NEXT_CALL, MainAction.PREVIOUS_CALL):
            self.main_actions[step].setEnabled(len(t.calls) > 1)
        self.main_actions[MainAction.for_mode(v.mode)].setChecked(True)
        self.panel.set_filter(v.speaker_filter)
        self.main_actions[MainAction.ONLY_SPEAKER].setChecked(v.speaker_filter is not None)
        self._name_tab(v)
        self._position(v, v.top_paragraph())

    def _position(self, v: TranscriptView, paragraph: int) -> None:
        t = v.transcript
        if v is not self.view() or t is None or not 0 <= paragraph < len(t.paragraphs):
            return
        p = t.paragraphs[paragraph]
        section = self.tr("Q&A") if p.section is Section.QA else self.tr("Prepared remarks")
        speaker = t.turns[p.turn].speaker or self.tr("(no speaker)")
        self.shown_number = numbering.shown(paragraph)
        where = self.tr("{speaker} \u00b7 {section} \u00b7 paragraph {n} of {m}").format(
            speaker=speaker, section=section, n=self.shown_number, m=len(t.paragraphs)
        )
        if len(t.calls) > 1:
            where += " \u00b7 " + self.tr("call {n} of {m}").format(n=p.call + 1, m=len(t.calls))
        if self.position.text() != where:  # the reader moved: a message about before is stale
            self.statusBar().clearMessage()  # (the same place said again keeps it: "2 notes carried over")
        self.position.setText(where)
        self.panel.set_position(paragraph)

    def set_mode(self, mode: Mode) -> None:
        mode = Mode(mode)
        self.settings.set(config.VIEW_MODE, mode)
        self.main_actions[MainAction.for_mode(mode)].setChecked(True)
        self._with_view(lambda v: v.set_mode(mode))

    def set_synced(self, synced: bool) -> None:
        self.settings.set(config.SYNC, synced)
        for v in self.views():
            v.set_synced(synced)

    def set_figures(self, on: bool) -> None:
        self.settings.set(config.FIGURES, on)
        for v in self.views():
            v.set_figures(on)

    # --- fonts, zoom, preferences ------------------------------------------------------------

    def reading_font(self) -> QFont:
        return self.settings.reading_font()

    def zoom(self, step: int) -> None:
        self.settings.zoom(step)
        self.apply_font()

    def apply_font(self) -> None:
        font = self.reading_font()
        for v in self.views():
            v.set_font(font)

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.reading_font(), self, self.tr("Reading font"))
        if ok:
            self.settings.choose_font(font)
            self.apply_font()

    def preferences(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        dialog.changed.connect(self._preferences_changed)
        dialog.exec()

    def _preferences_changed(self, keys: set[str]) -> None:
        """Apply what the Preferences dialog changed (it applies the theme itself)."""
        if keys & {config.FONT_FAMILY.key, config.FONT_SIZE.key}:
            self.apply_font()
        if config.FIGURES.key in keys:
            self.main_actions[MainAction.FIGURES].setChecked(self.settings.get(config.FIGURES))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Once every child has taken the new palette: the window hears of it before them.
            QTimer.singleShot(0, self, self._restyle_views)

    def _restyle_views(self) -> None:
        for v in self.views():
            v.restyle()

    # --- remembered between runs ---------------------------------------------------------------

    def _restore(self) -> None:
        s = self.settings
        geometry = s.get(config.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1320, 860)
        state = s.get(config.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.main_actions[MainAction.for_mode(s.get(config.VIEW_MODE))].setChecked(True)
        self.main_actions[MainAction.SYNC].setChecked(s.get(config.SYNC))
        self.main_actions[MainAction.FIGURES].setChecked(s.get(config.FIGURES))
        self.main_actions[MainAction.PANEL].setChecked(not self.dock.isHidden())
        if not self.notes.dock.isHidden():  # the restored layout shows it
            self.notes.show_panel()
        self.main_actions[MainAction.NOTES_PANEL].setChecked(not self.notes.dock.isHidden())
        self.search.restore()
        self._update_recent()
        self._tab_changed()

    def closeEvent(self, event: QCloseEvent) -> None:
        s = self.settings
        s.set(config.GEOMETRY, self.saveGeometry())
        s.set(config.WINDOW_STATE, self.saveState())
        v = self.view()
        if v is not None:
            s.set(config.SPLITTER, v.split.saveState())
        self.search.shutdown()  # stop indexing: the window goes
        super().closeEvent(event)
