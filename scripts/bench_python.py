#!/usr/bin/env python3
"""Python binding speed vs the command line on the same corpus.

Summarizes every document of a JSONL corpus (default: the BBC dev set beside
the repo, ../shared/data/bbc_news_summary.dev.jsonl.gz) twice with the same
options:

* Python: ``nutgraf.Summarizer(...).summarize_many(articles)``, timed alone
  (documents already in memory) and end to end (read gzip + JSON, then
  summarize);
* CLI: ``nutgraf summarize --format jsonl --text-field article -o /dev/null``,
  wall time of the whole process (reads, parses JSON, summarizes, writes).

Prints documents per second for each (best of --repeat runs) and the ratio
CLI time / Python time. The CLI defaults to the ``nutgraf`` console script of
this Python environment; pass ``--cli target/release/nutgraf`` for the native
binary. Run after ``pip install .`` (a release build):

    python scripts/bench_python.py
    python scripts/bench_python.py --algorithm lexrank --sentences 3 --repeat 5
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import nutgraf

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "bbc_news_summary.dev.jsonl.gz"


def load(path: Path, field: str) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)[field] for line in f if line.strip()]


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def default_cli() -> str:
    script = Path(sysconfig.get_path("scripts")) / "nutgraf"
    if script.is_file():
        return str(script)
    found = shutil.which("nutgraf")
    if not found:
        sys.exit("no `nutgraf` command found; pip install . or pass --cli PATH")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--text-field", default="article")
    parser.add_argument("--algorithm", default=None)
    parser.add_argument("--sentences", type=int, default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", default=None, help="the nutgraf command to compare with")
    args = parser.parse_args()

    if not args.corpus.is_file():
        sys.exit(f"corpus {args.corpus} not found")
    cli = args.cli or default_cli()

    options = {}
    flags = []
    if args.algorithm is not None:
        options["algorithm"] = args.algorithm
        flags += ["--algorithm", args.algorithm]
    if args.sentences is not None:
        options["sentences"] = args.sentences
        flags += ["--sentences", str(args.sentences)]
    if args.threads is not None:
        options["threads"] = args.threads
        flags += ["--threads", str(args.threads)]

    articles = load(args.corpus, args.text_field)
    n = len(articles)
    summarizer = nutgraf.Summarizer(**options)
    summarizer.summarize_many(articles[:50])  # start the pool before timing

    python_only = best_of(args.repeat, lambda: summarizer.summarize_many(articles))
    python_e2e = best_of(
        args.repeat, lambda: summarizer.summarize_many(load(args.corpus, args.text_field))
    )

    command = [
        cli, "summarize", "--format", "jsonl", "--text-field", args.text_field,
        "--no-progress", "-o", os.devnull, *flags, str(args.corpus),
    ]
    def run_cli() -> None:
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)

    run_cli()  # warm the page cache

    cli_time = best_of(args.repeat, run_cli)

    print(f"corpus: {args.corpus} ({n} documents)")
    print(f"options: {summarizer!r}")
    print(f"cli: {' '.join(command[:1])}")
    print(f"python summarize_many (in memory): {n / python_only:9.1f} docs/s  ({python_only:.3f} s)")
    print(f"python read + summarize_many:      {n / python_e2e:9.1f} docs/s  ({python_e2e:.3f} s)")
    print(f"cli nutgraf summarize:             {n / cli_time:9.1f} docs/s  ({cli_time:.3f} s)")
    print(f"ratio python/cli time (in memory): {python_only / cli_time:.2f}x")
    print(f"ratio python/cli time (end to end): {python_e2e / cli_time:.2f}x  (target <= 1.3x)")


if __name__ == "__main__":
    main()
