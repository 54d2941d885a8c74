"""Whoosh's internals behind one door: no private Whoosh name is used in reader/ outside
reader/core/search/whoosh_internals, and an index or an installation of another Whoosh version
gives a rebuild or a clear error, never a crash deep inside."""

from __future__ import annotations

import ast
import json
import pickle
import re
from pathlib import Path

import pytest
import whoosh

from reader.cli import main
from reader.core.errors import TranscriptError
from reader.core.search import whoosh_internals
from reader.core.search.indexer import Indexer, index_dir
from reader.core.search.library import Library
from reader.core.search.manifest import MANIFEST
from reader.core.search.searcher import Searcher, SearchError

READER = Path(__file__).resolve().parent.parent / "reader"
DOOR = READER / "core" / "search" / "whoosh_internals"
WHOOSH = Path(whoosh.__file__).parent


def whoosh_private_names() -> set[str]:
    """Every identifier starting with one underscore that Whoosh's source mentions: its private
    functions, methods, attributes and modules."""
    names: set[str] = set()
    for path in WHOOSH.rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="replace")
        names.update(n for n in re.findall(r"\b(_[A-Za-z]\w*)", text) if not n.endswith("__"))
    names.update(p.stem for p in WHOOSH.rglob("_*.py") if not p.stem.endswith("__"))
    return names


