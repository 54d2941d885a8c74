"""Text from a transcript, a note or a file name, made safe to show or to hand to another program.

A transcript or a note can hold anything: terminal escape sequences (ESC, CSI, OSC), BEL,
backspace, carriage returns, C1 controls, bidirectional overrides, and file names can hold bytes
that are not UTF-8 (Python keeps them as lone surrogates, ``os.fsdecode``). None of that may reach
a terminal raw, break a UTF-8 write, or start a formula in a spreadsheet:

- :func:`for_terminal`  every such character written as a visible escape (``\\u001b``,
  ``\\u202e``; a file name's undecodable byte 0xff as ``\\udcff``, Python's name for it); tab and
  newline kept. The escapes are JSON's, so JSON output passed through it stays valid.
- :func:`json_text`     ``json.dumps`` whose output holds no raw C1, bidi or surrogate character
  (they become ``\\uXXXX`` escapes, still valid JSON; C0 is escaped by ``json`` itself).
- :func:`csv_cell`      a cell with its controls escaped and a leading ``= + - @`` neutralised.
- :func:`display_path`  a path as readable text with no surrogates (an undecodable byte as ``\\udcff``).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

# C0 but tab, newline and a CR ending a line (CSV's CRLF), DEL, C1, the bidirectional
# embedding/override/isolate marks (they reorder what a terminal shows), the line/paragraph
# separators, and lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)"
)
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    """``\\u001b``: the JSON form, so that text escaped here stays valid inside a JSON string
    (JSON output printed through the same filter is left valid), and reads the same in text."""
    return f"\\u{ord(match.group()):04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control character but tab and newline (and every lone surrogate or
    bidi override) written as a visible escape: what the command line prints. A CR is kept only
    before a newline (CRLF ends a line; a lone CR would overwrite it)."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """Like :func:`for_terminal`, newline and tab escaped too: a value shown on one line."""
    return _UNSAFE_IN_LINE.sub(_escape, text)


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def json_text(value: Any, *, ascii_only: bool = False, indent: int | None = 2) -> str:
    """``json.dumps(value)`` safe to print and to write as UTF-8: C1 controls, bidi marks, line
    separators and lone surrogates (a file name's undecodable bytes) become ``\\uXXXX`` escapes,
    which every JSON reader accepts; Python's ``json.loads`` gives the same string back. Raises
    ValueError on a float that is not finite: JSON has no Infinity or NaN."""
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent, allow_nan=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(value: object) -> object:
    """A CSV cell as a spreadsheet should read it: text with its controls escaped (newline and
    tab kept) and, when it starts with ``=``, ``+``, ``-`` or ``@`` (or tab, CR), a leading
    apostrophe, so it is shown as text and never run as a formula (OWASP's advice). Numbers and
    None pass unchanged."""
    if not isinstance(value, str):
        return value
    text = for_terminal(value)
    if text.startswith(_FORMULA_START) or value.startswith(_FORMULA_START):
        text = "'" + text
    return text


def display_path(path: str) -> str:
    """A path as readable text with nothing raw in it, the same wherever the app shows one: a
    byte of the name that is not UTF-8 (a lone surrogate, as ``os.fsdecode`` gives it) as the
    byte, ``\\xff``; a control character as its escape (``\\u001b``)."""
    return one_line(os.fsencode(path).decode("utf-8", "backslashreplace"))
