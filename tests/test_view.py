"""The reading view inside a real, shown window: the four modes, the panes in step pair for pair, gaps,
the speaker filter, figure highlights, find, hover, and reloading in place."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QTextFormat  # noqa: E402

from reader.core.analysis import analyse_paragraph  # noqa: E402
from reader.core.find import fold  # noqa: E402
from reader.core.modes import Mode  # noqa: E402
from reader.core.paths import sample_path  # noqa: E402
from reader.core.rows import RowKind  # noqa: E402
from reader.ui import config  # noqa: E402
from reader.ui.config import Settings  # noqa: E402
from reader.ui.view import blocks  # noqa: E402
from reader.ui.view.document import gap_text, notice_text  # noqa: E402
from reader.ui.view.pane import blocks_left  # noqa: E402
from reader.ui.view.transcript_view import TranscriptView  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = sample_path()


# --- helpers ---------------------------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    w = MainWindow(settings, quiet=True)
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_ready(qtbot, window: MainWindow, path: Path) -> TranscriptView:
    view = window.open_path(path)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    return view


def settle(qtbot, view: TranscriptView) -> None:
    qtbot.waitUntil(lambda: not view.aligner.pending(), timeout=5000)


def misaligned(view: TranscriptView) -> list[tuple[int, float, float]]:
    """The rows whose top differs between the two panes (none when they are in step)."""
    n = len(view.rows)
    assert view.left.row_count() == view.right.row_count() == n
    return [
        (i, view.left.row_top(i), view.right.row_top(i))
        for i in range(n)
        if abs(view.left.row_top(i) - view.right.row_top(i)) > 0.5
    ]


def uneven_file(tmp_path: Path) -> Path:
    """basic.txt with one very long English paragraph (1) and one very long Chinese paragraph (2)."""
    lines = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    assert lines[7].startswith("Thank you, operator") and lines[10].startswith("來自電池")
    lines[7] = " ".join([lines[7]] * 12)
    lines[10] = "".join([lines[10]] * 15)
    assert lines[59].startswith("Thank you all")  # the last paragraph: its English much longer too
    lines[59] = " ".join([lines[59]] * 4)
    path = tmp_path / "uneven.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def file_for(name: str, tmp_path: Path) -> Path:
    return SAMPLE if name == "sample" else uneven_file(tmp_path)


def row_of_paragraph(view: TranscriptView, paragraph: int) -> int:
    return next(
        i for i, r in enumerate(view.rows) if r.paragraph == paragraph and r.kind is RowKind.PARAGRAPH
    )


# --- modes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "left", "right", "page"),
    [
        ("en", True, False, "split"),
        ("zh", False, True, "split"),
        ("side", True, True, "split"),
        ("interleaved", False, False, "inter"),
    ],
)
def test_each_mode_shows_its_panes(qtbot, window, mode, left, right, page):
    view = open_ready(qtbot, window, FIXTURES / "basic.txt")
    window.action(MainAction.for_mode(mode)).trigger()
    assert view.mode == mode
    assert window.action(MainAction.for_mode(mode)).isChecked()
    assert view.stack.currentWidget() is getattr(view, page)
    assert view.left.isVisibleTo(view) is left
    assert view.right.isVisibleTo(view) is right
    assert view.inter.isVisibleTo(view) is (mode == "interleaved")
    assert view.aligner.enabled is (mode == "side")
    assert view.active_pane() is {"zh": view.right, "interleaved": view.inter}.get(mode, view.left)


def test_interleaved_puts_each_chinese_paragraph_right_after_its_english(qtbot, window):
    view = open_ready(qtbot, window, FIXTURES / "basic.txt")
    window.action(MainAction.MODE_INTERLEAVED).trigger()
    t = view.transcript
    doc = view.inter.document()
    got = []
    block = doc.begin()
    while block.isValid():
        got.append((blocks.row_of(block), blocks.lang_of(block), blocks.paragraph_of(block), block.text()))
        block = block.next()
    want = []
    for i, row in enumerate(view.rows):
        if row.kind is RowKind.PARAGRAPH:
            p = t.paragraphs[row.paragraph]
            want += [(i, "en", p.index, p.en), (i, "zh", p.index, p.zh)]
    assert [g for g in got if g[2] >= 0] == want
    assert len(want) == 2 * 17  # basic.txt: 17 paragraphs, each in both languages
    assert got[0][3] == notice_text()  # the disclaimer's English notice opens the document, once
    assert doc.blockCount() == len(view.rows) + 17


def test_english_only_file_forces_english_and_disables_the_chinese_modes(qtbot, window, settings):
    window.set_mode("side")
    view = open_ready(qtbot, window, FIXTURES / "english_only.txt")
    assert view.mode == "en"
    assert window.action(MainAction.MODE_EN).isChecked() and window.action(MainAction.MODE_EN).isEnabled()
    for key in ("mode_zh", "mode_side", "mode_interleaved", "sync"):
        assert not window.action(MainAction(key)).isEnabled(), key
    assert view.left.isVisibleTo(view) and not view.right.isVisibleTo(view)
    view.set_mode("side")
    assert view.mode == "en" and not view.right.isVisibleTo(view)


# --- panes in step ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sample", "uneven"])
def test_rows_start_at_the_same_height_after_loading(qtbot, window, tmp_path, name):
    view = open_ready(qtbot, window, file_for(name, tmp_path))
    assert view.mode == "side" and view.aligner.synced
    assert misaligned(view) == []
    last = len(view.rows) - 1
    assert view.left.row_top(last) > view.left.viewport().height()  # long enough to scroll


def test_uneven_rows_get_the_taller_versions_height(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, uneven_file(tmp_path))
    long_en, long_zh = row_of_paragraph(view, 1), row_of_paragraph(view, 2)
    for row, tall, short in ((long_en, view.left, view.right), (long_zh, view.right, view.left)):
        tall_block, short_block = tall.block_of_row(row), short.block_of_row(row)
        assert tall_block.layout().lineCount() > 3 * short_block.layout().lineCount()
        assert tall_block.blockFormat().doubleProperty(blocks.PAD) == 0.0
        assert short_block.blockFormat().doubleProperty(blocks.PAD) > 40
        assert tall.row_top(row + 1) == short.row_top(row + 1)


@pytest.mark.parametrize("name", ["sample", "uneven"])
def test_rows_stay_in_step_while_scrolling(qtbot, window, tmp_path, name):
    view = open_ready(qtbot, window, file_for(name, tmp_path))
    bar = view.left.verticalScrollBar()
    assert bar.maximum() > 500
    end = min(bar.maximum(), view.right.verticalScrollBar().maximum())  # see test_..._very_end_together
    for value in (bar.maximum() // 3, bar.maximum() // 2, 7, end, 0):
        bar.setSliderPosition(value)  # the reader drags the scroll bar
        qtbot.wait(5)
        assert view.right.verticalScrollBar().value() == bar.value() == value
        assert misaligned(view) == []
    view.right.verticalScrollBar().setSliderPosition(bar.maximum() // 2)
    assert bar.value() == bar.maximum() // 2


@pytest.mark.parametrize("name", ["sample", "uneven"])
def test_rows_stay_in_step_after_resizing_and_moving_the_splitter(qtbot, window, tmp_path, name):
    view = open_ready(qtbot, window, file_for(name, tmp_path))
    passes = view.aligner.passes
    for width in (900, 1600):
        before = view.left.document().textWidth()
        window.resize(width, 850)
        qtbot.waitUntil(lambda before=before: view.left.document().textWidth() != before, timeout=5000)
        settle(qtbot, view)
        assert misaligned(view) == [], width
    total = sum(view.split.sizes())
    for share in (0.25, 0.7):
        before = view.left.document().textWidth()
        view.split.setSizes([int(total * share), total - int(total * share)])
        qtbot.waitUntil(lambda before=before: view.left.document().textWidth() != before, timeout=5000)
        settle(qtbot, view)
        assert misaligned(view) == [], share
    assert view.aligner.passes >= passes + 4


@pytest.mark.parametrize("name", ["sample", "uneven"])
def test_the_last_rows_are_levelled_without_laying_a_whole_document_out_again(qtbot, window, tmp_path, name):
    """Both side-by-side documents end with an empty END block of one height, so the last row's
    pad is a block margin like the others: the root frame's margin (whose change has Qt lay the
    whole document out again, ~20-40 ms on a real call) is never touched, and yet both documents
    end at the same height."""
    view = open_ready(qtbot, window, file_for(name, tmp_path))
    for width in (1300, 900):
        window.resize(width, 850)
        settle(qtbot, view)
        assert misaligned(view) == []
        docs = [view.left.document(), view.right.document()]
        for doc in docs:
            assert blocks.kind_of(doc.lastBlock()) == blocks.END and doc.lastBlock().text() == ""
            assert doc.rootFrame().frameFormat().bottomMargin() == doc.documentMargin()
        assert docs[0].size().height() == docs[1].size().height()
        ends = [d.documentLayout().blockBoundingRect(d.lastBlock()) for d in docs]
        assert ends[0].top() == ends[1].top() and ends[0].height() == ends[1].height() > 0


def test_both_panes_scroll_to_the_very_end_together(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, uneven_file(tmp_path))
    last = len(view.rows) - 1
    assert (
        view.left.block_of_row(last).layout().lineCount() > view.right.block_of_row(last).layout().lineCount()
    )
    assert misaligned(view) == []
    assert view.left.document().size().height() == view.right.document().size().height()
    bar = view.left.verticalScrollBar()
    bar.setSliderPosition(bar.maximum())
    assert view.right.verticalScrollBar().value() == bar.value()


@pytest.mark.parametrize("name", ["sample", "uneven"])
def test_rows_stay_in_step_after_zooming(qtbot, window, tmp_path, name):
    view = open_ready(qtbot, window, file_for(name, tmp_path))
    size = view.reading_font.pointSize()
    window.action(MainAction.ZOOM_IN).trigger()
    window.action(MainAction.ZOOM_IN).trigger()
    assert view.reading_font.pointSize() == size + 2
    assert view.left.document().defaultFont().pointSize() == size + 2
    settle(qtbot, view)
    qtbot.wait(10)  # the view scrolls back to its row after the zoom
    assert misaligned(view) == []
    window.action(MainAction.ZOOM_RESET).trigger()
    settle(qtbot, view)
    assert view.reading_font.pointSize() == size
    assert misaligned(view) == []


@pytest.mark.parametrize("name", ["sample", "uneven"])
def test_rows_stay_in_step_with_a_speaker_filter(qtbot, window, tmp_path, name):
    view = open_ready(qtbot, window, file_for(name, tmp_path))
    speaker = "Mei Lin" if name == "sample" else "Elena Varga"
    window.navigation.set_speaker_filter(speaker)
    settle(qtbot, view)
    assert misaligned(view) == []
    window.navigation.set_speaker_filter(None)
    settle(qtbot, view)
    assert misaligned(view) == []


def test_unlocked_panes_scroll_alone_and_relock_on_the_leaders_top_row(qtbot, window, tmp_path):
    view = open_ready(qtbot, window, uneven_file(tmp_path))
    left, right = view.left.verticalScrollBar(), view.right.verticalScrollBar()
    right.setSliderPosition(120)
    assert left.value() == 120
    window.action(MainAction.SYNC).setChecked(False)
    assert not view.aligner.synced
    left.setSliderPosition(700)
    assert right.value() == 120
    top = view.left.top_row()
    assert top != view.right.top_row()
    window.action(MainAction.SYNC).setChecked(True)
    assert view.aligner.synced
    assert view.right.top_row() == view.left.top_row() == top
    assert right.value() == left.value() == round(view.left.row_top(top))


# --- gaps and the speaker filter -------------------------------------------------------------------


def test_a_missing_translation_shows_a_gap_in_its_row_and_shifts_nothing(qtbot, window, tmp_path):
    lines = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    assert lines[10].startswith("來自電池")  # the Chinese of paragraph 2, in the CEO's turn
    del lines[10]
    path = tmp_path / "missing.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    view = open_ready(qtbot, window, path)
    t = view.transcript
    assert t.paragraphs[2].zh is None and t.paragraphs[3].zh.startswith("我們將 2025 年")
    gap_row = row_of_paragraph(view, 2)
    assert gap_row == 5  # note, Operator, p0, Elena Varga, p1, p2
    gaps = []
    for pane in (view.left, view.right):
        assert pane.document().blockCount() == len(view.rows) + 1  # and the END block
        assert blocks.kind_of(pane.document().lastBlock()) == blocks.END
        block = pane.document().begin()
        while block.isValid():
            if blocks.is_gap(block):
                gaps.append((pane.objectName(), blocks.row_of(block), block.text()))
            block = block.next()
    assert gaps == [("zh", gap_row, gap_text())]
    for i, row in enumerate(view.rows):
        if row.kind is RowKind.PARAGRAPH and i != gap_row:
            p = t.paragraphs[row.paragraph]
            assert view.left.block_of_row(i).text() == p.en
            assert view.right.block_of_row(i).text() == p.zh
            assert view.right.block_of_row(i).blockNumber() == i
    assert misaligned(view) == []


def test_speaker_filter_shows_only_that_speakers_blocks_in_both_panes(qtbot, window):
    view = open_ready(qtbot, window, FIXTURES / "basic.txt")
    t = view.transcript
    window.navigation.set_speaker_filter("Raymond Kwok")
    assert view.speaker_filter == "Raymond Kwok"
    assert window.action(MainAction.ONLY_SPEAKER).isChecked()

    def visible(pane):
        out = []
        block = pane.document().begin()
        while block.isValid():
            if block.isVisible():
                out.append(blocks.row_of(block))
            block = block.next()
        assert out.pop() == -1  # the END block, which no filter folds
        return out

    want = [
        i
        for i, r in enumerate(view.rows)
        if r.kind is not RowKind.NOTE and t.turns[r.turn].speaker == "Raymond Kwok"
    ]
    assert want == [7, 8, 9, 21, 22, 25, 26]  # three turns: header + 2, header + 1, header + 1 paragraphs
    assert visible(view.left) == visible(view.right) == want
    window.navigation.set_speaker_filter(None)
    assert visible(view.left) == visible(view.right) == list(range(len(view.rows)))
    assert not window.action(MainAction.ONLY_SPEAKER).isChecked()


# --- figures, find, hover --------------------------------------------------------------------------


def test_figures_are_highlighted_at_the_analysis_offsets_and_toggle_off(qtbot, window):
    view = open_ready(qtbot, window, SAMPLE)
    t = view.transcript
    p = t.paragraphs[16]
    assert "18%" in p.en and "13%" in p.zh  # the sample's deliberate mismatch
    block = view.left.block_of_row(row_of_paragraph(view, 16))
    assert block.text() == p.en
    figures = analyse_paragraph(p).en
    want = sorted((f.start, f.end - f.start) for f in figures)
    assert (p.en.index("18%"), 3) in want
    got = sorted((r.start, r.length) for r in block.layout().formats())
    assert got == want
    zh_block = view.right.block_of_row(row_of_paragraph(view, 16))
    assert sorted((r.start, r.length) for r in zh_block.layout().formats()) == sorted(
        (f.start, f.end - f.start) for f in analyse_paragraph(p).zh
    )
    window.action(MainAction.FIGURES).setChecked(False)
    assert not view.figures_on
    assert block.layout().formats() == [] and zh_block.layout().formats() == []
    window.action(MainAction.FIGURES).setChecked(True)
    assert sorted((r.start, r.length) for r in block.layout().formats()) == want


def test_ready_means_every_block_of_a_long_call_is_coloured(qtbot, window):
    """The sample's interleaved document is longer than what is coloured at once: `ready` waits
    for the slices that colour the rest, and then each paragraph block has exactly its figures."""
    from reader.ui.view.highlighter import SYNC_BLOCKS

    window.set_mode("interleaved")
    view = window.open_path(SAMPLE)
    at_ready: dict[int, list[tuple[int, int]]] = {}  # block -> its coloured ranges when `ready` came

    def snapshot() -> None:
        doc = view.inter.document()
        for n in range(doc.blockCount()):
            at_ready[n] = sorted((r.start, r.length) for r in doc.findBlockByNumber(n).layout().formats())

    view.ready.connect(snapshot)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    doc = view.inter.document()
    assert doc.blockCount() > SYNC_BLOCKS
    checked = 0
    block = doc.begin()
    while block.isValid():
        p = blocks.paragraph_of(block)
        if p >= 0 and not blocks.is_gap(block):
            figures = getattr(analyse_paragraph(view.transcript.paragraphs[p]), blocks.lang_of(block))
            want = sorted((f.start, f.end - f.start) for f in figures)
            assert at_ready[block.blockNumber()] == want, block.blockNumber()
            checked += bool(want)
        block = block.next()
    assert checked > 20


def test_find_folds_simplified_to_traditional_and_cycles(qtbot, window):
    view = open_ready(qtbot, window, SAMPLE)
    t = view.transcript
    assert not any("营收" in (p.zh or "") + (p.en or "") for p in t.paragraphs)  # only Traditional
    want = [(p.index, i) for p in t.paragraphs for i in range(len(p.zh)) if p.zh.startswith("營收", i)]
    assert len(want) == 3
    view.finding.find("营收")
    assert [(m.paragraph, m.start) for m in view.finding.matches] == want
    assert all(m.lang == "zh" and m.end - m.start == 2 for m in view.finding.matches)
    assert view.finding.index == 0
    seen = [view.finding.index]
    for _ in range(3):
        view.finding.next()
        seen.append(view.finding.index)
    assert seen == [0, 1, 2, 0]  # wraps
    view.finding.next(backwards=True)
    assert view.finding.index == 2
    found = [s.cursor.selectedText() for s in view.right.extraSelections() if s.cursor.hasSelection()]
    assert found == ["營收"] * 3
    assert not [s for s in view.left.extraSelections() if s.cursor.hasSelection()]
    view.finding.find("")
    assert view.finding.matches == [] and view.finding.index is None
    assert not [s for s in view.right.extraSelections() if s.cursor.hasSelection()]
    assert fold("營收") == "营收"


def test_moving_the_mouse_over_a_pane_hovers_the_row_under_it(qtbot, window):
    # Hover relies on QTextEdit's viewport tracking the mouse by itself (the pane no longer asks
    # for its viewport at start, ~5 ms before the first paint): a move with no button arrives.
    view = open_ready(qtbot, window, SAMPLE)
    pane = view.left
    row = row_of_paragraph(view, 1)
    view.scroll_to_row(row)  # a go-to: the place the view keeps
    rect = pane.block_rect(pane.block_of_row(row))
    inside = QPoint(int(blocks_left(pane)) + 40, int(rect.top()) + 5)
    with qtbot.waitSignal(pane.rowHovered, timeout=3000, check_params_cb=lambda r: r == row):
        qtbot.mouseMove(pane.viewport(), QPoint(5, 5))
        qtbot.mouseMove(pane.viewport(), inside)
    assert pane.viewport().hasMouseTracking()


def test_hovering_a_row_marks_its_counterpart_in_the_other_pane(qtbot, window):
    view = open_ready(qtbot, window, SAMPLE)
    row = row_of_paragraph(view, 5)
    view.left.rowHovered.emit(row)
    sels = view.right.extraSelections()
    assert [s.cursor.block().blockNumber() for s in sels] == [view.right.block_of_row(row).blockNumber()]
    assert sels[0].format.boolProperty(QTextFormat.Property.FullWidthSelection)
    assert view.left.extraSelections() == []
    view.right.rowHovered.emit(row + 1)
    assert [s.cursor.block().blockNumber() for s in view.left.extraSelections()] == [row + 1]
    view.left.rowHovered.emit(-1)
    assert view.right.extraSelections() == [] and view.left.extraSelections() == []


# --- reloading and calls ---------------------------------------------------------------------------


def test_reload_keeps_the_paragraph_at_the_top(qtbot, window, tmp_path):
    path = tmp_path / "copy.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    view = open_ready(qtbot, window, path)
    t = view.transcript
    target = 31  # Owen Zhao's second paragraph: not the first of its turn
    assert t.turns[t.paragraphs[target].turn].first == 30
    view.go_to_paragraph(target, mark=False)
    assert view.top_paragraph() == target
    key = view.top_key()
    lines = text.split("\n")
    at = t.paragraphs[target].line - 1  # its English line
    lines[at:at] = ["An inserted paragraph, added while the file was open.", "檔案開啟時新增的段落。"]
    path.write_text("\n".join(lines), encoding="utf-8")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.open(path, keep_position=True)
    assert len(view.transcript.paragraphs) == 45
    assert view.transcript.paragraphs[target].en.startswith("An inserted paragraph")
    assert view.top_key() == key
    assert view.top_paragraph() == target + 1


def test_going_to_a_paragraph_of_the_second_call_switches_calls(qtbot, window):
    window.resize(1300, 450)  # short enough for the second call to scroll
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    t = view.transcript
    assert len(t.calls) == 2 and view.call == 0 and window.panel.call == 0
    assert t.calls[1].first == 12
    view.go_to_paragraph(15)  # the other call is prepared on a worker, then shown
    qtbot.waitUntil(lambda: view.call == 1 and view.top_paragraph() == 15, timeout=5000)
    assert window.panel.call == 1
    assert view.rows[0].paragraph == -1 or t.paragraphs[view.rows[0].paragraph].call == 1
    assert all(r.paragraph < 0 or 12 <= r.paragraph < 21 for r in view.rows)
    assert view.top_paragraph() == 15
    assert window.panel.title.text().startswith("Pennant Foods")
    view.go_to_paragraph(2)
    qtbot.waitUntil(lambda: view.call == 0 and window.panel.call == 0, timeout=5000)  # (a turn later)


def test_a_call_switched_to_reports_its_place_once_it_shows(qtbot, window):
    """While the call's documents are being attached (the panes still show the other call), no
    place is reported; the first report is the new call's, once it shows."""
    window.resize(1300, 450)
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    said: list[tuple[int, bool]] = []
    view.positionChanged.connect(lambda p: said.append((p, view.attaching.pending)))
    view.set_call(1)
    qtbot.waitUntil(lambda: view.call == 1 and not view.settling(), timeout=5000)
    qtbot.wait(100)  # a burst's report, if one was due
    t = view.transcript
    assert said and all(not pending for _p, pending in said)
    assert all(t.paragraphs[p].call == 1 for p, _ in said)
    assert "call 2 of 2" in window.position.text()  # the status bar says where the reader is now


