"""The window and everything else that uses Qt (PySide6).

PySide6 is imported first, and its check of every module imported after it made cheaper
(`pyside_internals.lighter_module_check`), before the window's modules are.
"""

import PySide6  # noqa: F401  (loads PySide6's `__feature__` support, which the next line adjusts)

from .pyside_internals import lighter_module_check

lighter_module_check()
