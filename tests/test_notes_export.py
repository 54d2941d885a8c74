"""Export (Markdown, CSV) and backup / restore (JSON) of the notes store."""

import csv
import io
import json

import pytest
from notes_helpers import BASIC_TEXT, FIXTURES, add, opened, write

from reader.core.notes import backup
from reader.core.notes.export import CSV_COLUMNS, gather, link, to_csv, to_markdown
from reader.core.notes.models import NotesImportError
from reader.core.notes.store import NotesStore
from reader.core.parser import parse_text


def without_paragraph(index):
    """basic.txt with paragraph ``index`` (its English and Chinese lines) removed."""
    lines = BASIC_TEXT.split("\n")
    at = parse_text(BASIC_TEXT).paragraphs[index].line - 1
    return "\n".join(lines[:at] + lines[at + 2 :])


# -- export and import ---------------------------------------------------------------------------


def test_json_export_import_round_trip(tmp_path, monkeypatch):
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        e, _ = opened(store, FIXTURES / "english_only.txt")
        originals = [
            add(store, t, 2, quote="the CR-60", color="purple", text="arm\nsecond line"),
            add(store, e, 4),
        ]
        gone = add(store, t, 3, text="deleted before the export")
        store.delete(gone.id)
        exported = backup.to_json(store)
    payload = json.loads(exported)
    assert payload["format"] == "transcript-reader-notes" and len(payload["documents"]) == 2
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(tmp_path / "restored"))
    with NotesStore() as fresh:
        result = backup.from_json(fresh, exported)
        assert (result.documents, result.added, result.updated, result.unchanged) == (2, 2, 0, 0)
        restored = {n.uuid: n for n in fresh.notes()}
        for note in originals:
            got = restored[note.uuid]
            assert (got.anchor, got.placement, got.color, got.text, got.status, got.created, got.updated) == (
                note.anchor,
                note.placement,
                note.color,
                note.text,
                note.status,
                note.created,
                note.updated,
            )
        again = backup.from_json(fresh, exported)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 2) and len(fresh.notes()) == 2
        assert fresh.keys(t.fingerprint) == [p.key for p in t.paragraphs]
        # an edit made after the export survives re-importing the older export
        note_id = fresh.notes(t.fingerprint)[0].id
        fresh.edit(note_id, text="newer")
        backup.from_json(fresh, exported)
        assert fresh.note(note_id).text == "newer"
        # a deleted note comes back: import is a restore
        fresh.delete(note_id)
        assert backup.from_json(fresh, exported).updated == 1 and fresh.note(note_id).deleted is None


def test_restored_notes_carry_to_an_edited_file(tmp_path, monkeypatch):
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        add(store, t, 14, text="capex")
        exported = backup.to_json(store)
    (tmp_path / "a.txt").unlink()  # a new machine: the old version is not there
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(tmp_path / "new-machine"))
    with NotesStore() as fresh:
        backup.from_json(fresh, exported)
        t2, result = opened(fresh, write(tmp_path / "b" / "edited.txt", without_paragraph(3)))
        assert result.carried == 1 and [(n.paragraph, n.text) for n in fresh.notes(t2.fingerprint)] == [
            (13, "capex")
        ]


def test_restored_notes_join_a_later_version_that_has_notes_of_its_own(tmp_path, monkeypatch):
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        add(store, t, 16, text="from the backup")
        exported = backup.to_json(store)
    (tmp_path / "a.txt").unlink()
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(tmp_path / "new-machine"))
    with NotesStore() as fresh:
        later = write(tmp_path / "later.txt", without_paragraph(0))
        t2, _ = opened(fresh, later)
        add(fresh, t2, 0, text="made here")
        backup.from_json(fresh, exported)
        _, result = opened(fresh, later)
        assert result.carried == 1 and result.attached == 1
        assert [(n.paragraph, n.text) for n in fresh.notes(t2.fingerprint)] == [
            (0, "made here"),
            (15, "from the backup"),
        ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", "not a notes export"),
        ('{"format": "transcript-reader-notes", "version": 99, "documents": []}', "version"),
        (
            '{"format": "transcript-reader-notes", "version": 1, "documents": [{"fingerprint": 3}]}',
            "fingerprint",
        ),
    ],
)
def test_import_refuses_what_it_does_not_understand(store, text, message):
    with pytest.raises(NotesImportError, match=message):
        backup.from_json(store, text)


def test_import_is_all_or_nothing(store, tmp_path):
    t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
    add(store, t, 1)
    payload = json.loads(backup.to_json(store))
    payload["documents"][0]["notes"][0]["uuid"] = "new-one"
    payload["documents"][0]["notes"].append(
        dict(payload["documents"][0]["notes"][0], uuid="bad", color="red")
    )
    with pytest.raises(NotesImportError):
        backup.from_json(store, json.dumps(payload))
    assert len(store.notes()) == 1


def test_markdown_groups_by_call_and_speaker_and_links_back(store, tmp_path):
    path = write(tmp_path / "my call.txt", BASIC_TEXT)
    t, _ = opened(store, path)
    add(store, t, 9, text="delivery timing")
    add(store, t, 1, quote="RMB2.3 billion", color="green", text="record backlog")
    add(store, t, 12, lang="zh", text="price pressure")
    write(path, without_paragraph(12))
    opened(store, path)
    md = to_markdown(gather(store))
    lines = md.splitlines()
    headings = [line for line in lines if line.startswith("#")]
    assert headings == [
        "# Notes",
        "## my call.txt",
        "### Corvane Robotics Q2 2025",
        "#### Elena Varga, Chief Executive Officer",
        "### Orphaned notes (their passage is no longer in the file)",
    ]
    i = lines.index("#### Elena Varga, Chief Executive Officer")
    section = "\n".join(lines[i:])
    assert section.index("RMB2.3 billion") < section.index("delivery timing")  # reading order
    assert f"[paragraph 2]({link(str(path), 1)})" in md and "%20" in link(str(path), 1)
    assert "transcript-reader://open?path=" in link(str(path), 1) and link(str(path), 1).endswith(
        "&paragraph=1"
    )
    assert "  > **EN** RMB2.3 billion" in lines
    assert f"  > **中文** {t.paragraphs[1].zh}" in lines
    assert f"  > **中文** {t.paragraphs[12].zh}" in lines and f"  > **EN** {t.paragraphs[12].en}" in lines
    assert md.index("price pressure") > md.index("### Orphaned notes")


def test_csv_has_one_row_per_note(store, tmp_path):
    t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
    add(store, t, 2, quote="the CR-60", text='says "14 new customers", then more')
    add(store, t, 8, lang="zh", color="blue", text="line one\nline two")
    rows = list(csv.reader(io.StringIO(to_csv(gather(store)))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 3
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    # the paragraph column is the number a person reads (index 2 + 1); the link keeps the index
    assert first["link"].endswith("&paragraph=2")
    assert (first["paragraph"], first["lang"], first["quote"], first["speaker"]) == (
        "3",
        "en",
        "the CR-60",
        "Elena Varga",
    )
    assert (
        first["note"] == 'says "14 new customers", then more' and first["counterpart"] == t.paragraphs[2].zh
    )
    assert (first["company"], first["period"], first["file"]) == (
        "Corvane Robotics",
        "Q2 2025",
        str(tmp_path / "a.txt"),
    )
    second = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert second["note"] == "line one\nline two" and second["section"] == "qa" and second["color"] == "blue"
