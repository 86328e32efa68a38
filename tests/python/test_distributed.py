"""nutgraf on Dask and Spark gives the summaries of a local run.

A real local Dask cluster (2 worker processes, 1 thread each) and a real
local Spark session (local[2]) summarize the first documents of the BBC dev
corpus (../shared/data; the tests skip when it is absent), and every result
must equal ``Summarizer.summarize_many`` run here, document for document.
The tests skip when dask/distributed or pyspark (and Java) are missing.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import pytest

import nutgraf

REPO = Path(__file__).resolve().parents[2]
BBC = REPO.parent / "shared" / "data" / "bbc_news_summary.dev.jsonl.gz"
N_DOCS = 200
OPTIONS = {"sentences": 3}


@pytest.fixture(scope="module")
def corpus() -> Tuple[List[str], List[str]]:
    """Ids and articles of the first N_DOCS documents."""
    if not BBC.exists():
        pytest.skip(f"{BBC} not found")
    ids, texts = [], []
    with gzip.open(BBC, "rt", encoding="utf-8") as f:
        for line in f:
            if len(texts) == N_DOCS:
                break
            record = json.loads(line)
            ids.append(record["id"])
            texts.append(record["article"])
    return ids, texts


@pytest.fixture(scope="module")
def titles() -> List[str]:
    """Headlines of the first N_DOCS documents."""
    with gzip.open(BBC, "rt", encoding="utf-8") as f:
        return [json.loads(line)["title"] for _, line in zip(range(N_DOCS), f)]


# Edmundson scores title words, so a lost title changes its summaries.
TITLED = {"sentences": 3, "algorithm": "edmundson"}


def titled_expected(texts: List[str], titles: List[str]) -> List[str]:
    """Local summaries with titles; checks that titles matter for them."""
    summarizer = nutgraf.Summarizer(**TITLED)
    with_titles = [s.text for s in summarizer.summarize_many(texts, titles=titles, threads=1)]
    without = [s.text for s in summarizer.summarize_many(texts, threads=1)]
    assert with_titles != without, "titles should change some Edmundson summaries"
    return with_titles


@pytest.fixture(scope="module")
def expected(corpus: Tuple[List[str], List[str]]) -> List[nutgraf.Summary]:
    return nutgraf.Summarizer(**OPTIONS).summarize_many(corpus[1], threads=1)


def detail_rows(summaries: List[nutgraf.Summary]) -> List[Tuple[Any, ...]]:
    return [
        (
            s.text,
            [x.text for x in s],
            [x.score for x in s],
            [x.start for x in s],
            [x.end for x in s],
        )
        for s in summaries
    ]


# ------------------------------------------------------------------ Dask


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    pytest.importorskip("dask", reason="dask is not installed (pip install 'dask[dataframe]')")
    distributed = pytest.importorskip(
        "distributed", reason="distributed is not installed (pip install distributed)"
    )
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_dask_bag_equals_local_run(
    dask_client: Any, corpus: Tuple[List[str], List[str]], expected: List[nutgraf.Summary]
) -> None:
    import dask.bag as db

    from nutgraf.dask import summarize_bag

    bag = db.from_sequence(corpus[1], npartitions=4)
    assert summarize_bag(bag, **OPTIONS).compute() == [s.text for s in expected]
    detailed = summarize_bag(bag, details=True, **OPTIONS).compute()
    fields = ("summary", "sentences", "scores", "starts", "ends")
    assert [tuple(d[f] for f in fields) for d in detailed] == detail_rows(expected)
    # The work ran in the worker processes, not here.
    pids = set(bag.map_partitions(lambda _: [os.getpid()]).compute())
    assert os.getpid() not in pids and len(pids) >= 1


def test_dask_dataframe_column_equals_local_run(
    dask_client: Any, corpus: Tuple[List[str], List[str]], expected: List[nutgraf.Summary]
) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe", reason="pip install 'dask[dataframe]'")

    from nutgraf.dask import summarize_frame, summarize_series

    ids, texts = corpus
    frame = pd.DataFrame({"id": ids, "article": texts}, index=range(100, 100 + len(ids)))
    ddf = dd.from_pandas(frame, npartitions=5)
    out = summarize_frame(ddf, "article", **OPTIONS).compute()
    assert list(out.index) == list(frame.index)
    assert list(out["id"]) == ids
    assert list(out["summary"]) == [s.text for s in expected]

    detailed = summarize_series(ddf["article"], details=True, **OPTIONS).compute()
    rows = list(
        zip(
            detailed["summary"],
            map(list, detailed["sentences"]),
            map(list, detailed["scores"]),
            map(list, detailed["starts"]),
            map(list, detailed["ends"]),
        )
    )
    assert rows == detail_rows(expected)


def test_dask_titles_reach_the_summarizer(
    dask_client: Any, corpus: Tuple[List[str], List[str]], titles: List[str]
) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")

    from nutgraf.dask import summarize_frame

    ids, texts = corpus
    frame = pd.DataFrame({"id": ids, "article": texts, "title": titles})
    out = summarize_frame(
        dd.from_pandas(frame, npartitions=3), "article", title_column="title", **TITLED
    ).compute()
    assert list(out["summary"]) == titled_expected(texts, titles)


def test_dask_missing_texts_give_missing_summaries(dask_client: Any) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")

    from nutgraf.dask import summarize_series

    text = "Storm hits coast\n\nThe storm hit the coast on Monday. Nobody was hurt."
    frame = pd.DataFrame({"article": pd.Series([text, None, text], dtype=object)})
    out = summarize_series(dd.from_pandas(frame, npartitions=2)["article"], sentences=1).compute()
    local = nutgraf.summarize(text, sentences=1).text
    assert [local, None, local] == [None if pd.isna(v) else v for v in out]


def test_dask_bad_options_fail_on_the_client() -> None:
    pytest.importorskip("dask")
    import dask.bag as db

    from nutgraf.dask import summarize_bag

    bag = db.from_sequence(["x"], npartitions=1)
    with pytest.raises(nutgraf.ConfigError):
        summarize_bag(bag, algorithm="no-such-algorithm")
    with pytest.raises(ValueError):
        summarize_bag(bag, threads=0)


# ----------------------------------------------------------------- Spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")
    pytest.importorskip("pyarrow", reason="pyarrow is needed for pandas UDFs")
    pytest.importorskip("pandas")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (no java on PATH, no JAVA_HOME)")
    from pyspark.sql import SparkSession

    # Executors' Python workers must import this very nutgraf.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("nutgraf-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def test_spark_udf_equals_local_run(
    spark: Any, corpus: Tuple[List[str], List[str]], expected: List[nutgraf.Summary]
) -> None:
    import pandas as pd

    from nutgraf.spark import summarize_udf

    ids, texts = corpus
    frame = pd.DataFrame({"pos": range(len(ids)), "id": ids, "article": texts})
    # Two partitions (local[2]); both UDFs in one job, no shuffle.
    sdf = spark.createDataFrame(frame).coalesce(2)
    summarize = summarize_udf(**OPTIONS)
    detailed = summarize_udf(details=True, **OPTIONS)
    out = (
        sdf.select("pos", "id", summarize("article").alias("summary"), detailed("article").alias("d"))
        .toPandas()
        .sort_values("pos")
    )
    assert list(out["id"]) == ids
    assert list(out["summary"]) == [s.text for s in expected]
    got = [
        (d["summary"], list(d["sentences"]), list(d["scores"]), list(d["starts"]), list(d["ends"]))
        for d in out["d"]
    ]
    assert got == detail_rows(expected)


def test_spark_titles_reach_the_summarizer(
    spark: Any, corpus: Tuple[List[str], List[str]], titles: List[str]
) -> None:
    import pandas as pd

    from nutgraf.spark import summarize_udf

    ids, texts = corpus
    frame = pd.DataFrame({"pos": range(len(ids)), "article": texts, "title": titles})
    sdf = spark.createDataFrame(frame).coalesce(2)
    titled = summarize_udf(with_title=True, **TITLED)
    out = sdf.select("pos", titled("article", "title").alias("s")).toPandas().sort_values("pos")
    assert list(out["s"]) == titled_expected(texts, titles)


def test_spark_null_texts_give_null_summaries(spark: Any) -> None:
    from pyspark.sql.types import StringType, StructField, StructType

    from nutgraf.spark import summarize_udf

    text = "Storm hits coast\n\nThe storm hit the coast on Monday. Nobody was hurt."
    schema = StructType([StructField("article", StringType())])
    sdf = spark.createDataFrame([(text,), (None,)], schema).coalesce(1)
    got = [r.s for r in sdf.select(summarize_udf(sentences=1)("article").alias("s")).collect()]
    assert got == [nutgraf.summarize(text, sentences=1).text, None]


def test_spark_bad_options_fail_on_the_driver() -> None:
    pytest.importorskip("pyspark")
    from nutgraf.spark import summarize_udf

    with pytest.raises(nutgraf.ConfigError):
        summarize_udf(sentences=-1)
    with pytest.raises(ValueError):
        summarize_udf(threads=0)
