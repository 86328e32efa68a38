"""Share of summary sentences on scraped news pages that are not story text.

Summarizes every page of ../shared/data/news_pages_raw.dev.jsonl.gz (the
`raw_text` dumps, 3 sentences each) with nutgraf's algorithms and prints,
per algorithm, the share of summary sentences that are not story text, for
all pages and for the even- and odd-numbered pages (0-based position in the
file) apart: a rule written while looking at one half can be checked on the
other. A sentence is story text when its words appear contiguously, in
order, in the page's hand-checked `article_body` (`is_story` of
bench/peers_bench.py, the same test as its "non-story %" column).

    cargo build --release -p nutgraf-cli
    bench/peers/.venv/bin/python bench/pages_junk.py [default textrank lexrank] [-v]
        [--nutgraf target/release/nutgraf]

`-v` lists every non-story sentence of the first algorithm with its page
index and id. Only the standard library and peers_bench.py are needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers_bench as pb  # noqa: E402


def junk_shares(summaries: list[list[str]], docs: list[dict]):
    """Counts (junk, total) per split and lists the junk sentences as (page index, id, sentence)."""
    counts = {"all": [0, 0], "even": [0, 0], "odd": [0, 0]}
    junk = []
    for i, (summary, d) in enumerate(zip(summaries, docs)):
        body = " " + " ".join(pb.words(d["body"])) + " "
        parity = "even" if i % 2 == 0 else "odd"
        for sentence in summary:
            bad = not pb.is_story(sentence, [], body)
            for split in ("all", parity):
                counts[split][0] += bad
                counts[split][1] += 1
            if bad:
                junk.append((i, d["id"], sentence))
    return counts, junk


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("algorithms", nargs="*", metavar="ALGORITHM",
                    help=f"nutgraf algorithms (default: default textrank lexrank; any of {', '.join(pb.ALGORITHMS)})")
    ap.add_argument("--nutgraf", default=os.environ.get("NUTGRAF_BIN", str(pb.REPO / "target" / "release" / "nutgraf")),
                    help="the nutgraf binary (default: $NUTGRAF_BIN or target/release/nutgraf)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the non-story sentences of the first algorithm")
    args = ap.parse_args()
    args.algorithms = args.algorithms or ["default", "textrank", "lexrank"]
    for algorithm in args.algorithms:
        if algorithm not in pb.ALGORITHMS:
            ap.error(f"unknown algorithm {algorithm!r} (choose from {', '.join(pb.ALGORITHMS)})")

    docs = pb.load("pages", None)
    for n, algorithm in enumerate(args.algorithms):
        summaries, _ = pb.run_nutgraf(args.nutgraf, algorithm, docs, 1)
        counts, junk = junk_shares(summaries, docs)
        if args.verbose and n == 0:
            for i, doc_id, sentence in junk:
                print(f"  [{i}] {doc_id[:10]} {sentence[:150]!r}")
        figures = " ".join(f"{split} {100 * bad / total:.1f}% ({bad}/{total})" if total else f"{split} -"
                           for split, (bad, total) in counts.items())
        print(f"{algorithm} {figures}", flush=True)


if __name__ == "__main__":
    main()
