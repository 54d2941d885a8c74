"""Transcript Reader: bilingual earnings-call transcripts, read offline."""

from typing import Any


def __getattr__(name: str) -> Any:
    # The version is read from the installed metadata only when asked for: importlib.metadata
    # costs ~25 ms and 5 MiB at start-up, which the window does not need before its About box.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("transcript-reader")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0.0.0+source"
    raise AttributeError(name)
