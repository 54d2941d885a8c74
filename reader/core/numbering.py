"""The paragraph number a person reads, the same wherever one is shown.

The model indexes paragraphs from 0, straight through the whole file (:mod:`.model`); JSON fields
named ``paragraph`` and ``qa_start`` and the ``transcript-reader://`` link carry that index, for
programs. Everything a person reads (the status bar, the panels and tooltips, `info` and
`notes list` text, the Markdown and CSV exports, search results, Copy as Quote's ¶N) shows the
index plus one: the same paragraph has the same number in every place, in every call of a file.
"""

from __future__ import annotations


def shown(index: int) -> int:
    """The number a person reads for the paragraph at 0-based `index` of the file."""
    return index + 1
