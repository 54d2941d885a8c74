"""What the helpers of a `TranscriptView` (figures, find, the current row, note marks) may read
of it and ask of it. Each helper takes a `ViewHost` in its constructor and uses only this."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QPalette

from ...core.model import Transcript
from ...core.rows import Row
from ..workers import Job
from .pane import Pane

if TYPE_CHECKING:
    from .highlighter import FigureHighlighter


class ViewHost(Protocol):
    @property
    def transcript(self) -> Transcript | None: ...

    @property
    def path(self) -> Path | None: ...

    @property
    def call(self) -> int:
        """The call of the file on screen."""
        ...

    @property
    def row_of(self) -> dict[int, int]:
        """Paragraph -> row, for the paragraphs of the call on screen."""
        ...

    @property
    def rows(self) -> list[Row]:
        """The rows of the call on screen (headers, paragraphs, gaps)."""
        ...

    @property
    def figures_on(self) -> bool: ...

    def panes(self) -> tuple[Pane, Pane, Pane]:
        """Every pane, shown or not: English, Chinese, interleaved."""
        ...

    def active_pane(self) -> Pane:
        """The pane the reader reads (the leader of a side-by-side pair)."""
        ...

    def palette(self) -> QPalette: ...

    def highlighters_near(self) -> Iterator[tuple[FigureHighlighter, int, int]]:
        """Each document's highlighter, with the first and last blocks its pane shows."""
        ...

    def top_paragraph(self) -> int: ...

    def scroll_to_row(self, row: int) -> None: ...

    def set_call(self, call: int, then: Callable[[], None] | None = None) -> None: ...

    def align_now(self) -> None:
        """Line the panes up now, if an alignment is pending (before measuring a position)."""
        ...

    def realign_soon(self) -> None:
        """Line the panes up again once the current slice is done (a block changed height)."""
        ...

    def report_position(self) -> None:
        """Say where the reader is now (`positionChanged`)."""
        ...

    def report_position_soon(self) -> None: ...

    def add_job(self, job: Job) -> None:
        """Work for this view, cancelled when it opens another file or goes."""
        ...
