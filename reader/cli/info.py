"""The `info` command: a transcript's summary (call, speakers, Q&A, figures, warnings)."""

from __future__ import annotations

import argparse
import os

from ..core.parser import parse_file
from ..core.summary import info_dict, info_text
from .common import Command
from .output import emit, emit_json


def commands() -> dict[str, Command]:
    return {"info": ("summarise a transcript: speakers, Q&A, figures, warnings", _configure, _run)}


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a transcript file")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def _run(args: argparse.Namespace) -> int:
    transcript = parse_file(args.file)
    if args.json:
        emit_json(info_dict(transcript))
    else:
        emit(info_text(transcript, os.path.basename(args.file)))
    return 0