def test_a_call_switched_to_is_painted_before_the_slices_go_on(qtbot, window, monkeypatch):
    """Once a call's documents are attached and its top aligned, its paint comes before the next
    round of the slices (colouring, aligning the rest), which would otherwise share its turn."""
    from reader.ui.view.slices import Slicer

    window.resize(1300, 450)
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    rounds: list[tuple[bool, bool]] = []  # (attaching, painted) at each round
    original = Slicer._round

    def round_(slicer: Slicer) -> None:
        rounds.append((view.attaching.pending, view.left.painted and view.right.painted))
        original(slicer)

    monkeypatch.setattr(Slicer, "_round", round_)
    view.set_call(1)
    qtbot.waitUntil(lambda: view.call == 1 and not view.settling(), timeout=5000)
    after = [painted for attaching, painted in rounds if not attaching]
    assert after and all(after)


def big_file(tmp_path: Path, monkeypatch) -> Path:
    """A fixture three times over, read as a big file: from its head first, then whole."""
    # The head is 300,000 characters in the app; a small head makes a fixture "big".
    monkeypatch.setattr("reader.ui.view.loading.HEAD", 3_000)
    text = (FIXTURES / "multi_call.txt").read_text(encoding="utf-8")
    path = tmp_path / "big.txt"
    path.write_text("\n".join([text.rstrip("\n")] * 3) + "\n", encoding="utf-8")
    return path


