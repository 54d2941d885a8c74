"""What went wrong in reading the file on screen (mis-encoded text, a translation line missing, a
guessed encoding), said in a banner above the tabs whose text wraps, so every word of it can be
read: the first few warnings in the banner itself, all of them behind Show All.

Each file has its own banner, shown while its tab is the current one; Dismiss hides it until the
file is read again (opened or reloaded). The window calls `loaded` when a file is read whole.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QStyle, QTabWidget, QVBoxLayout

from ...core.textsafe import display_path
from ..i18n import said
from ..view.transcript_view import TranscriptView
from ..widgets.banner import Banner, BannerArea
from .host import WindowHost

SHOWN = 3  # warnings in the banner itself; the rest behind Show All


def banner_text(name: str, warnings: list[str]) -> str:
    """The banner's words: the file's name, then each warning whole on a line of its own."""
    head = QCoreApplication.translate("FileWarnings", "Reading {name}:").format(name=name)
    lines = [f"\u2022 {said(w)}" for w in warnings[:SHOWN]]
    if len(warnings) > SHOWN:
        lines.append(
            QCoreApplication.translate("FileWarnings", "\u2026 and {n} more").format(n=len(warnings) - SHOWN)
        )
    return "\n".join([head, *lines])


class FileWarnings(QObject):
    """The warnings banners of the window's files, above its `tabs`, in `area`."""

    def __init__(self, host: WindowHost, tabs: QTabWidget, area: BannerArea) -> None:
        super().__init__(tabs)
        self.host = host
        self.area = area
        self.banners: dict[TranscriptView, Banner] = {}
        self._read: weakref.WeakKeyDictionary[TranscriptView, object] = weakref.WeakKeyDictionary()
        tabs.currentChanged.connect(lambda _i: self._follow_tab())

    def watch(self, v: TranscriptView) -> None:
        """Show `v`'s banner with its text's first paint: shown after it, it would push the text
        the reader has begun to read down the window."""
        v.callChanged.connect(self._call_shown)

    def _call_shown(self, _call: int) -> None:
        v = self.sender()  # a bound method: the connection goes with either end
        if isinstance(v, TranscriptView) and not v.partial:  # a big file's head: wait for the rest
            self.loaded(v)

    def loaded(self, v: TranscriptView) -> None:
        """`v` read its file whole: its banner says the warnings of what it read, if any (once
        for each reading of the file: a dismissed banner comes back only with a new one)."""
        if v.transcript is not None and self._read.get(v) is v.transcript:
            return
        self._drop(v)
        self._read[v] = v.transcript
        t = v.transcript
        if t is None or not t.warnings or v.path is None:
            return
        name = display_path(v.path.name)
        warnings = list(t.warnings)
        banner = Banner(
            lambda: banner_text(name, warnings),
            icon=QStyle.StandardPixmap.SP_MessageBoxWarning,
            name=lambda: QCoreApplication.translate("FileWarnings", "Warnings on reading the file"),
        )
        banner.setObjectName("file-warnings")
        banner.label.setTextFormat(Qt.TextFormat.PlainText)  # the words may quote the file
        banner.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        banner.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab, for a screen reader
        if len(warnings) > SHOWN:
            every = banner.add_button(lambda: QCoreApplication.translate("FileWarnings", "Show All"))
            every.clicked.connect(lambda _c=False, n=name, w=warnings: self._show_all(n, w))
        banner.dismissed.connect(lambda v=v, b=banner: self._dismissed(v, b))
        self.banners[v] = banner
        v.destroyed.connect(lambda _o=None, v=v: self._drop(v))
        self.area.add(banner)
        banner.setVisible(v is self.host.view())

    def shown(self) -> Banner | None:
        """The banner on screen (the current file's), if any."""
        return next((b for b in self.banners.values() if not b.isHidden()), None)

    def _follow_tab(self) -> None:
        current = self.host.view()
        for v, banner in self.banners.items():
            banner.setVisible(v is current)

    def _show_all(self, name: str, warnings: list[str]) -> QDialog:
        """Every warning, one a line, wrapped, in a box that scrolls."""
        dialog = QDialog(self.host.widget())
        dialog.setObjectName("file-warnings-all")
        dialog.setWindowTitle(
            f"{name} \u2014 {QCoreApplication.translate('FileWarnings', 'Warnings on reading the file')}"
        )
        text = QPlainTextEdit("\n".join(said(w) for w in warnings))
        text.setReadOnly(True)
        text.setAccessibleName(QCoreApplication.translate("FileWarnings", "Warnings on reading the file"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(close)
        dialog.resize(680, 380)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _dismissed(self, v: TranscriptView, banner: Banner) -> None:
        if self.banners.get(v) is banner:
            del self.banners[v]

    def _drop(self, v: TranscriptView) -> None:
        banner = self.banners.pop(v, None)
        if banner is not None:
            banner.hide()
            banner.deleteLater()
