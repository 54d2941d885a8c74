"""Notes in the window: highlighting a selection, the marks in both panes, the tooltip, the notes
panel and its filters, undo and redo of add/edit/delete, orphans and re-attaching, All notes
across files, and export. The store is the real one, in the test's own data directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QMenu  # noqa: E402

from reader.core.notes.models import Status  # noqa: E402
from reader.core.notes.store import NotesStore  # noqa: E402
from reader.ui.config import Settings  # noqa: E402
from reader.ui.notes.panel import NOTE  # noqa: E402
from reader.ui.view import blocks  # noqa: E402
from reader.ui.view.note_marks import Passage  # noqa: E402
from reader.ui.view.transcript_view import TranscriptView  # noqa: E402
from reader.ui.widgets.html_delegate import HTML_ROLE  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def open_ready(qtbot, window: MainWindow, path: Path) -> TranscriptView:
    """Open a file and wait until it is shown and registered in the notes store (a worker)."""
    view = window.open_path(path)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    qtbot.waitUntil(lambda: view.note_marks.pending is None, timeout=10000)
    return view


def copy_of(tmp_path: Path, name: str = "basic.txt", as_name: str | None = None) -> Path:
    target = tmp_path / "files" / (as_name or name)
    target.parent.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / name, target)
    return target


def select(pane, block, start: int, end: int) -> None:
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start)
    cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def paragraph_block(view: TranscriptView, pane, paragraph: int):
    return next(b for b in pane.blocks_of_row(view.row_of[paragraph]) if blocks.paragraph_of(b) == paragraph)


def note_marks(pane) -> list[str]:
    return [s.cursor.selectedText() for s in pane._layers.get("notes", [])]


def panel_notes(window: MainWindow) -> list:
    tree = window.notes.show_panel().tree
    out, items = [], [tree.invisibleRootItem()]
    while items:
        item = items.pop(0)
        note = item.data(0, NOTE)
        if note is not None:
            out.append(note)
        items.extend(item.child(i) for i in range(item.childCount()))
    return out


def test_highlighting_a_selection_marks_it_and_its_counterpart(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, copy_of(tmp_path))
    t = view.transcript
    p = next(p for p in t.paragraphs if p.en and "quarter" in p.en)
    block = paragraph_block(view, view.left, p.index)
    start = p.en.index("quarter")
    select(view.left, block, start, start + len("quarter"))
    view.left.setFocus()
    window.action(MainAction.HIGHLIGHT).trigger()
    notes = view.note_marks.live
    assert [(n.paragraph, n.anchor.lang, n.anchor.quote, n.color) for n in notes] == [
        (p.index, "en", "quarter", "yellow")
    ]
    assert note_marks(view.left) == ["quarter"]
    assert note_marks(view.right) == []
    zh_block = paragraph_block(view, view.right, p.index)
    # A bare highlight: no filled marker on its own block, an outlined one on the counterpart.
    assert block.blockNumber() not in view.left._markers
    assert view.right._markers[zh_block.blockNumber()][1] is False
    assert [n.id for n in panel_notes(window)] == [notes[0].id]


def test_a_note_shows_a_marker_and_a_tooltip_and_survives_a_new_window(qtbot, window, tmp_path, make_window):
    path = copy_of(tmp_path)
    view = open_ready(qtbot, window, path)
    p = view.transcript.paragraphs[3]
    assert view.note_marks.add(Passage(p.index, "zh", 0, 4), "pink", "Check the <b>translation</b>")
    block = paragraph_block(view, view.right, p.index)
    assert note_marks(view.right) == [p.zh[:4]]
    assert view.right._markers[block.blockNumber()][1] is True
    tip = view._tooltip(block, 1)
    assert "Check the &lt;b&gt;translation&lt;/b&gt;" in tip  # the note, escaped
    assert view._tooltip(block, 10) is None or "Check the" not in view._tooltip(block, 10)
    assert "Check the" in view._tooltip(block, -1)  # the gutter marker
    # Another window (another app run) on the same store shows the same note.
    other = make_window("o.ini")
    v2 = open_ready(qtbot, other, path)
    assert [(n.paragraph, n.anchor.lang, n.text) for n in v2.note_marks.live] == [
        (3, "zh", "Check the <b>translation</b>")
    ]


def test_context_menu_offers_highlight_colours_and_add_note(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, copy_of(tmp_path))
    p = view.transcript.paragraphs[2]
    block = paragraph_block(view, view.left, p.index)
    pos = view.left.cursorRect(QTextCursor(block)).center()
    menu = view.left.createStandardContextMenu(pos)
    view.note_marks.fill_menu(view.left, menu, pos)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Highlight", "Add Note\u2026"]
    colours_menu = menu.actions()[0].menu()
    assert isinstance(colours_menu, QMenu)
    assert [a.text() for a in colours_menu.actions()] == ["Yellow", "Green", "Blue", "Pink", "Purple"]
    colours_menu.actions()[2].trigger()  # blue, on the whole paragraph under the mouse
    assert [(n.paragraph, n.anchor.quote, n.color) for n in view.note_marks.live] == [(p.index, p.en, "blue")]
    menu = view.left.createStandardContextMenu(pos)
    view.note_marks.fill_menu(view.left, menu, pos)
    assert "Remove Highlight" in [a.text() for a in menu.actions()]


def test_edit_delete_with_undo_and_redo(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, copy_of(tmp_path))
    stack = window.notes.service.undo
    view.note_marks.add(Passage(5, "en", 0, 10), "green", "first")
    note = view.note_marks.live[0]
    view.note_marks.edit(note, "second", "purple")
    assert (view.note_marks.live[0].text, view.note_marks.live[0].color) == ("second", "purple")
    view.note_marks.delete(view.note_marks.live[0])
    assert view.note_marks.live == [] and note_marks(view.left) == []
    assert window.action(MainAction.UNDO).isEnabled()
    assert window.action(MainAction.UNDO).text().endswith("Delete Note")
    window.action(MainAction.UNDO).trigger()  # the delete
    assert [(n.id, n.text, n.color) for n in view.note_marks.live] == [(note.id, "second", "purple")]
    stack.undo()  # the edit
    assert (view.note_marks.live[0].text, view.note_marks.live[0].color) == ("first", "green")
    stack.undo()  # the add
    assert view.note_marks.live == []
    assert not window.action(MainAction.UNDO).isEnabled()
    window.action(MainAction.REDO).trigger()
    assert [n.id for n in view.note_marks.live] == [note.id]  # the very same note back
    stack.redo()
    stack.redo()
    assert view.note_marks.live == []
    store = NotesStore()
    assert [n.id for n in store.notes(include_deleted=True)] == [note.id]  # kept, marked deleted
    store.close()


def test_panel_filters_by_colour_speaker_and_text(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, copy_of(tmp_path))
    t = view.transcript
    speakers = {t.turns[p.turn].speaker: p.index for p in t.paragraphs}
    (a, pa), (b, pb) = list(speakers.items())[1:3]
    view.note_marks.add(Passage(pa, "en", 0, 5), "green", "alpha idea")
    view.note_marks.add(Passage(pb, "en", 0, 5), "blue", "beta idea")
    panel = window.notes.show_panel()
    assert len(panel_notes(window)) == 2
    panel.color.setCurrentIndex(panel.color.findData("blue"))
    assert [n.placement.speaker for n in panel_notes(window)] == [b]
    panel.color.setCurrentIndex(0)
    panel.speaker.setCurrentIndex(panel.speaker.findData(a))
    assert [n.text for n in panel_notes(window)] == ["alpha idea"]
    panel.speaker.setCurrentIndex(0)
    panel.text.setText("BETA")
    qtbot.waitUntil(lambda: [n.text for n in panel_notes(window)] == ["beta idea"], timeout=2000)
    assert panel.count.text() == "1 of 2 notes"
    item = panel.tree.topLevelItem(0)
    assert "beta idea" in item.data(0, HTML_ROLE)


def test_clicking_a_note_in_the_panel_goes_to_its_paragraph(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, copy_of(tmp_path, "submitted_questions.txt"))
    t = view.transcript
    target = next(p.index for p in reversed(t.paragraphs[:16]) if t.turns[p.turn].first != p.index)
    view.note_marks.add(Passage(target, "en", 0, 4), "yellow", "")
    assert view.top_paragraph() < target
    panel = window.notes.show_panel()
    panel.tree.itemClicked.emit(panel.tree.topLevelItem(0), 0)
    qtbot.waitUntil(lambda: view.top_paragraph() == target, timeout=3000)


def test_an_edited_file_lists_its_lost_note_as_an_orphan_to_reattach(qtbot, window, tmp_path):
    path = copy_of(tmp_path)
    view = open_ready(qtbot, window, path)
    t = view.transcript
    gone, kept = t.paragraphs[4], t.paragraphs[8]
    view.note_marks.add(Passage(gone.index, "en", 0, len(gone.en)), "pink", "about to vanish")
    view.note_marks.add(Passage(kept.index, "en", 0, 8), "green", "stays")
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[gone.line - 1 : gone.line + 1]  # the paragraph's English and Chinese lines
    window.watcher.blockSignals(True)  # reloaded here, not also by the watcher ("Reloaded ...")
    path.write_text("\n".join(lines), encoding="utf-8")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.open(path, keep_position=True)
    qtbot.waitUntil(lambda: len(view.note_marks.live) == 2 and view.transcript.fingerprint != t.fingerprint)
    qtbot.waitUntil(lambda: {n.status for n in view.note_marks.live} == {Status.ORPHAN, Status.ATTACHED})
    # Carried over on a worker; the window says what happened.
    message = window.statusBar().currentMessage()
    assert "2 notes carried over" in message and "1 could not be placed" in message, message
    orphan = next(n for n in view.note_marks.live if n.status is Status.ORPHAN)
    stays = next(n for n in view.note_marks.live if n.status is not Status.ORPHAN)
    assert orphan.anchor.quote == gone.en and orphan.text == "about to vanish"
    assert stays.paragraph == kept.index - 1
    listed = panel_notes(window)
    assert [n.id for n in listed][-1] == orphan.id  # orphans last, in their own group
    tree = window.notes.show_panel().tree
    assert tree.topLevelItem(tree.topLevelItemCount() - 1).text(0).startswith("Orphans")
    # Re-attach it to a selection in the new file, then undo that.
    target = view.transcript.paragraphs[2]
    select(view.left, paragraph_block(view, view.left, target.index), 0, 5)
    view.left.setFocus()
    window.notes.show_panel().tree.setCurrentItem(window.notes.show_panel().tree.topLevelItem(1).child(0))
    window.notes.show_panel().reattach_button.click()
    back = next(n for n in view.note_marks.live if n.id == orphan.id)
    assert (back.status, back.paragraph, back.anchor.quote) == (Status.ATTACHED, target.index, target.en[:5])
    window.notes.service.undo.undo()
    again = next(n for n in view.note_marks.live if n.id == orphan.id)
    assert again.status is Status.ORPHAN and again.anchor.quote == gone.en


def test_all_notes_lists_every_file_and_opens_the_other_one(qtbot, window, tmp_path):
    first = copy_of(tmp_path, "basic.txt")
    second = copy_of(tmp_path, "simplified.txt")
    v1 = open_ready(qtbot, window, first)
    v1.note_marks.add(Passage(2, "en", 0, 6), "green", "in basic")
    v2 = open_ready(qtbot, window, second)
    v2.note_marks.add(Passage(6, "zh", 0, 2), "blue", "in simplified")
    window.close_tab(window.tabs.indexOf(v2))
    panel = window.notes.show_panel()
    window.tabs.setCurrentWidget(v1)
    assert [n.text for n in panel_notes(window)] == ["in basic"]
    panel.scope.setCurrentIndex(1)
    assert sorted(n.text for n in panel_notes(window)) == ["in basic", "in simplified"]
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert any("simplified.txt" in g for g in groups) and any("basic.txt" in g for g in groups)
    other = next(n for n in panel_notes(window) if n.text == "in simplified")
    window.notes.show_note(other)
    qtbot.waitUntil(lambda: window.view() is not v1 and window.view().transcript is not None, timeout=10000)
    assert window.view().path == second


def test_export_writes_markdown_of_this_file(qtbot, window, tmp_path, monkeypatch):
    view = open_ready(qtbot, window, copy_of(tmp_path))
    view.note_marks.add(Passage(3, "en", 0, 9), "green", "worth quoting")
    out = tmp_path / "out" / "mine"
    out.parent.mkdir()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)")
    )
    window.action(MainAction.EXPORT_NOTES).trigger()
    text = (out.with_suffix(".md")).read_text(encoding="utf-8")
    assert "worth quoting" in text and "transcript-reader://open?" in text


def test_a_damaged_store_is_set_aside_and_the_window_says_so(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "notes.sqlite3").write_bytes(b"this is not a database" * 100)
    w = MainWindow(Settings(QSettings(str(tmp_path / "d.ini"), QSettings.Format.IniFormat)), quiet=True)
    qtbot.addWidget(w)
    w.show()
    assert w.notes.service.available and w.notes.service.problem
    qtbot.waitUntil(lambda: "Notes:" in w.statusBar().currentMessage(), timeout=2000)
    assert [p.name for p in data.iterdir() if "damaged" in p.name]  # kept aside, not wiped
    w.notes.service.close()


def test_links_from_exported_notes_name_the_file_and_paragraph(tmp_path, capsys):
    from reader.cli import main
    from reader.core.links import link, parse_link

    path = str(tmp_path / "a dir" / "call #2.txt")
    assert parse_link(link(path, 7)) == (path, 7)
    assert main(["transcript-reader://elsewhere?x=1"]) == 2
    assert capsys.readouterr().err.startswith("error: not a transcript-reader:// link")


def test_notes_added_by_the_command_line_show_in_the_open_window(qtbot, window, tmp_path, capsys):
    from reader.cli import main

    path = copy_of(tmp_path)
    view = open_ready(qtbot, window, path)
    window.notes.show_panel()
    assert view.note_marks.live == []
    window.notes.service.check_elsewhere()  # the registration's own worker connection wrote
    assert window.notes.service.check_elsewhere() is False  # nothing written by anyone else since
    code = main(["notes", "add", str(path), "--paragraph", "4", "--note", "from the shell"])
    assert code == 0, capsys.readouterr().err
    # The window's next check (its timer, or the app becoming active) notices the other writer.
    with qtbot.waitSignal(window.notes.service.changed, timeout=5000):
        pass
    assert [(n.paragraph, n.text) for n in view.note_marks.live] == [(4, "from the shell")]
    assert note_marks(view.left) == [view.transcript.paragraphs[4].en]
    assert window.notes.service.check_elsewhere() is False  # seen once, not again
    # The window's own writes are not "elsewhere": no second refresh for them.
    view.note_marks.add(Passage(5, "en", 0, 6), "green", "mine")
    assert window.notes.service.check_elsewhere() is False


def test_the_store_is_opened_once_the_first_file_is_painted_not_before(qtbot, make_window, tmp_path):
    """Opening the store (SQLite, its integrity check) waits until the first file's text is on
    screen; the file's notes are looked up after that all the same."""
    from reader.cli import main

    path = copy_of(tmp_path)
    assert main(["notes", "add", str(path), "--paragraph", "2", "--note", "earlier"]) == 0
    w = make_window(shown=False)
    view = w.open_path(path)
    w.show()
    with qtbot.waitSignal(view.textPainted, timeout=10000):
        pass
    assert not w.notes.service.is_open
    qtbot.waitUntil(lambda: [n.text for n in view.note_marks.live] == ["earlier"], timeout=5000)
    assert w.notes.service.is_open and w.action(MainAction.EXPORT_NOTES).isEnabled()
    qtbot.waitUntil(lambda: w._settled, timeout=5000)  # the search service starts then: closed after


