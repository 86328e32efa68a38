"""A Summarizer travels to other processes by its settings alone.

Checked with pickle at every protocol, then with the two ways Python starts
worker processes (spawn, fork) under multiprocessing.Pool and
concurrent.futures.ProcessPoolExecutor: summaries made in the children equal
those made here.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Dict, List

import pytest

import nutgraf

PLACES = ["the river valley", "the old harbour", "the northern hills", "the city centre"]


def _texts(n: int) -> List[str]:
    """Small news-like articles, each different (no data files needed)."""
    out = []
    for k in range(n):
        place = PLACES[k % len(PLACES)]
        out.append(
            f"Storm number {k} reaches {place}\n\n"
            f"Heavy rain flooded {place} on Monday after storm number {k} arrived. "
            f"Rescue teams reached {k + 2} stranded families by boat. "
            "Officials said the water would recede by Friday. "
            f"Schools in {place} stay closed for {k % 3 + 1} days. "
            "Forecasters expect calmer weather next week."
        )
    return out


OPTION_SETS: List[Dict[str, Any]] = [
    {},
    {"sentences": 2, "algorithm": "lexrank", "order": "rank"},
    {
        "ratio": 0.5,
        "language": "en",
        "title": "Storm floods valley",
        "hints": ["rescue", "boat"],
        "hint_weight": 0.3,
        "redundancy": 0.7,
        "trigram_blocking": True,
        "detect_structure": False,
        "threads": 2,
    },
    {"words": 25, "algorithm": "lead"},
    {"chars": 120, "algorithm": "textrank"},
]


def _run(summarizer: nutgraf.Summarizer, texts: List[str]) -> List[str]:
    return [s.text for s in summarizer.summarize_many(texts, threads=1)]


@pytest.mark.parametrize("options", OPTION_SETS)
def test_summarizer_pickles_by_its_settings(options: Dict[str, Any]) -> None:
    summarizer = nutgraf.Summarizer(**options)
    texts = _texts(6)
    expected = _run(summarizer, texts)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(summarizer, protocol=protocol)
        # Cheap to ship: the settings, not a thread pool or caches.
        assert len(data) < 1000, (protocol, len(data))
        back = pickle.loads(data)
        assert type(back) is nutgraf.Summarizer
        assert back.config == summarizer.config
        assert _run(back, texts) == expected


def test_unpickled_summarizer_is_independent_and_usable_twice() -> None:
    summarizer = nutgraf.Summarizer(sentences=1, algorithm="lead")
    back = pickle.loads(pickle.dumps(summarizer))
    assert back is not summarizer
    text = _texts(1)[0]
    assert back.summarize(text).text == summarizer.summarize(text).text
    assert pickle.loads(pickle.dumps(back)).config == summarizer.config


START_METHODS = ["spawn"] + (["fork"] if sys.platform.startswith("linux") else [])


@pytest.mark.parametrize("method", START_METHODS)
def test_multiprocessing_pool(method: str) -> None:
    summarizer = nutgraf.Summarizer(sentences=2)
    texts = _texts(12)
    # Use the summarizer here first, so a forked child inherits a process
    # whose thread pool exists (it must build its own).
    expected = _run(summarizer, texts)
    chunks = [texts[k : k + 3] for k in range(0, len(texts), 3)]
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        parts = pool.starmap(_run, [(summarizer, chunk) for chunk in chunks])
    assert [s for part in parts for s in part] == expected


@pytest.mark.parametrize("method", START_METHODS)
def test_process_pool_executor(method: str) -> None:
    summarizer = nutgraf.Summarizer(sentences=2, algorithm="lexrank")
    texts = _texts(12)
    expected = _run(summarizer, texts)
    chunks = [texts[k : k + 4] for k in range(0, len(texts), 4)]
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        parts = list(pool.map(_run, [summarizer] * len(chunks), chunks))
    assert [s for part in parts for s in part] == expected
    # Whole Summary objects come back too (they pickle by value).
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        summaries = pool.submit(summarizer.summarize_many, texts[:3]).result()
    assert [s.text for s in summaries] == expected[:3]
