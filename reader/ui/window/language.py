"""The interface language changing while the window is open (Preferences ▸ Interface language).

`i18n.install_translators` swaps the translators, and Qt sends every widget a LanguageChange event
for each translator removed or installed. Widgets that own their texts set them again in their
`changeEvent` (the side panel, the panels of the notes and the library); this helper does it for
the window's frame: menus, actions, toolbar, dock titles, the status bar and the window title,
once for the several events of one switch, and it gives the panes the reading font again (one
that follows the interface's font follows its change of family: i18n.interface_font).

It is the window's own part, kept apart because main_window.py is at its size limit: it takes
the window itself, not the narrower `WindowHost` the feature helpers take.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from . import actions as registry

if TYPE_CHECKING:
    from .main_window import MainWindow


class WindowLanguage(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._pass = QTimer(self)  # one pass after the translators of a switch are all in place
        self._pass.setSingleShot(True)
        self._pass.setInterval(0)
        self._pass.timeout.connect(self.retranslate)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._pass.start()
        return False

    def retranslate(self) -> None:
        """Set every text of the window's frame again, in the language installed now."""
        w = self.window
        registry.retranslate(w.menus, w.main_actions)
        w.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Toolbar"))
        w.dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Side Panel"))
        w.checking.setFormat(QCoreApplication.translate("MainWindow", "Figures %v/%m calls"))
        w.notes.retranslate()
        w.search.retranslate()
        w.position.clear()  # said again below, in the new language
        if not w.views():
            w.show_message(
                QCoreApplication.translate(
                    "MainWindow", "No transcript open: File \u25b8 Open\u2026 (Ctrl+O)"
                )
            )
        else:
            w.clear_message()  # a message in the old language
        w._tab_changed()  # the window title, the side panel's rows and the place
        w.apply_font()
