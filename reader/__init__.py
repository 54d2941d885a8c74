"""Transcript Reader: bilingual earnings-call transcripts, read offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("transcript-reader")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
