"""What the words of a call say about its structure: the operator's announcements of questioners,
the phrases that open the Q&A or a new call, and the company and period a call names.

All of it reads the English text; the Chinese is a machine translation of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import has_ideographs, is_name

_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z(])|\s*\((?:Operator Instructions|Operator instructions)\)\s*")
# In Chinese text also after 。？！, and around `(操作員說明)` (older pages of the site) or
# `(操作員指示)` (newer ones): both render `(Operator Instructions)`.
_SENTENCE_ZH = re.compile(
    _SENTENCE.pattern + r"|\s*[(\uff08]操作[員员](?:說明|说明|指示)[)\uff09]\s*|(?<=[。？！])\s*"
)


def sentences(text: str) -> list[str]:
    pattern = _SENTENCE_ZH if has_ideographs(text) else _SENTENCE
    return [s.strip() for s in pattern.split(text) if s and s.strip()]


# --- The operator announcing a questioner ----------------------------------------------------


@dataclass(frozen=True)
class Announcement:
    """Whom the operator announced: the analyst's name and firm."""

    name: str
    firm: str | None


_SHORT_ANNOUNCEMENT = re.compile(
    r"^(?P<name>[^,]{2,60}),\s+(?:with |from |of |at )?(?P<firm>[^,]{2,80}?)\.?$"
)
_LONG_ANNOUNCEMENT = re.compile(
    r"\b(?:question|questions|line)\b[^.?!]{0,40}?\b(?:from|of)\s+(?:the line of\s+)?"
    r"(?P<name>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,4}?)"
    r"(?:\s+(?:with|from|of|at)\s+(?P<firm>[A-Z][^.?!]{1,80}?))?\s*(?:[.,;]|\s+(?:Your|Please|Go)\b|$)"
)


def find_announcement(text: str) -> Announcement | None:
    """`Jiaqi Zhang, CICC.` or `Our next question comes from Jane Doe with Acme Securities.`"""
    if len(text) > 400:  # announcements are short; a long paragraph is the operator talking
        return None
    for sentence in reversed(sentences(text)):
        if len(sentence) <= 100:
            m = _SHORT_ANNOUNCEMENT.match(sentence.rstrip(".").strip("[]{} "))
            name = m["name"].strip() if m else ""
            if m and len(name.split()) >= 2 and is_name(name) and not m["firm"][:1].islower():
                return Announcement(name, m["firm"].strip())
        m = _LONG_ANNOUNCEMENT.search(sentence)
        name = m["name"].strip().rstrip(".") if m else ""
        if m and len(name.split()) >= 2 and is_name(name):
            firm = m["firm"].strip() if m["firm"] else None
            return Announcement(name, firm)
    return None


# --- The Q&A opening -------------------------------------------------------------------------

_QA_CUES = (
    re.compile(r"\b(?:first|next|following|last|final|second|third)\s+question\b", re.I),
    re.compile(r"\bquestions?\s+(?:today\s+)?(?:comes?|is|are)\s+from\b", re.I),
    re.compile(r"\bsubmitted\b.{0,60}\bquestions?\b|\bquestions?\b.{0,60}\bsubmitted\b", re.I),
    re.compile(
        r"\b(?:now|at this time)\b.{0,60}\b(?:question-and-answer|question and answer|q&a|questions)\b", re.I
    ),
    re.compile(
        r"\b(?:begin|start|open|conduct)\b.{0,30}\b(?:question-and-answer|question and answer|q&a)\b", re.I
    ),
    # The same in a Chinese-only text (Simplified or Traditional).
    re.compile(
        "问答环节|問答環節|提问环节|提問環節|开始提问|開始提問|进入问答|進入問答|第一个问题|第一個問題"
        "|第一位提问|第一位提問|下一个问题|下一個問題|下一位提问|下一位提問|接下来的问题|接下來的問題"
    ),
)
# A sentence about a Q&A that comes later belongs to the opening, not to the Q&A.
_QA_LATER = re.compile(r"\b(?:after|following|later|at the end|there will be|will be available)\b", re.I)


