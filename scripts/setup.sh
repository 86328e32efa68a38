#!/usr/bin/env bash
# Installs nutgraf (the Python package and its `nutgraf` command, built from
# this checkout by maturin) into the current Python, then summarizes the
# example news page that sits beside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install .
example="../shared/examples/sputnik-2017-02-12-syria-talks.txt"
echo "== nutgraf parse (roles of every block)"
python3 -m nutgraf parse "$example"
echo "== nutgraf summarize --sentences 3"
python3 -m nutgraf summarize --sentences 3 "$example"