def test_a_big_file_shows_its_first_call_from_the_head_then_takes_the_whole_file(
    qtbot, window, tmp_path, monkeypatch
):
    path = big_file(tmp_path, monkeypatch)
    seen = []
    view = window.open_path(path)
    view.loaded.connect(lambda: seen.append((view.partial, len(view.transcript.calls))))
    qtbot.waitUntil(lambda: bool(seen) and not seen[-1][0], timeout=10000)
    whole = len(view.transcript.calls)
    assert whole == 6
    assert seen[0][0] is True and seen[0][1] < whole  # the head first, with fewer calls
    assert view.call == 0
    # What the panes show is what the whole file's first call is.
    t = view.transcript
    first = t.calls[0]
    shown = view.left.toPlainText()
    assert all(t.paragraphs[i].en in shown for i in range(first.first, first.end))
    assert t.paragraphs[first.end].en not in shown.split("\n")
    view.set_call(4)
    qtbot.waitUntil(lambda: view.call == 4, timeout=5000)


def test_loading_leaves_the_interpreter_settings_alone(qapp):
    """Interpreter-wide settings are made once, at start (reader/runtime.py): a load changes
    neither the collector nor what it has frozen."""
    import gc

    from PySide6.QtGui import QFont

    from reader.ui.theme import colours
    from reader.ui.view.loading import load

    before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    loaded = load(SAMPLE, 0, Mode.EN, QFont(), colours())
    assert len(loaded.transcript.paragraphs) > 10
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before


