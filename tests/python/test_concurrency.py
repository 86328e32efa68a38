"""Many Python threads at once, and processes made with fork."""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import nutgraf
from conftest import NON_ASCII

TEXTS = [
    "The storm hit the coast on Monday. Rescue teams arrived on Tuesday. "
    "Officials expect the water to recede by Friday. Schools stay closed.",
    NON_ASCII,
    "Shares rose on Monday after the bank cut rates. Traders had expected the move. "
    "Analysts said more cuts could follow in the spring. The currency fell.",
    "The museum reopened after a two-year renovation. Visitors queued from early "
    "morning. The new wing shows modern art from the region.",
] * 4

SUMMARIZER = nutgraf.Summarizer(sentences=2, algorithm="lexrank")


def expected() -> list[dict]:
    return [SUMMARIZER.summarize(t).to_dict() for t in TEXTS]


def test_many_threads_calling_at_once() -> None:
    want = expected()

    def one(k: int) -> dict:
        return SUMMARIZER.summarize(TEXTS[k % len(TEXTS)]).to_dict()

    def batch(_: int) -> list[dict]:
        return [s.to_dict() for s in SUMMARIZER.summarize_many(TEXTS, threads=2)]

    def module_level(k: int) -> dict:
        text = TEXTS[k % len(TEXTS)]
        return nutgraf.summarize(text, sentences=2, algorithm="lexrank").to_dict()

    with ThreadPoolExecutor(max_workers=8) as pool:
        singles = list(pool.map(one, range(64)))
        batches = list(pool.map(batch, range(8)))
        modules = list(pool.map(module_level, range(64)))
    assert singles == [want[k % len(TEXTS)] for k in range(64)]
    assert all(b == want for b in batches)
    assert modules == singles


def _child_work(_: int) -> tuple[list[dict], list[dict], float]:
    # Uses the Summarizer built (and used) by the parent before the fork.
    many = [s.to_dict() for s in SUMMARIZER.summarize_many(TEXTS)]
    single = [nutgraf.summarize(t, sentences=2, algorithm="lexrank").to_dict() for t in TEXTS[:4]]
    report = nutgraf.rouge_many([s["text"] for s in many], TEXTS)
    return many, single, report.aggregate["rouge1"].mean.fmeasure


@pytest.mark.skipif(
    sys.platform == "win32" or "fork" not in multiprocessing.get_all_start_methods(),
    reason="no fork on this platform",
)
def test_fork_after_use_in_parent() -> None:
    # Use every pool in the parent first, so the child inherits live pools.
    want = expected()
    many = [s.to_dict() for s in SUMMARIZER.summarize_many(TEXTS)]
    assert many == want
    parent_single = [nutgraf.summarize(t, sentences=2, algorithm="lexrank").to_dict() for t in TEXTS[:4]]
    parent_f = nutgraf.rouge_many([s["text"] for s in many], TEXTS).aggregate["rouge1"].mean.fmeasure

    ctx = multiprocessing.get_context("fork")
    pool = ctx.Pool(2)
    try:
        results = pool.map_async(_child_work, range(4)).get(timeout=60)
    finally:
        pool.terminate()
        pool.join()
    for child_many, child_single, child_f in results:
        assert child_many == want
        assert child_single == parent_single
        assert child_f == parent_f


def _summarize_two(text: str) -> nutgraf.Summary:
    return nutgraf.summarize(text, sentences=2, algorithm="lexrank")


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pool_map_returns_summaries(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    nutgraf.summarize(TEXTS[0])  # the parent has used the library
    ctx = multiprocessing.get_context(method)
    pool = ctx.Pool(2)
    try:
        summaries = pool.map_async(_summarize_two, TEXTS[:4]).get(timeout=60)
    finally:
        pool.terminate()
        pool.join()
    assert [s.to_dict() for s in summaries] == expected()[:4]
