"""The command line: `transcript-reader [FILE]` opens the app; subcommands work without a display.

    transcript-reader info FILE [--json]
    transcript-reader notes add|list|export|import ...   (notes.py)
    transcript-reader index PATH... / search QUERY ...   (search.py)
    transcript-reader export FILE --pdf OUT.pdf ...      (export.py)

Every failure a user can cause (a missing file, a file that is not a transcript, a bad option)
ends with exit status 2 and one line `error: ...` on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import logs, runtime, version
from ..core.errors import TranscriptError
from ..core.links import parse_link
from ..core.modes import Mode
from ..core.prefetch import Prefetch
from .common import EXIT_USAGE, Command, Parser, UsageError, fail
from .output import emit, emit_json


def _app(args: argparse.Namespace) -> int:
    file, paragraph = args.file, None
    if file and file.startswith("transcript-reader:"):  # a link from an exported note
        file, paragraph = parse_link(file)
    elif file and file.startswith("file://"):  # what a desktop's %u may hand over
        file = unquote(urlsplit(file).path)
    if args.do and args.exit_after_paint:
        raise UsageError("--do runs once the window is ready; --exit-after-paint ends before")
    # The file is read and its figures found in a child process while the window is made.
    prefetch = Prefetch.start(Path(file).expanduser(), paragraph) if file else None
    from ..ui.app import run  # Qt: only the window needs it (and after the fork: not the child)

    return run(
        file=file,
        screenshot=args.screenshot,
        mode=Mode(args.mode) if args.mode else None,
        paragraph=paragraph,
        exit_after_paint=args.exit_after_paint,
        size=args.size,
        steps=args.do,
        emit_state=emit_json if args.state else None,
        prefetch=prefetch,
    )


def _list_actions() -> int:
    from ..ui.app import list_actions  # Qt (offscreen): only to read the action registry

    emit("\n".join(list_actions()))
    return 0


def _size(text: str) -> tuple[int, int]:
    """--size WxH: a window size in pixels."""
    width, x, height = text.lower().partition("x")
    if not (x and width.isdigit() and height.isdigit()) or not all(
        100 <= int(n) <= 20000 for n in (width, height)
    ):
        raise argparse.ArgumentTypeError(f"not a window size WxH (such as 900x600): {text!r}")
    return int(width), int(height)


def _info_commands() -> dict[str, Command]:
    from . import info  # the parser's summary and the figures (Pygments): not for the window

    return info.commands()


def _notes_commands() -> dict[str, Command]:
    from . import notes  # the notes store and its models: only for this command

    return notes.commands()


def _export_commands() -> dict[str, Command]:
    from . import export  # the printout (Qt, offscreen): only for this command

    return export.commands()


PRINT_JOB = "print-job"
"""The command of the child process the window prints with (`reader.ui.export.print_job`): not
one for people, so not listed."""


def _print_job(argv: list[str]) -> int:
    from ..ui.export import print_job  # Qt's page layout and print support: only in that child

    return print_job.run(argv)


def _search_commands() -> dict[str, Command]:
    from . import search  # the search engine (Whoosh): only for these commands

    return search.commands()


GROUPS: dict[str, Callable[[], dict[str, Command]]] = {
    "info": _info_commands,
    "notes": _notes_commands,
    "index": _search_commands,
    "search": _search_commands,
    "export": _export_commands,
}
"""The subcommands, and what lists them. Their modules are imported when called,
so opening the app (no subcommand) imports none of them; plain imports, not importlib, so that
PyInstaller finds the modules."""


def _commands(only: str | None = None) -> dict[str, Command]:
    """Every subcommand, or (`only`) just the one named, importing only its module."""
    commands: dict[str, Command] = {}
    groups = [GROUPS[only]] if only in GROUPS else [] if only else list(dict.fromkeys(GROUPS.values()))
    for group in groups:
        commands.update(group())
    return commands


class _Version(argparse.Action):
    """--version, reading the installed version only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        parser.exit(message=f"{parser.prog} {version()}\n")


class _AppParser(Parser):
    """The app's own options; --help also lists the subcommands (importing their modules then)."""

    def format_help(self) -> str:
        commands = _commands()
        self.epilog = "commands:\n" + "\n".join(
            f"  {name:<8} {doc}" for name, (doc, _, _) in commands.items()
        )
        self.epilog += "\n\nrun 'transcript-reader COMMAND --help' for a command's options"
        return super().format_help()


def _app_parser() -> argparse.ArgumentParser:
    p = _AppParser(
        prog="transcript-reader",
        description="Read bilingual earnings-call transcripts. With no FILE, opens the sample transcript.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", nargs="?", help="a transcript to open")
    p.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="save a picture of the window after the first paint, then exit",
    )
    p.add_argument(
        "--mode",
        choices=[m.value for m in Mode],
        help="how to show the transcript: English only, Chinese only, side by side, interleaved",
    )
    p.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="open the file and exit once every pane of the mode has painted its text (start-up benchmarks)",
    )
    p.add_argument(
        "--size", type=_size, metavar="WxH", help="the window's size in pixels, in a scripted run (900x600)"
    )
    p.add_argument(
        "--do",
        action="append",
        metavar="ID[,ID...]",
        help="once the file is ready, run these actions (ids of --list-actions, or size:WxH, "
        "theme:light|dark|system), each after the one before has settled",
    )
    p.add_argument(
        "--state",
        action="store_true",
        help="print where the reader is as one JSON object once the actions are done "
        "(with --exit-after-paint: at the first paint), then exit",
    )
    p.add_argument(
        "--list-actions",
        action="store_true",
        help="print every action: id, shortcut and menu text, separated by tabs",
    )
    p.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    desktop = p.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="install for this user (no root): the app in ~/.local, a menu entry, its icon, "
        '"Open with" for text files',
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove what --install-desktop-entry added"
    )
    return p


def _desktop_entry(args: argparse.Namespace) -> int:
    # Installing a desktop entry (shutil, the folders of a desktop): only for these two options.
    from . import desktop

    return desktop.run(args)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] == PRINT_JOB:
            runtime.configure(window=False)
            return _print_job(args_list[1:])
        if args_list and args_list[0] in GROUPS:
            runtime.configure(window=False)
            doc, configure, run = _commands(args_list[0])[args_list[0]]
            parser = Parser(prog=f"transcript-reader {args_list[0]}", description=doc)
            configure(parser)
            return run(parser.parse_args(args_list[1:]))
        args = _app_parser().parse_args(args_list)
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            return _desktop_entry(args)
        if args.list_actions:
            return _list_actions()
        runtime.configure(window=True)
        logs.setup()  # the window's log file and exception hooks (an unusable data folder: stderr)
        return _app(args)
    except (TranscriptError, UsageError) as err:
        fail(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `transcript-reader info FILE | head`
        sys.stderr.close()
        return 0
    except Exception as err:  # a bug: still one line for the user; the traceback on request
        if os.environ.get("TRANSCRIPT_READER_DEBUG"):
            raise
        fail(f"internal error: {type(err).__name__}: {err} (set TRANSCRIPT_READER_DEBUG=1 for details)")
        return EXIT_USAGE
