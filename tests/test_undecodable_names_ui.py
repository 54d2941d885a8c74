"""A file name that is not valid UTF-8 is shown readably in the library and notes panels: its
undecodable byte as ``\\xff`` (Qt would silently drop it, showing another file's name)."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("PySide6")

from notes_helpers import BASIC_TEXT, add, opened, write  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from reader.core.search.library import CallEntry, Root  # noqa: E402
from reader.ui.notes.panel import NotesPanel  # noqa: E402
from reader.ui.notes.service import NotesService  # noqa: E402
from reader.ui.search.library_panel import COLUMNS, CallsModel, LibraryPanel  # noqa: E402
from reader.ui.search.service import SearchService  # noqa: E402
from reader.ui.search.types import Snapshot  # noqa: E402

BAD = os.fsdecode(b"bad\xffname.txt")  # what Python gives for the name: a lone surrogate
SHOWN = "bad\\xffname.txt"


def test_the_library_shows_an_undecodable_name_readably(qtbot, tmp_path):
    path = str(tmp_path / BAD)
    call = CallEntry(path, "f" * 40, 0, "Acme", "Q1 2025", 20251, 0.0, [], 3)
    model = CallsModel()
    model.set_calls([call], {})
    assert model.data(model.index(0, COLUMNS.index("file"))) == SHOWN
    assert model.data(model.index(0, COLUMNS.index("file")), Qt.ItemDataRole.ToolTipRole).endswith(SHOWN)
    service = SearchService(library_path=tmp_path / "lib.sqlite3", index_dir=tmp_path / "index")
    request_close(service)
    panel = LibraryPanel(service)
    qtbot.addWidget(panel)
    panel.set_snapshot(Snapshot(roots=[Root(str(tmp_path / BAD), "file")], calls=[call]))
    item = panel.roots.item(0)
    assert SHOWN in item.text() and item.toolTip().endswith(SHOWN)
    removed, opened_paths = [], []
    service.remove = removed.append
    panel.openRequested.connect(lambda p, first: opened_paths.append(p))
    panel.roots.setCurrentRow(0)
    panel._remove()
    assert removed == [str(tmp_path / BAD)]  # the path itself, not one Qt dropped a byte of
    panel.openRequested.emit(path, 0)
    assert opened_paths == [path]


def test_the_notes_panel_shows_an_undecodable_name_readably(qtbot, tmp_path, store):
    t, _ = opened(store, write(tmp_path / BAD, BASIC_TEXT))
    add(store, t, 1, text="a note on a file with an odd name")
    service = NotesService(store.path)
    request_close(service)
    panel = NotesPanel(service)
    qtbot.addWidget(panel)
    panel.set_document(None)  # every file's notes, grouped by file
    panel.refresh()
    labels = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert any(label.endswith(SHOWN) for label in labels), labels


_open_services: list = []


def request_close(service) -> None:
    """Closed after the test whatever it found: a service left open (its worker, its watcher)
    brought a later test down."""
    _open_services.append(service)


@pytest.fixture(autouse=True)
def _close_services():
    yield
    while _open_services:
        _open_services.pop().close()
