"""Quality and whole-corpus speed of nutgraf against peer summarizers.

Runs every system on the same documents of ../shared/data and prints, per
corpus, ROUGE F1 (Google's rouge-score: stemming on, ROUGE-Lsum over
newline-split sentences; summaries put back in document order), docs/s on one
core, and for the scraped pages the share of summary sentences that are not
story text.

    bash bench/peers/setup.sh                      # once: peers in a venv
    cargo build --release -p nutgraf-cli
    bench/peers/.venv/bin/python bench/peers_bench.py [--corpus cnndm bbc pages]
        [--systems nutgraf:default nutgraf:lead lead sumy-lexrank summa ...] [--repeat N]

Peers are called as their READMEs show. Lead-K splits with NLTK punkt (as
the issue's reference figures do). nutgraf is timed as a whole process
(`nutgraf summarize --threads 1`), peers in-process, so the comparison is
generous to the peers. nutgraf's time is the larger of its wall time and its
CPU time (user + system) at one thread: its input is read on a thread of its
own, and that thread must not make one worker look faster than one core.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
os.environ.setdefault("NLTK_DATA", str(REPO / "bench" / "peers" / ".venv" / "nltk_data"))

CORPORA = {
    "cnndm": "cnndm_test_frank.jsonl.gz",
    "bbc": "bbc_news_summary.dev.jsonl.gz",
    "pages": "news_pages_raw.dev.jsonl.gz",
}
PEERS = ["lead", "sumy-lexrank", "sumy-textrank", "sumy-luhn", "sumy-sumbasic", "summa", "lexrank", "lede"]
ALGORITHMS = ["default", "lead", "luhn", "edmundson", "lsa", "sumbasic", "klsum", "textrank", "lexrank", "pacsum"]


def load(corpus: str, limit: int | None) -> list[dict]:
    docs = []
    with gzip.open(DATA / CORPORA[corpus], "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if corpus == "pages":
                docs.append({"id": d["id"], "text": d["raw_text"], "title": None, "k": 3, "body": d["article_body"]})
            else:
                ref = d["reference"]
                k = 3 if corpus == "cnndm" else len([s for s in ref.split("\n") if s.strip()])
                docs.append({"id": d["id"], "text": d["article"], "title": d.get("title"), "k": k, "reference": ref})
            if limit and len(docs) >= limit:
                break
    return docs


# ---- peers -----------------------------------------------------------------

def peer_summarizer(name: str, docs: list[dict]):
    """Returns f(doc) -> list of summary sentences, in document order."""
    import nltk

    def in_doc_order(text: str, sentences: list[str]) -> list[str]:
        return sorted(sentences, key=lambda s: (text.find(s), s))

    if name == "lead":
        return lambda d: nltk.sent_tokenize(d["text"])[: d["k"]]
    if name.startswith("sumy-"):
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.luhn import LuhnSummarizer
        from sumy.summarizers.sum_basic import SumBasicSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        cls = {"sumy-lexrank": LexRankSummarizer, "sumy-textrank": TextRankSummarizer,
               "sumy-luhn": LuhnSummarizer, "sumy-sumbasic": SumBasicSummarizer}[name]
        summarizer = cls(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        tokenizer = Tokenizer("english")

        def run(d):
            parser = PlaintextParser.from_string(d["text"], tokenizer)
            return [str(s) for s in summarizer(parser.document, d["k"])]
        return run
    if name == "summa":
        from summa import summarizer as summa_summarizer

        def run(d):
            scored = summa_summarizer.summarize(d["text"], ratio=1.0, split=True, scores=True)
            top = sorted(scored, key=lambda p: -p[1])[: d["k"]]
            return in_doc_order(d["text"], [s for s, _ in top])
        return run
    if name == "lexrank":
        from lexrank import STOPWORDS, LexRank

        background = [nltk.sent_tokenize(d["text"]) for d in docs]
        lxr = LexRank(background, stopwords=STOPWORDS["en"])

        def run(d):
            sentences = nltk.sent_tokenize(d["text"])
            if not sentences:
                return []
            picked = lxr.get_summary(sentences, summary_size=min(d["k"], len(sentences)), threshold=0.1)
            return in_doc_order(d["text"], picked)
        return run
    if name == "lede":
        import lede

        def run(d):
            budget = len(" ".join(nltk.sent_tokenize(d["text"])[: d["k"]]))
            summary = lede.summarize(d["text"], max_length=max(budget, 1)).summary
            return nltk.sent_tokenize(summary)
        return run
    raise SystemExit(f"unknown peer {name}")


def run_peer(name: str, docs: list[dict]) -> tuple[list[list[str]], float]:
    f = peer_summarizer(name, docs)
    start = time.perf_counter()
    out = []
    for d in docs:
        try:
            out.append(f(d))
        except Exception as exc:  # a peer failing on a document counts as an empty summary
            print(f"  {name} failed on {d['id']}: {exc!r}", file=sys.stderr)
            out.append([])
    return out, time.perf_counter() - start


# ---- nutgraf ---------------------------------------------------------------

def run_nutgraf(binary: str, algorithm: str, docs: list[dict], threads: int) -> tuple[list[list[str]], float]:
    by_k: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_k[d["k"]].append(i)
    out: list[list[str]] = [[] for _ in docs]
    elapsed = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for k, idxs in sorted(by_k.items()):
            path = Path(tmp) / f"k{k}.jsonl"
            with open(path, "w", encoding="utf-8") as f:
                for i in idxs:
                    rec = {"id": docs[i]["id"], "text": docs[i]["text"]}
                    if docs[i]["title"]:
                        rec["title"] = docs[i]["title"]
                    f.write(json.dumps(rec) + "\n")
            cmd = [binary, "summarize", "--format", "jsonl", "--text-field", "text", "--id-field", "id",
                   "--title-field", "title", "--sentences", str(k), "--algorithm", algorithm,
                   "--threads", str(threads), str(path)]
            cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            wall = time.perf_counter() - start
            cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
            elapsed += max(wall, cpu) if threads == 1 else wall
            if proc.returncode not in (0, 1):
                raise SystemExit(f"nutgraf failed ({proc.returncode}): {proc.stderr}")
            lines = [json.loads(l) for l in proc.stdout.splitlines() if l.strip()]
            if len(lines) != len(idxs):
                raise SystemExit(f"nutgraf returned {len(lines)} summaries for {len(idxs)} docs")
            for i, rec in zip(idxs, lines):
                assert rec["id"] == docs[i]["id"], (rec["id"], docs[i]["id"])
                out[i] = rec.get("summary") or []
    return out, elapsed


# ---- metrics ---------------------------------------------------------------

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def is_story(sentence: str, body_words: list[str], body_text: str) -> bool:
    """A sentence is story text when its words appear contiguously, in order, in the body."""
    w = words(sentence)
    if not w:
        return False
    return (" " + " ".join(w) + " ") in body_text


def rouge_means(summaries: list[list[str]], docs: list[dict]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = defaultdict(float)
    for summary, d in zip(summaries, docs):
        scores = scorer.score(d["reference"], "\n".join(summary))
        for key, s in scores.items():
            totals[key] += s.fmeasure
    return {key: 100 * v / len(docs) for key, v in totals.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=["cnndm", "bbc", "pages"], choices=list(CORPORA))
    ap.add_argument("--systems", nargs="+", default=[f"nutgraf:{a}" for a in ALGORITHMS] + PEERS)
    ap.add_argument("--nutgraf", default=str(REPO / "target" / "release" / "nutgraf"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1,
                    help="time every system this many times and keep its fastest run (a nutgraf run lasts "
                         "tens of milliseconds, so one run is mostly scheduling noise); the summaries "
                         "scored are the first run's")
    ap.add_argument("--json", help="also write all figures to this JSON file")
    args = ap.parse_args()

    results = []
    for corpus in args.corpus:
        docs = load(corpus, args.limit)
        mb = sum(len(d["text"].encode()) for d in docs) / 1e6
        print(f"\n## {corpus}: {len(docs)} docs, {mb:.2f} MB")
        header = "| system | R-1 | R-2 | R-Lsum | non-story % | docs/s | MB/s |"
        print(header)
        print("|---|---|---|---|---|---|---|")
        for system in args.systems:
            summaries, secs = None, float("inf")
            for _ in range(max(args.repeat, 1)):
                if system.startswith("nutgraf:"):
                    out, t = run_nutgraf(args.nutgraf, system.split(":", 1)[1], docs, args.threads)
                else:
                    out, t = run_peer(system, docs)
                summaries = out if summaries is None else summaries
                secs = min(secs, t)
            row = {"corpus": corpus, "system": system, "docs": len(docs), "seconds": secs,
                   "docs_per_s": len(docs) / secs if secs else float("inf"), "mb_per_s": mb / secs if secs else float("inf")}
            if corpus == "pages":
                total = junk = 0
                for summary, d in zip(summaries, docs):
                    body = " " + " ".join(words(d["body"])) + " "
                    for s in summary:
                        total += 1
                        junk += not is_story(s, [], body)
                row["non_story_pct"] = 100 * junk / total if total else 0.0
                row["sentences"] = total
            else:
                row.update(rouge_means(summaries, docs))
            results.append(row)
            r = lambda k: f"{row[k]:.2f}" if k in row else "–"
            print(f"| {system} | {r('rouge1')} | {r('rouge2')} | {r('rougeLsum')} | {r('non_story_pct')} "
                  f"| {row['docs_per_s']:.1f} | {row['mb_per_s']:.2f} |", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
