"""CPU time of the Python API on the BBC dev corpus beside the repo.

Summarizes every article of ../shared/data/bbc_news_summary.dev.jsonl.gz
with `Summarizer.summarize` one by one and with `summarize_many`, on one
thread, and prints the best CPU time (user + system) of RUNS rounds:

    python bench/python_speed.py [RUNS]      # with the nutgraf wheel installed

CPU time, not wall time: the machine is shared and noisy; compare builds by
alternating them in one sitting.
"""

from __future__ import annotations

import gzip
import json
import resource
import sys
from pathlib import Path

import nutgraf

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "bbc_news_summary.dev.jsonl.gz"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    if not DATA.exists():
        raise SystemExit(f"{DATA} not found")
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        docs = [json.loads(line)["article"] for line in f]
    summarizer = nutgraf.Summarizer(sentences=3, threads=1)
    one_by_one = many = float("inf")
    for _ in range(runs):
        start = cpu_seconds()
        for doc in docs:
            summarizer.summarize(doc)
        one_by_one = min(one_by_one, cpu_seconds() - start)
        start = cpu_seconds()
        summarizer.summarize_many(docs)
        many = min(many, cpu_seconds() - start)
    print(f"{len(docs)} docs, best of {runs}: summarize() one by one {one_by_one * 1000:.0f} ms CPU, "
          f"summarize_many {many * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
