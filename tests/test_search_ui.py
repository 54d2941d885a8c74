"""The library search in the window: adding folders indexes them in the background, typing shows
hits grouped by call, filters narrow, a hit opens its file at the paragraph with the terms marked,
the watcher re-indexes changed files, a damaged index is rebuilt, Cancel stops indexing, and the
GUI thread is never held long while it runs. The library and the index are real, in the test's
own data directory (tests/conftest.py)."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTreeWidgetItem  # noqa: E402

from reader import runtime  # noqa: E402
from reader.core import paths  # noqa: E402
from reader.core.find import fold  # noqa: E402
from reader.core.search.indexer import index_dir  # noqa: E402
from reader.core.search.searcher import Hit  # noqa: E402
from reader.ui.config import Settings  # noqa: E402
from reader.ui.search.panel import HIT, SearchPanel  # noqa: E402
from reader.ui.search.types import SearchRequest  # noqa: E402
from reader.ui.widgets.html_delegate import HTML_ROLE  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = sorted(p for p in FIXTURES.glob("*.txt") if p.name != "not_a_transcript.txt")
CALLS_IN_FIXTURES = 10  # 8 files; the two multi-call files hold two calls each


@pytest.fixture
def window(qtbot, make_window) -> MainWindow:
    w = make_window()
    qtbot.waitUntil(lambda: w.search.service.snapshot is not None and not w.search.service.indexing)
    return w


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the fixtures (the recipe included: it is no transcript and is skipped)."""
    target = tmp_path / "calls"
    target.mkdir()
    for p in FIXTURES.glob("*.txt"):
        shutil.copy(p, target / p.name)
    return target


def many(tmp_path: Path, n: int) -> Path:
    """``n`` transcript files, no two alike (a word of each differs, so fingerprints differ)."""
    target = tmp_path / "many"
    target.mkdir()
    for i in range(n):
        source = TRANSCRIPTS[i % len(TRANSCRIPTS)]
        text = source.read_text(encoding="utf-8").replace(" the ", f" the {i} ", 1)
        (target / f"{i:03d}-{source.name}").write_text(text, encoding="utf-8")
    return target


def settle(qtbot, w: MainWindow, timeout: int = 30000) -> None:
    """Wait until the service has read the library and no update runs or is due."""
    s = w.search.service
    qtbot.waitUntil(
        lambda: (
            s.snapshot is not None
            and not s.indexing
            and s._pending is None
            and not s._watch_timer.isActive()
            and not any(j for j in s._jobs)
        ),
        timeout=timeout,
    )


def index(qtbot, w: MainWindow, *paths: Path) -> None:
    w.search.add([str(p) for p in paths])
    qtbot.waitUntil(lambda: w.search.service.indexing or w.search.service.last_report is not None)
    settle(qtbot, w)


def search(qtbot, w: MainWindow, text: str) -> SearchPanel:
    panel = w.search.show_search()
    assert panel is not None
    panel.query.setText(text)  # no Enter: results follow the typing
    qtbot.waitUntil(
        lambda: (
            panel.request is not None
            and panel.request.text == text
            and (panel.results is not None or panel.error.isVisible())
        ),
        timeout=10000,
    )
    return panel


def groups(panel: SearchPanel) -> dict[str, list[Hit]]:
    out = {}
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        hits = [group.child(j).data(0, HIT) for j in range(group.childCount())]
        if hits:
            out[group.text(0)] = hits
    return out


def hits(panel: SearchPanel) -> list[Hit]:
    return [h for hs in groups(panel).values() for h in hs]


def choose(panel: SearchPanel, name: str, value: str) -> None:
    box = panel.filters[name]
    at = box.findData(value)
    assert at > 0, [box.itemData(i) for i in range(box.count())]
    box.setCurrentIndex(at)


def placeholder(panel: SearchPanel) -> str:
    return panel.tree.topLevelItem(0).text(0) if panel.tree.topLevelItemCount() else ""


def table(library) -> list[list[str]]:
    """The library panel's rows as shown (sorted and filtered), column by column."""
    model = library.calls.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def click(qtbot, panel: SearchPanel, item: QTreeWidgetItem) -> None:
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- the library ---------------------------------------------------------------------------------


def test_an_empty_library_says_what_to_do(qtbot, window):
    panel = window.search.show_search()
    assert "Add folders to the library" in placeholder(panel)
    assert panel.add_folder.isVisible()
    library = window.search.show_library()
    assert library.hint.isVisible() and "Add folders" in library.hint.text()


