#!/usr/bin/env bash
# Builds nutgraf and runs it on the example news page beside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p nutgraf-cli
example="../shared/examples/sputnik-2017-02-12-syria-talks.txt"
./target/release/nutgraf "$example"
