"""Everything of Whoosh's that is not its public API, in one place: the rest of
:mod:`reader.core.search` uses this package's functions and Whoosh's public API only
(``tests/test_search_whoosh_door.py`` enforces it).

Checked against whoosh-reloaded **2.7.5** (:data:`CHECKED_VERSION`, the version pinned in
``pyproject.toml``). What it relies on, by module:

- :mod:`.codec` (writing postings): ``W3Codec``'s constructor arguments and its
  ``postings_writer``/``length_stats`` hooks; ``W3PostingsWriter``'s block state (``_ids``,
  ``_weights``, ``_values``, ``_maxweight``, ``_minlength``, ``_maxlength``, ``_blocklimit``,
  ``_blockcount``, ``_compression``, ``_postfile``, ``_terminfo``) and methods ``_write_block``,
  ``_new_block``, ``_mini_values``; the W3 block layout (magic, a signed 4-byte length, a pickled
  info tuple, the zlib-compressed pickle of (id deltas, weights, values)).
- :mod:`.writer` (writing segments): ``SegmentWriter``'s constructor (``_lk``, ``codec``,
  ``limitmb``) and its internals ``_check_state``, ``_added``, ``perdocwriter``, ``fieldwriter``
  (and its ``_postwriter``), ``pool.iter_postings``, ``_flush_segment``, ``_finalize_segment``,
  ``_close_segment``, ``_commit_toc``, ``_finish``; ``SegmentReader._terms`` (a
  ``W3TermsReader``: ``items()``, ``_codec``, ``_postfile``).
- :mod:`.reading` (reading postings and columns): ``SegmentReader._terms``,
  ``_text_to_bytes``, ``_perdoc``; ``TermInfo.extent()`` (which reads its length back as a
  1-tuple in 2.7.5); ``W3LeafMatcher``'s ``_atend``, ``_read_data``, ``_data``,
  ``_blocklength``, ``_next_block``; a fixed-width column reader's ``_dbfile``, ``_basepos``,
  ``_count``, ``_defaultbytes``; ``FileIndex._read_toc``.

Another Whoosh version may change any of these without notice, so:
- :func:`require_checked` raises :class:`WhooshVersionError` (a clear, one-line error) when the
  installed Whoosh is not the checked one; the indexer and the searcher call it first;
- the indexer records the Whoosh version in the index's manifest, and an index written with
  another version is rebuilt, never read (:func:`installed_version`).
To move to a new Whoosh: read each name above in the new source, run the posting-by-posting
tests (``tests/test_search_engine_*.py``), then change :data:`CHECKED_VERSION` and the pin.
"""

from __future__ import annotations

import whoosh

from ...errors import TranscriptError
from .codec import Codec
from .reading import column_ints, decode_blocks, field_lengths, read_postings, read_term, read_toc
from .writer import SegmentBuilder

__all__ = [
    "CHECKED_VERSION",
    "Codec",
    "SegmentBuilder",
    "WhooshVersionError",
    "column_ints",
    "decode_blocks",
    "field_lengths",
    "installed_version",
    "read_postings",
    "read_term",
    "read_toc",
    "require_checked",
]

CHECKED_VERSION = "2.7.5"
"""The Whoosh (whoosh-reloaded) version whose internals this package was checked against."""


class WhooshVersionError(TranscriptError):
    """The installed Whoosh is not the version this package was checked against."""


def installed_version() -> str:
    return str(whoosh.versionstring())


def require_checked() -> None:
    """Raise :class:`WhooshVersionError` unless the installed Whoosh is :data:`CHECKED_VERSION`."""
    found = installed_version()
    if found != CHECKED_VERSION:
        raise WhooshVersionError(
            f"search needs whoosh-reloaded {CHECKED_VERSION}, but {found} is installed:"
            f" reinstall the app (or pip install whoosh-reloaded=={CHECKED_VERSION})"
        )
