#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, Rust tests (unit,
# integration, doc tests, examples) and the Python package's pytest suite
# (including mypy's stubtest). `.ci/run` calls exactly this.
#
# Python tools live in .venv (created here): rouge-score and NLTK are the
# oracles of the ROUGE parity tests, pytest/mypy test the wheel, which is
# built from this checkout with `pip install .`.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== python venv (.venv)"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "rouge-score==0.1.2" "pytest>=7" "mypy>=1.10"
# Dask and Spark integration tests (tests/python/test_distributed.py).
.venv/bin/python -m pip install -q "dask[dataframe]==2026.8.0" "distributed==2026.8.0" \
  "pyspark==4.3.0" "pandas==3.1.1" "pyarrow==26.0.1"
# PySpark runs on a JVM.
if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi
# The Rust parity tests run `python3` with rouge_score and nltk importable.
export PATH="$PWD/.venv/bin:$PATH"

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"
cargo test --workspace --exclude nutgraf-python

echo "== pip install . (builds the wheel; dev profile: tests need no LTO)"
MATURIN_PEP517_ARGS="--profile dev" python -m pip install -q --force-reinstall --no-deps .
echo "== pytest"
python -m pytest -q tests/python
