"""The CLI contract: `info FILE --json` and one-line errors with exit status 2."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_counts import EXPECTED

from reader.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run_info(capsys, *args):
    code = main(["info", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "name", ["basic.txt", "english_only.txt", "multi_call.txt", "submitted_questions.txt"]
)
def test_info_json(capsys, name):
    code, out, err = run_info(capsys, FIXTURES / name, "--json")
    assert code == 0 and err == ""
    info = json.loads(out)
    expected = EXPECTED[name]
    assert info["turns"] == expected["turns"]
    assert info["paragraphs"] == expected["paragraphs"]
    assert info["languages"] == expected["languages"]
    assert info["encoding"] == "utf-8"
    assert info["qa_start"] == expected["qa_start"]
    assert isinstance(info["figures"], int) and info["figures"] > 0
    assert isinstance(info["figure_mismatches"], list)
    assert info["warnings"] == []
    assert [(s["name"], s["title"], s["role"]) for s in info["speakers"]] == [
        tuple(s) for s in expected["speaker_list"]
    ]
    for s in info["speakers"]:
        assert set(s) >= {"name", "title", "role", "turns", "words"}
        assert isinstance(s["turns"], int) and isinstance(s["words"], int)


def test_info_json_reports_encoding_and_warnings(capsys, tmp_path):
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    del text[4]  # the Chinese line of the first paragraph
    path = tmp_path / "big5.txt"
    path.write_bytes("\r\n".join(text).encode("cp950"))
    code, out, _ = run_info(capsys, path, "--json")
    info = json.loads(out)
    assert code == 0
    assert info["encoding"] == "cp950"
    assert len(info["warnings"]) == 1 and "no Chinese translation" in info["warnings"][0]


def test_sample_mismatch_is_reported(capsys):
    from reader.core.paths import sample_path

    code, out, _ = run_info(capsys, sample_path(), "--json")
    info = json.loads(out)
    assert code == 0
    assert any(m["en"] == "18%" and m["zh"] == "13%" for m in info["figure_mismatches"])


def test_info_text(capsys):
    code, out, _ = run_info(capsys, FIXTURES / "basic.txt")
    assert code == 0
    assert "Corvane Robotics" in out and "Q2 2025" in out
    assert "Elena Varga" in out and "Q&A from paragraph 7" in out
    assert "Warnings: none" in out


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["info", str(FIXTURES / "not_a_transcript.txt")], "not a transcript"),
        (["info", str(FIXTURES / "unrelated.csv"), "--json"], "not a transcript"),
        (["info", "/no/such/file.txt"], "no such file"),
        (["info", str(FIXTURES)], "folder"),
        (["info"], "required"),
        (["info", str(FIXTURES / "basic.txt"), "--bogus"], "unrecognized"),
        (["frobnicate", "--x"], "unrecognized"),
    ],
)
def test_errors_are_one_line_exit_2(capsys, args, reason):
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    assert reason in err


def test_unreadable_file(capsys, tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Operator\n")

    real_open = os.open

    def denied(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # root reads any file: simulate the lock
    code = main(["info", str(path)])
    assert code == 2 and "permission denied" in capsys.readouterr().err


def test_console_script_and_module_agree():
    """`python -m reader` is the same program, and no traceback reaches the user."""
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "info", str(FIXTURES / "not_a_transcript.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "info", str(FIXTURES / "basic.txt"), "--json"],
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout.decode("utf-8"))["paragraphs"] == EXPECTED["basic.txt"]["paragraphs"]


def test_json_is_ascii_safe_on_a_non_utf8_terminal():
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "info", str(FIXTURES / "basic.txt"), "--json"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0
    info = json.loads(proc.stdout.decode("ascii"))
    assert info["languages"] == ["en", "zh"]


def test_the_command_groups_are_named_once_and_opening_the_app_imports_none():
    """cli.entry.GROUPS names each subcommand without importing its module; the modules list the
    same names. Opening the app imports no command module."""
    from reader.cli import entry as cli

    for name, group in cli.GROUPS.items():
        assert name in group()
    assert set(cli._commands()) == set(cli.GROUPS)
    code = (
        "import sys; import reader.cli.entry as c; c._app = lambda args: 0; c.main(['x.txt']); "
        "print(sorted(m for m in sys.modules if m in "
        "('reader.cli.info', 'reader.cli.notes', 'reader.cli.search')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_internal_error_is_exit_2_with_one_line(capsys, monkeypatch, fixture_path):
    """A bug inside a command is still the contract's failure: exit 2, one `error:` line."""
    from reader.cli import info

    def broken(_transcript):
        raise ValueError("boom")

    monkeypatch.delenv("TRANSCRIPT_READER_DEBUG", raising=False)
    monkeypatch.setattr(info, "info_dict", broken)
    assert main(["info", str(fixture_path("basic.txt")), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: internal error: ValueError: boom") and err.count("\n") == 1


def test_info_reads_a_transcript_from_standard_input(fixture_path):
    data = fixture_path("basic.txt").read_bytes()
    command = [sys.executable, "-m", "reader", "info", "-", "--json"]
    done = subprocess.run(command, input=data, capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    piped = json.loads(done.stdout)
    from_file = subprocess.run(
        [sys.executable, "-m", "reader", "info", str(fixture_path("basic.txt")), "--json"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert piped == json.loads(from_file.stdout)
    text = subprocess.run(
        [sys.executable, "-m", "reader", "info", "-"], input=data, capture_output=True, check=True, timeout=60
    )
    assert text.stdout.decode().startswith("<stdin>\n")


def test_info_of_standard_input_that_is_not_a_transcript_is_one_error_line():
    command = [sys.executable, "-m", "reader", "info", "-"]
    done = subprocess.run(command, input=b"just a line\n", capture_output=True, check=False, timeout=60)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.startswith("error: <stdin>: ") and err.count("\n") == 1
