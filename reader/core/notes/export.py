"""Notes for reading elsewhere: Markdown (grouped by call and speaker) and CSV (one row a note).

Both work from the store alone, without opening the transcripts: each note keeps the paragraph
in the other language and the speaker from when it was last placed. Every note links back to its
place twice: the file path and paragraph in words, and a ``transcript-reader://open?...`` link
the app opens. Backup and restore (JSON) is :mod:`.backup`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from ..links import link
from ..numbering import shown
from ..textsafe import csv_cell, display_path, for_terminal
from .models import Document, Note, Status, now_iso
from .store import NotesStore

CSV_COLUMNS = (
    "id",
    "uuid",
    "file",
    "company",
    "period",
    "speaker",
    "section",
    "paragraph",
    "lang",
    "quote",
    "counterpart",
    "color",
    "note",
    "status",
    "created",
    "updated",
    "link",
)

_EMPHASIS_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_NUMBERED = re.compile(r"([0-9]+)[.)](?:\s|$)")

_SECTION_NAMES = {"prepared": "prepared remarks", "qa": "Q&A"}


def gather(store: NotesStore, fingerprint: str | None = None) -> list[tuple[Document, list[Note]]]:
    """The live notes of one document, or of every document holding some, with each document."""
    documents = [store.document(fingerprint)] if fingerprint else store.documents()
    return [(d, store.notes(d.fingerprint)) for d in documents]


def to_markdown(groups: Iterable[tuple[Document, list[Note]]]) -> str:
    groups = [(d, notes) for d, notes in groups if notes]
    total = sum(len(notes) for _, notes in groups)
    out = [
        "# Notes",
        "",
        f"Exported from Transcript Reader on {now_iso()}: {total} note{'s' * (total != 1)} "
        f"in {len(groups)} file{'s' * (len(groups) != 1)}.",
    ]
    for document, notes in groups:
        out += ["", f"## {_md(_file_name(document.path))}", "", f"File: {_md_code(document.path)}"]
        placed = [n for n in notes if n.status is not Status.ORPHAN]
        calls = sorted({n.placement.call for n in placed}, key=lambda c: -1 if c is None else c)
        for call in calls:
            in_call = [n for n in placed if n.placement.call == call]
            out += ["", f"### {_md(document.call_label(call) or 'Call')}"]
            speakers: dict[str, list[Note]] = {}
            for note in in_call:
                speakers.setdefault(note.placement.speaker, []).append(note)
            for speaker, said in speakers.items():
                title = said[0].placement.speaker_title
                heading = f"{speaker}, {title}" if speaker and title else speaker or "(no speaker)"
                out += ["", f"#### {_md(heading)}"]
                for note in said:
                    out += ["", *_md_note(document, note)]
        orphans = [n for n in notes if n.status is Status.ORPHAN]
        if orphans:
            out += ["", "### Orphaned notes (their passage is no longer in the file)"]
            for note in orphans:
                out += ["", *_md_note(document, note)]
    return "\n".join(out) + "\n"


def _md_note(document: Document, note: Note) -> list[str]:
    where = note.placement
    if where.paragraph is None:
        head = f"- **{_md(note.color)}** · orphan · was said by {_md(where.speaker or 'unknown')}"
    else:
        section = _SECTION_NAMES.get(where.section, where.section)
        target = link(document.path, where.paragraph)
        head = (
            f"- **{_md(note.color)}** · [paragraph {shown(where.paragraph)}]({target})"
            f" of {_md_code(_file_name(document.path))} · {_md(section)}"
        )
        if note.status is Status.REANCHORED:
            head += " · re-anchored"
    lines = [head, ""]
    quote_label, other_label = ("EN", "中文") if note.anchor.lang == "en" else ("中文", "EN")
    lines.append(f"  > **{quote_label}** {_md(note.anchor.quote)}")
    if where.counterpart:
        lines += ["  >", f"  > **{other_label}** {_md(where.counterpart)}"]
    if note.text:
        lines.append("")
        lines += [f"  {_md_line(line)}" if line.strip() else "" for line in note.text.splitlines()]
    return lines


def to_csv(groups: Iterable[tuple[Document, list[Note]]]) -> str:
    """One row per note, the columns in :data:`CSV_COLUMNS`; paragraph is empty for an orphan."""
    buffer = io.StringIO()
    # every text cell quoted, and one that would start a formula prefixed with an apostrophe
    # (csv_cell): what OWASP advises against CSV injection
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CSV_COLUMNS)
    for document, notes in groups:
        for note in notes:
            where = note.placement
            call = (
                document.calls[where.call]
                if where.call is not None and where.call < len(document.calls)
                else None
            )
            company, period = call if call else (document.company, document.period)
            writer.writerow(
                csv_cell(cell)
                for cell in (
                    note.id,
                    note.uuid,
                    display_path(document.path),
                    company or "",
                    period or "",
                    where.speaker,
                    where.section,
                    "" if where.paragraph is None else shown(where.paragraph),
                    note.anchor.lang,
                    note.anchor.quote,
                    where.counterpart,
                    note.color,
                    note.text,
                    note.status.value,
                    note.created,
                    note.updated,
                    "" if where.paragraph is None else link(document.path, where.paragraph),
                )
            )
    return buffer.getvalue()


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _md(text: str) -> str:
    """Text shown as itself in Markdown: control characters written as escapes (nothing raw
    reaches a terminal that shows the file), the characters that would start markup escaped, and
    line breaks folded (a quote is one paragraph)."""
    text = for_terminal(" ".join(text.split()))
    for ch in "\\`*[]<>#|~":
        text = text.replace(ch, "\\" + ch)
    return _EMPHASIS_UNDERSCORE.sub(r"\\_", text)  # "english_only" needs no escape


def _md_line(line: str) -> str:
    """One line of a note's text as itself: :func:`_md`, and a list marker, heading underline or
    quote that would start it escaped too."""
    text = _md(line)
    if numbered := _NUMBERED.match(text):
        return text[: numbered.end(1)] + "\\" + text[numbered.end(1) :]
    return "\\" + text if text.startswith(("-", "+", "=")) else text


def _md_code(text: str) -> str:
    """A path as inline code: escaped like :func:`display_path`, fenced with more backticks than
    it holds."""
    shown = display_path(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"
