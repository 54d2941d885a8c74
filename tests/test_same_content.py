"""One tab per content: a copy of a file open already (same fingerprint, another path) shows the
tab open already, at the paragraph asked for, whether the library knew its fingerprint before
opening or the parse told it after. The library's Date column is the call's period, the file's
date only without one, and sorts in time."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.core.search.library_records import CallEntry  # noqa: E402
from reader.ui.search.library_panel import DATE, CallsModel  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def copies(tmp_path):
    """A call in one folder, and the same bytes under another name in another folder."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    original = tmp_path / "a" / "long_call.txt"
    copy = tmp_path / "b" / "downloaded again.txt"
    shutil.copy(FIXTURES / "place" / "long_call.txt", original)
    shutil.copy(FIXTURES / "place" / "long_call.txt", copy)
    return original, copy


def ready(qtbot, view):
    qtbot.waitUntil(lambda: view.transcript is not None and not view.settling(), timeout=10000)
    return view


def test_opening_a_copy_shows_the_tab_that_has_it(qtbot, make_window, copies):
    original, copy = copies
    window = make_window()
    first = ready(qtbot, window.open_path(original))
    window.open_path(copy)
    qtbot.waitUntil(lambda: len(window.views()) == 1, timeout=10000)
    assert window.views() == [first] and window.view() is first
    message = window.statusBar().currentMessage()
    assert "downloaded again.txt" in message and "long_call.txt" in message
    assert window.tabs.count() == 1


def test_a_go_to_in_a_copy_goes_there_in_the_tab_kept(qtbot, make_window, copies):
    original, copy = copies
    window = make_window()
    first = ready(qtbot, window.open_path(original))
    window.open_at(copy, 20)
    qtbot.waitUntil(lambda: len(window.views()) == 1 and not first.settling(), timeout=10000)
    assert window.view() is first
    qtbot.waitUntil(lambda: abs(first.top_paragraph() - 20) <= 2, timeout=5000)


def test_a_reload_that_makes_two_tabs_alike_keeps_both(qtbot, make_window, copies, tmp_path):
    """Only a new tab's first reading closes it: a tab the reader has does not vanish."""
    original, _copy = copies
    other = tmp_path / "b" / "other.txt"
    shutil.copy(FIXTURES / "multi_call.txt", other)
    window = make_window()
    ready(qtbot, window.open_path(original))
    second = ready(qtbot, window.open_path(other))
    shutil.copy(original, other)
    second.open(other, keep_position=True)
    ready(qtbot, second)
    assert len(window.views()) == 2


def test_a_library_hit_in_a_copy_goes_to_the_open_tab_without_a_second_one(qtbot, make_window, copies):
    original, copy = copies
    window = make_window()
    service = window.search.service
    qtbot.waitUntil(lambda: service.snapshot is not None and not service.indexing, timeout=30000)
    window.search.add([str(copy.parent)])
    qtbot.waitUntil(
        lambda: (
            service.snapshot is not None
            and not service.indexing
            and any(c.path == str(copy.resolve()) for c in service.snapshot.calls)
        ),
        timeout=30000,
    )
    first = ready(qtbot, window.open_path(original))
    view = window.open_at(copy, 25)  # what a hit in the library's copy does
    assert view is first and window.tabs.count() == 1  # known before opening: no second tab at all
    qtbot.waitUntil(lambda: abs(first.top_paragraph() - 25) <= 2 and not first.settling(), timeout=5000)
    assert "downloaded again.txt" in window.statusBar().currentMessage()


def test_a_changed_file_is_not_taken_for_its_catalogued_content(qtbot, make_window, copies):
    """The catalogue's fingerprint counts only while the file is as the library read it."""
    original, copy = copies
    window = make_window()
    service = window.search.service
    qtbot.waitUntil(lambda: service.snapshot is not None and not service.indexing, timeout=30000)
    window.search.add([str(copy.parent)])
    qtbot.waitUntil(
        lambda: (
            service.snapshot is not None
            and any(c.path == str(copy.resolve()) for c in service.snapshot.calls)
        ),
        timeout=30000,
    )
    first = ready(qtbot, window.open_path(original))
    later = time.time() + 60
    os.utime(copy, (later, later))  # touched since: the parse decides, after opening
    assert window.same.open_tab(copy) is None
    assert window.same.open_tab(original) is first


def entry(company: str, period: str | None, modified: str) -> CallEntry:
    seconds = time.mktime(time.strptime(modified, "%Y-%m-%d"))
    key = 0
    if period:
        quarter, year = period.split()
        key = int(year) * 10 + int(quarter[1])
    return CallEntry(
        path=f"/calls/{company}.txt",
        fingerprint=company,
        call=0,
        company=company,
        period=period,
        period_key=key,
        modified=seconds,
        speakers=[],
        paragraphs=3,
    )


def test_the_date_column_is_the_period_and_sorts_in_time(qtbot):
    model = CallsModel()
    calls = [
        entry("Alder", "Q2 2024", "2026-12-07"),  # a download of today of an old call
        entry("Birch", None, "2023-05-02"),  # no period: its file's date
        entry("Cedar", "Q4 2023", "2026-12-07"),
        entry("Damson", "Q1 2025", "2024-01-01"),
    ]
    model.set_calls(calls, {})
    model.sort(DATE, Qt.SortOrder.AscendingOrder)
    dates = [model.index(r, DATE).data() for r in range(model.rowCount())]
    assert dates == ["2023-05-02", "Q4 2023", "Q2 2024", "Q1 2025"]
    assert model.index(0, DATE).data(Qt.ItemDataRole.ToolTipRole) != model.index(1, DATE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Damson",
        "Alder",
        "Cedar",
        "Birch",
    ]
    assert model.headerData(DATE, Qt.Orientation.Horizontal) == "Date"


def test_a_copy_of_the_same_name_is_told_apart_by_its_folder(qtbot, make_window, copies):
    original, _copy = copies
    same_name = original.parent.parent / "b" / original.name
    shutil.copy(original, same_name)
    window = make_window()
    ready(qtbot, window.open_path(original))
    window.open_path(same_name)
    qtbot.waitUntil(lambda: len(window.views()) == 1, timeout=10000)
    message = window.statusBar().currentMessage()
    assert str(same_name) in message and str(original) in message