def test_the_text_comes_with_its_figures_found_off_the_gui_thread(qtbot, window):
    """Opening a file hands the view the text with the figures of the call's first rows (more
    than a screen), found by the worker, so that the first paint is coloured and never laid out
    again for them; the rest follow from another worker. Nothing is lexed on the GUI thread."""
    import threading

    import reader.core.figures as figures_module
    from reader.core.rows import FIRST_ROWS, call_rows

    real, lexed_on_gui = figures_module.lexer_for, []

    def spy(lang: str):
        if threading.current_thread() is threading.main_thread():
            lexed_on_gui.append(lang)
        return real(lang)

    figures_at_loaded: list[int] = []
    try:
        figures_module.lexer_for = spy
        view = window.open_path(SAMPLE)
        view.loaded.connect(lambda: figures_at_loaded.append(len(view.figs.analysis)))
        with qtbot.waitSignal(view.ready, timeout=10000):
            pass
    finally:
        figures_module.lexer_for = real
    c = view.transcript.calls[view.call]
    first_rows = [r.paragraph for r in call_rows(view.transcript, view.call)[:FIRST_ROWS] if r.paragraph >= 0]
    assert figures_at_loaded == [max(first_rows) + 1 - c.first]
    assert figures_at_loaded[0] < c.end - c.first  # the sample's first call is longer than that
    assert all(p in view.figs.analysis for p in range(c.first, c.end))
    assert lexed_on_gui == []