def test_adding_a_folder_indexes_it_in_the_background(qtbot, window, folder):
    s = window.search.service
    library = window.search.show_library()
    seen = []
    s.indexProgress.connect(lambda p: seen.append((p.phase, p.done_files, p.total_files)))
    with qtbot.waitSignal(s.indexFinished, timeout=30000) as finished:
        window.search.add([str(folder)])
        qtbot.waitUntil(lambda: s.indexing)
        assert library.progress.isVisible() and library.cancel.isVisible()
    report = finished.args[0]
    assert report.read == 9 and len(report.failed) == 1
    assert report.indexed == 7  # multi_call_noheader.txt holds the text of multi_call.txt
    assert ("reading", 9, 9) in seen
    settle(qtbot, window)
    assert not library.progress.isVisible()
    rows = table(library)
    assert len(rows) == CALLS_IN_FIXTURES and library.calls.isVisible() and not library.hint.isVisible()
    assert {r[0] for r in rows} >= {"Corvane Robotics", "Pennant Foods", "Jadeport Logistics"}
    assert library.roots.count() == 1 and str(folder) in library.roots.item(0).text()
    assert "10 calls in the library" in library.status.text()
    # The index is in the app's cache, nothing next to the transcripts.
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in FIXTURES.glob("*.txt"))
    assert index_dir().is_relative_to(paths.cache_dir()) and any(index_dir().iterdir())


def test_the_library_panel_sorts_and_opens_a_call(qtbot, window, folder):
    index(qtbot, window, folder)
    library = window.search.show_library()
    library.calls.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    companies = [r[0] for r in table(library)]
    assert companies == sorted(companies, key=str.casefold)
    library.calls.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    periods = [r[1] for r in table(library)]
    assert periods[0] == "Q3 2025" and periods[-1] == "Q4 2024"
    library.filter.setText("pennant multi_call.txt")
    assert [(r[0], r[3]) for r in table(library)] == [("Pennant Foods", "multi_call.txt")]
    assert "Victor Lam" in table(library)[0][2] and "Operator" not in table(library)[0][2]
    library.calls.activated.emit(library.calls.model().index(0, 0))
    view = window.view()
    qtbot.waitUntil(lambda: view.transcript is not None and view.call == 1, timeout=10000)
    assert view.path.name == "multi_call.txt"
    assert view.transcript.paragraphs[view.top_paragraph()].call == 1


def test_removing_a_folder_takes_its_calls_out(qtbot, window, folder):
    index(qtbot, window, folder)
    library = window.search.show_library()
    library.roots.setCurrentRow(0)
    library.remove.click()
    qtbot.waitUntil(lambda: window.search.service.snapshot.roots == [])
    settle(qtbot, window)
    assert window.search.service.snapshot.calls == []
    assert search(qtbot, window, "margin").results is None or not hits(window.search.search_panel)


def test_a_file_opened_in_the_window_joins_the_library(qtbot, window, tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    path = own / "simplified.txt"
    shutil.copy(FIXTURES / "simplified.txt", path)
    view = window.open_path(path)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    qtbot.waitUntil(
        lambda: any(c.path == str(path) for c in window.search.service.snapshot.calls), timeout=20000
    )
    assert [(r.path, r.kind) for r in window.search.service.snapshot.roots] == [(str(path), "recent")]
    settle(qtbot, window)
    panel = search(qtbot, window, "Jadeport")
    assert hits(panel) and {h.path for h in hits(panel)} == {str(path)}


# --- searching -----------------------------------------------------------------------------------


def test_typing_shows_hits_grouped_by_call(qtbot, window, folder):
    index(qtbot, window, folder)
    window.action(MainAction.SEARCH).trigger()
    panel = window.search.search_panel
    assert window.search.search_dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.query)
    assert "Type words" in placeholder(panel)
    search(qtbot, window, "margin")
    found = groups(panel)
    assert "Corvane Robotics Q2 2025 \u2014 basic.txt (3)" in found
    assert all(
        h.path == str(folder / "basic.txt") for h in found["Corvane Robotics Q2 2025 \u2014 basic.txt (3)"]
    )
    for label, group_hits in found.items():
        assert len({(h.path, h.call) for h in group_hits}) == 1, label
    total = sum(len(v) for v in found.values())
    assert total == panel.results.total == 10
    assert panel.count.text().startswith("10 paragraphs in ")
    assert panel.count.text().split(" in ")[1].startswith(f"{len(panel.results.facets['call'])} calls")
    first = panel.first_hit()
    html = first.data(0, HTML_ROLE)
    hit = first.data(0, HIT)
    assert hit.speaker in html and "margin" in html.lower()
    assert "<b style='background-color:" in html
    assert hit.zh and html.count("<br>") == 2  # speaker line, the English hit, its Chinese counterpart


