"""The figure highlighter: exact spans and colours per block, the toggle, the mismatch underline, and
the cached path that never lexes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

import reader.core.figures as figures_module
from reader.core.analysis import analyse_paragraph
from reader.core.model import Paragraph, Section
from reader.core.parser import parse_file
from reader.core.rows import call_rows
from reader.ui import theme
from reader.ui.view import blocks
from reader.ui.view.document import build
from reader.ui.view.highlighter import FigureHighlighter
from reader.ui.view.pane import Pane
from reader.ui.view.slices import Slicer

EN = "Revenue was RMB1.3 billion, up 31%."
ZH = "營收為 13 億元,增長 31%。"
EN_BAD = "Gross margin was 18% in the second quarter of 2024."
ZH_BAD = "2024 年第二季毛利率為 13%。"
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
NONE = QTextCharFormat.UnderlineStyle.NoUnderline

# (kind, lang, paragraph, text, gap): an interleaved pane
ROWS = [
    ("header", "en", -1, "Jane Doe – CFO, 2024 results", False),
    ("paragraph", "en", 0, EN, False),
    ("paragraph", "zh", 0, ZH, False),
    ("paragraph", "en", 1, EN_BAD, False),
    ("paragraph", "zh", 1, ZH_BAD, False),
    ("note", "en", -1, "Machine translated in 2024 at 31% accuracy.", False),
    ("paragraph", "zh", 2, "[no translation of 31%]", True),
]


def make_document(rows=ROWS) -> QTextDocument:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for i, (kind, lang, paragraph, text, gap) in enumerate(rows):
        fmt = QTextBlockFormat()
        fmt.setProperty(blocks.KIND, kind)
        fmt.setProperty(blocks.LANG, lang)
        fmt.setProperty(blocks.PARAGRAPH, paragraph)
        fmt.setProperty(blocks.ROW, i)
        if gap:
            fmt.setProperty(blocks.GAP, True)
        if i == 0:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt)
        cursor.insertText(text)
    return doc


def block(doc: QTextDocument, n: int) -> QTextBlock:
    return doc.findBlockByNumber(n)


def ranges(b: QTextBlock) -> list[tuple[int, int, str, QTextCharFormat.UnderlineStyle]]:
    """(start, length, foreground colour name, underline style) of every format range."""
    return [
        (r.start, r.length, r.format.foreground().color().name(), r.format.underlineStyle())
        for r in b.layout().formats()
    ]


def colour(kind: str) -> str:
    return theme.colours().figures[kind].name()


EXPECTED = {
    1: [(12, 14, colour("money"), NONE), (31, 3, colour("percent"), NONE)],
    2: [(4, 5, colour("money"), NONE), (13, 3, colour("percent"), NONE)],
    3: [(17, 3, colour("percent"), NONE), (28, 22, colour("period"), NONE)],
    4: [(0, 9, colour("period"), NONE), (14, 3, colour("percent"), NONE)],
}
PARAGRAPHS = {
    0: analyse_paragraph(Paragraph(0, EN, ZH, 0, 0, Section.PREPARED, 1)),
    1: analyse_paragraph(Paragraph(1, EN_BAD, ZH_BAD, 0, 0, Section.PREPARED, 2)),
}


def cached(paragraph: int, lang: str):
    pf = PARAGRAPHS.get(paragraph)
    return pf.figures(lang) if pf else None


def mismatched(paragraph: int, lang: str):
    pf = PARAGRAPHS.get(paragraph)
    return pf.mismatched_spans(lang) if pf else None


def nothing(paragraph: int, lang: str):
    return None


@pytest.fixture
def lexer_spy(monkeypatch):
    """Replace the `lexer_for` the highlighter uses with one that records each call (and raises if `fail`)."""
    real = figures_module.lexer_for

    def install(fail: bool = False) -> list[str]:
        calls: list[str] = []

        def spy(lang: str):
            calls.append(lang)
            if fail:
                raise AssertionError("the cached path must not lex")
            return real(lang)

        monkeypatch.setattr(figures_module, "lexer_for", spy)
        return calls

    return install


def test_lexing_path_exact_spans_and_kinds(qapp):
    doc = make_document()
    h = FigureHighlighter(doc, nothing)
    h.rehighlight()
    for n, expected in EXPECTED.items():
        assert ranges(block(doc, n)) == expected, n
    got = block(doc, 1).layout().formats()
    assert got[0].format.background().color() == theme.colours().figure_background


def test_headers_notes_and_gaps_are_untouched(qapp):
    doc = make_document()
    h = FigureHighlighter(doc, cached, mismatched)
    h.rehighlight()
    assert ranges(block(doc, 0)) == []  # header
    assert ranges(block(doc, 5)) == []  # note
    assert ranges(block(doc, 6)) == []  # gap marker


def test_cached_path_does_not_lex(qapp, lexer_spy):
    calls = lexer_spy(fail=True)
    doc = make_document()
    h = FigureHighlighter(doc, cached)
    h.rehighlight()
    assert calls == []
    for n, expected in EXPECTED.items():
        assert ranges(block(doc, n)) == expected, n


def test_uncached_paragraphs_are_lexed(qapp, lexer_spy):
    calls = lexer_spy()
    doc = make_document()
    h = FigureHighlighter(doc, lambda p, lang: PARAGRAPHS[0].figures(lang) if p == 0 else None)
    h.rehighlight()
    assert calls == ["en", "zh"]  # paragraph 1 only; headers, notes and gaps not at all
    for n, expected in EXPECTED.items():
        assert ranges(block(doc, n)) == expected, n


def test_cached_figures_that_do_not_fit_the_text_are_lexed_instead(qapp):
    doc = make_document()
    stale = analyse_paragraph(Paragraph(0, "Up 5% and RMB2 billion.", "增長 5%。", 0, 0, Section.PREPARED, 1))
    h = FigureHighlighter(doc, lambda p, lang: stale.figures(lang) if p == 0 else None)
    h.rehighlight()
    assert ranges(block(doc, 1)) == EXPECTED[1]
    assert ranges(block(doc, 2)) == EXPECTED[2]


def test_toggle_removes_and_restores(qapp):
    doc = make_document()
    h = FigureHighlighter(doc, cached, mismatched)
    h.rehighlight()
    assert ranges(block(doc, 1)) == EXPECTED[1]
    h.set_enabled(False)
    assert not h.is_enabled()
    assert all(ranges(block(doc, n)) == [] for n in range(doc.blockCount()))
    h.refresh_paragraphs([0, 1])  # nothing comes back while off
    assert ranges(block(doc, 1)) == []
    h.set_enabled(True)
    assert ranges(block(doc, 1)) == EXPECTED[1]


def test_mismatched_figure_has_a_red_wavy_underline(qapp):
    doc = make_document()
    h = FigureHighlighter(doc, cached, mismatched)
    h.rehighlight()
    c = theme.colours()
    assert ranges(block(doc, 3)) == [
        (17, 3, colour("percent"), WAVE),  # 18%
        (28, 22, colour("period"), NONE),
    ]
    assert ranges(block(doc, 4)) == [
        (0, 9, colour("period"), NONE),
        (14, 3, colour("percent"), WAVE),  # 13%
    ]
    got = block(doc, 3).layout().formats()
    assert got[0].format.underlineColor() == c.mismatch
    assert got[0].format.background().color() == c.mismatch_background
    assert ranges(block(doc, 1)) == EXPECTED[1]  # agreeing paragraph: no underline


def test_refresh_paragraphs_rehighlights_only_their_blocks(qapp, monkeypatch):
    doc = make_document()
    arrived: dict[int, object] = {}

    def figures(p, lang):
        return PARAGRAPHS[p].figures(lang) if p in arrived else None

    def mismatches(p, lang):
        return PARAGRAPHS[p].mismatched_spans(lang) if p in arrived else None

    h = FigureHighlighter(doc, figures, mismatches)
    h.rehighlight()
    assert ranges(block(doc, 3)) == EXPECTED[3]  # lexed, no underline yet
    arrived[1] = arrived[0] = True
    h.refresh_paragraphs([1])
    assert [r[3] for r in ranges(block(doc, 3))] == [WAVE, NONE]
    assert [r[3] for r in ranges(block(doc, 4))] == [NONE, WAVE]
    # paragraph 0 was not refreshed; swap its answer to see that its blocks were not touched
    now = analyse_paragraph(Paragraph(0, EN, "營收為 13 億元,增長 13%。", 0, 0, Section.PREPARED, 1))
    monkeypatch.setitem(PARAGRAPHS, 0, now)
    h.refresh_paragraphs([1])
    assert ranges(block(doc, 2)) == EXPECTED[2]
    h.refresh_paragraphs([0])
    assert [r[3] for r in ranges(block(doc, 1))] == [NONE, WAVE]
    assert [r[3] for r in ranges(block(doc, 2))] == [NONE, WAVE]


def test_refresh_after_the_document_changes(qapp):
    doc = make_document()
    h = FigureHighlighter(doc, nothing)
    h.rehighlight()
    h.refresh_paragraphs([0])  # builds the paragraph → blocks map
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    fmt = QTextBlockFormat()
    fmt.setProperty(blocks.KIND, "paragraph")
    fmt.setProperty(blocks.LANG, "en")
    fmt.setProperty(blocks.PARAGRAPH, 7)
    cursor.insertBlock(fmt)
    cursor.insertText("Costs fell 4%.")
    h.set_enabled(False)
    h.set_enabled(True)
    asked: list[int] = []
    h._figures = lambda p, lang: asked.append(p) or None
    h.refresh_paragraphs([7])
    assert asked == [7]
    assert ranges(block(doc, 7)) == [(11, 2, colour("percent"), NONE)]


def test_set_palette_recolours(qapp):
    doc = make_document()
    h = FigureHighlighter(doc, cached)
    h.rehighlight()
    dark = theme.colours(theme.dark_palette())
    h.set_palette(theme.dark_palette())
    got = block(doc, 1).layout().formats()
    assert [r.format.foreground().color() for r in got] == [dark.figures["money"], dark.figures["percent"]]
    assert got[0].format.background().color() == dark.figure_background
    assert dark.figures["money"] != QColor(colour("money"))


def test_offsets_count_utf16_units(qapp):
    text = "\U0001f4c8 Revenue up 31%."
    doc = make_document([("paragraph", "en", 0, text, False)])
    h = FigureHighlighter(doc, nothing)
    h.rehighlight()
    assert text.index("31%") == 13
    assert ranges(block(doc, 0)) == [(14, 3, colour("percent"), NONE)]


def test_paragraph_map_is_built_once(qapp, monkeypatch):
    doc = make_document()
    h = FigureHighlighter(doc, cached, mismatched)
    h.rehighlight()
    built: list[int] = []
    real = h._map_blocks
    monkeypatch.setattr(h, "_map_blocks", lambda d: built.append(1) or real(d))
    h.refresh_paragraphs([0])
    h.refresh_paragraphs([1, 2, 99])  # 2 is only a gap marker, 99 is in no block
    assert built == [1]
    assert ranges(block(doc, 3))[0][3] == WAVE


# --- progressive colouring of a long document ------------------------------------------------------


def long_rows(n: int) -> list[tuple[str, str, int, str, bool]]:
    return [("paragraph", "en", 0, EN, False)] * n


def coloured(doc: QTextDocument) -> list[int]:
    return [n for n in range(doc.blockCount()) if block(doc, n).layout().formats()]


def test_a_long_document_is_coloured_top_first_then_in_slices(qtbot):
    from reader.ui.view.highlighter import SYNC_BLOCKS
    from reader.ui.view.slices import Slicer

    n = SYNC_BLOCKS * 4
    doc = make_document(long_rows(n))
    slicer = Slicer()
    h = FigureHighlighter(doc, cached, mismatched, slicer)
    h.start()
    assert coloured(doc) == list(range(SYNC_BLOCKS))  # the top at once
    assert h.pending()
    h.admit(n - 3, n - 1)  # the reader jumped to the end: coloured now
    assert coloured(doc)[-3:] == [n - 3, n - 2, n - 1]
    qtbot.waitUntil(lambda: not h.pending(), timeout=5000)
    assert coloured(doc) == list(range(n))
    assert ranges(block(doc, n // 2)) == EXPECTED[1]
    # a toggle goes the same way, from where the reader is
    h.set_enabled(False, near=n - 3)
    assert h.pending() and not ranges(block(doc, n - 3))  # at once where the reader is
    assert ranges(block(doc, n // 2)) == EXPECTED[1]  # the rest in slices
    qtbot.waitUntil(lambda: not h.pending(), timeout=5000)
    assert coloured(doc) == []
    h.set_enabled(True, near=n - 3)
    assert ranges(block(doc, n - 3)) == EXPECTED[1] and not ranges(block(doc, n // 2))
    qtbot.waitUntil(lambda: not h.pending(), timeout=5000)
    assert coloured(doc) == list(range(n))


def test_a_short_document_is_coloured_at_once_and_stop_drops_a_pass(qtbot):
    from reader.ui.view.highlighter import SYNC_BLOCKS
    from reader.ui.view.slices import Slicer

    slicer = Slicer()
    short = make_document()
    h = FigureHighlighter(short, cached, mismatched, slicer)
    h.start()
    assert not h.pending() and ranges(block(short, 1)) == EXPECTED[1]
    doc = make_document(long_rows(SYNC_BLOCKS * 3))
    h2 = FigureHighlighter(doc, cached, mismatched, slicer)
    h2.start()
    h2.stop()
    assert not h2.pending() and not slicer.holds(h2._slice)
    qtbot.wait(30)
    assert coloured(doc) == list(range(SYNC_BLOCKS))  # nothing more once stopped


def test_paragraphs_without_figures_yet_wait_for_their_analysis(qapp, lexer_spy):
    """What the view asks for (lex_unknown=False): no lexing on the GUI thread; a paragraph is
    coloured once its analysis arrives and refresh_paragraphs() is called."""
    calls = lexer_spy(fail=True)
    known: dict[int, object] = {}
    doc = make_document()
    h = FigureHighlighter(
        doc, lambda p, lang: cached(p, lang) if p in known else None, mismatched, lex_unknown=False
    )
    h.rehighlight()
    assert calls == [] and coloured(doc) == []
    known[0] = True
    h.refresh_paragraphs([0])
    assert ranges(block(doc, 1)) == EXPECTED[1] and ranges(block(doc, 2)) == EXPECTED[2]
    assert ranges(block(doc, 3)) == []  # paragraph 1: still unknown
    assert calls == []


def test_a_whole_call_analysed_late_is_coloured_from_where_the_reader_is(qtbot, lexer_spy):
    from reader.ui.view.highlighter import SYNC_BLOCKS
    from reader.ui.view.slices import Slicer

    calls = lexer_spy(fail=True)
    n = SYNC_BLOCKS * 4
    known = {"yes": False}
    doc = make_document([("paragraph", "en", i, EN, False) for i in range(n)])
    h = FigureHighlighter(
        doc, lambda p, lang: cached(0, lang) if known["yes"] else None, None, Slicer(), lex_unknown=False
    )
    h.start()
    qtbot.waitUntil(lambda: not h.pending(), timeout=5000)
    assert coloured(doc) == []
    known["yes"] = True
    h.refresh_paragraphs(range(n), near=n - 5)  # more than SYNC_BLOCKS paragraphs: progressively
    assert h.pending()
    assert coloured(doc) == []  # none at once: the view admits what its pane shows
    h.admit(n - 5, n - 1)
    assert ranges(block(doc, n - 5)) == EXPECTED[1] and ranges(block(doc, n // 2)) == []
    qtbot.waitUntil(lambda: not h.pending(), timeout=5000)
    assert coloured(doc) == list(range(n))
    assert calls == []


def test_admit_colours_a_screenful_at_most_and_leaves_the_rest_to_the_pass(qtbot):
    """A pane whose layout is still under way can report a visible range that runs to the end of
    the document: admit() colours ADMIT_BLOCKS of it; the pass colours the rest in its turn."""
    from reader.ui.view.highlighter import ADMIT_BLOCKS, SYNC_BLOCKS
    from reader.ui.view.slices import Slicer

    n = SYNC_BLOCKS * 8
    doc = make_document(long_rows(n))
    slicer = Slicer()
    slicer._timer.timeout.disconnect()  # no slices but those this test runs
    h = FigureHighlighter(doc, cached, mismatched, slicer)
    h.start()
    first = SYNC_BLOCKS * 3
    h.admit(first, n - 1)
    assert coloured(doc) == [*range(SYNC_BLOCKS), *range(first, first + ADMIT_BLOCKS)]
    assert h._slice(0.0)  # a slice past its deadline does one block: the pass's next
    assert coloured(doc)[SYNC_BLOCKS] == SYNC_BLOCKS
    while h._slice(0.0):
        pass
    assert coloured(doc) == list(range(n)) and not h.pending()


def test_every_block_scrolled_into_view_is_coloured_when_it_shows(qtbot):
    """As the view does: each scroll admits the pane's visible blocks; with no slice running, what
    the reader sees is coloured all the same, down to the end."""
    from reader.ui.view.highlighter import SYNC_BLOCKS
    from reader.ui.view.pane import Pane
    from reader.ui.view.slices import Slicer

    n = SYNC_BLOCKS * 8
    doc = make_document(long_rows(n))
    slicer = Slicer()
    slicer._timer.timeout.disconnect()
    h = FigureHighlighter(doc, cached, mismatched, slicer)
    h.start()
    pane = Pane("en")
    qtbot.addWidget(pane)
    pane.resize(420, 300)
    pane.set_document(doc)
    pane.show()
    qtbot.waitExposed(pane)
    bar = pane.verticalScrollBar()
    bar.valueChanged.connect(lambda _v: h.admit(*pane.visible_blocks()))
    doc.documentLayout().documentSize()  # laid out to the end, for the scroll range
    seen: set[int] = set()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + 2 * bar.pageStep())  # a screen skipped each time
        first, last = pane.visible_blocks()
        seen.update(range(first, last + 1))
        assert [n for n in range(first, last + 1) if ranges(block(doc, n)) != EXPECTED[1]] == []
    assert len(seen) > 3 * SYNC_BLOCKS and max(seen) == n - 1  # screens in every part, the last too
    assert set(coloured(doc)) < set(range(n))  # the screens skipped are left to the pass


def test_a_slice_counts_the_relayout_of_the_blocks_already_laid_out(qtbot):
    """Recolouring a block the pane has laid out costs its layout again, at the slice's end: a
    slice stops once that, counted RELAYOUT_S a block, would take it past its deadline."""
    from reader.ui.view.highlighter import RELAYOUT_S, SYNC_BLOCKS
    from reader.ui.view.pane import Pane
    from reader.ui.view.slices import Slicer

    n = SYNC_BLOCKS * 6
    doc = make_document(long_rows(n))
    slicer = Slicer()
    slicer._timer.timeout.disconnect()
    h = FigureHighlighter(doc, cached, mismatched, slicer)
    h.start()
    pane = Pane("en")
    qtbot.addWidget(pane)
    pane.resize(420, 300)
    pane.set_document(doc)
    pane.show()
    qtbot.waitExposed(pane)
    doc.documentLayout().documentSize()  # every block laid out
    before = len(coloured(doc))
    assert h._slice(time.perf_counter() + 10 * RELAYOUT_S)
    assert 1 <= len(coloured(doc)) - before <= 10
    assert ranges(block(doc, SYNC_BLOCKS)) == EXPECTED[1]


def built_call(name: str) -> tuple[QTextDocument, list[int]]:
    """The document `name` of the first call of tests/fixtures/multi_call.txt, as the view's
    worker builds it, and its row -> first block numbers."""
    t = parse_file(Path(__file__).parent / "fixtures" / "multi_call.txt")
    return build(name, t, call_rows(t, 0), QFont(), theme.colours())


def view_highlighter(cls: type[FigureHighlighter], doc: QTextDocument) -> FigureHighlighter:
    """A highlighter of `doc` made as the view makes one, before a pane shows it (no figures)."""
    return cls.started(doc, lambda _p, _lang: None, lambda _p, _lang: None, Slicer(), True)


def test_a_built_document_shown_in_a_pane_is_not_coloured_all_over_again(qtbot):
    # Qt says every block changed when a document's layout is made: made by the pane, after the
    # view's highlighter is, that had the highlighter go over the whole call again in that turn.
    class Counting(FigureHighlighter):
        calls = 0

        def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
            Counting.calls += 1
            super().highlightBlock(text)

    doc, row_blocks = built_call("en")
    hl = view_highlighter(Counting, doc)
    pane = Pane("en")
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    Counting.calls = 0
    pane.set_document(doc, row_blocks)
    assert doc.blockCount() > 20 and doc.documentLayout().documentSize().height() > 300
    assert Counting.calls == 0
    assert hl.document() is doc


def test_a_document_is_built_without_its_layout_object(qtbot):
    # Documents are built on a worker, which must not connect signals (reader.ui.workers, Locks):
    # making a layout object connects one, so the build leaves that to the GUI thread, where the
    # highlighter makes it before it listens.
    for name in ("en", "zh", "interleaved"):
        doc, _row_blocks = built_call(name)
        assert doc.blockCount() > 20
        assert doc.findChildren(QAbstractTextDocumentLayout) == []
        view_highlighter(FigureHighlighter, doc)
        assert len(doc.findChildren(QAbstractTextDocumentLayout)) == 1
