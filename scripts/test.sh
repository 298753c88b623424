#!/usr/bin/env bash
# README command 2: the whole test suite. Installs what the tests need (Debian packages when root or with sudo,
# the app with its [test] extras in .venv), then runs ruff, mypy, the import-layer contracts and pytest with
# Qt offscreen. Extra arguments go to pytest. Fails when any step fails or when no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
# LibreOffice (without its GUI) converts our workbooks to PDF in the Excel tests: "opens cleanly in LibreOffice".
EXTRA_DEBIAN_PACKAGES="libreoffice-calc-nogui libreoffice-writer-nogui" ./scripts/setup-env.sh "[test]"

export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check --quiet . || { echo "ruff format would change files (run: .venv/bin/ruff format .)"; exit 1; }
echo "== mypy (strict)"
.venv/bin/mypy peerreview_app
echo "== import contracts"
.venv/bin/lint-imports --no-cache
echo "== pytest"
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
