"""What the layout tests compare: the fixtures' text, and what a reader sees of a transcript."""

from pathlib import Path

from reader.core.model import Transcript

FIXTURES = Path(__file__).parent / "fixtures"
LAYOUT_FIXTURES = FIXTURES / "layouts"


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def reading(t: Transcript) -> list:
    """What a reader sees: paragraphs with their speaker and section, the Q&A start, the calls."""
    return [
        [(p.en, p.zh, t.turns[p.turn].speaker, p.section) for p in t.paragraphs],
        [(s.name, s.title, s.role, s.firm) for s in t.speakers.values()],
        [(c.first, c.end, c.qa_start, c.company, c.period) for c in t.calls],
        [(e.asker, e.firm, e.first, e.end, e.answerers) for e in t.exchanges],
    ]
