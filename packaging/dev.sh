#!/usr/bin/env bash
# Set-up and entry points for a Debian/Ubuntu machine, fresh or not.
#   bash packaging/dev.sh app    install everything, open the window on the sample library
#   bash packaging/dev.sh test   install everything plus the test tools, run the whole suite headless
#   bash packaging/dev.sh setup  install only
# System packages are installed only where missing (with sudo when not root); the Python side
# lives in .venv beside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${BRIEFING_VENV:-.venv}

# Qt's own runtime libraries (even offscreen Qt needs them), its X11 plugin's, a Japanese font.
QT_LIBS="libgl1 libxkbcommon0 libegl1 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3"
XCB_LIBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1"
FONTS="fonts-noto-cjk"
# Only for the test command: poppler checks the briefing PDF; Xvfb and xdotool drive a real window.
TEST_TOOLS="poppler-utils xvfb xdotool xclip x11-utils"

say() { printf 'briefing-setup: %s\n' "$*" >&2; }

missing_debs() {
  local pkg out=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out+=("$pkg")
  done
  echo "${out[@]:-}"
}

system_packages() {
  local extra="${1:-}"
  if ! command -v apt-get >/dev/null 2>&1; then
    say "not a Debian/Ubuntu system: install Qt 6's runtime libraries and a Japanese font (Noto Sans CJK JP) yourself"
    return 0
  fi
  local want="python3-venv $QT_LIBS $XCB_LIBS $extra"
  # A Japanese font only where the system has none: any font will do, Noto is what we test with.
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
    want="$want $FONTS"
  fi
  local todo
  todo=$(missing_debs $want)
  [ -z "$todo" ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "cannot install system packages (not root, no sudo); please install: $todo"
      return 0
    fi
  fi
  say "installing system packages: $todo"
  if ! { $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $todo >/dev/null; }; then
    say "could not install: $todo — Japanese may render as boxes or Qt may not start; install them and run again"
  fi
}

python_env() {
  local extras="$1" stamp="$VENV/.installed-$1"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing briefing-reader${extras:+ with [$extras]} into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".${extras:+[$extras]}"
    touch "$stamp"
  fi
}

case "${1:-app}" in
setup)
  system_packages; python_env "" ;;
app)
  system_packages; python_env ""
  shift || true
  exec "$VENV/bin/briefing-reader" "$@" ;;
test)
  system_packages "$TEST_TOOLS"; python_env test
  export QT_QPA_PLATFORM=offscreen
  "$VENV/bin/ruff" check desktop tests bench packaging
  "$VENV/bin/lint-imports"
  shift || true
  exec "$VENV/bin/python" -m pytest "$@" ;;
*)
  echo "usage: bash packaging/dev.sh [app|test|setup] [args...]" >&2; exit 2 ;;
esac
