"""Interpreter-wide settings are made in one place, once, at the start of the process."""

import ast
import subprocess
import sys
from pathlib import Path

from reader import runtime

PACKAGE = Path(__file__).resolve().parent.parent / "reader"
SETTERS = {"set_threshold", "disable", "enable", "freeze", "unfreeze", "setswitchinterval"}


def test_configure_sets_the_collector_and_for_the_window_the_switch_interval():
    code = (
        "import gc, sys; from reader import runtime; default = sys.getswitchinterval(); "
        "runtime.configure(window=False); print(gc.get_threshold(), sys.getswitchinterval() == default); "
        "runtime.configure(window=True); print(sys.getswitchinterval())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    cli, window = out.stdout.splitlines()
    assert cli == f"{runtime.GC_THRESHOLD} True"
    assert float(window) == runtime.WINDOW_SWITCH_INTERVAL


def test_the_cli_configures_the_interpreter_once_at_start(tmp_path, fixture_path):
    code = (
        "import gc, sys; from reader.cli import main; main(['info', sys.argv[1]]); print(gc.get_threshold())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(fixture_path("basic.txt"))],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.splitlines()[-1] == str(runtime.GC_THRESHOLD)


def test_no_other_module_changes_interpreter_wide_settings():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "runtime.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("gc", "sys")
                and node.func.attr in SETTERS
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []
