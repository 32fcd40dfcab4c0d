"""Smoke test of the built one-folder app (``bash packaging/dev.sh dist``), headless.

Every command runs the real binary in an empty environment (only ``PATH=/usr/bin:/bin``, a
temporary ``HOME``, the offscreen Qt platform and ``TZ``), so no virtual environment and no
Python is in sight: it imports the sample library into a temporary file, lists, searches,
shows the window (in Japanese too), exports the briefing PDF whose quotes ``pdftotext``
must find, imports that PDF again (PDFium), a saved page and a Shift_JIS file; and no
bundled library may need a glibc newer than Ubuntu 22.04's.

Skipped unless ``dist/briefing-reader/briefing-reader`` exists: the build takes minutes and
CI time is limited, so the normal test run never builds; when the binary is there, it runs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from briefing import APP_NAME, ORG_NAME, __version__
from PySide6.QtGui import QImage

from tests.conftest import write_numbered_articles

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "briefing-reader"
BINARY = BUNDLE / "briefing-reader"
ARTICLES = ROOT / "articles"

pytestmark = pytest.mark.skipif(
    not BINARY.exists(), reason="no built app (bash packaging/dev.sh dist builds it)"
)


def _env(home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC"}


def _run(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BINARY), *args],
        env=_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dist-home")


@pytest.fixture(scope="module")
def library(home: Path) -> Path:
    """A temporary library file with the sample articles, imported by the built app."""
    db = home / "lib.db"
    result = _run(home, "--db", str(db), "sample")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{len(_sample_titles())} imported"), result.stdout
    return db


def _sample_titles() -> set[str]:
    titles = set()
    for path in ARTICLES.glob("*.md"):
        found = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", path.read_text("utf-8"), re.M)
        assert found, path
        titles.add(found.group(1))
    return titles


def test_version_is_the_package_version(home: Path) -> None:
    result = _run(home, "--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"briefing-reader {__version__}")


def test_the_sample_library_is_listed_and_searchable(home: Path, library: Path) -> None:
    listing = _run(home, "--db", str(library), "list", "--json")
    assert listing.returncode == 0, listing.stderr
    assert {a["title"] for a in json.loads(listing.stdout)} == _sample_titles()

    found = _run(home, "--db", str(library), "search", "制裁")
    assert found.returncode == 0, found.stderr
    assert found.stdout.count("【制裁】") >= 3  # matches marked in articles and highlights


PAGE = """<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>北方領土交渉の行方 | 外交ニュース</title></head><body>
<nav><a href="/">トップ</a> <a href="/news">ニュース</a> <a href="/about">会社概要</a></nav>
<article><h1>北方領土交渉の行方</h1>
<p>日本政府は北方領土問題を解決して平和条約を締結するという基本方針を堅持している。交渉は長く停滞しており、
対露制裁の下で再開の見通しは立っていない。</p>
<p>政府関係者は、四島の帰属の問題を解決することが先決であると繰り返し述べている。元島民の高齢化が進むなか、
墓参や自由訪問の再開を求める声も強まっている。</p></article>
<footer>© 外交ニュース 利用規約 プライバシーポリシー</footer></body></html>
"""


def test_html_and_shift_jis_files_import(home: Path) -> None:
    """The importers' libraries came along: trafilatura and lxml for a saved page,
    charset-normalizer for a Shift_JIS text file."""
    folder = home / "clippings"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "memo.txt").write_bytes(
        "停戦監視の枠組み\n\n有志連合による停戦監視の案が示された。".encode("cp932")
    )
    db = str(home / "clippings.db")
    imported = _run(home, "--db", db, "import", str(folder), "--json")
    assert imported.returncode == 0, imported.stderr
    listing = json.loads(_run(home, "--db", db, "list", "--json").stdout)
    assert {a["title"] for a in listing} == {"北方領土交渉の行方", "停戦監視の枠組み"}
    found = (
        _run(home, "--db", db, "search", "平和条約").stdout
        + _run(home, "--db", db, "search", "有志連合").stdout
    )
    assert "【平和条約】" in found and "【有志連合】" in found
    page = next(a["id"] for a in listing if a["title"] == "北方領土交渉の行方")
    assert "会社概要" not in _run(home, "--db", db, "article", str(page), "--text").stdout


def test_a_big_folder_imports_through_worker_processes(home: Path) -> None:
    """Workers of a folder import are this program run again (multiprocessing's spawn): the
    standalone app must take them in (freeze_support) instead of starting a second app."""
    folder = write_numbered_articles(home / "inbox", 80)
    db = str(home / "inbox.db")
    imported = _run(home, "--db", db, "import", "--jobs", "2", str(folder))
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == ""
    assert imported.stdout.splitlines()[-1] == "80 imported, 0 updated, 0 skipped, 0 failed"
    found = json.loads(_run(home, "--db", db, "search", "--json", "第42号").stdout)
    assert [hit["title"][:4] for hit in found["hits"]] == ["第42号"]


@pytest.fixture(scope="module")
def window_run(home: Path, library: Path) -> tuple[Path, set[str]]:
    """Open the window with --screenshot; return the PNG and every file the process mapped
    into memory while it ran (read from /proc, so the libraries it really loaded)."""
    png = home / "window.png"
    process = subprocess.Popen(
        [str(BINARY), "--db", str(library), "--screenshot", str(png)],
        env=_env(home),
        cwd=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    mapped: set[str] = set()
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        try:
            maps = Path(f"/proc/{process.pid}/maps").read_text()
        except OSError:  # exited between poll() and the read
            break
        mapped.update(line.split(None, 5)[5] for line in maps.splitlines() if "/" in line)
        time.sleep(0.02)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    return png, mapped


def test_the_window_renders(window_run: tuple[Path, set[str]]) -> None:
    image = QImage(str(window_run[0]))
    assert image.width() >= 800 and image.height() >= 500
    # A real window (lists, text, tag colours), not a blank or single-colour surface.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 50


def _menu_bar(home: Path, library: Path, language: str) -> QImage:
    """The left end of the menu bar with the language preference set to ``language``, under
    a Japanese locale either way (the locale alone changes which font draws Latin text)."""
    profile = home / f"profile-{language}"
    settings = profile / ".config" / ORG_NAME / f"{APP_NAME}.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[preferences]\nlanguage={language}\n", encoding="utf-8")
    png = profile / "window.png"
    shot = subprocess.run(
        [str(BINARY), "--db", str(library), "--screenshot", str(png)],
        env={**_env(profile), "LANG": "ja_JP.UTF-8"},
        cwd=profile,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.returncode == 0, shot.stderr
    return QImage(str(png)).copy(0, 0, 300, 22)  # "File  Edit  Library" or its Japanese


def test_the_window_speaks_japanese(home: Path, library: Path) -> None:
    """The translations came along: the Japanese preference changes the menu bar."""
    assert _menu_bar(home, library, "ja") != _menu_bar(home, library, "en")


def test_no_python_outside_the_bundle_is_used(window_run: tuple[Path, set[str]]) -> None:
    mapped = window_run[1]
    bundle = str(BUNDLE.resolve())
    # The sampling saw the window's libraries loaded, each from the bundle.
    for name in ("libpython3", "libQt6Widgets", "QtWidgets.abi3.so"):
        assert [p for p in mapped if name in p], f"{name} never mapped"
        assert all(Path(p).resolve().as_posix().startswith(bundle) for p in mapped if name in p)
    outside = [str(Path(sys.prefix).resolve()), str(Path(sys.base_prefix).resolve()), str(ROOT)]
    strays = [p for p in mapped if any(p.startswith(o) for o in outside) and bundle not in p]
    assert not strays


@pytest.fixture(scope="module")
def briefing(home: Path, library: Path) -> tuple[Path, list[str]]:
    """The briefing PDF of the day the sample highlights were made, exported by the built
    app, and the quotes of the tagged highlights it must carry."""
    if "export" not in _run(home, "--help").stdout:
        pytest.skip("this build has no export command")
    listed = _run(home, "--db", str(library), "highlights", "--json")
    highlights = [h for h in json.loads(listed.stdout) if h["tags"]]
    assert len(highlights) >= 10
    day = datetime.fromisoformat(highlights[0]["created_at"]).date().isoformat()  # TZ=UTC

    pdf = home / "b.pdf"
    exported = _run(home, "--db", str(library), "export", "--date", day, "-o", str(pdf))
    assert exported.returncode == 0, exported.stderr
    return pdf, [h["quote"] for h in highlights]


def _missing(quotes: list[str], text: str) -> list[str]:
    flat = re.sub(r"\s+", "", text)  # lines break inside quotes
    return [q for q in quotes if re.sub(r"\s+", "", q) not in flat]


def test_the_briefing_pdf_carries_the_quotes(briefing: tuple[Path, list[str]]) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (poppler-utils; the test set-up installs it)")
    pdf, quotes = briefing
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    assert not _missing(quotes, text)


def test_a_pdf_imports_through_the_bundled_pdfium(
    home: Path, briefing: tuple[Path, list[str]]
) -> None:
    pdf, quotes = briefing
    db = str(home / "from-pdf.db")
    imported = _run(home, "--db", db, "import", str(pdf))
    assert imported.returncode == 0, imported.stderr
    assert "1 imported" in imported.stdout
    text = _run(home, "--db", db, "article", "1", "--text").stdout
    assert not _missing(quotes, text)


def test_no_bundled_library_needs_a_glibc_newer_than_ubuntu_22_04() -> None:
    """Ubuntu 22.04 has glibc 2.35; a bundled library built for a newer one (Debian 12's
    libstdc++ or libcups call arc4random, 2.36) keeps the window from opening there."""
    if shutil.which("objdump") is None:
        pytest.skip("objdump is not installed (binutils; the dist set-up installs it)")
    newest: dict[str, tuple[int, int]] = {}
    for path in [BINARY, *BUNDLE.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        dump = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        versions = [(int(a), int(b)) for a, b in re.findall(r"GLIBC_(\d+)\.(\d+)", dump)]
        if versions:
            newest[str(path.relative_to(BUNDLE))] = max(versions)
    assert newest, "no ELF file read"
    assert {name: v for name, v in newest.items() if v > (2, 35)} == {}
