"""The `export` command: a transcript as a PDF, laid out as the window prints it, without a window.

    transcript-reader export FILE --pdf OUT.pdf [--mode side|interleaved|en|zh] [--qa-only] [--notes]
                             [--speaker NAME] [--only-noted]

Qt draws offscreen (no display is needed); the notes printed with --notes are those the notes
store holds for this version of the file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.model import Transcript
from ..core.modes import Mode
from ..core.notes.models import Status
from ..core.notes.store import NotesStore, default_path
from ..core.parser import parse_file
from ..core.printout import Mark, PrintOptions
from ..ui.export.pdf import export_pdf, offscreen_app
from .common import Command, UsageError
from .output import emit


def commands() -> dict[str, Command]:
    return {"export": ("print a transcript to a PDF file, as the window shows it", _configure, _run)}


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a transcript file")
    p.add_argument("--pdf", required=True, metavar="OUT.pdf", help="the PDF file to write")
    p.add_argument(
        "--mode",
        choices=[m.value for m in Mode],
        help="English only, Chinese only, side by side (two columns, pair for pair) or interleaved; "
        "default: side by side, or English for a file with no Chinese",
    )
    p.add_argument("--qa-only", action="store_true", help="only the questions and answers")
    p.add_argument("--notes", action="store_true", help="print the highlights and notes of the file")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's turns (a name as `info` lists it)")
    p.add_argument(
        "--only-noted",
        action="store_true",
        help="only the passages with a highlight or note (implies --notes)",
    )


def _run(args: argparse.Namespace) -> int:
    t = parse_file(args.file)
    bilingual = "zh" in t.languages
    mode = Mode(args.mode) if args.mode else Mode.SIDE if bilingual else Mode.EN
    if mode is not Mode.EN and not bilingual:
        raise UsageError(f"this transcript has no Chinese to show in --mode {mode.value}")
    out = Path(args.pdf)
    if out.is_dir() or not out.parent.is_dir():
        raise UsageError(f"cannot write {out}: not a file in an existing folder")
    if args.qa_only and t.qa_start is None:
        raise UsageError("this transcript has no Q&A section to print with --qa-only")
    if args.speaker is not None and args.speaker not in t.speakers:
        raise UsageError(f"no speaker {args.speaker!r} in this transcript (see `transcript-reader info`)")
    notes = args.notes or args.only_noted
    marks = _marks(t) if notes else []
    if args.only_noted and not marks:
        raise UsageError("--only-noted: this version of the file has no highlight or note")
    options = PrintOptions(
        mode=mode, qa_only=args.qa_only, speaker=args.speaker, notes=notes, only_noted=args.only_noted
    )
    with offscreen_app():
        pages = export_pdf(t, out, options, marks)
    emit(f"wrote {out} ({pages} page{'s' * (pages != 1)}, {len(marks)} highlight(s) and note(s))")
    return 0


def _marks(t: Transcript) -> list[Mark]:
    """The placed highlights and notes the store holds for this version of the file (none when
    the store has never been made: the export does not make one)."""
    if not default_path().exists():
        return []
    with NotesStore() as store:
        if store.find_document(t.fingerprint) is None:
            return []
        notes = store.notes(t.fingerprint)
    return [
        Mark(n.placement.paragraph, n.anchor.lang, n.anchor.start, n.anchor.end, n.color, n.text)
        for n in notes
        if n.status is not Status.ORPHAN and n.placement.paragraph is not None
    ]
