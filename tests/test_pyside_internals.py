"""PySide6's check of each imported module, made a byte search of the module's file."""

import _sre  # built in: no source
import inspect
import json as a_module_without_pyside
import subprocess
import sys

from reader.ui import pyside_internals, theme  # theme names PySide6


def pyside_own(module: object) -> bool:
    """PySide6's own check (shibokensupport.feature._mod_uses_pyside in 6.11)."""
    try:
        return "PySide6" in inspect.getsource(module)  # type: ignore[arg-type]
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_byte_search_answers_as_pysides_own_check():
    modules = [theme, a_module_without_pyside, _sre, pyside_internals, sys]
    assert [pyside_internals.uses_pyside(m) for m in modules] == [pyside_own(m) for m in modules]
    assert pyside_internals.uses_pyside(theme)
    assert not pyside_internals.uses_pyside(a_module_without_pyside)


def test_the_window_start_puts_the_byte_search_in_place_and_caches_no_source_lines():
    """Importing the window's modules puts the byte search in place, and none of their lines
    is left in linecache (PySide6's own check kept megabytes of them there)."""
    code = (
        "import linecache, sys; import reader.ui.app; from reader.ui import pyside_internals; "
        "print(sys.modules['shibokensupport.feature']._mod_uses_pyside is pyside_internals.uses_pyside); "
        "print(any('/reader/' in f for f in linecache.cache if 'pyside_internals' not in f))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_without_pysides_function_nothing_is_changed(monkeypatch):
    monkeypatch.setitem(sys.modules, pyside_internals.FEATURE_MODULE, type(sys)("stand-in"))
    assert pyside_internals.lighter_module_check() is False