def opens_questions(text: str) -> bool:
    """An operator paragraph that opens (or goes on with) the questions."""
    for sentence in sentences(text):
        if _QA_LATER.search(sentence):
            continue
        if any(cue.search(sentence) for cue in _QA_CUES):
            return True
    return False


def reads_question(text: str) -> bool:
    """The operator reading out a question on someone's behalf (a submitted question)."""
    return "?" in text or bool(re.search(r"\bquestion (?:is|was|asks)\b", text, re.I))


_OPENING = re.compile(
    r"\bwelcome\b.{0,160}\b(?:call|conference|webcast|earnings|results|presentation)\b"
    r"|\bthank you for standing by\b|\bladies and gentlemen\b.{0,40}\b(?:welcome|thank you for)\b"
    r"|[欢歡]迎.{0,60}(?:[会會][议議]|[电電][话話]|[业業][绩績]|交流|[说說]明[会會])",
    re.I,
)
_CLOSING = re.compile(
    r"\b(?:concludes|conclude|concluded)\b.{0,60}\b(?:call|conference|session|program|today)\b"
    r"|\bmay (?:now )?disconnect\b|\bno further questions\b|\bend of (?:the |our )?(?:call|q&a)\b"
    r"|[会會][议議]到此[结結]束|本次[会會][议議][结結]束|[没沒]有更多(?:的)?(?:问题|問題)",
    re.I,
)


def opens_call(text: str) -> bool:
    head = text[:400]
    if "elcome" not in head and "tanding by" not in head and "adies and" not in head and "迎" not in head:
        return False  # the cheap test first: this runs on every turn of a long file
    return bool(_OPENING.search(head))


def closes_call(text: str) -> bool:
    return bool(_CLOSING.search(text))


# --- Company and period ----------------------------------------------------------------------

