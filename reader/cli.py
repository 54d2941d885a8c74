"""The command line: `transcript-reader [FILE]` opens the app; subcommands work without a display.

    transcript-reader info FILE [--json]
    transcript-reader notes add|list|export|import ...   (cli_notes.py)
    transcript-reader index PATH... / search QUERY ...   (cli_search.py)

Every failure a user can cause (a missing file, a file that is not a transcript, a bad option)
ends with exit status 2 and one line `error: ...` on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from .core.errors import TranscriptError

EXIT_USAGE = 2


class UsageError(Exception):
    """A bad command line; reported like any other error, in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _info(args: argparse.Namespace) -> int:
    from .core.parser import parse_file
    from .core.summary import info_dict, info_text

    transcript = parse_file(args.file)
    if args.json:
        from .core.textsafe import json_text  # with json, ~5 ms the window's start never needs

        _print(json_text(info_dict(transcript), ascii_only=not _utf8_stdout()))
    else:
        _print(info_text(transcript, os.path.basename(args.file)))
    return 0


def _app(args: argparse.Namespace) -> int:
    from .ui.app import run

    file, paragraph = args.file, None
    if file and file.startswith("transcript-reader:"):  # a link from an exported note
        from .core.notes.export import parse_link

        file, paragraph = parse_link(file)
    elif file and file.startswith("file://"):  # what a desktop's %u may hand over
        from urllib.parse import unquote, urlsplit

        file = unquote(urlsplit(file).path)
    return run(
        file=file,
        screenshot=args.screenshot,
        mode=args.mode,
        paragraph=paragraph,
        exit_after_paint=args.exit_after_paint,
    )


Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[..., int]]
"""A subcommand: its one-line help, a function adding its options, the function running it."""


def _notes_commands() -> dict[str, Command]:
    from . import cli_notes

    return cli_notes.commands()


def _search_commands() -> dict[str, Command]:
    from . import cli_search

    return cli_search.commands()


GROUPS: dict[str, Callable[[], dict[str, Command]]] = {
    "notes": _notes_commands,
    "index": _search_commands,
    "search": _search_commands,
}
"""The further subcommands, and what lists them (their module's `commands()`), imported when
called: opening the app (no subcommand) imports none of them (~20 ms at start). Plain imports,
not importlib, so that PyInstaller finds the modules."""


def _commands(only: str | None = None) -> dict[str, Command]:
    """Every subcommand, or (`only`) just the one named, importing only its module."""

    def info(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", help="a transcript file")
        p.add_argument("--json", action="store_true", help="print one JSON object")

    commands: dict[str, Command] = {
        "info": ("summarise a transcript: speakers, Q&A, figures, warnings", info, _info)
    }
    groups = [GROUPS[only]] if only in GROUPS else [] if only else list(dict.fromkeys(GROUPS.values()))
    for group in groups:
        commands.update(group())
    return commands


class _Version(argparse.Action):
    """--version, reading the version only when asked (importlib.metadata is slow to import)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from . import __version__

        parser.exit(message=f"{parser.prog} {__version__}\n")


class _AppParser(_Parser):
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
        choices=("en", "zh", "side", "interleaved"),
        help="how to show the transcript: English only, Chinese only, side by side, interleaved",
    )
    p.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="open the file and exit once every pane of the mode has painted its text (start-up benchmarks)",
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
    from . import desktop_install

    if args.file or args.screenshot or args.mode or args.exit_after_paint:
        raise UsageError("--install-desktop-entry and --uninstall-desktop-entry take no other argument")
    places = desktop_install.Places.from_env()
    try:
        if args.install_desktop_entry:
            lines = desktop_install.install(places, desktop_install.App.running())
        else:
            lines = desktop_install.uninstall(places)
    except desktop_install.InstallError as err:
        raise UsageError(str(err)) from err
    _print("\n".join(lines))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and (args_list[0] == "info" or args_list[0] in GROUPS):
            doc, configure, run = _commands(args_list[0])[args_list[0]]
            parser = _Parser(prog=f"transcript-reader {args_list[0]}", description=doc)
            configure(parser)
            return run(parser.parse_args(args_list[1:]))
        args = _app_parser().parse_args(args_list)
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            return _desktop_entry(args)
        return _app(args)
    except (TranscriptError, UsageError) as err:
        _fail(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `transcript-reader info FILE | head`
        sys.stderr.close()
        return 0
    except Exception as err:  # a bug: still one line for the user; the traceback on request
        if os.environ.get("TRANSCRIPT_READER_DEBUG"):
            raise
        _fail(f"internal error: {type(err).__name__}: {err} (set TRANSCRIPT_READER_DEBUG=1 for details)")
        return 1


def _fail(message: str) -> None:
    from .core.textsafe import one_line  # ~5 ms the window's start never needs

    print("error: " + one_line(" ".join(message.split())), file=sys.stderr)


def _utf8_stdout() -> bool:
    return (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"


def _print(text: str) -> None:
    """Print text from a file or a note: its control characters escaped (JSON output holds none)."""
    from .core.textsafe import for_terminal  # ~5 ms the window's start never needs

    text = for_terminal(text)
    if not _utf8_stdout():
        text = text.encode(sys.stdout.encoding or "ascii", errors="replace").decode(
            sys.stdout.encoding or "ascii"
        )
    print(text)