@pytest.mark.parametrize(
    ("mode", "panes"),
    [("side", ("left", "right")), ("interleaved", ("inter",)), ("en", ("left",)), ("zh", ("right",))],
)
def test_text_painted_waits_for_every_pane_of_the_mode(qtbot, window, settings, mode, panes):
    # Side by side, the Chinese document is attached a slice after the English one: the paint that
    # shows the English alone is not yet the text on screen (--exit-after-paint ends at this signal).
    settings.set(config.VIEW_MODE, mode)
    view = window.open_path(FIXTURES / "basic.txt")
    seen: list[list[tuple[bool, int]]] = []

    def painted() -> None:
        seen.append([(getattr(view, p).painted, getattr(view, p).row_count()) for p in panes])

    view.textPainted.connect(painted)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert view.mode == mode and seen
    assert all(done and rows == len(view.rows) for done, rows in seen[0])


def test_a_file_opened_whole_side_by_side_paints_both_panes_in_its_first_paint(qtbot, window, settings):
    # Its documents come built from the worker and are shown in one slice: when the English pane
    # first paints, the Chinese one already has its document (no half-empty first frame).
    settings.set(config.VIEW_MODE, "side")
    view = window.open_path(FIXTURES / "basic.txt")
    at_first_paint: list[int] = []
    view.left.textPainted.connect(lambda: at_first_paint.append(view.right.row_count()))
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert at_first_paint[:1] == [len(view.rows)]


