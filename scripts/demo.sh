#!/usr/bin/env bash
# README command 1: install the workbench into .venv and start it on a demo database.
# The demo database lives beside the checkout (demo.sqlite3), so trying it out never touches real data.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-env.sh
exec .venv/bin/peerreview --db "${PEERREVIEW_DEMO_DB:-demo.sqlite3}" demo "$@"
