"""Read a transcript into a :class:`~reader.core.model.Transcript`.

    transcript = parse_file("call.txt")
    transcript = parse_text(clipboard_text, name="the clipboard")
    transcript = parse_bytes(sys.stdin.buffer.read(), name="<stdin>")

Decoding (:mod:`.decoding`), the source's layout (:mod:`.layouts`: the bilingual site's pairing
of English and Chinese lines, LSEG, Capital IQ, ...) and the call's structure (:mod:`.structure`)
each live in their own module; this one puts them together and decides whether what came out is
a transcript at all.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from . import layouts
from .decoding import MAX_BYTES, Decoded, decode
from .errors import TranscriptError
from .files import read_regular
from .identity import assign_keys, fingerprint
from .messages import EMPTY, MOJIBAKE, NO_SPEAKER_LINES, NO_TEXT, TEXT_BEFORE_SPEAKERS, Message
from .model import Paragraph, Transcript
from .pairing import ParagraphItem, SpeakerItem, split_lines
from .structure import build


def parse_file(path: str | os.PathLike[str]) -> Transcript:
    """Parse the file at ``path``. Raises TranscriptError (one-line reason) for anything that is
    not a readable transcript, including a missing or unreadable path."""
    return parse_decoded(read_file(path), path)


def parse_decoded(decoded: Decoded, path: str | os.PathLike[str]) -> Transcript:
    """Parse text `read_file` gave; a TranscriptError names the file it came from."""
    return parse_text(decoded.text, encoding=decoded.encoding, warnings=decoded.warnings, name=str(path))


def read_file(path: str | os.PathLike[str]) -> Decoded:
    """The decoded text of the file at ``path``; TranscriptError when it cannot be read or is
    not text."""
    p = Path(path)
    data = read_regular(p, MAX_BYTES)  # a FIFO, socket or device: refused at once, never a hang
    try:
        return decode(data)
    except TranscriptError as err:
        raise TranscriptError(err.reason, str(p)) from None


def parse_head(decoded: Decoded, size: int) -> Transcript | None:
    """The first call of a big file, parsed from its first `size` characters, or None when the
    file is not that big or that head does not hold a whole call (it must reach into a second).
    What the head gives for its first call is what the whole file gives for it; a reader can be
    shown it while the rest is parsed."""
    text = decoded.text
    if len(text) < 2 * size:
        return None
    cut = text.rfind("\n", 0, size)
    if cut <= 0:
        return None
    try:
        head = parse_text(text[:cut], encoding=decoded.encoding, warnings=list(decoded.warnings))
    except TranscriptError:
        return None
    return head if len(head.calls) >= 2 else None


def parse_bytes(data: bytes, name: str | None = None) -> Transcript:
    """Parse a transcript's bytes from anywhere (standard input: `name="<stdin>"`); a
    TranscriptError names `name` when given."""
    try:
        decoded = decode(data)
    except TranscriptError as err:
        if name is None:
            raise
        raise TranscriptError(err.reason, name) from None
    return parse_text(decoded.text, encoding=decoded.encoding, warnings=decoded.warnings, name=name)


def parse_text(
    text: str, encoding: str = "utf-8", warnings: list[str] | None = None, name: str | None = None
) -> Transcript:
    """Parse a transcript's text, wherever it came from: a file's decoded text, the clipboard,
    standard input. `name` is what a TranscriptError names ("the clipboard", "<stdin>", a
    path); `encoding` is what the text was decoded from, reported as is.

    The text may be in any layout :mod:`.layouts` knows (the bilingual site's files and pages,
    LSEG, Seeking Alpha, Capital IQ, the Motley Fool, Chinese minutes, plain `Name: text`);
    the best fit reads it and `Transcript.layout` says which."""
    try:
        return _parse_collected(text, encoding, warnings)
    except TranscriptError as err:
        if name is None:
            raise
        raise TranscriptError(err.reason, name) from None


def _parse_collected(text: str, encoding: str, warnings: list[str] | None) -> Transcript:
    # A BOM pasted into the middle (files joined with `cat`) is an invisible character.
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return _parse_text(text, encoding, warnings or [])


# UTF-8 read as cp1252 somewhere upstream: "there\u00e2\u20ac\u2122s", or with the last two
# characters lost, "there\u00e2s"; "\u00c3\u00a9" for "\u00e9".
_MOJIBAKE = re.compile(r"\u00e2\u20ac|[a-z]\u00e2[a-z]|\u00c3[\u00a0-\u00bf]")


def _mojibake(paragraphs: list[Paragraph]) -> list[Message]:
    out = []
    for p in paragraphs:
        if p.en and _MOJIBAKE.search(p.en):
            word = next(w for w in p.en.split() if _MOJIBAKE.search(w))
            out.append(Message(MOJIBAKE, line=p.line, word=word))
    return out


def _parse_text(text: str, encoding: str, warnings: list[str]) -> Transcript:
    lines = split_lines(text)
    if not lines:
        raise TranscriptError(Message(EMPTY))
    layout = layouts.choose(lines)
    reading = layout.read(lines, text)
    speaker_lines = sum(isinstance(item, SpeakerItem) for item in reading.items)
    if speaker_lines == 0:
        raise TranscriptError(Message(NO_SPEAKER_LINES, expected=layouts.expected(layout)))
    chinese_only = not any(isinstance(item, ParagraphItem) and item.en for item in reading.items)
    structure = build(reading.items, chinese_only=chinese_only, heads_split=layout.heads_split)
    paragraphs = structure.paragraphs
    if not paragraphs:
        raise TranscriptError(Message(NO_TEXT))
    if structure.turns[0].speaker == "" and structure.turns[0].end * 2 > len(paragraphs):
        raise TranscriptError(Message(TEXT_BEFORE_SPEAKERS))
    assign_keys(paragraphs, structure.turns)
    content = [
        line
        for item in reading.items
        if isinstance(item, (ParagraphItem, SpeakerItem))
        for line in (
            (item.en or "", item.zh or "")
            if isinstance(item, ParagraphItem)
            else (item.speaker.name, item.speaker.title)
        )
    ]
    languages = [lang for lang in ("en", "zh") if any(getattr(p, lang) for p in paragraphs)]
    return Transcript(
        encoding=encoding,
        languages=languages,
        header=structure.header,
        paragraphs=paragraphs,
        turns=structure.turns,
        speakers=structure.speakers,
        calls=structure.calls,
        exchanges=structure.exchanges,
        fingerprint=fingerprint(content),
        warnings=[*warnings, *reading.warnings, *structure.warnings, *_mojibake(paragraphs)],
        layout=layout.id,
    )
