"""`transcript-reader://open?path=...&paragraph=N` links: written into note exports and quotes,
handed back to the app by a file manager or a Markdown viewer. The paragraph is the 0-based index
that JSON output uses."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlsplit
from urllib.parse import quote as urlquote

from .errors import TranscriptError

LINK_SCHEME = "transcript-reader"


class LinkError(TranscriptError):
    """Not a link the app opens; a one-line reason."""


def link(path: str, paragraph: int) -> str:
    """The link the app opens at a paragraph (0-based, as ``info --json`` counts)."""
    return f"{LINK_SCHEME}://open?path={urlquote(os.fsencode(path), safe='/')}&paragraph={paragraph}"


def parse_link(url: str) -> tuple[str, int | None]:
    """The file and paragraph of a link; LinkError if it is not one."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, errors="surrogateescape")  # a file name's bytes, as os.fsdecode
    paths = query.get("path", [])
    if parts.scheme != LINK_SCHEME or parts.netloc != "open" or len(paths) != 1 or not paths[0]:
        raise LinkError(f"not a {LINK_SCHEME}:// link to a file: {url}")
    paragraph = query.get("paragraph", [""])[0]
    if paragraph and not paragraph.isdigit():
        raise LinkError(f"the paragraph of the link is not a number: {paragraph}")
    return paths[0], int(paragraph) if paragraph else None
