"""Notes recovered from a damaged store are told in a banner above the tabs (how many, where the
damaged copy is kept) every time the app starts, until the reader dismisses it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from notes_helpers import BASIC_TEXT, add, opened, write  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from reader.core.notes.store import NotesStore  # noqa: E402
from reader.core.paths import data_dir  # noqa: E402
from reader.ui import i18n  # noqa: E402
from reader.ui.config import Settings  # noqa: E402
from reader.ui.widgets.banner import Banner, BannerArea  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

PAGE = 4096


def _damaged_store(tmp_path: Path, notes: int = 3) -> None:
    """A store with `notes` notes whose first page is overwritten (as tests/test_notes_salvage.py
    does): the next open sets it aside and recovers every note."""
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        for i in range(notes):
            add(store, t, i, text=f"note {i}")
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = data_dir() / "notes.sqlite3"
    data = bytearray(path.read_bytes())
    data[:PAGE] = b"\x00" * PAGE
    path.write_bytes(bytes(data))


def _start(qtbot, tmp_path: Path, boxes: list) -> MainWindow:
    """A window as the app starts it (not quiet), its notes store open."""
    window = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.notes.service.is_open, timeout=10000)
    qtbot.wait(20)  # the announcement comes in a turn of its own
    return window


def _banner(window: MainWindow) -> Banner | None:
    area = window.centralWidget()
    assert isinstance(area, BannerArea) and area.content is window.tabs
    found = [b for b in area.banners() if b.objectName() == "notes-recovered"]
    return found[0] if found else None


def _close(window: MainWindow) -> None:
    window.search.service.close()
    window.notes.service.close()
    window.close()


def test_the_banner_says_what_was_recovered_until_dismissed(qtbot, tmp_path, monkeypatch):
    boxes: list = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(args))
    _damaged_store(tmp_path, notes=3)
    kept = []
    for _start_number in range(2):  # told at every start
        window = _start(qtbot, tmp_path, boxes)
        banner = _banner(window)
        assert banner is not None and banner.isVisible()
        text = banner.label.text()
        assert "3 notes were recovered" in text
        kept.append(text.split("kept at ", 1)[1])
        assert Path(kept[-1]).is_file() and ".damaged" in kept[-1]
        # above the tabs
        assert (
            banner.mapTo(window, banner.rect().bottomLeft()).y()
            <= window.tabs.mapTo(window, window.tabs.rect().topLeft()).y()
        )
        if _start_number == 0:
            _close(window)
    assert kept[0] == kept[1]
    assert boxes == []  # the banner says it: no box over it
    banner.dismiss.click()
    assert _banner(window) is None
    with NotesStore() as store:
        assert store.recovery_reports() == []
        assert len(store.recovery_reports(include_dismissed=True)) == 1
    assert Path(kept[0]).is_file()  # the damaged copy is kept
    _close(window)
    window = _start(qtbot, tmp_path, boxes)
    assert _banner(window) is None  # dismissed: not told again
    assert len(window.notes.service.notes(None)) == 3
    _close(window)


def test_the_banner_shows_the_damaged_copy_in_its_folder(qtbot, tmp_path, monkeypatch):
    opened_urls = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened_urls.append(url.toLocalFile()) or True
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    _damaged_store(tmp_path, notes=1)
    window = _start(qtbot, tmp_path, [])
    banner = _banner(window)
    assert banner is not None and "1 note was recovered" in banner.label.text()
    (show,) = [b for b in banner.findChildren(type(banner.dismiss)) if b is not banner.dismiss]
    show.click()
    assert opened_urls == [str(data_dir())]
    _close(window)


def test_a_healthy_store_shows_no_banner(qtbot, tmp_path):
    with NotesStore():
        pass
    window = _start(qtbot, tmp_path, [])
    assert _banner(window) is None
    _close(window)


def test_the_banner_follows_a_change_of_the_interface_language(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    _damaged_store(tmp_path, notes=3)
    window = _start(qtbot, tmp_path, [])
    banner = _banner(window)
    assert banner is not None and "3 notes were recovered" in banner.label.text()
    (show,) = [banner.buttons.itemAt(i).widget() for i in range(banner.buttons.count())]
    try:
        i18n.install_translators(qapp, "zh_TW")
        qtbot.waitUntil(lambda: "3 notes were recovered" not in banner.label.text(), timeout=3000)
        assert "3" in banner.label.text() and show.text() != "Show the Damaged Copy"
        assert banner.dismiss.text() != "Dismiss"
    finally:
        i18n.install_translators(qapp, "en")
    qtbot.waitUntil(lambda: "3 notes were recovered" in banner.label.text(), timeout=3000)
    assert show.text() == "Show the Damaged Copy" and banner.dismiss.text() == "Dismiss"
    _close(window)
