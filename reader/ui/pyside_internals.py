"""The one module that touches a private name of PySide6. Checked against PySide6 6.11.

What it relies on: PySide6's `__feature__` support calls
`shibokensupport.feature._mod_uses_pyside(module)` for every module imported after PySide6, and
that function answers whether the module's source contains "PySide6" (False for a module
without source), reading it through `inspect.getsource`. That tokenises nothing, but it reads
each file line by line into `linecache`, where every line stays. The app uses no `__feature__`
switch, so the answer only has to be PySide6's own; a byte search of the file gives it.

If PySide6 no longer has that function, nothing is changed (`lighter_module_check` says so by
returning False) and PySide6's own check runs.
"""

from __future__ import annotations

import sys

FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"


def lighter_module_check() -> bool:
    """Have PySide6's check of each imported module search the module's file as bytes; whether
    it could (PySide6 must be imported already)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, CHECK, None)):
        return False
    setattr(feature, CHECK, uses_pyside)
    return True


def uses_pyside(module: object) -> bool:
    """Whether a module's source file names PySide6: False for a module without one (built in,
    compiled, frozen, or unreadable), as PySide6's own check answers."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as f:
            return b"PySide6" in f.read()
    except OSError:
        return False
