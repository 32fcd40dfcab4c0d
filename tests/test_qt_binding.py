"""The Qt binding must not leak references to ``None``: PySide6/shiboken6 6.12.0 on CPython
3.11 drops one on every call of a Qt method that returns nothing, and the window then aborts
with ``Fatal Python error: none_dealloc`` after about 150 article opens (PLATFORM-NOTES.md).
The check runs in a subprocess, because a leaking binding kills its process at exit."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from PySide6.QtGui import QTextBlockFormat
f = QTextBlockFormat()
before = sys.getrefcount(None)
for _ in range(1000):
    f.setBottomMargin(8)
print(sys.getrefcount(None) - before)
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_references() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    lines = result.stdout.split()
    assert lines, f"the probe printed nothing: {result.stderr.strip()[-300:]}"
    # A few references may come and go with interpreter internals; 1,000 calls leaking one
    # each is the fault.
    assert abs(int(lines[0])) < 50, (
        f"the Qt binding leaks references to None ({lines[0]} over 1,000 calls): "
        "pin PySide6 to a release without the fault (see pyproject.toml)"
    )
