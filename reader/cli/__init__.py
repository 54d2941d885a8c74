"""The command line: `transcript-reader [FILE]` opens the app; `info`, `notes`, `index` and
`search` work without a display. `main` is the console script's entry point."""

from .entry import main

__all__ = ["main"]
