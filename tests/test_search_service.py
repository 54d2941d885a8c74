"""The window's search service keeps updates quick: the watcher's changes are indexed by an
update of those paths only, and segments are merged once the index has been idle (a short idle
time here), never while an update runs; an update asked for during a merge stops it."""

from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("PySide6")

from test_search_index import write_call  # noqa: E402

from reader.core.search.indexer import Indexer, index_dir, storage  # noqa: E402
from reader.core.search.segments import INDEX_NAME  # noqa: E402
from reader.core.search.whoosh_internals import read_toc  # noqa: E402
from reader.ui.search.service import SearchService  # noqa: E402
from reader.ui.search.types import SearchRequest  # noqa: E402

WORDS = ["Hotel", "Juliet", "Kilo", "Lima"]


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "calls"
    root.mkdir()
    write_call(root / "a.txt", company="Alpha Foods", prepared=[("Alpha sales rose.", "銷售上升。")])
    return root


@pytest.fixture
def service(qtbot):
    s = SearchService(merge_delay_ms=150)
    yield s
    s.close()


@pytest.fixture
def calls(monkeypatch):
    """Every Indexer.update and Indexer.merge, as (name, start, end, keyword arguments)."""
    seen: list[tuple[str, float, float, dict]] = []
    for name in ("update", "merge"):
        real = getattr(Indexer, name)

        def spy(self, *args, _real=real, _name=name, **kwargs):
            start = time.monotonic()
            try:
                return _real(self, *args, **kwargs)
            finally:
                seen.append((_name, start, time.monotonic(), kwargs))

        monkeypatch.setattr(Indexer, name, spy)
    return seen


def segments() -> int:
    return len(read_toc(storage(index_dir()).open_index(INDEX_NAME)).segments)


def add(qtbot, service, folder) -> None:
    with qtbot.waitSignal(service.indexFinished, timeout=20000):
        service.add([str(folder)])


def new_call(qtbot, service, folder, i: int) -> None:
    path = write_call(
        folder / f"extra{i}.txt", company=f"{WORDS[i]} Foods", prepared=[("Oscar grew.", "成長。")]
    )
    with qtbot.waitSignal(service.indexFinished, timeout=20000):
        service.update(paths=frozenset({str(path)}))


def search(qtbot, service, text):
    with qtbot.waitSignal(service.searched, timeout=10000) as answered:
        service.search(SearchRequest(text))
    return answered.args[1]


def test_segments_are_merged_once_the_index_is_idle(qtbot, service, folder, calls):
    add(qtbot, service, folder)
    for i in range(3):
        new_call(qtbot, service, folder, i)
    with qtbot.waitSignal(service.indexMerged, timeout=10000, check_params_cb=lambda n: n > 0):
        pass
    assert segments() <= 2
    updates = [(start, end) for name, start, end, _ in calls if name == "update"]
    merges = [start for name, start, _, _ in calls if name == "merge"]
    # The add rebuilds; each later update is of some paths only: the three asked for, and any the
    # folder's watcher asked for when the files were written (how many depends on when its
    # events arrive, which a loaded machine delays past the update they would have joined).
    kinds = [(kw["rebuild"], kw["paths"] is None) for name, _, _, kw in calls if name == "update"]
    assert kinds[0] == (True, True) and len(kinds) >= 4
    assert all(kind == (False, False) for kind in kinds[1:])
    assert merges
    for start in merges:  # each after the index was idle, none while an update ran
        assert start - max(end for begun, end in updates if begun < start) >= 0.1
        assert all(end < start for begun, end in updates if begun < start)
    assert search(qtbot, service, "oscar").total == 3
    assert {h.company for h in search(qtbot, service, "foods").hits} >= {"Alpha Foods", "Hotel Foods"}


def test_an_update_asked_during_a_merge_stops_it_and_runs_first(qtbot, service, folder, calls, monkeypatch):
    add(qtbot, service, folder)
    new_call(qtbot, service, folder, 0)
    real_merge = Indexer.merge  # the spy
    entered, gave_way = threading.Event(), []

    def slow_merge(self, cancelled=None):
        """The first merge lasts until told to stop (then stops as a merge does)."""
        if entered.is_set():
            return real_merge(self, cancelled)
        entered.set()
        start = time.monotonic()
        while not cancelled() and time.monotonic() < start + 10:
            time.sleep(0.01)
        gave_way.append(cancelled())
        try:
            return real_merge(self, cancelled)
        finally:
            calls.append(("merge", start, time.monotonic(), {}))

    monkeypatch.setattr(Indexer, "merge", slow_merge)
    qtbot.waitUntil(entered.is_set, timeout=10000)
    assert service.merging
    path = write_call(folder / "extra1.txt", company="Juliet Foods")
    with qtbot.waitSignal(service.indexFinished, timeout=20000) as finished:
        service.update(paths=frozenset({str(path)}))
    assert gave_way == [True] and finished.args[0].indexed == 1
    with qtbot.waitSignal(service.indexMerged, timeout=10000, check_params_cb=lambda n: n > 0):
        pass  # and the merge came again once the index was idle
    updates = [(start, end) for name, start, end, _ in calls if name == "update"]
    merges = [(start, end) for name, start, end, _ in calls if name == "merge"]
    for update_start, update_end in updates:  # no merge while an update ran
        assert all(end <= update_start or start >= update_end for start, end in merges)
    assert search(qtbot, service, "juliet").total >= 1


def test_the_watcher_asks_for_the_changed_file_only(qtbot, service, folder, calls):
    add(qtbot, service, folder)
    service._watch_timer.setInterval(50)
    qtbot.waitUntil(lambda: str(folder / "a.txt") in service.watcher.files())
    with qtbot.waitSignal(service.indexFinished, timeout=20000) as finished:
        write_call(folder / "a.txt", company="Alpha Foods", prepared=[("Mike sales rose.", "銷售上升。")])
    assert finished.args[0].indexed == 1
    last = [kwargs for name, _, _, kwargs in calls if name == "update"][-1]
    assert last["paths"] == frozenset({str(folder / "a.txt")})
    assert search(qtbot, service, "mike").total == 1
