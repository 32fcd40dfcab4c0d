"""The desktop entry and AppStream file validate, and name the version the app reports."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from briefing import __version__

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
APP_ID = "io.github.briefing_reader.BriefingReader"


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (the test set-up installs it)")
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)


def test_desktop_entry_validates_and_has_a_japanese_name() -> None:
    entry = LINUX / f"{APP_ID}.desktop"
    result = _run("desktop-file-validate", str(entry))
    assert result.returncode == 0, result.stdout + result.stderr
    text = entry.read_text(encoding="utf-8")
    assert "Name[ja]=" in text and "Comment[ja]=" in text and f"Icon={APP_ID}" in text


def test_metainfo_validates_and_lists_this_release() -> None:
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    result = _run("appstreamcli", "validate", "--no-net", str(metainfo))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'<release version="{__version__}"' in metainfo.read_text(encoding="utf-8")
