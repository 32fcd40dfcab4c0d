#!/usr/bin/env bash
# Set-up and entry points for a Debian/Ubuntu machine, fresh or not.
#   bash packaging/dev.sh app    install everything, open the window on the sample library
#   bash packaging/dev.sh test   install everything plus the test tools, run the whole suite headless
#   bash packaging/dev.sh setup  install only
#   bash packaging/dev.sh screenshots [FOLDER]  PNGs of the main views (light/dark, en/ja, 2 sizes)
#   bash packaging/dev.sh translations  lupdate the Japanese .ts from the sources, lrelease the .qm
# Needs Python 3.11 or newer (Debian 12, Ubuntu 24.04; on Ubuntu 22.04 it installs python3.11).
# System packages are installed only where missing (with sudo when not root); the Python side
# lives in .venv beside this repository and is reinstalled only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${BRIEFING_VENV:-.venv}

# Shared libraries Qt needs even offscreen, and its X11 plugin's, each with the Debian/Ubuntu
# packages that may provide it (Ubuntu 24.04 renamed some with a t64 suffix).
QT_LIBS="libGL.so.1=libgl1 libxkbcommon.so.0=libxkbcommon0 libEGL.so.1=libegl1
libglib-2.0.so.0=libglib2.0-0t64|libglib2.0-0 libfreetype.so.6=libfreetype6
libfontconfig.so.1=libfontconfig1 libdbus-1.so.3=libdbus-1-3"
XCB_LIBS="libxkbcommon-x11.so.0=libxkbcommon-x11-0 libxcb-cursor.so.0=libxcb-cursor0
libxcb-icccm.so.4=libxcb-icccm4 libxcb-keysyms.so.1=libxcb-keysyms1 libxcb-image.so.0=libxcb-image0
libxcb-render-util.so.0=libxcb-render-util0 libxcb-shape.so.0=libxcb-shape0
libxcb-randr.so.0=libxcb-randr0 libxcb-xinerama.so.0=libxcb-xinerama0 libxcb-xkb.so.1=libxcb-xkb1
libX11-xcb.so.1=libx11-xcb1"
FONTS="fonts-noto-cjk"
# Only for the test command: poppler checks the briefing PDF; Xvfb and xdotool drive a real window.
TEST_TOOLS="pdftotext=poppler-utils Xvfb=xvfb xdotool=xdotool xclip=xclip xwininfo=x11-utils
desktop-file-validate=desktop-file-utils appstreamcli=appstream"
STEP=0

say() { printf 'briefing-setup: %s\n' "$*" >&2; }
step() { STEP=$((STEP + 1)); say "[$STEP] $*"; }