def test_the_store_is_checked_on_a_worker_not_on_the_gui_thread(qtbot, make_window, tmp_path, monkeypatch):
    """SQLite's integrity check reads the whole store (~80 ms for 4 MB): the window's own open
    runs it on a worker, and its GUI-thread connection skips it."""
    import sqlite3
    import threading
    import time

    from reader.cli import main
    from reader.core.notes import db
    from reader.ui.notes import service as notes_service

    path = copy_of(tmp_path)
    assert main(["notes", "add", str(path), "--paragraph", "2", "--note", "earlier"]) == 0
    checks: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        thread = threading.current_thread().name
        conn.set_trace_callback(lambda sql: checks.append(thread) if "integrity_check" in sql else None)
        return conn

    monkeypatch.setattr(db.sqlite3, "connect", traced)
    check = notes_service._check_store  # a slow check (a big store): `ready` waits for the notes

    monkeypatch.setattr(notes_service, "_check_store", lambda path: time.sleep(0.3) or check(path))
    w = make_window(shown=False)
    view = w.open_path(path)
    w.show()
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert [n.text for n in view.note_marks.live] == ["earlier"]  # shown by the time it is ready
    assert w.notes.service.available and w.notes.service.problem is None
    assert checks and threading.main_thread().name not in checks
    qtbot.waitUntil(lambda: w._settled, timeout=5000)  # the search service starts then: closed after


