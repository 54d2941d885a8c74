"""How a start-up benchmark ends a run of the app: `--until paint` (the default), in the paint that
first draws the file's text (`--exit-after-paint`, as the bare-Qt floor ends after its first
paint), or `--until picture`, once the call is ready and its picture saved (`--screenshot`)."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = (
    "the app ends at its text's first paint (--exit-after-paint, as the floor does; default) or "
    "once ready and its picture is saved (--screenshot)"
)


def add_until(parser: argparse.ArgumentParser, help_text: str = HELP) -> None:
    parser.add_argument("--until", choices=("paint", "picture"), default="paint", help=help_text)


def app_args(until: str, shot: Path | str) -> list[str]:
    """The app's options for `until`; `shot` is where a picture goes."""
    return ["--exit-after-paint"] if until == "paint" else ["--screenshot", str(shot)]