# The first package of "a|b" that apt knows (t64 names exist only on newer releases).
known_package() {
  local alt
  for alt in ${1//|/ }; do
    if apt-cache show "$alt" >/dev/null 2>&1; then echo "$alt"; return; fi
  done
  echo "${1%%|*}"
}

LDCONFIG=$(command -v ldconfig || echo /sbin/ldconfig)
has_library() { "$LDCONFIG" -p 2>/dev/null | grep -q "[[:space:]]$1 "; }

package_installed() {
  local alt
  for alt in ${1//|/ }; do
    dpkg-query -W -f='${Status}' "$alt" 2>/dev/null | grep -q "install ok installed" && return 0
  done
  return 1
}

# A Japanese font: fontconfig's answer where it is installed, else a look at the font folders.
has_japanese_font() {
  if command -v fc-list >/dev/null 2>&1; then [ -n "$(fc-list :lang=ja 2>/dev/null)" ]; return; fi
  [ -n "$(find /usr/share/fonts /usr/local/share/fonts "$HOME/.local/share/fonts" "$HOME/.fonts" \
    \( -iname '*cjk*' -o -iname 'ipa*' -o -iname '*takao*' -o -iname '*vl-gothic*' \) \
    -print -quit 2>/dev/null)" ]
}

# Packages to install for "soname=package|alt" (libraries) or "command=package" (tools).
missing_packages() {
  local kind="$1" entry out=()
  shift
  for entry in $*; do
    local what="${entry%%=*}" pkgs="${entry#*=}"
    if [ "$kind" = lib ]; then { package_installed "$pkgs" || has_library "$what"; } && continue
    else command -v "$what" >/dev/null 2>&1 && continue; fi
    out+=("$(known_package "$pkgs")")
  done
  echo "${out[@]:-}"
}

find_python() {
  local candidate
  for candidate in ${BRIEFING_PYTHON:-} python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return
    fi
  done
}

system_packages() {
  local extra="${1:-}" python want todo sudo=""
  if ! command -v apt-get >/dev/null 2>&1; then
    say "not a Debian/Ubuntu system: install Python 3.11+, Qt 6's runtime libraries and a Japanese font (Noto Sans CJK JP) yourself"
    return 0
  fi
  python=$(find_python)
  want="$(missing_packages lib $QT_LIBS $XCB_LIBS) $(missing_packages cmd $extra)"
  if [ -z "$python" ]; then
    # Ubuntu 22.04 ships 3.10 but has python3.11 in its archive.
    want="$want python3.11 python3.11-venv"
  elif ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    want="$want python3-venv"
  fi
  # A Japanese font only where the system has none: any will do for the window; the briefing
  # PDF looks for Noto CJK first.
  has_japanese_font || want="$want $FONTS"
  todo=$(echo $want)
  [ -z "$todo" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "cannot install system packages (not root, no sudo); ask for: apt-get install $todo"
      return 0
    fi
  fi
  step "installing system packages: $todo"
  if ! $sudo apt-get update -q >/dev/null 2>&1; then
    say "apt-get update failed (no network?); trying with the package lists at hand"
  fi
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $todo \
    >/tmp/briefing-apt.log 2>&1; then
    say "could not install: $todo (see /tmp/briefing-apt.log); install them and run again"
  fi
}

# A .venv that a failed first run left without pip, or whose Python was removed, is rebuilt.
venv_ok() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; }

python_env() {
  local extras="$1" python
  if ! venv_ok; then
    python=$(find_python)
    if [ -z "$python" ]; then
      say "Python 3.11 or newer is needed (found: $(python3 --version 2>&1 || echo none)); on Ubuntu 22.04: sudo apt-get install python3.11 python3.11-venv"
      exit 1
    fi
    [ -e "$VENV" ] && { say "$VENV is incomplete (an earlier set-up stopped); rebuilding it"; rm -rf "$VENV"; }
    step "creating $VENV with $($python --version)"
    if ! "$python" -m venv "$VENV" 2>/tmp/briefing-venv.log; then
      rm -rf "$VENV"
      say "could not create $VENV: install python3-venv (apt-get install python3-venv) and run again"
      exit 1
    fi
  fi
  # The test set-up includes the app's, so 'app' after 'test' installs nothing.
  local stamp
  for stamp in "$VENV/.installed-$extras" "$VENV/.installed-test"; do
    if [ -f "$stamp" ] && [ ! pyproject.toml -nt "$stamp" ]; then return 0; fi
  done
  step "installing briefing-reader${extras:+ with [$extras]} into $VENV (about a minute the first time)"
  export PYTHONWARNINGS=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
  if ! { "$VENV/bin/python" -m pip install -q --upgrade pip &&
    "$VENV/bin/python" -m pip install -q -e ".${extras:+[$extras]}"; } >/tmp/briefing-pip.log 2>&1; then
    tail -n 5 /tmp/briefing-pip.log >&2
    say "installing the Python packages failed (full log: /tmp/briefing-pip.log)"
    exit 1
  fi
  touch "$VENV/.installed-$extras"
}

APP_ID=io.github.briefing_reader.BriefingReader
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}

# The desktop entry, icons and AppStream file for the current user; Exec names the built
# one-folder app when there is one (dist/), else the virtual environment's command.
install_desktop() {
  local exe size
  if [ -x dist/briefing-reader/briefing-reader ]; then exe="$(pwd)/dist/briefing-reader/briefing-reader"
  else python_env ""; exe="$(pwd)/$VENV/bin/briefing-reader"; fi
  mkdir -p "$DATA_HOME/applications" "$DATA_HOME/metainfo" "$DATA_HOME/icons/hicolor/scalable/apps"
  sed -e "s|^Exec=briefing-reader|Exec=$exe|" -e "s|^TryExec=briefing-reader|TryExec=$exe|" \
    "packaging/linux/$APP_ID.desktop" >"$DATA_HOME/applications/$APP_ID.desktop"
  cp "packaging/linux/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
  cp resources/icons/briefing-reader.svg "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$DATA_HOME/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/briefing-reader-$size.png" "$DATA_HOME/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA_HOME/applications" || true
  say "installed the desktop entry for $exe (remove with: bash packaging/dev.sh uninstall-desktop)"
}

uninstall_desktop() {
  rm -f "$DATA_HOME/applications/$APP_ID.desktop" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
  find "$DATA_HOME/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA_HOME/applications" || true
  say "removed the desktop entry (the library and settings stay)"
}

# The one-folder app in dist/briefing-reader (packaging/briefing-reader.spec), runnable without
# Python. PyInstaller gets its own environment, .venv-dist, holding only the app's runtime
# dependencies: the bundle then cannot pick up test tools (pytest, hypothesis), a build never
# changes the .venv the tests run in, and the project itself is not installed there at all
# (the spec takes it from desktop/, resources/ and articles/ as they are now).
DIST_VENV=${BRIEFING_DIST_VENV:-.venv-dist}
PYINSTALLER="pyinstaller==6.22.3"

# PyInstaller bundles Python's shared library, which Debian and Ubuntu keep apart from
# python3 (libpython3.11 on Debian 12, libpython3.12 on Ubuntu 24.04).
dist_libpython() {
  local so dir pkg sudo=""
  so=$("$DIST_VENV/bin/python" -c 'import sysconfig as s; print(s.get_config_var("INSTSONAME") or "")')
  dir=$("$DIST_VENV/bin/python" -c 'import sysconfig as s; print(s.get_config_var("LIBDIR") or "")')
  case "$so" in
  *.so*) { [ -e "$dir/$so" ] || has_library "$so"; } && return 0 ;;
  *) say "$("$DIST_VENV/bin/python" --version) has no shared library (built without --enable-shared); build with the system's python3"; exit 1 ;;
  esac
  pkg=${so%%.so*}
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "PyInstaller needs $so: apt-get install $pkg"; exit 1; }
    sudo="sudo"
  fi
  step "installing $pkg (Python's shared library, which PyInstaller bundles)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$pkg" \
    >/tmp/briefing-apt.log 2>&1 || { say "could not install $pkg (see /tmp/briefing-apt.log)"; exit 1; }
}
build_dist() {
  local python stamp="$DIST_VENV/.installed-dist"
  if ! { [ -x "$DIST_VENV/bin/python" ] && "$DIST_VENV/bin/python" -m pip --version >/dev/null 2>&1; }; then
    python=$(find_python)
    [ -n "$python" ] || { say "Python 3.11 or newer is needed to build"; exit 1; }
    [ -e "$DIST_VENV" ] && { say "$DIST_VENV is incomplete; rebuilding it"; rm -rf "$DIST_VENV"; }
    step "creating $DIST_VENV (the build environment) with $($python --version)"
    "$python" -m venv "$DIST_VENV" 2>/tmp/briefing-venv.log ||
      { rm -rf "$DIST_VENV"; say "could not create $DIST_VENV: install python3-venv"; exit 1; }
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    step "installing the app's dependencies and $PYINSTALLER into $DIST_VENV (a few minutes the first time)"
    "$DIST_VENV/bin/python" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' \
      >"$DIST_VENV/requirements.txt"
    if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$DIST_VENV/bin/python" -m pip install -q \
      -r "$DIST_VENV/requirements.txt" "$PYINSTALLER" >/tmp/briefing-dist-pip.log 2>&1; then
      tail -n 5 /tmp/briefing-dist-pip.log >&2
      say "installing the build environment failed (full log: /tmp/briefing-dist-pip.log)"; exit 1
    fi
    touch "$stamp"
  fi
  dist_libpython
  step "building dist/briefing-reader with PyInstaller (a few minutes; log: /tmp/briefing-dist.log)"
  if ! "$DIST_VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/briefing-reader.spec >/tmp/briefing-dist.log 2>&1; then
    tail -n 15 /tmp/briefing-dist.log >&2
    say "the build failed (full log: /tmp/briefing-dist.log)"; exit 1
  fi
  # It must start with nothing of this machine's Python in sight.
  if ! env -i PATH=/usr/bin:/bin HOME=/nonexistent dist/briefing-reader/briefing-reader --version >/dev/null; then
    say "the built app does not start: dist/briefing-reader/briefing-reader --version"; exit 1
  fi
  say "built dist/briefing-reader ($(du -sh dist/briefing-reader | cut -f1)); it runs without Python:" \
    "dist/briefing-reader/briefing-reader --help"
}

