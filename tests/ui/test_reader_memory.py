"""The window walks 1,000 articles with flat memory: the reader reuses its one document.

(Before, each open left a QTextDocument parented to the window: +134 MB over 1,200 opens.)
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from briefing.services import Library
from briefing.ui.main_window import MainWindow
from PySide6.QtWidgets import QApplication

OPENS, WARM_UP = 1000, 200
ALLOWED_GROWTH_MB = 12.0  # the leak grew ~110 KB per open: ~88 MB over these 800


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux /proc")
def test_walking_1000_articles_keeps_memory_flat(
    qtbot, qapp, tmp_path: Path, sample_library: Library
) -> None:
    window = MainWindow(sample_library)
    qtbot.addWidget(window)
    window.show()
    rows = window.table_model.rowCount()
    assert rows == 5
    opened: set[int] = set()
    start = 0.0
    for n in range(OPENS):
        window.table.selectRow(n % rows)
        opened.add(window.article_id)
        QApplication.processEvents()  # paint, as a person walking the list would see
        if n == WARM_UP:
            gc.collect()
            start = resident_mb()
    gc.collect()
    QApplication.processEvents()
    growth = resident_mb() - start
    assert len(opened) == rows
    assert growth < ALLOWED_GROWTH_MB, f"grew {growth:.1f} MB over {OPENS - WARM_UP} opens"
