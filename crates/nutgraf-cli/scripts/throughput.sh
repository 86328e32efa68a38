#!/usr/bin/env bash
# Throughput of `nutgraf summarize` over the dev corpora beside the repo
# (release build): documents per second, best of RUNS runs (default 3) at
# THREADS worker threads (default 1). Output goes to /dev/null; the time
# includes reading, gunzip, JSON, parsing, summarizing and writing JSONL.
#
#   crates/nutgraf-cli/scripts/throughput.sh            # one thread
#   THREADS=2 crates/nutgraf-cli/scripts/throughput.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
threads=${THREADS:-1}
runs=${RUNS:-3}
cargo build --release -q -p nutgraf-cli
bin="${CARGO_TARGET_DIR:-target}/release/nutgraf"
data=../shared/data
for corpus in cnndm_test_frank.jsonl.gz bbc_news_summary.dev.jsonl.gz; do
  if [ ! -f "$data/$corpus" ]; then
    echo "$corpus: not found in $data, skipped"
    continue
  fi
  docs=$(gzip -dc "$data/$corpus" | wc -l)
  best=""
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$bin" summarize --format jsonl --text-field article --sentences 3 \
      --threads "$threads" --no-progress "$data/$corpus" >/dev/null 2>&1
    end=$(date +%s.%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    if [ -z "$best" ] || awk -v s="$secs" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$secs; fi
  done
  printf '%s: %d docs, best of %d runs %.3f s, %.0f docs/s (threads=%s)\n' \
    "$corpus" "$docs" "$runs" "$best" "$(awk -v d="$docs" -v s="$best" 'BEGIN { print d / s }')" "$threads"
done
