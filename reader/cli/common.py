"""What every subcommand shares: the error type and the argument parser that reports in one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..core.textsafe import one_line

EXIT_USAGE = 2

Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
"""A subcommand: its one-line help, a function adding its options, the function running it."""


class UsageError(Exception):
    """A bad command line; reported like any other error, in one line."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are `UsageError`s, so they end in one `error:` line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def fail(message: str) -> None:
    """The one line a failure prints on stderr, its control characters escaped."""
    print("error: " + one_line(" ".join(message.split())), file=sys.stderr)
