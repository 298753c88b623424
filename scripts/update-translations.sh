#!/usr/bin/env bash
# Extract translatable strings into the template, merge them into the Dutch catalogue, and compile it.
# Translate new entries in peerreview_app/locale/nl/LC_MESSAGES/peerreview.po, then run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
locale=peerreview_app/locale
.venv/bin/pybabel extract --no-location --sort-output --project "Peer Review Workbench" --copyright-holder "Peer Review Workbench" -k _ -k ngettext:1,2 -o "$locale/peerreview.pot" peerreview_app
if [ -f "$locale/nl/LC_MESSAGES/peerreview.po" ]; then
  .venv/bin/pybabel update --no-fuzzy-matching -i "$locale/peerreview.pot" -d "$locale" -D peerreview -l nl
else
  .venv/bin/pybabel init -i "$locale/peerreview.pot" -d "$locale" -D peerreview -l nl
fi
.venv/bin/pybabel compile -d "$locale" -D peerreview -l nl --statistics
