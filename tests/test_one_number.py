"""One paragraph number for people: the same paragraph has the same number, counted from 1 through
the whole file, in the status bar, the notes panel, `notes list`, the Markdown and CSV exports,
`info` text, search results (command line and panel) and Copy as Quote; JSON and the link keep
the 0-based index.

The file is the two-call fixture with one figure of the second call's CFO mistranslated in the
Chinese line, so `info` flags that paragraph: index 14, the third paragraph of the second call,
number 15 for a person (a numbering per call would say 3, a 0-based one 14)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reader.cli import main  # noqa: E402
from reader.core.parser import parse_file  # noqa: E402
from reader.core.quote import citation  # noqa: E402
from reader.ui.notes.panel import NOTE  # noqa: E402
from reader.ui.search.panel import HIT  # noqa: E402
from reader.ui.widgets.html_delegate import HTML_ROLE  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
INDEX = 14  # "Thanks, Chloe. Adjusted earnings per share were $1.37 ..." (lines 57/58)
NUMBER = "paragraph 15"


@pytest.fixture
def two_calls(tmp_path) -> Path:
    text = (FIXTURES / "multi_call.txt").read_text(encoding="utf-8")
    assert text.count("1.37 美元") == 1
    path = tmp_path / "calls" / "two_calls.txt"
    path.parent.mkdir()
    path.write_text(text.replace("1.37 美元", "1.73 美元"), encoding="utf-8")
    return path


def cli(capsys, *args) -> str:
    assert main([str(a) for a in args]) == 0
    return capsys.readouterr().out


def panel_items(tree) -> list:
    out, items = [], [tree.invisibleRootItem()]
    while items:
        item = items.pop(0)
        out.append(item)
        items.extend(item.child(i) for i in range(item.childCount()))
    return out


def test_the_paragraph_has_one_number_everywhere_a_person_reads_it(qtbot, capsys, make_window, two_calls):
    t = parse_file(two_calls)
    p = t.paragraphs[INDEX]
    assert p.en.startswith("Thanks, Chloe. Adjusted earnings") and p.call == 1
    assert t.calls[1].first == 12  # so the number in its call would be 3

    # info: the text names the mismatch by number, the JSON by index
    info = cli(capsys, "info", two_calls)
    assert f"  {NUMBER} (line 57): '$1.37' vs '1.73 美元'" in info
    data = json.loads(cli(capsys, "info", two_calls, "--json"))
    assert [m["paragraph"] for m in data["figure_mismatches"]] == [INDEX]

    # notes: added by index (as JSON counts), listed and exported by number
    added = cli(capsys, "notes", "add", two_calls, "--paragraph", INDEX, "--quote", "$1.37", "--note", "EPS")
    assert f"({NUMBER}, en, yellow)" in added
    listed = cli(capsys, "notes", "list", two_calls)
    assert listed.splitlines()[0].startswith(f"#1 {NUMBER} en yellow ")
    assert json.loads(cli(capsys, "notes", "list", two_calls, "--json"))[0]["paragraph"] == INDEX
    markdown = cli(capsys, "notes", "export", two_calls)
    assert f"[{NUMBER}](transcript-reader://open?path=" in markdown
    assert f"&paragraph={INDEX})" in markdown
    rows = list(csv.DictReader(io.StringIO(cli(capsys, "notes", "export", two_calls, "--format", "csv"))))
    assert [(r["paragraph"], r["link"].rsplit("=", 1)[1]) for r in rows] == [("15", str(INDEX))]

    # search from the command line
    assert main(["index", str(two_calls.parent)]) == 0
    capsys.readouterr()
    found = cli(capsys, "search", "adjusted earnings per share")
    assert f"two_calls.txt:57  {NUMBER}  Pennant Foods Q4 2024" in found

    # Copy as Quote
    assert citation(t, INDEX).endswith(", \u00b615")

    # the window: status bar, notes panel, search panel
    window = make_window()
    view = window.open_path(two_calls)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    qtbot.waitUntil(lambda: view.note_marks.pending is None, timeout=10000)
    view.go_to_paragraph(INDEX)
    qtbot.waitUntil(lambda: f"{NUMBER} of 21" in window.position.text(), timeout=5000)
    assert window.shown_number == 15
    assert "call 2 of 2" in window.position.text()

    tree = window.notes.show_panel().tree
    (item,) = [i for i in panel_items(tree) if i.data(0, NOTE) is not None]
    assert NUMBER in item.data(0, HTML_ROLE)

    service = window.search.service
    qtbot.waitUntil(lambda: service.snapshot is not None and not service.indexing, timeout=30000)
    panel = window.search.show_search()
    panel.query.setText("adjusted earnings per share")
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.total > 0, timeout=10000)
    (hit_item,) = [i for i in panel_items(panel.tree) if i.data(0, HIT) is not None]
    assert hit_item.data(0, HIT).paragraph == INDEX
    assert NUMBER in hit_item.data(0, HTML_ROLE)
