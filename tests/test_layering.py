"""The core and the CLI work without Qt: only reader.ui imports it."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reader"


def test_only_reader_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "shiboken6")]
    assert offenders == []


def test_info_runs_without_loading_qt():
    code = (
        "import sys; from reader.cli import main; "
        "main(['info', sys.argv[1], '--json']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    fixture = Path(__file__).parent / "fixtures" / "basic.txt"
    proc = subprocess.run(
        [sys.executable, "-c", code, str(fixture)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
