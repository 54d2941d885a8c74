"""Typed errors of the core. Every message is one line a user can read."""


class TranscriptError(Exception):
    """The file cannot be read as a transcript. ``str(err)`` is a one-line reason; ``reason`` is a
    `messages.Message` (which the window translates) when the reason was given as one."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        line = " ".join(reason.split())
        self.reason = reason if line == reason else line  # (a Message made of one line stays one)
        self.path = path
        super().__init__(f"{path}: {self.reason}" if path else self.reason)