def test_a_simplified_query_finds_traditional_text_and_shows_it_as_the_file_has_it(qtbot, window, folder):
    index(qtbot, window, folder)
    panel = search(qtbot, window, "营收")
    found = hits(panel)
    assert found and panel.results.total == 8
    basic = [h for h in found if Path(h.path).name in ("translated_titles.txt", "basic.txt")]
    assert basic
    for h in basic:
        assert h.matched[0] == "zh" and "營收" in h.zh
    item = next(
        panel.tree.topLevelItem(i).child(j)
        for i in range(panel.tree.topLevelItemCount())
        for j in range(panel.tree.topLevelItem(i).childCount())
        if panel.tree.topLevelItem(i).child(j).data(0, HIT) is basic[0]
    )
    html = item.data(0, HTML_ROLE)
    assert "'>營收</b>" in html  # marked in Traditional, as the file has it
    # The Chinese snippet comes first, its English counterpart under it.
    body = html.split("<br>")
    assert "營收" in body[1] and basic[0].en[:20].replace("'", "&#x27;") in body[2]
    same = search(qtbot, window, "營收")
    assert same.results.total == 8


def test_filters_narrow_the_hits(qtbot, window, folder):
    index(qtbot, window, folder)
    panel = search(qtbot, window, "margin")
    total = panel.results.total
    roles = {h.role for h in hits(panel)}
    assert roles >= {"management", "analyst"}
    assert panel.filters["role"].itemText(panel.filters["role"].findData("analyst")) == "Analyst (2)"

    def answered(n_filters: int) -> bool:
        return (
            panel.request is not None
            and len(panel.request.filters) == n_filters
            and panel.results is not None
        )

    choose(panel, "role", "analyst")
    qtbot.waitUntil(lambda: answered(1) and panel.results.total < total)
    assert {h.role for h in hits(panel)} == {"analyst"} and panel.results.total == 2
    panel.filters["role"].setCurrentIndex(0)
    qtbot.waitUntil(lambda: answered(0) and panel.results.total == total)

    choose(panel, "company", "Corvane Robotics")
    qtbot.waitUntil(lambda: answered(1) and panel.results.total == 3)
    assert list(groups(panel)) == ["Corvane Robotics Q2 2025 \u2014 basic.txt (3)"]
    # The chosen filter keeps its list: another company can be picked straight away.
    choose(panel, "company", "Quillon Energy")
    qtbot.waitUntil(lambda: answered(1) and {h.company for h in hits(panel)} == {"Quillon Energy"})
    panel.filters["company"].setCurrentIndex(0)

    choose(panel, "section", "qa")
    qtbot.waitUntil(lambda: answered(1) and {h.section for h in hits(panel)} == {"qa"})
    panel.filters["section"].setCurrentIndex(0)
    speaker = hits(panel)[0].speaker
    qtbot.waitUntil(lambda: answered(0) and panel.filters["speaker"].findData(speaker) > 0)
    choose(panel, "speaker", speaker)
    qtbot.waitUntil(lambda: answered(1) and {h.speaker for h in hits(panel)} == {speaker})
    panel.filters["speaker"].setCurrentIndex(0)

    qtbot.waitUntil(lambda: answered(0) and panel.results.total == total)
    choose(panel, "period", "Q4 2024")
    qtbot.waitUntil(lambda: answered(1) and {h.period for h in hits(panel)} == {"Q4 2024"})
    panel.filters["period"].setCurrentIndex(0)

    choose(panel, "lang", "zh")  # "margin" is an English word: in Chinese text it is rarely there
    qtbot.waitUntil(lambda: panel.request.lang == "zh" and panel.results is not None)
    assert panel.results.total < total
    assert all("zh" in h.matched for h in hits(panel))


def test_sorting_by_date_puts_the_newest_calls_first(qtbot, window, folder):
    index(qtbot, window, folder)
    panel = search(qtbot, window, "margin")
    panel.sort.setCurrentIndex(panel.sort.findData("date"))
    qtbot.waitUntil(lambda: panel.request.sort == "date" and panel.results is not None)
    periods = [h.period for h in hits(panel)]
    order = {"Q4 2024": 0, "Q1 2025": 1, "Q2 2025": 2, "Q3 2025": 3}
    keys = [order[p] for p in periods]
    assert keys == sorted(keys, reverse=True)


