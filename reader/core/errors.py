"""Typed errors of the core. Every message is one line a user can read."""


class TranscriptError(Exception):
    """The file cannot be read as a transcript. ``str(err)`` is a one-line reason."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = " ".join(reason.split())
        self.path = path
        super().__init__(f"{path}: {self.reason}" if path else self.reason)
