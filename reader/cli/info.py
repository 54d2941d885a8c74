"""The `info` command: a transcript's summary (call, speakers, Q&A, figures, warnings), of a file
or (`-`) of what standard input holds."""

from __future__ import annotations

import argparse
import os
import sys

from ..core.decoding import MAX_BYTES
from ..core.errors import TranscriptError
from ..core.model import Transcript
from ..core.parser import parse_bytes, parse_file
from ..core.summary import info_dict, info_text
from .common import Command
from .output import emit, emit_json

STDIN = "-"
STDIN_NAME = "<stdin>"


def commands() -> dict[str, Command]:
    return {"info": ("summarise a transcript: speakers, Q&A, figures, warnings", _configure, _run)}


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a transcript file, or - to read one from standard input")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def _run(args: argparse.Namespace) -> int:
    transcript = _read_stdin() if args.file == STDIN else parse_file(args.file)
    if args.json:
        emit_json(info_dict(transcript))
    else:
        name = STDIN_NAME if args.file == STDIN else os.path.basename(args.file)
        emit(info_text(transcript, name))
    return 0


def _read_stdin() -> Transcript:
    """The transcript piped in. A terminal is refused rather than waited on: nobody types a call."""
    if sys.stdin is None or sys.stdin.isatty():
        raise TranscriptError(
            "standard input is a terminal: pipe a transcript in, or give a file", STDIN_NAME
        )
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise TranscriptError(f"larger than {MAX_BYTES // (1024 * 1024)} MB", STDIN_NAME)
    return parse_bytes(data, name=STDIN_NAME)
