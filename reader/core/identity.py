"""Identity that outlives the file's bytes: a document fingerprint and a key per paragraph.

Both are computed from the text as the parser reads it: decoded, NFC-normalised, lines stripped
of surrounding white space, blank lines dropped. So they do not change with the path, the file
name, the encoding, a BOM, line endings, trailing spaces or blank lines.
The disclaimer header is left out: it says nothing about which call this is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from hashlib import blake2b

from .model import Paragraph, Turn

FINGERPRINT_VERSION = "1"


def fingerprint(lines: Iterable[str]) -> str:
    """32 hex digits (128 bits) over the content lines (as the parser gives them), in order."""
    digest = blake2b(digest_size=16, person=b"transcript-fp" + FINGERPRINT_VERSION.encode())
    digest.update("\n".join(lines).encode("utf-8"))
    return digest.hexdigest()


def assign_keys(paragraphs: list[Paragraph], turns: list[Turn]) -> None:
    """A key per paragraph from its speaker and its text (English, else Chinese), with a counter
    for repeats ("Thank you."), so inserting or deleting a paragraph elsewhere leaves it alone."""
    seen: Counter[str] = Counter()
    for paragraph in paragraphs:
        speaker = turns[paragraph.turn].speaker
        lang = "en" if paragraph.en is not None else "zh"
        source = f"{speaker}\x1f{lang}\x1f{paragraph.text}".encode()
        base = blake2b(source, digest_size=6).hexdigest()
        n = seen[base]
        seen[base] += 1
        paragraph.key = base if n == 0 else f"{base}-{n}"