def test_a_query_error_is_said_under_the_field(qtbot, window, folder, monkeypatch):
    index(qtbot, window, folder)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail("no dialog for a query error"))
    panel = search(qtbot, window, "margin")
    panel.query.setText("margin )")
    qtbot.waitUntil(lambda: panel.error.isVisible(), timeout=5000)
    assert "unbalanced ')'" in panel.error.text()
    panel.query.setText("role:nobody margin")
    qtbot.waitUntil(lambda: "unknown role" in panel.error.text(), timeout=5000)
    search(qtbot, window, "margin OR revenue")
    assert not panel.error.isVisible() and hits(panel)


def test_show_more_adds_the_next_page(qtbot, window, folder, monkeypatch):
    monkeypatch.setattr("reader.ui.search.panel.PAGE", 4)
    index(qtbot, window, folder)
    panel = search(qtbot, window, "margin")
    assert len(hits(panel)) == 4 and panel.results.total == 10
    last = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1)
    assert last.text(0) == "Show more results\u2026"
    click(qtbot, panel, last)
    qtbot.waitUntil(lambda: panel.results is not None and len(hits(panel)) == 8)


def test_the_newest_search_wins(qtbot, window, folder):
    index(qtbot, window, folder)
    s = window.search.service
    answered = []
    s.searched.connect(lambda request, results: answered.append(request.text))
    for text in ("margin", "revenue", "營收", "guidance"):
        s.search(SearchRequest(text))
    qtbot.waitUntil(lambda: "guidance" in answered, timeout=10000)
    qtbot.wait(300)
    assert answered == ["guidance"]


# --- opening a hit -------------------------------------------------------------------------------


def test_clicking_a_hit_opens_its_file_at_the_paragraph_with_the_terms_marked(qtbot, window, folder):
    index(qtbot, window, folder)
    panel = search(qtbot, window, '"gross margin"')
    item = panel.first_hit()
    hit = item.data(0, HIT)
    click(qtbot, panel, item)
    view = window.view()
    assert view is not None and view.path == Path(hit.path)
    qtbot.waitUntil(lambda: view.transcript is not None and bool(view.finding.matches), timeout=10000)
    p = view.transcript.paragraphs[hit.paragraph]
    assert {m.paragraph for m in view.finding.matches} == {hit.paragraph}
    marked = {fold((p.en if m.lang == "en" else p.zh)[m.start : m.end]) for m in view.finding.matches}
    assert "gross margin" in marked
    pane = view.active_pane()
    top, scrolled = pane.row_top(view.row_of[hit.paragraph]), pane.verticalScrollBar().value()
    assert scrolled <= top < scrolled + pane.viewport().height()  # the paragraph is on screen
    # The marks are painted in the panes, as a Find's would be.
    assert any(pane._layers.get("find") for pane in view.panes())

    # Another hit of the file already open: shown and marked at once, in the same tab.
    panel = search(qtbot, window, "margin")
    other = next(h for h in hits(panel) if h.path == hit.path and h.paragraph != hit.paragraph)
    assert window.search.open_hit(other) is view and window.tabs.count() == 1
    assert {m.paragraph for m in view.finding.matches} == {other.paragraph}


def test_a_hit_in_the_second_call_of_a_file_switches_call(qtbot, window, folder):
    index(qtbot, window, folder)
    panel = search(qtbot, window, "Pennant")
    hit = next(h for h in hits(panel) if Path(h.path).name == "multi_call.txt" and h.call == 1)
    view = window.search.open_hit(hit)
    qtbot.waitUntil(
        lambda: view.transcript is not None and view.call == 1 and bool(view.finding.matches), timeout=10000
    )
    assert {m.paragraph for m in view.finding.matches} == {hit.paragraph}


# --- keeping the index in step ------------------------------------------------------------------