_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_PERIOD = re.compile(
    r"\b(?:(?P<fiscal1>fiscal(?: year)?\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
    r"(?:\s+(?:of\s+)?(?P<fiscal2>fiscal(?: year)?\s*)?(?P<year1>(?:19|20)\d\d))?"
    r"|Q(?P<q>[1-4])\s*(?P<fiscal3>FY|fiscal(?: year)?\s*)?'?(?P<year2>(?:19|20)?\d\d)\b"
    r"|(?P<half>first|second)\s+half(?:\s+(?:of\s+)?(?P<year3>(?:19|20)\d\d))?"
    r"|(?:full[\s-]year|fiscal(?: year)?)\s+(?P<year4>(?:19|20)\d\d))\b",
    re.I,
)
_WELCOME_COMPANY = re.compile(
    r"\bwelcome (?:everyone |everybody |you |all )?to (?:the |today's |our )?"
    r"(?P<company>[A-Z][\w&.\-]*(?:\s+(?:[A-Z][\w&.\-]*|&|and|of))*?)(?:'s|\u2019s|'|\u2019)?\s+"
    r"(?=(?:fiscal\s+|full[\s-]year\s+|first\s|second\s|third\s|fourth\s|1st\s|2nd\s|3rd\s|4th\s|Q[1-4]|"
    r"(?:19|20)\d\d|earnings|quarterly|results|conference|financial))"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def normalise_period(match: re.Match[str], context: str = "") -> str:
    year = match["year1"] or match["year2"] or match["year3"] or match["year4"]
    if year and len(year) == 2:
        year = "20" + year
    fiscal = bool(match["fiscal1"] or match["fiscal2"] or match["fiscal3"])
    if not year:
        near = _YEAR.search(context)
        year = near.group(0) if near else None
    if match["ord"] or match["q"]:
        quarter = _ORDINAL[match["ord"].lower()] if match["ord"] else int(match["q"])
        label = f"Q{quarter}"
    elif match["half"]:
        label = "H1" if match["half"].lower() == "first" else "H2"
    else:
        return f"FY{year}"
    if year:
        return f"{label} {'FY' if fiscal else ''}{year}"
    return label


def find_company_period(texts: list[str]) -> tuple[str | None, str | None]:
    """The company and period a call's opening paragraphs name, e.g. ("Ecarx", "Q2 2024")."""
    company = period = None
    for text in texts:
        if company is None:
            m = _WELCOME_COMPANY.search(text)
            if m and len(m["company"]) <= 60:
                company = m["company"].strip()
        if period is None:
            for m in _PERIOD.finditer(text):
                normalised = normalise_period(m, text[m.end() : m.end() + 20])
                if " " in normalised or normalised.startswith("FY"):
                    period = normalised
                    break
        if company and period:
            break
    return company, period


# --- Company and period from a title line ----------------------------------------------------

_TICKER = re.compile(r"\s*\((?:[A-Z]{1,6}:)?[A-Z0-9.]{1,8}(?:\s+[-+]?[\d.]+%)?\)")
_CALL_WORDS = re.compile(
    r"\b(?:earnings|results|financial results)?\s*(?:conference\s+)?(?:call|presentation)"
    r"(?:\s+transcripts?)?\b.*$"
    r"|\btranscripts?\b.*$",
    re.I,
)
_EXCHANGE_PREFIX = re.compile(r"\s+(?:NYSE|Nasdaq\w*|NasdaqGS|NasdaqGM|SEHK|TSX|LSE)\s*:\s*\S+", re.I)


def find_company_period_in_title(title: str) -> tuple[str | None, str | None]:
    """The company and period a source's title line names: `Acme Corp. (ACME) Q2 2024 Earnings
    Call Transcript`, `Q2 2024 Acme Corp Earnings Call`, `Acme Corp., Q2 2024 Earnings Call, ...`."""
    m = _PERIOD.search(title)
    period = normalise_period(m, title[m.end() : m.end() + 20]) if m else None
    if period is not None and " " not in period and not period.startswith("FY"):
        period = None
    before, after = (title[: m.start()], title[m.end() :]) if m else (title, "")
    company = None
    for part in (before, after):
        part = _EXCHANGE_PREFIX.sub("", _TICKER.sub("", part))
        part = _CALL_WORDS.sub("", part).strip(" ,;:-\u2013\u2014|")
        part = re.sub(r"^(?:F?Y?\s*'?\d{2,4}\s*)", "", part).strip(" ,")
        if part and len(part) <= 60 and part[0].isupper():
            company = part
            break
    return company, period


_PERIOD_ZH = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*年?\s*(?:"
    r"(?:第\s*(?P<q>[一二三四1-4])\s*季)|(?:Q(?P<qq>[1-4]))|(?P<h1>上半年|中期|半年度)|(?P<h2>下半年)"
    r"|(?P<fy>全年|年度|年报|年報))"
)
_ZH_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4}


def find_company_period_zh(texts: list[str]) -> tuple[str | None, str | None]:
    """The company and period a Chinese title or opening names: `星辰科技2024年第二季度业绩会纪要`
    gives ("星辰科技", "Q2 2024")."""
    company = period = None
    for text in texts:
        m = _PERIOD_ZH.search(text)
        if m is None:
            continue
        year = m["year"]
        if m["q"] or m["qq"]:
            q = m["q"] or m["qq"]
            period = f"Q{_ZH_NUMBER.get(q, q)} {year}"
        elif m["h1"]:
            period = f"H1 {year}"
        elif m["h2"]:
            period = f"H2 {year}"
        else:
            period = f"FY{year}"
        name = text[: m.start()].strip(" ：:，,（(【[")
        name = re.sub(r"^.*?[：:]", "", name).strip()
        # `……歡迎參加 Acme 2025 年第二季……`: the company follows the welcome.
        name = re.sub(r"^.*?[歡欢]迎(?:各位|大家|您)?(?:參加|参加|來到|来到|收听|收聽)?", "", name).strip(
            " ,，的"
        )
        if 2 <= len(name) <= 30:
            company = name
        break
    return company, period
