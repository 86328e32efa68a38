#!/usr/bin/env python3
"""Throughput of nutgraf locally, on Dask and on Spark, over one corpus.

    python bench/distributed_bench.py [--docs N] [--repeat R] [--sentences K]

Summarizes the articles of ../shared/data/bbc_news_summary.dev.jsonl.gz
(all 1,130 by default) with the same options

* locally: ``Summarizer.summarize_many`` on 1 thread, then on 2 threads;
* on Dask: a LocalCluster of 2 worker processes with 1 thread each,
  ``nutgraf.dask.summarize_bag`` over 8 partitions;
* on Spark: a local[2] session, ``nutgraf.spark.summarize_udf`` over 8
  partitions, results collected to the driver with ``toPandas``;

and prints docs/s and the overhead per document against the local run on as
many cores (2). Engine start-up is timed separately; each timed run follows
one warm-up run (workers have built their summarizers and imported nutgraf),
and the best of ``--repeat`` runs is kept. Every engine's output is checked
against the local one. Needs dask[dataframe], distributed, pyspark, pyarrow,
pandas and Java.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, List

import nutgraf

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "data" / "bbc_news_summary.dev.jsonl.gz"


def load(path: Path, limit: int) -> List[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if limit and len(texts) == limit:
                break
            texts.append(json.loads(line)["article"])
    return texts


def best_of(repeat: int, run: Callable[[], Any]) -> "tuple[float, Any]":
    run()  # warm-up
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--corpus", type=Path, default=BBC)
    parser.add_argument("--docs", type=int, default=0, help="first N documents (0 = all)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    texts = load(args.corpus, args.docs)
    n = len(texts)
    options = {"sentences": args.sentences}
    summarizer = nutgraf.Summarizer(**options)
    rows = []

    t1, local = best_of(args.repeat, lambda: summarizer.summarize_many(texts, threads=1))
    expected = [s.text for s in local]
    rows.append(("local summarize_many, 1 thread", t1, None))
    t2, _ = best_of(args.repeat, lambda: summarizer.summarize_many(texts, threads=2))
    rows.append(("local summarize_many, 2 threads", t2, None))

    # Dask --------------------------------------------------------------
    import dask.bag as db
    from distributed import Client, LocalCluster

    from nutgraf.dask import summarize_bag

    start = time.perf_counter()
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)
    dask_start = time.perf_counter() - start
    bag = db.from_sequence(texts, npartitions=args.partitions)
    td, got = best_of(args.repeat, lambda: summarize_bag(bag, **options).compute())
    assert got == expected, "Dask results differ from the local run"
    rows.append(("Dask LocalCluster, 2 workers x 1 thread", td, dask_start))
    client.close()
    cluster.close()

    # Spark -------------------------------------------------------------
    import pandas as pd
    from pyspark.sql import SparkSession

    from nutgraf.spark import summarize_udf

    os.environ["PYSPARK_PYTHON"] = sys.executable
    start = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("nutgraf-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    frame = pd.DataFrame({"pos": range(n), "article": texts})
    sdf = spark.createDataFrame(frame).repartition(args.partitions, "pos").cache()
    sdf.count()
    spark_start = time.perf_counter() - start
    udf = summarize_udf(**options)

    def spark_run() -> List[str]:
        out = sdf.select("pos", udf("article").alias("s")).toPandas()
        return list(out.sort_values("pos")["s"])

    ts, got = best_of(args.repeat, spark_run)
    assert got == expected, "Spark results differ from the local run"
    rows.append(("Spark local[2], pandas UDF", ts, spark_start))
    spark.stop()

    cpus = os.cpu_count()
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{n} documents, sentences={args.sentences}, best of {args.repeat}; "
          f"{cpus} CPUs, load average {load_avg:.1f} at the end")
    print()
    print("| run | seconds | docs/s | overhead per doc vs local 2 threads | start-up (s) |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds, startup in rows:
        overhead = (seconds - t2) / n * 1000
        over = f"{overhead:+.2f} ms" if startup is not None else "-"
        up = f"{startup:.1f}" if startup is not None else "-"
        print(f"| {name} | {seconds:.2f} | {n / seconds:,.0f} | {over} | {up} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