def test_a_call_switched_to_attaches_its_documents_in_turns_of_their_own(
    qtbot, window, settings, monkeypatch
):
    """Each pane's document is attached in its own turn of the event loop, and the panes are
    arranged and aligned in a turn after the last: no one turn holds the GUI thread for all."""
    from PySide6.QtCore import QTimer

    from reader.ui.view.pane import Pane
    from reader.ui.view.pane_set import PaneSet

    settings.set(config.VIEW_MODE, "side")
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    turns = [0]
    ticker = QTimer()
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    ticker.start(0)
    seen: list[tuple[str, int]] = []
    set_document, arrange = Pane.set_document, PaneSet.arrange

    def spy_document(self: Pane, *args: object) -> None:
        seen.append((self.objectName(), turns[0]))
        set_document(self, *args)  # type: ignore[arg-type]

    def spy_arrange(self: PaneSet, *args: object) -> None:
        seen.append(("arrange", turns[0]))
        arrange(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Pane, "set_document", spy_document)
    monkeypatch.setattr(PaneSet, "arrange", spy_arrange)
    shown: list[bool] = []
    view.set_call(1, lambda: shown.append(True))
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    ticker.stop()
    attached = [(name, turn) for name, turn in seen if name != "arrange"]
    assert [name for name, _ in attached] == ["en", "zh"]
    assert attached[0][1] < attached[1][1]  # en and zh in different turns
    last_arrange = max(turn for name, turn in seen if name == "arrange")
    assert last_arrange > attached[1][1]  # arranged (and aligned) after zh, in a turn of its own