def test_changed_new_and_deleted_files_are_reindexed_after_the_watcher_fires(qtbot, window, folder):
    index(qtbot, window, folder)
    s = window.search.service
    assert str(folder) in s.watcher.directories()
    panel = search(qtbot, window, "zephyrine")
    assert panel.results.total == 0
    basic = folder / "basic.txt"
    text = basic.read_text(encoding="utf-8")
    with qtbot.waitSignal(s.indexFinished, timeout=20000):
        basic.write_text(text.replace("gross margin", "zephyrine margin", 1), encoding="utf-8")
    settle(qtbot, window)
    panel = search(qtbot, window, "zephyrine")  # the panel asked again when the index changed
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.total == 1)
    assert hits(panel)[0].path == str(basic)

    with qtbot.waitSignal(s.indexFinished, timeout=20000):
        shutil.copy(FIXTURES / "english_only.txt", folder / "sub-copy.txt")  # a copy: no new call text
        (folder / "new.txt").write_text(text.replace("Corvane", "Zellmore"), encoding="utf-8")
    settle(qtbot, window)
    assert any(c.company == "Zellmore Robotics" for c in s.snapshot.calls)

    with qtbot.waitSignal(s.indexFinished, timeout=20000):
        (folder / "new.txt").unlink()
    settle(qtbot, window)
    assert not any(c.company == "Zellmore Robotics" for c in s.snapshot.calls)
    panel = search(qtbot, window, "Zellmore")
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.total == 0)


def test_a_damaged_index_is_rebuilt_in_the_background(qtbot, window, folder):
    index(qtbot, window, folder)
    panel = search(qtbot, window, "margin")
    assert panel.results.total == 10
    for p in index_dir().iterdir():  # garbage over every file of the index
        if p.is_file():
            p.write_bytes(os.urandom(max(64, p.stat().st_size)))
    s = window.search.service
    rebuilt = []
    s.indexFinished.connect(lambda report: rebuilt.append(report.rebuilt))
    panel.query.setText("margins")
    qtbot.waitUntil(lambda: bool(rebuilt), timeout=30000)
    assert rebuilt[0] is not None
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.total == 10, timeout=10000)


def test_a_damaged_index_found_at_start_is_rebuilt(qtbot, tmp_path, folder):
    first = MainWindow(Settings(QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)), quiet=True)
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.search.service.snapshot is not None)
    index(qtbot, first, folder)
    first.search.service.close()
    first.close()
    for p in index_dir().iterdir():
        if p.is_file():
            p.write_bytes(b"\0garbage" * 40)
    w = MainWindow(Settings(QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)), quiet=True)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.search.service.indexFinished, timeout=30000) as finished:
        pass
    assert finished.args[0].rebuilt is not None
    settle(qtbot, w)
    assert search(qtbot, w, "margin").results.total == 10
    w.search.service.close()
    w.notes.service.close()


def test_cancel_stops_indexing(qtbot, window, tmp_path, monkeypatch):
    from reader.core.search import indexer

    big = many(tmp_path, 40)
    s = window.search.service
    library = window.search.show_library()
    clicked = threading.Event()
    real_add_files = indexer.add_files

    def add_files(builder, paths_, skip, on_file=None, cancelled=None):
        def read_one(result) -> None:  # after the first file, wait for the user's click
            on_file(result)
            clicked.wait(10)

        return real_add_files(builder, paths_, skip, read_one, cancelled)

    monkeypatch.setattr(indexer, "add_files", add_files)
    finished = []
    s.indexFinished.connect(finished.append)

    def cancel_while_reading(p) -> None:
        if p.phase == "reading" and library.cancel.isVisible():
            library.cancel.click()
            clicked.set()

    s.indexProgress.connect(cancel_while_reading)
    with qtbot.waitSignal(s.indexEnded, timeout=30000):
        window.search.add([str(big)])
    s.indexProgress.disconnect(cancel_while_reading)
    assert clicked.is_set() and finished == []
    assert "cancelled" in window.statusBar().currentMessage()
    assert not library.progress.isVisible()
    assert len(s.snapshot.calls) < 40
    s.update()  # indexing again takes up where it stopped
    qtbot.waitUntil(lambda: bool(finished), timeout=30000)
    settle(qtbot, window)
    assert len({c.path for c in s.snapshot.calls}) == 40


