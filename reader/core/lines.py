"""What a single line is: Chinese or English, the disclaimer header, a speaker line.

These are the facts the parser builds on; each is decided from one line (or a line and its
neighbour) so that a damaged neighbourhood cannot mislead the rest of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Ideographs (CJK unified, extension A, compatibility) and the punctuation only Chinese text uses.
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PUNCT = re.compile(r"[\u3001\u3002\uff0c\uff1a\uff1b\uff1f\uff01\u300c\u300d\u300e\u300f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def is_chinese(line: str) -> bool:
    """A line written in Chinese (it may quote English names, tickers and figures)."""
    if _CJK_PUNCT.search(line):
        return _IDEOGRAPH.search(line) is not None or not _LATIN.search(line)
    if _IDEOGRAPH.search(line) is None:
        return False
    return len(_IDEOGRAPH.findall(line)) * 8 >= len(_LATIN.findall(line))


def has_ideographs(text: str) -> bool:
    return _IDEOGRAPH.search(text) is not None


# --- The disclaimer header -------------------------------------------------------------------

_HEADER_MARK = re.compile("使用警語|使用警语|免責聲明|免责声明")
_HEADER_PAIRS = (("翻譯", "僅供參考"), ("翻译", "仅供参考"), ("Google", "英文原文"))


def is_disclaimer(line: str) -> bool:
    """The machine-translation disclaimer that opens a file (and each call pasted into one)."""
    if len(line) > 200:
        return False
    if _HEADER_MARK.search(line):
        return True
    return any(a in line and b in line for a, b in _HEADER_PAIRS)


# --- Speaker lines ---------------------------------------------------------------------------

# Speaker labels that stand alone, without "Name - Title".
_LABELS = {
    "operator": "operator",
    "conference operator": "operator",
    "conference call operator": "operator",
    "moderator": "operator",
    "unidentified analyst": "analyst",
    "unknown analyst": "analyst",
    "unidentified participant": "unknown",
    "unidentified speaker": "unknown",
    "unknown speaker": "unknown",
    "unidentified company representative": "management",
    "unidentified company speaker": "management",
}
# How the Chinese line may render the operator label.
_OPERATOR_ZH = {
    "操作員",
    "操作员",
    "接線員",
    "接线员",
    "主持人",
    "會議主持人",
    "会议主持人",
    "運營商",
    "运营商",
    "接線生",
    "接线生",
}

_DASH = re.compile(r"\s+(?:-{1,2}|\u2013|\u2014)\s+")
_PARTICLES = {
    "de",
    "da",
    "di",
    "du",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "bin",
    "al",
    "el",
    "dos",
}
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'\u2019.\-]*|\([^\W\d_][\w'\u2019.\- ]*\))$")

# Words that make a title a job title (so a lone "X - Y" line can be trusted to be a speaker).
_ROLE_WORDS = re.compile(
    r"\b(?:analyst|officer|ceo|cfo|coo|cto|president|director|chair(?:man|woman|person)?|vice|vp|svp|evp"
    r"|head|manager|investor relations|ir|founder|partner|treasurer|controller|secretary|executive"
    r"|research|strategist|counsel|relations|board|member|principal|associate|operator|representative"
    r"|spokes(?:man|woman|person)|lead|general|senior|chief|deputy|finance|financial|corporate)\b",
    re.IGNORECASE,
)
_ANALYST_TITLE = re.compile(r"\banalyst\b|research division|\bresearch\b|分析師|分析师", re.IGNORECASE)
_TITLE_END_ABBREV = re.compile(r"(?:Inc|Co|Corp|Ltd|LLC|plc|L\.P|S\.A|N\.A|Jr|Sr)\.$")


@dataclass(frozen=True)
class SpeakerLine:
    """A line read as a speaker line: the name and the title after it."""

    name: str
    title: str
    label_role: str | None = None  # set for stand-alone labels such as "Operator"

    @property
    def strong(self) -> bool:
        """Shaped so clearly like a speaker line that it counts even without its pair."""
        return self.label_role is not None or bool(_ROLE_WORDS.search(self.title))


@lru_cache(maxsize=4096)  # speaker lines come back turn after turn
def parse_speaker_line(line: str) -> SpeakerLine | None:
    """`Operator`, or `Name - Title` (title in English, or translated into Chinese)."""
    text = line.strip()
    if not text or len(text) > 160:
        return None
    if text[-1] in ".?!:;" and not _TITLE_END_ABBREV.search(text):
        return None  # a sentence; no title or label ends so
    label = _LABELS.get(text.casefold())
    if label is not None:
        return SpeakerLine(text, "", label)
    if "-" not in text and "\u2013" not in text and "\u2014" not in text:
        return None
    parts = _DASH.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    name, title = parts[0].strip(), parts[1].strip()
    if not is_name(name) or not _is_title(title):
        return None
    return SpeakerLine(name, title, _LABELS.get(name.casefold()))


def is_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60:
        return False
    if has_ideographs(name):  # a name the Chinese line writes in characters
        return len(name) <= 12 and not _CJK_PUNCT.search(name)
    for i, word in enumerate(words):
        if not _NAME_WORD.match(word):
            return False
        if word[0].islower() and not (0 < i < len(words) - 1 and word in _PARTICLES):
            return False
    return True


def _is_title(title: str) -> bool:
    if not title or len(title) > 120 or len(title.split()) > 16:
        return False
    if has_ideographs(title):
        return len(title) <= 40 and "\u3002" not in title
    first = title[0]
    if not (first.isupper() or first.isdigit()):
        return False
    if title[-1] in ".?!:;" and not _TITLE_END_ABBREV.search(title):
        return False
    return not any(c in title for c in '%$\u20ac\u00a3\u00a5"\u201c\u201d')


def is_analyst_title(title: str) -> bool:
    return bool(_ANALYST_TITLE.search(title))


def chinese_speaker_line(english: SpeakerLine, line: str) -> str | None:
    """If ``line`` is the Chinese rendering of the speaker line ``english``, the translated title
    ("" when the Chinese line only repeats a label); else None."""
    text = line.strip()
    if english.label_role == "operator" and not _DASH.search(text):
        return text if text in _OPERATOR_ZH else None
    other = parse_speaker_line(text)
    if other is None or not has_ideographs(text):
        return None
    if other.name.casefold() == english.name.casefold() or has_ideographs(other.name):
        return other.title
    return None