def test_a_damaged_store_found_by_the_worker_is_set_aside_and_reported(qtbot, tmp_path):
    from reader.ui.notes.service import NotesService

    store = tmp_path / "own" / "notes.sqlite3"
    store.parent.mkdir()
    store.write_bytes(b"this is not a database" * 100)
    service = NotesService(store)
    with qtbot.waitSignal(service.opened, timeout=5000):
        service.open_soon()
    assert service.is_open and service.available
    assert service.problem and "damaged" in service.problem.lower()
    assert [p.name for p in store.parent.iterdir() if "damaged" in p.name]  # kept aside, not wiped
    assert service.add is not None and service.notes(None) == []
    service.close()


def test_a_note_made_while_the_file_is_being_registered_waits_for_it(qtbot, window, tmp_path, monkeypatch):
    """A highlight made in the first moment after opening (a large file's registration runs on a
    worker for a while) is written once the file is registered, not refused as unregistered."""
    import threading

    import reader.ui.notes.service as service_module

    release = threading.Event()
    real = service_module._open_document

    def slow_open_document(*args):
        release.wait(10)
        return real(*args)

    monkeypatch.setattr(service_module, "_open_document", slow_open_document)
    errors: list[str] = []
    window.notes.service.failed.connect(errors.append)
    view = window.open_path(copy_of(tmp_path))
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    registering = lambda: window.notes.service.is_open and view.note_marks.pending is not None  # noqa: E731
    qtbot.waitUntil(registering, timeout=10000)
    p = next(p for p in view.transcript.paragraphs if p.en and "quarter" in p.en)
    start = p.en.index("quarter")
    assert view.note_marks.add(Passage(p.index, "en", start, start + len("quarter")), "green", "held")
    assert view.note_marks.live == []  # not yet written: the registration still runs
    release.set()
    qtbot.waitUntil(lambda: [n.text for n in view.note_marks.placed()] == ["held"], timeout=10000)
    assert errors == []
    assert window.notes.service.undo.canUndo()
