"""The banner that tells the reader their notes store was damaged and repaired: how many notes
were recovered and where the damaged copy is kept. It shows every time the app starts until
the reader clicks Dismiss (`NotesStore.dismiss_recovery`); the copy is never deleted.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices

from ...core.notes.models import NotesError
from ...core.textsafe import display_path
from ..widgets.banner import Banner, BannerArea
from .service import NotesService

if TYPE_CHECKING:
    from ...core.notes.recovery import RecoveryReport

log = logging.getLogger(__name__)


def banner_text(reports: list[RecoveryReport]) -> str:
    """What the banner says of the reports (newest first), in plain words."""
    notes = sum(r.restored.notes for r in reports)
    missing = sum(r.restored.missing for r in reports)
    partial = sum(r.restored.partial for r in reports)
    head = (
        QCoreApplication.translate(
            "RecoveryBanner", "Your notes store was damaged and has been repaired: 1 note was recovered."
        )
        if notes == 1
        else QCoreApplication.translate(
            "RecoveryBanner", "Your notes store was damaged and has been repaired: {n} notes were recovered."
        ).format(n=notes)
    )
    if partial:
        head += " " + QCoreApplication.translate(
            "RecoveryBanner", "{n} of them only in part (their text is cut where the damage was)."
        ).format(n=partial)
    if missing:
        head += " " + QCoreApplication.translate("RecoveryBanner", "{n} could not be read.").format(n=missing)
    kept = [display_path(r.damaged_path) for r in reports]
    if len(kept) == 1:
        where = QCoreApplication.translate("RecoveryBanner", "The damaged copy is kept at {path}").format(
            path=kept[0]
        )
    else:
        where = QCoreApplication.translate("RecoveryBanner", "The damaged copies are kept at {paths}").format(
            paths="; ".join(kept)
        )
    return f"{head}\n{where}"


class RecoveryBanners(QObject):
    """Shows the store's undismissed recovery reports in a banner above the tabs."""

    def __init__(self, service: NotesService, area: BannerArea | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.area = area
        self.banner: Banner | None = None
        self.reports: list[RecoveryReport] = []

    @property
    def shown(self) -> bool:
        return self.banner is not None

    def refresh(self) -> None:
        """Read the reports once the store is open; show them, if any and not shown yet."""
        store = self.service.store if self.service.is_open else None
        if store is None or self.area is None or self.banner is not None:
            return
        try:
            self.reports = store.recovery_reports()
        except NotesError as err:  # the status bar says what is wrong with the store
            log.warning("cannot read the notes store's recovery reports: %s", err)
            return
        if not self.reports:
            return
        reports = list(self.reports)
        banner = Banner(lambda: banner_text(reports))
        banner.setObjectName("notes-recovered")
        banner.setToolTip("\n".join(r.message for r in self.reports))
        folder = banner.add_button(
            lambda: QCoreApplication.translate("RecoveryBanner", "Show the Damaged Copy")
        )
        folder.clicked.connect(self._show_copy)
        banner.dismissed.connect(self._dismissed)
        self.area.add(banner)
        self.banner = banner

    def _show_copy(self) -> None:
        if self.reports:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.reports[0].damaged_path).parent)))

    def _dismissed(self) -> None:
        self.banner = None
        store = self.service.store
        if store is None:
            return
        try:
            for report in self.reports:
                store.dismiss_recovery(report.id)
        except NotesError as err:
            self.service.failed.emit(str(err))
        self.reports = []
