#!/usr/bin/env bash
# Shared by demo.sh and test.sh: install the Debian packages the app needs (when root, or via sudo),
# then create .venv and install the app into it. Usage: setup-env.sh [pip extras, e.g. "[test]"]
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's wheels link against these (offscreen and desktop); the libxcb ones are what Qt's X11 platform needs on
# a desktop (a fresh Debian lacks libxcb-cursor0 and others); python3-venv provides ensurepip on Debian;
# poppler-utils checks PDFs in the report tests.
packages=(python3 python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 poppler-utils
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1)
# Callers add their own (test.sh: LibreOffice, to check that our workbooks open and print there).
read -r -a extra <<< "${EXTRA_DEBIAN_PACKAGES:-}"
packages+=("${extra[@]}")
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo=none; fi
  if [ "$sudo" = none ]; then
    echo "Missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})." >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${1:-}"
