"""The words of a file's reading warnings (`Transcript.warnings`), kept so the window can say them
in the interface language.

Each warning is a `FileWarning`: a `str` holding the English (what `info` prints and its JSON
holds, unchanged) that also keeps its `template`, one of the texts below, and the `values` put
into it. The window translates the template (Qt Linguist context "FileWarnings";
build/update-translations.sh reads this module too) and fills in the same values
(reader.ui.window.file_warnings).
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a text for Qt Linguist; Qt-free, as this module is."""
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


class FileWarning(str):
    """A warning's English text that keeps its template and values."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> FileWarning:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled with its template (the prefetch child's message)
        return (_remade, (self.template, self.values))


def _remade(template: str, values: dict[str, Any]) -> FileWarning:
    return FileWarning(template, **values)