def test_another_call_shows_in_both_panes_in_its_first_paint_and_from_its_top(qtbot, window, settings):
    # Its documents are coloured a slice before they are shown, and shown together: no frame shows
    # one pane in the new call and the other still in the old one.
    settings.set(config.VIEW_MODE, "side")
    window.resize(1300, 450)  # short enough for the calls to scroll
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    t = view.transcript
    view.left.verticalScrollBar().setValue(view.left.verticalScrollBar().maximum())
    first = t.paragraphs[t.calls[1].first]
    at_paint: list[tuple[bool, bool]] = []

    def painted() -> None:
        at_paint.append((first.en in view.left.toPlainText(), first.zh in view.right.toPlainText()))

    view.left.textPainted.connect(painted)
    view.right.textPainted.connect(painted)
    shown: list[bool] = []
    view.set_call(1, lambda: shown.append(True))
    qtbot.waitUntil(lambda: len(at_paint) == 2, timeout=5000)
    assert shown and at_paint == [(True, True), (True, True)]
    assert [p.verticalScrollBar().value() for p in (view.left, view.right)] == [0, 0]
    assert view.top_paragraph() == t.calls[1].first
    assert all(
        view.highlighters[name].document() is view.stack.pane_for(name).document() for name in ("en", "zh")
    )


