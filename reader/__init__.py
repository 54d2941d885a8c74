"""Transcript Reader: bilingual earnings-call transcripts, read offline."""

from typing import Any


def version() -> str:
    """The installed version ("0.0.0+source" from a source tree that was never installed)."""
    # importlib.metadata: for the About box and --version only, it costs start-up over 5 ms.
    from importlib.metadata import PackageNotFoundError, version as installed_version  # noqa: I001

    try:
        return installed_version("transcript-reader")
    except PackageNotFoundError:
        return "0.0.0+source"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return version()
    raise AttributeError(name)
