"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
void method, so any window that makes a few thousand such calls aborts with "deallocating None".
pyproject.toml pins a release without that bug; this test fails if the pin moves to one with it."""

import sys

from PySide6.QtCore import QObject


def test_void_calls_keep_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    # Other threads may take or drop a few references meanwhile; a leak is exactly one per call.
    assert sys.getrefcount(None) - before > -100