def test_the_last_pane_of_a_mode_is_laid_out_in_a_turn_of_its_own_and_painted_level(
    qtbot, window, tmp_path, monkeypatch
):
    # Each document's layout takes a turn of its own; a pane is not painted until its top is
    # aligned, in the turns after: a big file's head shows both panes at once, a switch to side
    # by side from interleaved (neither document built) the Chinese once aligned.
    from reader.ui import scripted
    from reader.ui.view.pane import Pane

    path = big_file(tmp_path, monkeypatch)
    window.set_mode(Mode.SIDE)
    held, painted = [], []
    real = Pane.set_document

    def spy(pane: Pane, doc, row_blocks=None) -> None:
        if pane.objectName() in ("en", "zh"):
            held.append((pane.objectName(), view.attaching.held()))
        real(pane, doc, row_blocks)

    monkeypatch.setattr(Pane, "set_document", spy)
    view = window.open_path(path)

    def first_paint(pane: Pane) -> None:
        if any(name == pane.objectName() for name, _ in held):  # (not the empty pane before)
            painted.append((pane.objectName(), scripted.level(view)))

    for pane in (view.left, view.right):
        pane.textPainted.connect(lambda p=pane: first_paint(p))
    qtbot.waitUntil(lambda: view.partial, timeout=10000)
    qtbot.waitUntil(lambda: len(painted) >= 2, timeout=10000)
    assert held[:2] == [("en", True), ("zh", True)]  # the head: neither pane painted meanwhile
    assert sorted(painted[:2]) == [("en", True), ("zh", True)]
    qtbot.waitUntil(lambda: not view.partial and not view.settling(), timeout=10000)

    window.set_mode(Mode.INTERLEAVED)
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")  # a new tab, interleaved
    for pane in (view.left, view.right):
        pane.textPainted.connect(lambda p=pane: first_paint(p))
    held.clear()
    painted.clear()
    window.set_mode(Mode.SIDE)
    qtbot.waitUntil(lambda: not view.settling() and len(painted) >= 2, timeout=10000)
    assert held == [("en", False), ("zh", True)]  # the English shows as it comes
    assert ("zh", True) in painted


def test_an_alignment_pass_begun_before_a_document_is_attached_goes_on_with_the_new_one(qtbot):
    # A view shows its panes, and so begins a pass, before it attaches their documents; Qt then
    # deletes each pane's own first document. The pass must not go on padding that one.
    from PySide6.QtGui import QTextCursor, QTextDocument

    from reader.ui.view.aligner import PairAligner
    from reader.ui.view.pane import Pane
    from reader.ui.view.slices import Slicer

    left, right = Pane("en"), Pane("zh")
    for pane in (left, right):
        qtbot.addWidget(pane)
        pane.resize(400, 300)
        pane.show()
        qtbot.waitExposed(pane)
    aligner = PairAligner(left, right, Slicer())
    aligner.schedule()
    aligner.align_top()  # on the panes' own documents; the space after their last row still to give
    assert aligner.pending()
    texts = {left: "Revenue grew 12% in the quarter, the CFO said. ", right: "本季營收增長 12%。"}
    for pane, text in texts.items():
        doc = QTextDocument(pane)
        cursor = QTextCursor(doc)
        for n in range(40):
            if n:
                cursor.insertBlock()
            cursor.insertText(text * (1 + (n * 7) % 5))
        pane.blockSignals(True)  # (here the pane's viewport is resized by it, which starts a pass)
        pane.set_document(doc, list(range(40)))
        pane.blockSignals(False)
        qtbot.wait(20)  # the slicer's rounds run between the two, as they may in the view
    aligner.schedule()
    qtbot.waitUntil(lambda: not aligner.pending(), timeout=5000)
    tops = [[pane.block_rect(pane.block_of_row(row)).top() for row in (10, 39)] for pane in (left, right)]
    assert tops[0] == pytest.approx(tops[1], abs=2)