def violations(source: str, private: set[str]) -> list[str]:
    """Uses of a private Whoosh name in ``source``: ``from whoosh... import _x``, a private
    whoosh module, ``obj._x`` or ``getattr(obj, "_x")`` on anything but self/cls with ``_x`` a
    name private to Whoosh, and any private name used or defined by a class that subclasses a
    class imported from Whoosh."""
    tree = ast.parse(source)
    found: list[str] = []
    from_whoosh: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "whoosh":
            if any(part.startswith("_") for part in (node.module or "").split(".")):
                found.append(f"{node.lineno}: import from {node.module}")
            for alias in node.names:
                from_whoosh.add(alias.asname or alias.name)
                if alias.name.startswith("_"):
                    found.append(f"{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "whoosh":
                    from_whoosh.add(alias.asname or parts[0])
                    if any(p.startswith("_") for p in parts):
                        found.append(f"{node.lineno}: import {alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in private:
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.append(f"{node.lineno}: .{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and node.args[1].value in private
        ):
            found.append(f"{node.lineno}: {node.func.id}(..., {node.args[1].value!r})")
        elif isinstance(node, ast.ClassDef):
            bases = {b.id if isinstance(b, ast.Name) else ast.unparse(b).split(".")[0] for b in node.bases}
            if not bases & from_whoosh:
                continue
            for inner in ast.walk(node):
                name = None
                if isinstance(inner, ast.Attribute) and inner.attr in private:
                    name = inner.attr
                elif isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef) and inner.name in private:
                    name = inner.name
                if name:
                    found.append(f"{inner.lineno}: {name} in {node.name}, a Whoosh subclass")
    return found


def test_no_private_whoosh_name_outside_the_door():
    private = whoosh_private_names()
    assert {"_read_toc", "_terms", "_finalize_segment", "_perdoc", "_write_block"} <= private
    bad = {}
    for path in READER.rglob("*.py"):
        if DOOR in path.parents:
            continue
        found = violations(path.read_text(encoding="utf-8"), private)
        if found:
            bad[str(path.relative_to(READER.parent))] = found
    assert bad == {}


def test_the_door_itself_is_where_they_are():
    """The check finds the door's own uses (so it can find them elsewhere)."""
    private = whoosh_private_names()
    found = [v for p in DOOR.rglob("*.py") for v in violations(p.read_text(encoding="utf-8"), private)]
    assert any("_read_toc" in v for v in found)
    assert any("a Whoosh subclass" in v for v in found)


@pytest.mark.parametrize(
    "source",
    [
        "def f(ix):\n    return ix._read_toc()\n",
        "from whoosh.codec.whoosh3 import W3LeafMatcher\ndef f(m):\n    m._next_block()\n",
        "from whoosh.writing import SegmentWriter\nclass W(SegmentWriter):\n def _flush_segment(s): pass",
        "import whoosh.writing\nclass W(whoosh.writing.SegmentWriter):\n def f(self):\n  self._added = 1",
        "def f(c):\n    return getattr(c, '_dbfile')\n",
        "from whoosh.util import _something\n",
    ],
)
def test_the_check_catches_each_kind_of_use(source):
    assert violations(source, whoosh_private_names())


def test_own_private_names_are_not_whoosh_uses():
    source = (
        "class A:\n    def __init__(self):\n        self._read_toc = 1\n    def _terms(self):\n        pass\n"
    )
    assert violations(source, whoosh_private_names()) == []


# --- versions ---


def write_call(path: Path, word: str) -> None:
    lines = [
        "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主",
        "Jane Roe - Chief Financial Officer",
        "Jane Roe - Chief Financial Officer",
        f"Sales of {word} rose this quarter.",
        "本季銷售上升。",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    write_call(folder / "a.txt", "apricots")
    with Library() as lib:
        lib.add([folder])
        Indexer(lib, workers=1).update()
        yield lib


def set_manifest(**changes):
    path = index_dir() / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path.write_text(json.dumps(data), encoding="utf-8")


def test_the_manifest_names_the_whoosh_that_wrote_the_index(library):
    data = json.loads((index_dir() / MANIFEST).read_text(encoding="utf-8"))
    assert data["whoosh"] == whoosh_internals.installed_version() == whoosh_internals.CHECKED_VERSION


def test_an_index_of_another_whoosh_is_rebuilt_not_read(library):
    set_manifest(whoosh="2.7.4")
    indexer = Indexer(library, workers=1)
    assert indexer.check() == "out of date (written with Whoosh 2.7.4, now 2.7.5)"
    with pytest.raises(SearchError, match=r"written with Whoosh 2\.7\.4 \(now 2\.7\.5\); rebuild it"):
        Searcher(library)
    report = indexer.update()
    assert report.rebuilt and "Whoosh 2.7.4" in report.rebuilt
    with Searcher(library) as s:
        assert s.search("apricots").total == 1


def test_an_index_from_before_the_version_was_recorded_is_read(library):
    set_manifest(whoosh=None)
    assert Indexer(library, workers=1).check() is None
    with Searcher(library) as s:
        assert s.search("apricots").total == 1


def test_search_rebuilds_an_index_of_another_whoosh(library, capsys):
    set_manifest(whoosh="3.0.0")
    assert main(["search", "apricots", "--json"]) == 0
    captured = capsys.readouterr()
    assert "written with Whoosh 3.0.0" in captured.err
    assert json.loads(captured.out)["total"] == 1


def test_another_installed_whoosh_is_a_clear_error(library, monkeypatch, capsys):
    monkeypatch.setattr(whoosh, "versionstring", lambda: "2.8.0")
    needs = r"search needs whoosh-reloaded 2\.7\.5, but 2\.8\.0 is installed"
    with pytest.raises(TranscriptError, match=needs):
        Indexer(library)
    with pytest.raises(TranscriptError, match="2.8.0 is installed"):
        Searcher(library)
    for argv in (["search", "apricots"], ["index"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: search needs whoosh-reloaded 2.7.5")


def test_segments_written_before_the_door_still_unpickle():
    """A segment pickles its codec: old indexes name it reader.core.search.schema.Codec."""
    old = pickle.dumps(whoosh_internals.Codec(), 2).replace(  # protocol 2: names as text
        b"reader.core.search.whoosh_internals.codec", b"reader.core.search.schema"
    )
    assert b"reader.core.search.schema" in old
    assert isinstance(pickle.loads(old), whoosh_internals.Codec)
