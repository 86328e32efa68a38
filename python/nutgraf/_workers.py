"""What nutgraf.dask and nutgraf.spark run inside a worker process.

Both engines ship a function and its options to many tasks. The options are
small; the summarizer built from them holds a thread pool. So each worker
process keeps one summarizer per distinct set of options in a module-level
cache, and every task of that process reuses it (Spark reuses its Python
workers across tasks; a Dask worker process runs all its tasks).

Missing values (``None``, NaN, ``pd.NA``) give a missing summary rather than
an error, as a column of a data frame may hold them.
"""

from __future__ import annotations

import threading
from typing import Any, Dict, Iterable, List, Optional, Sequence

from nutgraf._nutgraf import Summarizer, Summary

_CACHE: Dict[str, Summarizer] = {}
_LOCK = threading.Lock()

#: The fields of a detailed result, in order (Dask columns, Spark struct fields).
DETAIL_FIELDS = ("summary", "sentences", "scores", "starts", "ends")


def summarizer_for(options: Dict[str, Any]) -> Summarizer:
    """The summarizer of this process for ``options`` (built on first use)."""
    key = repr(sorted(options.items()))
    with _LOCK:
        found = _CACHE.get(key)
        if found is None:
            found = _CACHE[key] = Summarizer(**options)
        return found


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    return type(value).__name__ == "NAType"  # pandas.NA, without importing pandas


def summarize_texts(
    texts: Iterable[Any],
    options: Dict[str, Any],
    threads: Optional[int],
    titles: Optional[Iterable[Any]] = None,
) -> List[Optional[Summary]]:
    """One summary per text, in order; ``None`` for a missing text.

    ``titles``, when given, holds one headline per text (a missing one means
    no headline). Runs ``summarize_many`` on ``threads`` threads of this
    process.
    """
    items = list(texts)
    heads: Optional[List[Any]] = None
    if titles is not None:
        heads = list(titles)
        if len(heads) != len(items):
            raise ValueError(f"{len(items)} texts but {len(heads)} titles")
    present = [k for k, t in enumerate(items) if not _is_missing(t)]
    out: List[Optional[Summary]] = [None] * len(items)
    if present:
        present_titles = None
        if heads is not None:
            present_titles = [None if _is_missing(heads[k]) else heads[k] for k in present]
        summaries = summarizer_for(options).summarize_many(
            [items[k] for k in present], threads=threads, titles=present_titles
        )
        for k, summary in zip(present, summaries):
            out[k] = summary
    return out


def summary_text(summary: Optional[Summary]) -> Optional[str]:
    """The summary's sentences joined with newlines (``None`` stays ``None``)."""
    return None if summary is None else summary.text


def details(summary: Optional[Summary]) -> Sequence[Any]:
    """The values of :data:`DETAIL_FIELDS` for one summary: its text, its
    sentences, their scores and their character offsets in the input."""
    if summary is None:
        return (None, None, None, None, None)
    return (
        summary.text,
        [s.text for s in summary],
        [s.score for s in summary],
        [s.start for s in summary],
        [s.end for s in summary],
    )
