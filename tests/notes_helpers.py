"""Helpers the notes store tests share: the basic fixture's text, writing a variant of a fixture,
opening it as the window does (register + carry-over), and adding a note on a quote."""

from __future__ import annotations

from pathlib import Path

from reader.core.notes.anchors import find_quote
from reader.core.notes.carry import open_document
from reader.core.parser import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
BASIC_TEXT = (FIXTURES / "basic.txt").read_text(encoding="utf-8")
"""The fixture most notes tests write variants of."""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def opened(store, path):
    transcript = parse_file(path)
    return transcript, open_document(store, transcript, path)


def add(store, transcript, paragraph, lang="en", quote=None, color="yellow", text="a note"):
    return store.add(transcript, find_quote(transcript, paragraph, lang, quote), color=color, text=text)
