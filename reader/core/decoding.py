"""Bytes to text: find the encoding of a transcript file and say what was wrong with it.

Order: a byte-order mark (UTF-32, UTF-8, UTF-16), then UTF-32 and UTF-16 without a BOM
(recognised by their NUL patterns), then strict UTF-8, then Big5/GB18030, then detection
(charset-normalizer) limited to the encodings transcripts come in. Damage (NUL bytes, a file cut
inside a character, a few undecodable bytes, in UTF-8 as in Big5 or GB18030) is repaired where
the text survives and reported as a warning naming the lines; only data that is not text at all
raises :class:`TranscriptError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import TranscriptError
from .messages import (
    A_GIF,
    A_GZIP,
    A_JPEG,
    A_PDF,
    A_PNG,
    A_PROGRAM,
    A_ZIP,
    AN_OLD_OFFICE,
    AN_RTF,
    BINARY,
    CUT_SHORT,
    DAMAGED_IN,
    EMPTY,
    GUESSED,
    NO_ENCODING,
    NOT_CLEAN_UTF8,
    NOT_VALID_IN,
    NULS,
    ON_LINE,
    ON_LINES,
    ON_LINES_MORE,
    THIS_IS,
    TOO_LARGE,
    Message,
)

_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Encodings a Chinese/English transcript arrives in, besides UTF-8/16/32.
_LEGACY = ("cp950", "big5", "big5hkscs", "gb18030", "gbk", "gb2312", "cp1252", "latin-1")
_CANONICAL = {"big5": "cp950", "gbk": "gb18030", "gb2312": "gb18030", "latin_1": "cp1252"}

# Well-known binary formats, so the message can say what the file is.
_MAGIC = (
    (b"%PDF", A_PDF),
    (b"PK\x03\x04", A_ZIP),
    (b"\xd0\xcf\x11\xe0", AN_OLD_OFFICE),
    (b"\x89PNG", A_PNG),
    (b"\xff\xd8\xff", A_JPEG),
    (b"GIF8", A_GIF),
    (b"\x7fELF", A_PROGRAM),
    (b"\x1f\x8b", A_GZIP),
    (b"{\\rtf", AN_RTF),
)

MAX_BYTES = 200 * 1024 * 1024

# Control characters (Unicode category Cc) other than the white space text uses (\t \n \v \f \r).
# The checks below count them with C-speed calls, not a loop in Python over a sample's characters.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass
class Decoded:
    """A file's text with the encoding it was read in and what was noticed while decoding."""

    text: str
    encoding: str
    bom: bool = False
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    """Decode a transcript file's bytes. Raises TranscriptError if it is not text."""
    if not data.strip():
        raise TranscriptError(Message(EMPTY))
    if len(data) > MAX_BYTES:
        raise TranscriptError(Message(TOO_LARGE, mb=len(data) // (1024 * 1024)))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise TranscriptError(Message(THIS_IS, what=Message(what)))

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            result = _decode_lenient(data[len(bom) :], encoding)
            result.bom = True
            return _finish(result)

    wide = _utf32_without_bom(data) or _utf16_without_bom(data)
    if wide:
        return _finish(_decode_lenient(data, wide))

    sample = data[:8192]
    if len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > max(8, len(sample) // 100):
        raise TranscriptError(Message(BINARY))

    try:
        return _finish(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            result = Decoded(data[: err.start].decode("utf-8", errors="replace"), "utf-8")
            result.warnings.append(Message(CUT_SHORT))
            return _finish(result)

    # A legacy Chinese encoding that decodes the whole file into real Chinese wins ...
    legacy = _strict_legacy(data)
    if legacy is not None and _plausibility(legacy.text) >= 0.25:
        return _finish(legacy)

    # ... else mostly UTF-8 with a few damaged bytes stays UTF-8: reading it as anything else would
    # garble the rest.
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad <= max(4, len(data) // 2000):
        result = Decoded(replaced, "utf-8")
        where = _where(replaced, data.decode("utf-8", errors="ignore"))
        result.warnings.append(Message(NOT_CLEAN_UTF8, count=bad, where=where))
        return _finish(result)

    # A Big5 or GB18030 file with a few broken characters: read as far as it goes.
    return _finish(legacy or _lenient_legacy(data) or _detect(data))


def _decode_lenient(data: bytes, encoding: str) -> Decoded:
    warnings: list[str] = []
    unit = 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1
    if unit > 1 and len(data) % unit:
        data = data[: len(data) - len(data) % unit]
        warnings.append(Message(CUT_SHORT))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        clean = data.decode(encoding, errors="ignore")
        warnings.append(Message(NOT_VALID_IN, encoding=encoding.upper(), where=_where(text, clean)))
    return Decoded(text, encoding, warnings=warnings)


def _utf32_without_bom(data: bytes) -> str | None:
    """UTF-32 text has a NUL in the top byte of every unit (nothing is above U+10FFFF) and, for
    anything but the rare characters beyond the BMP, in the next one too."""
    sample = data[: 4096 * 4]
    units = len(sample) // 4
    if units < 4:
        return None
    lanes = [sample[i : 4 * units : 4].count(0) for i in range(4)]
    if lanes[3] >= 0.99 * units and lanes[2] >= 0.9 * units and lanes[0] < 0.5 * units:
        return "utf-32-le"
    if lanes[0] >= 0.99 * units and lanes[1] >= 0.9 * units and lanes[3] < 0.5 * units:
        return "utf-32-be"
    return None


_NAMES = {"cp950": "Big5 (cp950)", "gb18030": "GB18030"}


def _lenient_legacy(data: bytes) -> Decoded | None:
    """Big5/cp950 or GB18030 that decodes all but a few bytes into real Chinese: the damaged
    characters replaced with U+FFFD and a warning naming their lines."""
    found = []
    for encoding in ("cp950", "gb18030"):
        text = data.decode(encoding, errors="replace")
        clean = data.decode(encoding, errors="ignore")
        bad = text.count("\ufffd") - clean.count("\ufffd")
        if bad <= max(8, len(data) // 500) and _plausibility(text) >= 0.25:
            found.append((_plausibility(text), -bad, encoding, text, clean))
    if not found:
        return None
    _score, minus_bad, encoding, text, clean = max(found)
    result = Decoded(text, encoding)
    where = _where(text, clean)
    result.warnings.append(Message(DAMAGED_IN, count=-minus_bad, encoding=_NAMES[encoding], where=where))
    return result


def _where(text: str, clean: str) -> Message | str:
    """`` on line 12`` / `` on lines 3, 12, 40 and 2 more``: where ``text`` (decoded with
    errors="replace") holds a U+FFFD that ``clean`` (errors="ignore") does not, i.e. the lines of
    the damage. Line numbers count from 1."""
    lines: list[int] = []
    genuine = clean.count("\ufffd")
    pos, seen, line, counted = text.find("\ufffd"), 0, 1, 0
    while pos != -1:
        seen += 1
        line += text.count("\n", counted, pos)
        counted = pos
        if seen > genuine:
            lines.append(line)
        pos = text.find("\ufffd", pos + 1)
    lines = list(dict.fromkeys(lines))
    if not lines:
        return ""
    if len(lines) == 1:
        return Message(ON_LINE, line=lines[0])
    shown = ", ".join(map(str, lines[:5]))
    if len(lines) > 5:
        return Message(ON_LINES_MORE, lines=shown, more=len(lines) - 5)
    return Message(ON_LINES, lines=shown)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has NULs in every other byte for ASCII; which half says the byte order."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nul = sample[0 : 2 * pairs : 2].count(0)
    odd_nul = sample[1 : 2 * pairs : 2].count(0)
    if odd_nul > 0.3 * pairs and even_nul < 0.05 * pairs:
        return "utf-16-le"
    if even_nul > 0.3 * pairs and odd_nul < 0.05 * pairs:
        return "utf-16-be"
    return None


def _strict_legacy(data: bytes) -> Decoded | None:
    """Big5/cp950 or GB18030 when one of them decodes every byte; the more plausible if both do."""
    strict = []
    for encoding in ("cp950", "gb18030"):
        try:
            strict.append(Decoded(data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    return max(strict, key=lambda d: _plausibility(d.text), default=None)


def _detect(data: bytes) -> Decoded:
    """Last resort: let charset-normalizer pick among the encodings transcripts come in."""
    # charset_normalizer (its models and tables): only for a file in no encoding tried first.
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if match is None:
        raise TranscriptError(Message(NO_ENCODING))
    encoding = _CANONICAL.get(match.encoding, match.encoding)
    result = Decoded(data.decode(encoding, errors="replace"), encoding)
    result.warnings.append(Message(GUESSED, encoding=encoding))
    return result


# About 400 of the most frequent Chinese characters (Traditional and Simplified forms).
_COMMON = set(
    "的一是在不了有和人這这中大為为上個个國国我以要他時时來来用們们生到作地於于出就分對对成會会可主發发年動动同"
    "工也能下過过子說说產产種种面而方後后多定行學学法所民得經经十三之進进著着等部度家電电力裡里如水化高自二理起小"
    "物現现實实加量都兩两體体制機机當当使點点從从業业本去把性好應应開开它合還还因由其些然前外天政四日那社義义事平形"
    "相全表間间樣样與与關关各重新線线內内數数正心反你明看原又麼么利比或但質质氣气第向道命此變变條条只沒没結结解問问"
    "意建月公無无系軍军很情者最立代想已通並并提直題题黨党程展五果料象員员革位入常文總总次品式活設设及管特件長长求老"
    "頭头基資资邊边流路級级少圖图山統统接知較较將将組组見见計计別别她手角期根論论運运農农指幾几九區区強强放決决西被"
    "幹干做必戰战先回則则任取據据處处隊队南給给色光門门即保治北造百規规熱热領领七海口東东導导器壓压志世金增爭争濟济"
    "階阶油思術术極极交受聯联什認认六共權权收證证改清美再採采轉转更單单風风切打白教速花帶带安場场身車车例真務务具萬"
    "万每目至達达走積积示議议聲声報报鬥斗完類类八離离華华名確确才科張张信馬马節节話话米整空元況况今集溫温傳传土許许"
    "步群廣广石記记需段研界拉林律叫且究觀观越織织裝装影算低持音眾众書书布复容兒儿須须際际商非驗验連连斷断深難难近礦"
    "矿千週周委素技備备半辦办青省列習习響响約约支般史感勞劳便團团往酸歷历市克何除消構构府稱称太準准精值號号率族維维"
    "劃划選选標标寫写存候毛親亲快效斯院查江型眼王按格養养易置派層层片始卻却專专狀状育廠厂京識识適适屬属圓圆包火住調"
    "调滿满縣县局照參参紅红細细引聽听該该鐵铁價价嚴严營营收季億亿財财務务謝谢司"
)


def _plausibility(text: str) -> float:
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(c in _COMMON for c in cjk) / len(cjk)


def _finish(result: Decoded) -> Decoded:
    text = result.text
    if text.startswith("\ufeff"):
        text = text[1:]
        result.bom = True
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        result.warnings.append(Message(NULS, count=nuls))
    if _looks_binary(text):
        raise TranscriptError(Message(BINARY))
    result.text = text
    return result


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    control = len(_CONTROL_CHARS.findall(sample))
    replacement = sample.count("\ufffd")
    return control > 0.02 * len(sample) or replacement > 0.2 * len(sample)
