"""The `notes` command of the command line: add, list, export and import notes.

    transcript-reader notes add FILE --paragraph N [--lang en|zh] [--quote TEXT] [--color C] [--note TEXT]
    transcript-reader notes list FILE [--json]
    transcript-reader notes export [FILE] [--format md|json|csv] [-o OUT]
    transcript-reader notes import FILE.json
    transcript-reader notes recovery [--dismiss] [--all]

Opening a FILE here does what opening it in the window does (:func:`open_document`): notes of an
earlier version of the file are carried over and re-anchored, so `list` shows true statuses.
Qt-free: scripts and tests use it without a display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import TranscriptError
from ..core.files import read_regular, write_atomically
from ..core.notes.anchors import find_quote
from ..core.notes.backup import from_json, to_json
from ..core.notes.carry import open_document
from ..core.notes.export import gather, to_csv, to_markdown
from ..core.notes.models import COLORS, LANGS, Note
from ..core.notes.store import NotesStore
from ..core.numbering import shown
from ..core.parser import parse_file
from ..core.textsafe import one_line
from .common import Command, UsageError
from .output import emit, emit_json

if TYPE_CHECKING:
    from ..core.model import Transcript
    from ..core.notes.store import NotesStore


MAX_IMPORT_BYTES = 512 * 1024 * 1024
DISMISS = "transcript-reader notes recovery --dismiss"


def commands() -> dict[str, Command]:
    return {"notes": ("add, list, export and import notes on passages", _configure, _run)}


def _configure(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a note on a paragraph (or a quote in it)")
    add.add_argument("file", help="a transcript file")
    add.add_argument(
        "--paragraph",
        type=int,
        required=True,
        metavar="N",
        help="0-based paragraph index, as JSON output counts (the number the text output shows, minus 1)",
    )
    add.add_argument("--lang", choices=LANGS, default="en", help="language of the passage (default en)")
    add.add_argument("--quote", help="the passage: text of that paragraph (default: the whole paragraph)")
    add.add_argument(
        "--color", choices=COLORS, default=COLORS[0], help=f"highlight colour (default {COLORS[0]})"
    )
    add.add_argument("--note", default="", help="the note's text (empty: a highlight alone)")
    add.add_argument("--json", action="store_true", help="print the new note as one JSON object")

    lst = actions.add_parser("list", help="list the notes of a file")
    lst.add_argument("file", help="a transcript file")
    lst.add_argument("--json", action="store_true", help="print one JSON list")

    export = actions.add_parser("export", help="export the notes of a file, or of every file")
    export.add_argument("file", nargs="?", help="a transcript file (default: every annotated file)")
    export.add_argument("--format", choices=("md", "json", "csv"), default="md", help="default md")
    export.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")

    recovery = actions.add_parser(
        "recovery", help="what was recovered from a damaged notes store (until dismissed)"
    )
    recovery.add_argument("--dismiss", action="store_true", help="stop the reminder on every notes command")
    recovery.add_argument("--all", action="store_true", help="list dismissed reports too")

    imp = actions.add_parser("import", help="restore notes from a JSON export (adds no duplicates)")
    imp.add_argument("file", metavar="FILE.json", help="a file written by `notes export --format json`")


def _run(args: argparse.Namespace) -> int:
    with NotesStore() as store:
        if args.action != "recovery":
            for line in store.recovery_warnings():
                print(one_line(f"warning: {line} (to stop this reminder: {DISMISS})"), file=sys.stderr)
        actions = {"add": _add, "list": _list, "export": _export, "recovery": _recovery}
        action = actions.get(args.action, _import)
        status = action(store, args)
        if (warning := store.decode_warning()) is not None:
            print(one_line("warning: " + warning), file=sys.stderr)
        return status


def _recovery(store: NotesStore, args: argparse.Namespace) -> int:
    reports = store.recovery_reports(include_dismissed=args.all)
    for report in reports:
        emit(
            f"#{report.id} {report.message}"
            + (f" [dismissed {report.dismissed}]" if report.dismissed else "")
        )
    if not reports:
        print("no damaged notes store was recovered" if args.all else "nothing to report")
    if args.dismiss:
        print(f"dismissed {store.dismiss_recovery()} report(s)")
    return 0


def _open(store: NotesStore, file: str) -> tuple[Transcript, str]:

    transcript = parse_file(file)
    result = open_document(store, transcript, file)
    if result.carried:
        print(
            f"note: carried {result.carried} note(s) over from an earlier version of this file "
            f"({result.reanchored} re-anchored, {result.orphaned} orphaned)",
            file=sys.stderr,
        )
    return transcript, transcript.fingerprint


def _add(store: NotesStore, args: argparse.Namespace) -> int:
    transcript, _ = _open(store, args.file)
    anchor = find_quote(transcript, args.paragraph, args.lang, args.quote)
    note = store.add(transcript, anchor, color=args.color, text=args.note)
    if args.json:
        emit_json(_list_item(note))
    else:
        where = "" if note.paragraph is None else f"paragraph {shown(note.paragraph)}, "
        print(f"added note {note.id} ({where}{note.anchor.lang}, {note.color})")
    return 0


def _list(store: NotesStore, args: argparse.Namespace) -> int:
    _, fingerprint = _open(store, args.file)
    notes = store.notes(fingerprint)
    if args.json:
        emit_json([_list_item(n) for n in notes])
        return 0
    if not notes:
        print("no notes")
    for n in notes:
        where = "orphan" if n.paragraph is None else f"paragraph {shown(n.paragraph)}"
        status = "" if n.status.value == "attached" else f" [{n.status.value}]"
        lines = [f"#{n.id} {where} {n.anchor.lang} {n.color}{status} {n.updated}", f"    “{n.anchor.quote}”"]
        lines += [f"    {line}" for line in n.text.splitlines()]
        emit("\n".join(lines))
    return 0


def _list_item(n: Note) -> dict[str, object]:
    return {
        "id": n.id,
        "uuid": n.uuid,
        "paragraph": n.paragraph,
        "lang": n.anchor.lang,
        "quote": n.anchor.quote,
        "color": n.color,
        "note": n.text,
        "status": n.status.value,
        "created": n.created,
        "updated": n.updated,
    }


def _export(store: NotesStore, args: argparse.Namespace) -> int:

    fingerprint = _open(store, args.file)[1] if args.file else None
    if args.format == "json":
        text = to_json(store, fingerprint)
    elif args.format == "csv":
        text = to_csv(gather(store, fingerprint))
    else:
        text = to_markdown(gather(store, fingerprint))
    if args.output is None:
        emit(text.rstrip("\n") if args.format != "csv" else text.rstrip("\r\n"))
    else:
        _write_atomically(Path(args.output), text, bom=args.format == "csv")
    return 0


def _import(store: NotesStore, args: argparse.Namespace) -> int:
    data = read_regular(args.file, MAX_IMPORT_BYTES)  # a FIFO or device: refused, never a hang
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise TranscriptError(f"cannot be read (not UTF-8: {err.reason})", args.file) from None
    result = from_json(store, text, args.file)
    print(
        f"imported {result.added} new note(s), updated {result.updated}, "
        f"{result.unchanged} already present, from {result.documents} file(s)"
    )
    return 0


def _write_atomically(path: Path, text: str, bom: bool) -> None:
    """Write ``path`` whole or not at all: an export is often the user's only backup. CSV gets a
    BOM so spreadsheet programs read the Chinese as UTF-8."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name to -o")
    try:
        write_atomically(path, text, "utf-8-sig" if bom else "utf-8")
    except OSError as err:
        raise TranscriptError(f"cannot write ({err.strerror or err})", str(path)) from None
