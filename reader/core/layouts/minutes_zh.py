"""`minutes-zh`: Chinese minutes of a call (纪要, 实录), in Simplified or Traditional Chinese.

    星辰科技2025年第三季度业绩说明会纪要
    时间：2025年10月21日
    参会人员：董事长兼CEO 张伟；CFO 李娜
    主持人：各位投资者大家好，欢迎参加……
    张伟：感谢各位……
    第二段，同一位发言人。
    问答环节
    中信证券 王磊：请问……
    张伟：……

A turn starts with its speaker's name and a colon inline, before the turn's first paragraph.
`主持人` is the host (the operator), `问`/`答` an unnamed asker and answerer; a firm before a name
(`中信证券 王磊`) makes an analyst; the participant line names the management.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lines import has_ideographs, is_chinese, is_name
from ..model import Role
from ..pairing import CallItem, Item, Line, ParagraphItem, SectionItem
from .common import HEAD, Layout, Reading, qa_heading, speaker_item

_LABEL = re.compile(
    r"^(?P<label>[^\s：:，,。？！、；;（）()]{1,14}(?:[ \u3000（(][^：:，,。？！]{1,24})?)\s*[：:]\s*"
)
# `问1`, `Q2`, `答1`: numbered questions and answers are still one asker and one answerer.
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_NUMBERED = re.compile(r"^(问|問|答|Q|A|q|a)\s*\d{1,3}$")
_META = re.compile(
    r"^(?:[会會][议議])?(?:时间|時間|日期|地点|地點|主题|主題|形式|来源|來源|整理|记录|記錄|备注|備註|注|"
    r"[参參][会會]人[员員]|出席人[员員]|[参參][会會]嘉[宾賓]|出席嘉[宾賓]|嘉[宾賓]|公司[参參][会會]人[员員]|"
    r"股票代[码碼]|[证證]券代[码碼]|[时時]长|[时時][长長]|免[责責][声聲]明|[风風][险險]提示)$"
)
_PARTICIPANT_KEYS = re.compile(r"[参參][会會]|出席|嘉[宾賓]")
_QA = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[【\[])?\s*"
    r"(?:问答环节|問答環節|问答部分|問答部分|问答|問答|Q&A环节|Q&A環節|Q&A|互动问答|互動問答|交流环节|交流環節|提问环节|提問環節)"
    r"\s*[】\]]?$"
)
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[【\[])\s*[^。？！，,]{1,20}[】\]]?$"
)
_TITLE_HINT = re.compile(
    "纪要|紀要|实录|實錄|会议|會議|电话会|電話會|业绩会|業績會|说明会|說明會|交流会|交流會"
)
_HOST = {"主持人", "会议主持人", "會議主持人", "主持", "主持方", "主持人员", "主持人員", "操作员", "操作員"}
_ASKER = {"问", "問", "q", "提问", "提問", "投资者", "投資者", "提问者", "提問者", "投资者提问", "投資者提問"}
_ANSWER = {"答", "a", "回答", "公司", "管理层", "管理層", "公司回答"}
_FIRM = re.compile(
    r"^(?P<firm>.{2,20}?(?:证券|證券|资本|資本|基金|投资|投資|资管|資管|资产|資產|研究所|研究院|研究|银行|銀行|保险|保險|"
    r"信托|信託|期货|期貨|公司|Capital|Securities|Research|Partners|Management))"
    r"\s*(?:分析师|分析師|研究员|研究員)?\s*(?P<name>[^\s：:]{1,12}|[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){1,3})$"
)
_TITLE_WORDS = re.compile(
    r"CEO|CFO|COO|CTO|IR|董事[长長]|[总總][裁经經]|副[总總]|[财財][务務]|董秘|董事|[总總][监監]|投资者关系|投資者關係|[创創]始人|主席"
)


@dataclass
class _Turn:
    line: int
    label: str
    paragraphs: list[ParagraphItem] = field(default_factory=list)
    in_qa: bool = False


def _label(text: str) -> tuple[str, str] | None:
    m = _LABEL.match(text.replace("**", "", 2) if text.startswith("**") else text)
    if m is None:
        return None
    if text.startswith("**"):
        text = text.replace("**", "", 2)
    label = _NUMBERED.sub(r"\1", m["label"].strip())
    if _META.match(label):
        return None
    # A name in characters, `Q`/`A`, a title used as the name (`CEO`), or a Latin name (`Peter Cirino`).
    latin = _ACRONYM.match(label) or (len(label.split()) <= 4 and is_name(label))
    if not (has_ideographs(label) or label.casefold() in ("q", "a") or latin):
        return None
    return label, text[m.end() :].strip()


def score(lines: Sequence[Line]) -> float:
    head = lines[:HEAD]
    if not head:
        return 0.0
    chinese = sum(1 for line in head if is_chinese(line.text))
    if chinese * 10 < len(head) * 8:
        return 0.0  # bilingual or English: another layout's
    labelled = sum(1 for line in head if _label(line.text) is not None)
    if labelled < 3:
        return 0.0
    hinted = any(_QA.match(line.text) or _TITLE_HINT.search(line.text) for line in head[:50])
    return 0.85 if hinted else 0.7


def read(lines: list[Line], whole: str) -> Reading:
    title: str | None = None
    management: dict[str, str] = {}  # name -> title, from the participant line
    turns: list[_Turn] = []
    items: list[Item] = []
    in_qa = False
    for line in lines:
        text = line.text
        if _QA.match(text):
            in_qa = True
            turns.append(_Turn(line.number, "", in_qa=True))  # a marker: no label
            continue
        found = _label(text)
        if found is None:
            key, _, rest = text.replace(":", "：").partition("：")
            if rest and _PARTICIPANT_KEYS.search(key):
                management.update(_participants(rest))
                continue
            if not turns or (not turns[-1].label and not turns[-1].paragraphs and not in_qa):
                if not turns and title is None and _TITLE_HINT.search(text) and len(text) <= 80:
                    title = text
                    continue
                if not turns and ("：" in text or ":" in text) and len(text) <= 80:
                    continue  # 时间：…, 地点：… above the text
            if _HEADING.match(text) and len(text) <= 24:
                continue  # 一、管理层发言: a heading of the minutes, not text
            if not turns:
                turns.append(_Turn(line.number, ""))
            turns[-1].paragraphs.append(ParagraphItem(line.number, None, text))
            continue
        label, rest = found
        turns.append(_Turn(line.number, label, in_qa=in_qa))
        if rest:
            turns[-1].paragraphs.append(ParagraphItem(line.number, None, rest))
    if title is not None:
        items.append(CallItem(lines[0].number, title))
    previous_role: Role | None = None
    for turn in turns:
        if not turn.label:
            if turn.in_qa and not turn.paragraphs:
                items.append(qa_heading(turn.line))
            else:
                items.extend(turn.paragraphs)
            continue
        name, speaker_title, firm, role = _speaker(turn.label, management)
        if role is None:
            asks = turn.in_qa and previous_role is Role.OPERATOR and name not in management
            role = Role.ANALYST if asks else Role.MANAGEMENT
        items.append(speaker_item(turn.line, name, speaker_title, role, firm))
        items.extend(turn.paragraphs)
        previous_role = role
    return Reading(_dedupe_sections(items))


def _dedupe_sections(items: list[Item]) -> list[Item]:
    seen = False
    out: list[Item] = []
    for item in items:
        if isinstance(item, SectionItem):
            if seen:
                continue
            seen = True
        out.append(item)
    return out


def _speaker(label: str, management: dict[str, str]) -> tuple[str, str, str | None, Role | None]:
    """Name, title, firm and (when the label says) role of an inline speaker label."""
    plain = label.strip()
    folded = plain.casefold()
    if folded in _HOST or plain.startswith("主持人"):
        return "主持人", "", None, Role.OPERATOR
    if folded in _ASKER:
        return plain, "", None, Role.ANALYST
    if folded in _ANSWER:
        return plain, "", None, Role.MANAGEMENT
    m = re.match(r"^(?P<name>[^（(]+)[（(](?P<title>[^）)]+)[）)]$", plain)
    if m:
        name, title = m["name"].strip(), m["title"].strip()
        firm = _FIRM.match(f"{title} {name}")
        if firm and not _TITLE_WORDS.search(title):
            return name, "", title, Role.ANALYST
        return name, title, None, Role.MANAGEMENT
    if plain in management:
        return plain, management[plain], None, Role.MANAGEMENT
    known = next(
        (
            name
            for name in management
            if 2 <= len(name) <= 4 and has_ideographs(name) and plain.endswith(name)
        ),
        None,
    )
    if known is not None:  # `公司董事长周明远`: a title before a name the participant line gives
        return known, management[known], None, Role.MANAGEMENT
    firm = _FIRM.match(plain)
    if firm and not _TITLE_WORDS.search(firm["name"]):  # not `XX公司董事长周明远`
        return firm["name"], "分析师", firm["firm"], Role.ANALYST
    parts = plain.split()
    if len(parts) == 2 and _TITLE_WORDS.search(parts[0]):
        return parts[1], parts[0], None, Role.MANAGEMENT
    return plain, "", None, None


def _participants(text: str) -> dict[str, str]:
    """`董事长兼CEO 张伟；CFO 李娜` or `张伟（董事长）、李娜（CFO）` -> {name: title}."""
    out: dict[str, str] = {}
    for entry in re.split(r"[；;，,、/]", text):
        entry = entry.strip()
        if not entry:
            continue
        m = re.match(r"^(?P<name>[^（(]+)[（(](?P<title>[^）)]+)[）)]$", entry)
        if m:
            out[m["name"].strip()] = m["title"].strip()
            continue
        parts = entry.split()
        if len(parts) >= 2:
            out[parts[-1]] = " ".join(parts[:-1])
        else:
            out[entry] = ""
    return out


LAYOUT = Layout("minutes-zh", "'主持人：', '姓名：' before a turn's text", score, read)
