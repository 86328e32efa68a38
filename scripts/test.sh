#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, Rust tests (unit,
# integration, doc tests, examples) and, once the Python package exists,
# the pytest suite. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"
cargo test --workspace --exclude nutgraf-python
