"""`transcript-reader index` and `search`: the JSON shape, the text form, filters, errors (exit 2)."""

import json
import shutil

import pytest

from reader.cli import main
from reader.core.search.indexer import index_dir

HIT_KEYS = ["path", "paragraph", "speaker", "role", "section", "en", "zh", "score"]


@pytest.fixture
def indexed(tmp_path, fixture_path, capsys):
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in ("basic.txt", "simplified.txt", "submitted_questions.txt", "not_a_transcript.txt"):
        shutil.copy(fixture_path(name), folder / name)
    assert main(["index", str(folder)]) == 0
    capsys.readouterr()
    return folder


def search_json(capsys, *args):
    assert main(["search", *args, "--json"]) == 0
    out = capsys.readouterr().out
    return json.loads(out)


def test_index_reports_progress_and_failures_on_stderr(tmp_path, fixture_path, capsys):
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(fixture_path("basic.txt"), folder)
    shutil.copy(fixture_path("not_a_transcript.txt"), folder)
    assert main(["index", str(folder)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "indexing: 100% (2/2 files, 6 kB of 6 kB)" in captured.err
    assert "warning: " in captured.err and "not_a_transcript.txt" in captured.err
    assert "indexed 1" in captured.err and "new index" in captured.err
    # nothing new: nothing read
    assert main(["index"]) == 0
    assert "read 0 files" in capsys.readouterr().err


def test_search_json_shape(indexed, capsys):
    data = search_json(capsys, "營收", "--limit", "3")
    assert list(data) == ["total", "hits", "incomplete", "warnings"]
    assert data["incomplete"] is False and data["warnings"] == []
    assert data["total"] >= 3 and len(data["hits"]) == 3
    for hit in data["hits"]:
        assert list(hit) == HIT_KEYS
        assert isinstance(hit["paragraph"], int) and isinstance(hit["score"], float)
        assert "營收" in hit["zh"] or "营收" in hit["zh"]
    assert {h["path"].rsplit("/", 1)[-1] for h in search_json(capsys, "营收", "--limit", "50")["hits"]} >= {
        "basic.txt",
        "simplified.txt",
    }


def test_search_filters(indexed, capsys):
    hits = search_json(capsys, "margin", "--role", "analyst", "--section", "qa")["hits"]
    assert hits and {(h["role"], h["section"]) for h in hits} == {("analyst", "qa")}
    hits = search_json(capsys, "robots", "--speaker", "Elena Varga")["hits"]
    assert hits and {h["speaker"] for h in hits} == {"Elena Varga"}
    hits = search_json(capsys, "revenue", "--company", "Jadeport")["hits"]
    assert hits and {h["path"].rsplit("/", 1)[-1] for h in hits} == {"simplified.txt"}
    nothing = {"total": 0, "hits": [], "incomplete": False, "warnings": []}
    assert search_json(capsys, "營收", "--lang", "en") == nothing
    assert search_json(capsys, "revenue", "--period", "Q1 2025")["total"] > 0


def test_search_text_form(indexed, capsys):
    assert main(["search", '"gross margin"', "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("found, the best 1:")
    assert "«gross margin»" in out
    assert "(analyst, qa)" in out or "(management," in out


def test_search_nothing_found(indexed, capsys):
    assert main(["search", "zzzqqq"]) == 0
    assert capsys.readouterr().out.strip() == "0 paragraphs found"


def test_search_rebuilds_a_missing_index(indexed, capsys):
    shutil.rmtree(index_dir())
    data = search_json(capsys, "營收")
    assert data["total"] > 0
    assert main(["search", "營收"]) == 0
    assert "rebuilding" not in capsys.readouterr().err  # once is enough


def test_search_rebuilds_a_damaged_index(indexed, capsys):
    for f in index_dir().iterdir():
        if f.suffix == ".seg":
            f.write_bytes(b"garbage")
    assert main(["search", "營收", "--json"]) == 0
    captured = capsys.readouterr()
    assert "rebuilding" in captured.err
    assert json.loads(captured.out)["total"] > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "revenue", "--role", "boss"], "invalid choice"),
        (["search", "revenue", "--limit", "0"], "must be at least 1"),
        (["search", "(revenue"], "missing ')'"),
        (["search", "revenue", "--speaker", ","], "empty speaker filter"),
        (["index", "/no/such/folder"], "no such file or folder"),
        (["index", "--workers", "x", "."], "not a number"),
    ],
)
def test_errors_exit_2_with_one_line(indexed, capsys, args, message):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err
    assert err.count("\n") == 1


def test_errors_with_an_empty_library(capsys):
    assert main(["search", "revenue"]) == 2
    assert "the library is empty" in capsys.readouterr().err
    assert main(["index"]) == 2
    assert "the library is empty" in capsys.readouterr().err
