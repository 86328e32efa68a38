#!/usr/bin/env bash
# Throughput of `nutgraf summarize` over the dev corpora beside the repo
# (release build): documents per second, best of RUNS runs (default 3) at
# THREADS worker threads (default 1). Output goes to /dev/null; the time
# includes reading, gunzip, JSON, parsing, summarizing and writing JSONL.
# Two rates are printed: by wall time, and by CPU time (user + system, best
# run too). Input is read on a thread of its own, so at THREADS=1 the wall
# rate can use more than one core; the CPU rate is the per-core figure.
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
  best_cpu=""
  for _ in $(seq "$runs"); do
    # bash's `time` keyword: wall, user and system seconds of the command.
    times=$( { TIMEFORMAT='%R %U %S'; time "$bin" summarize --format jsonl --text-field article \
      --sentences 3 --threads "$threads" --no-progress "$data/$corpus" >/dev/null 2>&1; } 2>&1)
    read -r secs user sys <<<"$times"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    if [ -z "$best" ] || awk -v s="$secs" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$secs; fi
    if [ -z "$best_cpu" ] || awk -v s="$cpu" -v b="$best_cpu" 'BEGIN { exit !(s < b) }'; then best_cpu=$cpu; fi
  done
  printf '%s: %d docs, best of %d runs: wall %.3f s = %.0f docs/s, CPU %.3f s = %.0f docs/s per CPU second (threads=%s)\n' \
    "$corpus" "$docs" "$runs" "$best" "$(awk -v d="$docs" -v s="$best" 'BEGIN { print d / s }')" \
    "$best_cpu" "$(awk -v d="$docs" -v s="$best_cpu" 'BEGIN { print d / (s > 0 ? s : 1e-9) }')" "$threads"
done
