"""Summarize a Spark DataFrame column with a vectorised pandas UDF.

    from nutgraf.spark import summarize_udf
    summarize = summarize_udf(sentences=3)
    df.withColumn("summary", summarize("article"))
    titled = summarize_udf(sentences=3, with_title=True)
    df.withColumn("summary", titled("article", "title"))

Spark hands the UDF Arrow batches of the column as pandas Series; each batch
is summarized by one ``summarize_many`` call. The summarizer is built once
per executor Python process (a module-level cache keyed by the options; Spark
reuses its Python workers across tasks) — only the options are shipped.

Thread budget: an executor runs one task per ``spark.task.cpus`` cores, so
by default each batch is summarized on ``spark.task.cpus`` threads (1 unless
configured) and nutgraf never runs more threads than the task was given.
Pass ``threads=`` to override (and raise ``spark.task.cpus`` to match).

PySpark is imported when :func:`summarize_udf` is called: ``import nutgraf``
does not need it. See docs/scaling.md for a runnable example.
"""

from typing import Any, Optional

from nutgraf import _workers


def _task_cpus() -> int:
    """CPUs of the running Spark task (``spark.task.cpus``), else 1."""
    try:
        from pyspark import TaskContext

        context = TaskContext.get()
        return max(1, int(context.cpus())) if context is not None else 1
    except Exception:  # an older PySpark without TaskContext.cpus()
        return 1


def _summarize_batch(
    texts: Any, titles: Any, options: dict, threads: Optional[int], detailed: bool
) -> Any:
    import pandas as pd

    budget = threads if threads is not None else _task_cpus()
    heads = None if titles is None else titles.tolist()
    summaries = _workers.summarize_texts(texts.tolist(), options, budget, heads)
    if not detailed:
        return pd.Series([_workers.summary_text(s) for s in summaries], dtype=object)
    rows = [_workers.details(s) for s in summaries]
    return pd.DataFrame(
        {
            field: pd.Series([row[k] for row in rows], dtype=object)
            for k, field in enumerate(_workers.DETAIL_FIELDS)
        }
    )


def summarize_udf(
    *,
    threads: Optional[int] = None,
    details: bool = False,
    with_title: bool = False,
    **options: Any,
) -> Any:
    """A pandas UDF summarizing a string column.

    ``options`` are those of :class:`nutgraf.Summarizer` (``sentences=3``,
    ``algorithm="lexrank"``, ...); they are checked here, on the driver.
    The UDF returns the summary text (sentences joined with newlines), or
    with ``details=True`` a struct ``summary: string, sentences:
    array<string>, scores: array<double>, starts: array<int>, ends:
    array<int>`` (character offsets into the text). A null text gives null.
    ``threads``: nutgraf threads per task (default ``spark.task.cpus``).
    ``with_title``: the UDF takes two columns, the text and its headline
    (``summarize("article", "title")``); a null title means none.
    """
    from pyspark.sql.functions import pandas_udf
    from pyspark.sql.types import (
        ArrayType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    from nutgraf._nutgraf import Summarizer

    if threads is not None and (
        not isinstance(threads, int) or isinstance(threads, bool) or threads < 1
    ):
        raise ValueError(f"threads must be an integer >= 1 or None, not {threads!r}")
    Summarizer(**options)  # fail on the driver, not in every task

    return_type: Any = StringType()
    if details:
        return_type = StructType(
            [
                StructField("summary", StringType()),
                StructField("sentences", ArrayType(StringType())),
                StructField("scores", ArrayType(DoubleType())),
                StructField("starts", ArrayType(LongType())),
                StructField("ends", ArrayType(LongType())),
            ]
        )

    import pandas as pd

    # pandas_udf reads the kind of UDF from the annotations (Series to
    # Series, or to DataFrame for a struct); they must be real types here.
    if details and with_title:

        def summarize_titled_details(texts: pd.Series, titles: pd.Series) -> pd.DataFrame:
            return _summarize_batch(texts, titles, options, threads, True)

        return pandas_udf(summarize_titled_details, return_type)  # type: ignore[call-overload]

    if details:

        def summarize_details(texts: pd.Series) -> pd.DataFrame:
            return _summarize_batch(texts, None, options, threads, True)

        return pandas_udf(summarize_details, return_type)  # type: ignore[call-overload]

    if with_title:

        def summarize_titled(texts: pd.Series, titles: pd.Series) -> pd.Series:
            return _summarize_batch(texts, titles, options, threads, False)

        return pandas_udf(summarize_titled, return_type)  # type: ignore[call-overload]

    def summarize(texts: pd.Series) -> pd.Series:
        return _summarize_batch(texts, None, options, threads, False)

    return pandas_udf(summarize, return_type)  # type: ignore[call-overload]