def test_the_gui_thread_runs_while_indexing(qtbot, window, tmp_path):
    """Indexing runs on workers: the GUI thread's timer keeps firing meanwhile. How long its
    longest gap is belongs to the benchmarks (bench/stall_probe.py), not to a test."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(runtime.WINDOW_SWITCH_INTERVAL)  # as the app runs
    try:
        big = many(tmp_path, 40)
        s = window.search.service
        window.search.show_library()
        clock = QElapsedTimer()
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
        clock.start()
        timer.start()
        started = time.perf_counter()
        with qtbot.waitSignal(s.indexFinished, timeout=60000) as finished:
            window.search.add([str(big)])
        timer.stop()
        seconds = time.perf_counter() - started
    finally:
        sys.setswitchinterval(previous)
    assert finished.args[0].indexed == 40
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    print(f"\nindexing 40 files took {seconds:.2f} s; {len(ticks)} ticks, longest GUI gap {max(gaps)} ms")
    assert len(ticks) >= 2


def test_hits_of_a_file_changed_since_indexing_are_left_out_and_said(qtbot, window, folder):
    index(qtbot, window, folder)
    s = window.search.service
    s.watcher.blockSignals(True)  # as if the change came before the watcher's turn
    basic = folder / "basic.txt"
    basic.write_text(basic.read_text(encoding="utf-8").replace("Revenue", "Turnover"), encoding="utf-8")
    panel = search(qtbot, window, "margin")
    assert panel.results.stale == 3 and str(basic) not in {h.path for h in hits(panel)}
    assert "3 left out: their files changed" in panel.count.text()
    # Those hits make the service index the file again; the panel then asks again.
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.stale == 0, timeout=20000)
    assert str(basic) in {h.path for h in hits(panel)}


def test_an_index_held_by_another_indexer_is_retried(qtbot, window, folder):
    from whoosh import index as whoosh_index

    from reader.core.search.segments import INDEX_NAME

    index(qtbot, window, folder)
    s = window.search.service
    s._retry.setInterval(200)
    lock = whoosh_index.open_dir(str(index_dir()), indexname=INDEX_NAME).lock("WRITELOCK")
    assert lock.acquire(blocking=False)  # the command line, indexing
    try:
        with qtbot.waitSignal(s.indexEnded, timeout=10000):
            s.update()
        assert "another program" in window.statusBar().currentMessage()
        assert s._retry.isActive()
    finally:
        lock.release()
    with qtbot.waitSignal(s.indexFinished, timeout=10000):
        pass  # the retry, now the index is free


def test_a_damaged_library_store_is_set_aside_and_said(qtbot, tmp_path):
    store = paths.data_dir() / "library.sqlite3"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"this is not a database" * 50)
    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), quiet=True)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: "set aside" in w.statusBar().currentMessage(), timeout=10000)
    assert w.search.service.snapshot is not None and w.search.service.empty
    assert list(store.parent.glob("library.sqlite3.damaged-*"))
    w.search.service.close()
    w.notes.service.close()


def test_the_restored_layout_builds_the_panels_it_shows(qtbot, tmp_path):
    settings = str(tmp_path / "s.ini")
    first = MainWindow(Settings(QSettings(settings, QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.search.open_search()
    first.action(MainAction.LIBRARY_PANEL).trigger()
    assert first.search.library_dock.isVisible()
    first.close()
    first.search.service.close()
    second = MainWindow(Settings(QSettings(settings, QSettings.Format.IniFormat)))
    qtbot.addWidget(second)
    assert second.search.search_panel is not None and second.search.library_panel is not None
    assert second.action(MainAction.LIBRARY_PANEL).isChecked()
    qtbot.waitUntil(lambda: second.search.service.snapshot is not None)
    second.search.service.close()
    first.notes.service.close()
    second.notes.service.close()


def test_a_scripted_run_leaves_the_library_alone(qtbot, tmp_path):
    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), read_only=True))
    qtbot.addWidget(w)
    view = w.open_path(FIXTURES / "basic.txt")
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    qtbot.wait(100)
    assert w.search.service.snapshot is None and not w.search.service._jobs
    assert not (paths.data_dir() / "library.sqlite3").exists()
    w.notes.service.close()


def test_the_library_is_opened_once_the_first_file_is_ready_not_while_it_opens(qtbot, tmp_path):
    """Opening the library imports Whoosh on a worker (~70 ms holding the GIL): a window opening
    a file starts it when that file is ready; a window opening none starts it at once."""

    from reader.ui.config import Settings

    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)), quiet=True)
    qtbot.addWidget(w)
    started: list[bool] = []
    w.search.service.start = lambda: started.append(True)  # type: ignore[method-assign]
    view = w.open_path(FIXTURES / "basic.txt")
    w.show()
    with qtbot.waitSignal(view.textPainted, timeout=10000):
        pass
    assert started == []
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    qtbot.waitUntil(lambda: started == [True], timeout=2000)
    qtbot.wait(50)
    assert started == [True]  # once
    w.search.service.close()
    w.notes.service.close()
