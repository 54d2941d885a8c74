"""What reading a file says to a person, kept so the window can say it in the interface language:
the warnings of a reading (`Transcript.warnings`) and why a file cannot be read (the reason of a
`TranscriptError`).

Each is a `Message`: a `str` holding the English (what `info` prints and its JSON holds, and the
command line's `error:` line, unchanged) that also keeps its `template`, one of the texts below,
and the `values` put into it, some of which are messages themselves. The window translates the
template (Qt Linguist contexts "FileWarnings" and "FileErrors"; build/update-translations.sh
reads this module too) and fills in the same values (reader.ui.i18n.said).
"""

from __future__ import annotations

from typing import Any

_CONTEXTS: dict[str, str] = {}  # each template's Qt Linguist context


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a text for Qt Linguist (Qt-free, as this module is) and notes its context."""
    _CONTEXTS[text] = context
    return text


# Decoding the file's bytes.
CUT_SHORT = QT_TRANSLATE_NOOP(
    "FileWarnings", "the file ends inside a character (it was cut short); the rest was read"
)
NOT_CLEAN_UTF8 = QT_TRANSLATE_NOOP(
    "FileWarnings",
    "{count} undecodable byte sequence(s) replaced with \ufffd (the file is not clean UTF-8){where}",
)
NOT_VALID_IN = QT_TRANSLATE_NOOP(
    "FileWarnings", "some bytes are not valid {encoding} and were replaced with \ufffd{where}"
)
DAMAGED_IN = QT_TRANSLATE_NOOP(
    "FileWarnings",
    "{count} byte sequence(s) that are not valid {encoding} replaced with \ufffd (the file is damaged){where}",  # noqa: E501 (one literal: lupdate reads it whole)
)
GUESSED = QT_TRANSLATE_NOOP(
    "FileWarnings", "the encoding was guessed as {encoding}; some bytes did not fit it"
)
NULS = QT_TRANSLATE_NOOP("FileWarnings", "{count} NUL byte(s) removed")
# Where the damage is (the {where} above): after the text, with its leading space.
ON_LINE = QT_TRANSLATE_NOOP("FileWarnings", " on line {line}")
ON_LINES = QT_TRANSLATE_NOOP("FileWarnings", " on lines {lines}")
ON_LINES_MORE = QT_TRANSLATE_NOOP("FileWarnings", " on lines {lines} and {more} more")

# Pairing English lines with their Chinese translations.
SPEAKER_ALONE = QT_TRANSLATE_NOOP("FileWarnings", "line {line}: speaker line '{text}' has no Chinese line")
CHINESE_ALONE = QT_TRANSLATE_NOOP(
    "FileWarnings", "line {line}: a Chinese line with no English line before it"
)
ENGLISH_ALONE = QT_TRANSLATE_NOOP("FileWarnings", "line {line}: an English line with no Chinese translation")
ENGLISH_RUN_ALONE = QT_TRANSLATE_NOOP(
    "FileWarnings", "lines {first}-{last}: {count} English line(s) with no Chinese translation"
)

# The transcript's structure and text.
BEFORE_FIRST_SPEAKER = QT_TRANSLATE_NOOP(
    "FileWarnings", "{count} paragraph(s) before the first speaker line (speaker unknown)"
)
MOJIBAKE = QT_TRANSLATE_NOOP(
    "FileWarnings", "line {line}: garbled characters ({word!r}): text mis-encoded before it reached this file"
)


# Why a file cannot be read.
NO_SUCH_FILE = QT_TRANSLATE_NOOP("FileErrors", "no such file")
PERMISSION_DENIED = QT_TRANSLATE_NOOP("FileErrors", "permission denied")
IS_A_FOLDER = QT_TRANSLATE_NOOP("FileErrors", "is a folder, not a file")
CANNOT_BE_READ = QT_TRANSLATE_NOOP("FileErrors", "cannot be read ({reason})")
TOO_LARGE_OVER = QT_TRANSLATE_NOOP("FileErrors", "the file is too large (over {mb} MB) for a transcript")
TOO_LARGE = QT_TRANSLATE_NOOP("FileErrors", "the file is too large ({mb} MB) for a transcript")
NOT_REGULAR_IT_IS = QT_TRANSLATE_NOOP("FileErrors", "not a regular file: it is {what}")
NOT_REGULAR = QT_TRANSLATE_NOOP("FileErrors", "not a regular file")
EMPTY = QT_TRANSLATE_NOOP("FileErrors", "the file is empty")
THIS_IS = QT_TRANSLATE_NOOP("FileErrors", "this is {what}, not a text transcript")
BINARY = QT_TRANSLATE_NOOP("FileErrors", "the file is binary data, not a text transcript")
NO_ENCODING = QT_TRANSLATE_NOOP("FileErrors", "the file is not text in any encoding a transcript comes in")
NO_SPEAKER_LINES = QT_TRANSLATE_NOOP("FileErrors", "no speaker lines ({expected}): not a transcript")
NO_TEXT = QT_TRANSLATE_NOOP("FileErrors", "speaker lines but no text: not a transcript")
TEXT_BEFORE_SPEAKERS = QT_TRANSLATE_NOOP(
    "FileErrors", "most of the text comes before any speaker line: not a transcript"
)
# The speaker lines expected (the {expected} above).
USUAL_SPEAKER_LINES = QT_TRANSLATE_NOOP(
    "FileErrors", "'Operator', 'Name - Title', 'Name: text', or a known source's speaker lines"
)
AS_IN_SOURCE = QT_TRANSLATE_NOOP("FileErrors", "{lines}, as in a {source} transcript")
# What a file that is no text is (the {what} above).
A_PDF = QT_TRANSLATE_NOOP("FileErrors", "a PDF document")
A_ZIP = QT_TRANSLATE_NOOP("FileErrors", "a ZIP archive (or a Word/Excel document)")
AN_OLD_OFFICE = QT_TRANSLATE_NOOP("FileErrors", "an old Microsoft Office document")
A_PNG = QT_TRANSLATE_NOOP("FileErrors", "a PNG image")
A_JPEG = QT_TRANSLATE_NOOP("FileErrors", "a JPEG image")
A_GIF = QT_TRANSLATE_NOOP("FileErrors", "a GIF image")
A_PROGRAM = QT_TRANSLATE_NOOP("FileErrors", "a program (ELF binary)")
A_GZIP = QT_TRANSLATE_NOOP("FileErrors", "a gzip archive")
AN_RTF = QT_TRANSLATE_NOOP("FileErrors", "an RTF document")
A_FIFO = QT_TRANSLATE_NOOP("FileErrors", "a named pipe (FIFO)")
A_SOCKET = QT_TRANSLATE_NOOP("FileErrors", "a socket")
A_CHARACTER_DEVICE = QT_TRANSLATE_NOOP("FileErrors", "a character device")
A_BLOCK_DEVICE = QT_TRANSLATE_NOOP("FileErrors", "a block device")


class Message(str):
    """An English text that keeps its template, the template's context, and its values."""

    template: str
    values: dict[str, Any]

    @property
    def context(self) -> str:
        return _CONTEXTS.get(self.template, "")

    def __new__(cls, template: str, **values: Any) -> Message:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled with its template (the prefetch child's message)
        return (_remade, (self.template, self.values))


def _remade(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)
