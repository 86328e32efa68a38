"""Summarize Dask collections: a bag of texts, or a column of a data frame.

Each partition is summarized in one task, by one ``summarize_many`` call of a
summarizer that the worker process builds once for the options given (only
the options travel to the workers). Results keep the input's order and, for
a data frame column, its index.

Thread budget: a Dask worker runs as many tasks at once as it has threads
(``nthreads``), so each task summarizes on ``threads=1`` by default and a
worker never runs more nutgraf threads than it has task slots. To give each
task more cores, start workers with fewer task threads and pass ``threads``
(e.g. ``LocalCluster(threads_per_worker=1)`` on 4-core workers with
``threads=4``).

Dask is imported when these functions are called: ``import nutgraf`` does
not need it. See docs/scaling.md for a runnable example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List

from nutgraf import _workers

if TYPE_CHECKING:  # pragma: no cover - types only
    import dask.bag
    import dask.dataframe


def _check(threads: int, options: dict) -> None:
    from nutgraf._nutgraf import Summarizer

    if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
        raise ValueError(f"threads must be an integer >= 1, not {threads!r}")
    # Fail here, on the client, rather than in every task.
    Summarizer(**options)


def _bag_partition(texts: Any, options: dict, threads: int, detailed: bool) -> List[Any]:
    summaries = _workers.summarize_texts(texts, options, threads)
    if detailed:
        return [
            None if s is None else dict(zip(_workers.DETAIL_FIELDS, _workers.details(s)))
            for s in summaries
        ]
    return [_workers.summary_text(s) for s in summaries]


def summarize_bag(
    bag: "dask.bag.Bag", *, threads: int = 1, details: bool = False, **options: Any
) -> "dask.bag.Bag":
    """A bag with the summary of each text of ``bag``, in the same order.

    Each item is the summary text (sentences joined with newlines), or with
    ``details=True`` a dict with ``summary``, ``sentences``, ``scores``,
    ``starts`` and ``ends`` (character offsets into the text). A missing text
    (``None``, NaN) gives ``None``. ``options`` are those of
    :class:`nutgraf.Summarizer` (``sentences=3``, ``algorithm="lexrank"``, ...).
    """
    _check(threads, options)
    return bag.map_partitions(_bag_partition, options, threads, details)


def _series_partition(
    part: Any, titles: Any, options: dict, threads: int, detailed: bool
) -> Any:
    import pandas as pd

    heads = None if titles is None else titles.tolist()
    summaries = _workers.summarize_texts(part.tolist(), options, threads, heads)
    if not detailed:
        return pd.Series(
            [_workers.summary_text(s) for s in summaries],
            index=part.index,
            name="summary",
            dtype=object,
        )
    rows = [_workers.details(s) for s in summaries]
    columns = {
        field: pd.Series([row[k] for row in rows], index=part.index, dtype=object)
        for k, field in enumerate(_workers.DETAIL_FIELDS)
    }
    return pd.DataFrame(columns, index=part.index)


def summarize_series(
    series: "dask.dataframe.Series",
    *,
    titles: "dask.dataframe.Series | None" = None,
    threads: int = 1,
    details: bool = False,
    **options: Any,
) -> Any:
    """Summarize a Dask Series of texts (e.g. ``df["article"]``).

    Returns a Series named ``summary`` with the same index, or with
    ``details=True`` a DataFrame with the columns ``summary``, ``sentences``,
    ``scores``, ``starts`` and ``ends`` (lists per row; offsets are character
    offsets into the text). Missing texts give missing values.
    ``titles``: a Series of headlines partitioned like ``series`` (e.g.
    ``df["title"]``), one per text; a missing title means none.
    """
    import pandas as pd

    _check(threads, options)
    if details:
        meta: Any = pd.DataFrame(
            {field: pd.Series([], dtype=object) for field in _workers.DETAIL_FIELDS}
        )
    else:
        meta = pd.Series([], dtype=object, name="summary")
    if titles is None:
        return series.map_partitions(
            _series_partition, None, options, threads, details, meta=meta, align_dataframes=False
        )
    if titles.npartitions != series.npartitions:
        raise ValueError(
            f"titles has {titles.npartitions} partitions but the texts have {series.npartitions}"
        )
    return series.map_partitions(
        _series_partition, titles, options, threads, details, meta=meta, align_dataframes=False
    )


def summarize_frame(
    frame: "dask.dataframe.DataFrame",
    column: str,
    *,
    title_column: "str | None" = None,
    threads: int = 1,
    details: bool = False,
    **options: Any,
) -> "dask.dataframe.DataFrame":
    """``frame`` with the summary of its text column ``column`` added: a
    ``summary`` column, or with ``details=True`` the columns ``summary``,
    ``sentences``, ``scores``, ``starts`` and ``ends``. ``title_column``
    names a column of headlines to pass with each text."""
    titles = None if title_column is None else frame[title_column]
    result = summarize_series(
        frame[column], titles=titles, threads=threads, details=details, **options
    )
    if details:
        return frame.assign(**{field: result[field] for field in _workers.DETAIL_FIELDS})
    return frame.assign(summary=result)
