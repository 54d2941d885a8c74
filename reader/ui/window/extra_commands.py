"""The window's commands that take a call out of it, and the help on its keys: Copy as Quote (the
Edit menu, Ctrl+Shift+C and the panes' context menu), Print and Export PDF (`WindowExport`) and
Help ▸ Keyboard Shortcuts; with the
accessible names and descriptions of the window's own frame (menus, toolbar, tabs, outline) and
the ring that shows which list or pane has the focus (`FocusRing`).

Kept out of the main window so the window stays a frame: it creates one `ExtraCommands` with its
tab widget, whose current view gets the quote entry in its panes' context menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget, QToolBar

from ...core.quote import Quote
from ..accessible import describe
from ..view.pane import MenuSource, Pane
from ..view.quote import copy_quote, quote_of
from ..widgets.focus_ring import FocusRing
from .actions import MENUS, QT_TRANSLATE_NOOP, MainAction, plain, translate
from .host import WindowHost
from .shortcuts import ShortcutsDialog

if TYPE_CHECKING:
    from ..export.window_export import WindowExport
    from ..view.transcript_view import TranscriptView

MENU_DESCRIPTIONS = {
    "file": QT_TRANSLATE_NOOP("ExtraCommands", "Open, reload and close transcripts; export notes; quit"),
    "edit": QT_TRANSLATE_NOOP(
        "ExtraCommands", "Undo, copy, quote, highlight and note passages; find and search; preferences"
    ),
    "view": QT_TRANSLATE_NOOP("ExtraCommands", "The languages shown, figures, zoom, font and panels"),
    "go": QT_TRANSLATE_NOOP("ExtraCommands", "Move by speaker turn, question, figure mismatch or call"),
    "help": QT_TRANSLATE_NOOP("ExtraCommands", "The keyboard shortcuts and the version"),
}


class _QuoteMenu:
    """A pane's context menu source: the view's own entries, then Copy as Quote of the passage
    under the mouse (or of the selection), after the standard Copy."""

    def __init__(self, inner: MenuSource | None, owner: ExtraCommands, view: TranscriptView) -> None:
        self.inner, self.owner, self.view = inner, owner, view

    def __call__(self, pane: Pane, menu: QMenu, pos: QPoint) -> None:
        if self.inner is not None:
            self.inner(pane, menu, pos)
        quote = quote_of(self.view, self.view.current.row, pane, pos)
        entry = QAction(plain(translate("Copy as &Quote")), menu)
        entry.setShortcut(self.owner.window.action(MainAction.COPY_QUOTE).shortcut())
        entry.setEnabled(quote is not None)
        entry.triggered.connect(lambda _c=False, q=quote: self.owner.copy(q))
        after = next((a for a in menu.actions() if a.objectName() == "edit-copy"), None)
        actions = menu.actions()
        if after is not None and after in actions and actions.index(after) + 1 < len(actions):
            menu.insertAction(actions[actions.index(after) + 1], entry)
        else:
            menu.addAction(entry)


class ExtraCommands(QObject):
    def __init__(self, window: WindowHost, tabs: QTabWidget) -> None:
        super().__init__(window.widget())
        self.window = window
        a = window.action
        a(MainAction.COPY_QUOTE).triggered.connect(self.copy_current)
        a(MainAction.SHORTCUTS).triggered.connect(self.show_shortcuts)
        a(MainAction.PRINT).triggered.connect(lambda: self.export.ask_print())
        a(MainAction.EXPORT_PDF).triggered.connect(lambda: self.export.ask_pdf())
        a(MainAction.PRINT_PREVIEW).triggered.connect(lambda: self.export.ask_preview())
        self._export: WindowExport | None = None
        self.focus_ring = FocusRing(window.widget())  # where the keyboard is
        tabs.currentChanged.connect(self._tab_changed)
        self._describe_frame(tabs)

    @property
    def export(self) -> WindowExport:
        """Print, Print Preview and Export PDF, made when first used."""
        if self._export is None:
            # Printing and exporting (their dialogs, the print process): a feature boundary.
            from ..export.window_export import WindowExport

            self._export = WindowExport(self.window)
        return self._export

    # --- Copy as Quote --------------------------------------------------------------------------

    def _tab_changed(self, _index: int = -1) -> None:
        v = self.window.view()
        if v is None:
            return
        for pane in v.panes():
            if not isinstance(pane.menu_source, _QuoteMenu):
                pane.menu_source = _QuoteMenu(pane.menu_source, self, v)

    def copy_current(self) -> None:
        """The selection, else the paragraph at the text cursor, marked current, or at the top."""
        v = self.window.view()
        if v is not None and v.transcript is not None:
            self.copy(quote_of(v, v.current.row))

    def copy(self, quote: Quote | None) -> None:
        if quote is None:
            self.window.show_message(
                QCoreApplication.translate("ExtraCommands", "No paragraph to quote here"), 4000
            )
            return
        copy_quote(quote)
        self.window.show_message(
            QCoreApplication.translate("ExtraCommands", "Copied as a quote: {citation}").format(
                citation=quote.citation
            ),
            6000,
        )

    # --- help -----------------------------------------------------------------------------------

    def shortcuts_dialog(self) -> ShortcutsDialog:
        actions = {id: self.window.action(id) for id in MainAction}
        return ShortcutsDialog(actions, self.window.widget())

    def show_shortcuts(self) -> None:
        dialog = self.shortcuts_dialog()
        dialog.setModal(False)
        dialog.show()

    # --- the frame's accessible names ---------------------------------------------------------

    def _describe_frame(self, tabs: QTabWidget) -> None:
        w = self.window.widget()
        w.setAccessibleDescription(
            QCoreApplication.translate("ExtraCommands", "Read earnings calls in English and Chinese")
        )
        if isinstance(w, QMainWindow):
            describe(
                w.menuBar(),
                QCoreApplication.translate("ExtraCommands", "Menu bar"),
                QCoreApplication.translate("ExtraCommands", "Every command of the window, by menu"),
            )
            titles = {translate(text): key for key, text in MENUS.items()}
            for entry in w.menuBar().actions():
                menu, key = entry.menu(), titles.get(entry.text())
                if isinstance(menu, QMenu) and key is not None:
                    describe(
                        menu,
                        plain(entry.text()),
                        QCoreApplication.translate("ExtraCommands", MENU_DESCRIPTIONS[key]),
                    )
            describe(
                w.statusBar(),
                QCoreApplication.translate("ExtraCommands", "Status"),
                QCoreApplication.translate("ExtraCommands", "Where the reader is, and what the window says"),
            )
        # The window's own bars and docks: a search of every descendant would wrap each in Python.
        for bar in w.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.setAccessibleDescription(
                QCoreApplication.translate("ExtraCommands", "The commands used most, as buttons")
            )
        describe(
            tabs,
            QCoreApplication.translate("ExtraCommands", "Open transcripts"),
            QCoreApplication.translate("ExtraCommands", "One tab for each open transcript"),
        )
        tabs.tabBar().setAccessibleName(QCoreApplication.translate("ExtraCommands", "Open transcripts"))
        tabs.tabBar().setAccessibleDescription(
            QCoreApplication.translate("ExtraCommands", "One tab for each open transcript; Ctrl+W closes it")
        )
        for dock in w.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if dock.objectName() == "outline":
                dock.setAccessibleDescription(
                    QCoreApplication.translate("ExtraCommands", "The outline of the call and its speakers")
                )
