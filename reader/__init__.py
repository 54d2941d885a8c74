"""Transcript Reader: bilingual earnings-call transcripts, read offline."""

from typing import Any


def version() -> str:
    """The installed version ("0.0.0+source" from a source tree that was never installed)."""
    # importlib.metadata is imported only here, for the About box and --version: it costs start-up
    # more than the 5 ms the start-up policy allows (bench/RESULTS.md, "Start-up policy").
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("transcript-reader")
    except PackageNotFoundError:
        return "0.0.0+source"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return version()
    raise AttributeError(name)