case "${1:-app}" in
setup)
  system_packages; python_env "" ;;
app)
  system_packages; python_env ""
  shift || true
  step "starting Briefing Reader"
  exec "$VENV/bin/briefing-reader" "$@" ;;
test)
  system_packages "$TEST_TOOLS"; python_env test
  export QT_QPA_PLATFORM=offscreen
  step "checking style (ruff) and layers (import-linter)"
  "$VENV/bin/ruff" check -q desktop tests bench packaging
  "$VENV/bin/lint-imports" >/tmp/briefing-lint-imports.log 2>&1 || { cat /tmp/briefing-lint-imports.log; exit 1; }
  step "running the test suite"
  shift || true
  exec "$VENV/bin/python" -m pytest "$@" ;;
dist)
  system_packages "objdump=binutils"; build_dist ;;
screenshots)
  # The main views under Xvfb on a copy of the sample library, into a folder (default
  # build/screenshots): light and dark, English and Japanese, 1600x1000, 1280x720 and
  # 1024x700 (packaging/screenshots.py --help: options for fewer).
  system_packages "Xvfb=xvfb"; python_env ""
  shift || true
  step "taking screenshots (about a minute)"
  exec "$VENV/bin/python" packaging/screenshots.py "$@" ;;
translations)
  # After changing user-visible text: extract it into the .ts, translate what lupdate marks
  # unfinished (pyside6-linguist, or by hand), then run this again to compile the .qm.
  python_env ""
  TS=resources/translations/briefing_ja.ts
  step "updating $TS from the sources (lupdate)"
  "$VENV/bin/pyside6-lupdate" desktop/briefing/ui/*.py desktop/briefing/app.py -ts "$TS"
  step "compiling ${TS%.ts}.qm (lrelease); translate new texts with: $VENV/bin/pyside6-linguist $TS"
  "$VENV/bin/pyside6-lrelease" "$TS" -qm "${TS%.ts}.qm" ;;
install-desktop) install_desktop ;;
uninstall-desktop) uninstall_desktop ;;
*)
  echo "usage: bash packaging/dev.sh [app|test|setup|dist|screenshots|translations|install-desktop|uninstall-desktop] [args...]" >&2; exit 2 ;;
esac
