"""nutgraf.rouge() and nutgraf.rouge_many()."""

from __future__ import annotations

import pickle

import pytest

import nutgraf

SUMMARY = "The cat sat on the mat.\nIt was happy."
REFERENCE = "The cat was sitting on the mat.\nThe cat was happy."


def test_default_metrics_and_score_shape() -> None:
    scores = nutgraf.rouge(SUMMARY, REFERENCE)
    assert list(scores) == ["rouge1", "rouge2", "rougeLsum"]  # RougeConfig::default()
    s = scores["rouge1"]
    assert 0 < s.precision <= 1 and 0 < s.recall <= 1
    assert s.fmeasure == pytest.approx(2 * s.precision * s.recall / (s.precision + s.recall))


def test_hand_computed_unigram_scores() -> None:
    # Stemmed tokens: summary "the cat sat on the mat" (6), reference
    # "the cat wa sit on the mat" (7, "was" too short to stem): 5 matches.
    s = nutgraf.rouge("The cat sat on the mat.", "The cat was sitting on the mat.", metrics=["rouge1"])
    assert s["rouge1"].precision == 5 / 6
    assert s["rouge1"].recall == 5 / 7


def test_matches_rouge_score_package() -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    metrics = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    scorer = rouge_scorer.RougeScorer(metrics, use_stemmer=True)
    pairs = [
        (SUMMARY, REFERENCE),
        ("Shares rose 5% on Monday.\nTraders cheered.", "Stocks rose on Monday after the rate cut."),
        ("", "Nothing here."),
    ]
    for summary, reference in pairs:
        ours = nutgraf.rouge(summary, reference, metrics=metrics)
        theirs = scorer.score(reference, summary)  # rouge-score takes (target, prediction)
        for name in metrics:
            assert tuple(ours[name]) == pytest.approx(tuple(theirs[name]), abs=1e-12), name


def test_score_behaves_like_a_namedtuple() -> None:
    s = nutgraf.rouge(SUMMARY, REFERENCE)["rouge2"]
    precision, recall, fmeasure = s
    assert (precision, recall, fmeasure) == (s.precision, s.recall, s.fmeasure)
    assert s == (precision, recall, fmeasure)
    assert s[0] == precision and s[-1] == fmeasure and len(s) == 3
    assert hash(s) == hash((precision, recall, fmeasure))
    assert pickle.loads(pickle.dumps(s)) == s
    assert s._asdict() == {"precision": precision, "recall": recall, "fmeasure": fmeasure}
    assert repr(s).startswith("Score(precision=")
    with pytest.raises(IndexError):
        s[3]
    assert nutgraf.Score(0.5, 0.25, 1 / 3).recall == 0.25


def test_list_summary_and_summary_object_inputs() -> None:
    as_text = nutgraf.rouge(SUMMARY, REFERENCE)
    as_list = nutgraf.rouge(SUMMARY.split("\n"), REFERENCE.split("\n"))
    assert as_text == as_list
    article = "The cat sat on the mat. It was happy. The dog barked."
    summary = nutgraf.summarize(article, sentences=2, algorithm="lead")
    assert nutgraf.rouge(summary, REFERENCE) == nutgraf.rouge(summary.text, REFERENCE)


def test_stemmer_switch() -> None:
    stemmed = nutgraf.rouge("cats running", "cat runs", metrics=["rouge1"])["rouge1"]
    plain = nutgraf.rouge("cats running", "cat runs", metrics=["rouge1"], stemmer=False)["rouge1"]
    assert stemmed.fmeasure == 1.0 and plain.fmeasure == 0.0


def test_rouge_errors() -> None:
    with pytest.raises(nutgraf.ConfigError, match="'metrics'.*rougeLsum"):
        nutgraf.rouge(SUMMARY, REFERENCE, metrics=["rouge5"])
    with pytest.raises(nutgraf.ConfigError, match="'metrics'"):
        nutgraf.rouge(SUMMARY, REFERENCE, metrics=[])
    with pytest.raises(TypeError, match="not a str"):
        nutgraf.rouge(SUMMARY, REFERENCE, metrics="rouge1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'summary' must be"):
        nutgraf.rouge(3, REFERENCE)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'reference' must be"):
        nutgraf.rouge(SUMMARY, ["ok", 4])  # type: ignore[list-item]


CORPUS_SUMMARIES = [
    "The cat sat on the mat.",
    "Shares rose on Monday.\nTraders cheered.",
    "The storm hit the coast.",
    "Nothing in common here.",
]
CORPUS_REFERENCES = [
    "The cat was on the mat.",
    "Stocks rose on Monday.",
    "A storm hit the coast on Monday.",
    "The museum reopened.",
]


def test_rouge_many_matches_single_scores_and_aggregates() -> None:
    report = nutgraf.rouge_many(CORPUS_SUMMARIES, CORPUS_REFERENCES, metrics=["rouge1", "rougeLsum"])
    assert len(report) == 4
    for k, (s, r) in enumerate(zip(CORPUS_SUMMARIES, CORPUS_REFERENCES)):
        assert report.per_document[k] == nutgraf.rouge(s, r, metrics=["rouge1", "rougeLsum"])
    agg = report.aggregate["rouge1"]
    mean_f = sum(d["rouge1"].fmeasure for d in report.per_document) / 4
    assert agg.mean.fmeasure == pytest.approx(mean_f)
    assert agg.low.fmeasure <= agg.mid.fmeasure <= agg.high.fmeasure
    assert "rouge1: F" in repr(report)


def test_rouge_many_is_deterministic_at_any_thread_count() -> None:
    runs = [
        nutgraf.rouge_many(CORPUS_SUMMARIES * 5, CORPUS_REFERENCES * 5, threads=t, seed=7)
        for t in (1, 2, 4)
    ]
    first = runs[0]
    for other in runs[1:]:
        assert other.per_document == first.per_document
        for name, agg in first.aggregate.items():
            o = other.aggregate[name]
            assert (o.mean, o.low, o.mid, o.high) == (agg.mean, agg.low, agg.mid, agg.high)


def test_rouge_many_errors() -> None:
    with pytest.raises(nutgraf.NutgrafError, match="more items"):
        nutgraf.rouge_many(CORPUS_SUMMARIES, CORPUS_REFERENCES[:2])
    with pytest.raises(nutgraf.NutgrafError, match="more items"):
        nutgraf.rouge_many(CORPUS_SUMMARIES[:1], CORPUS_REFERENCES)
    with pytest.raises(nutgraf.ConfigError, match="'bootstrap'"):
        nutgraf.rouge_many(CORPUS_SUMMARIES, CORPUS_REFERENCES, bootstrap=0)
    with pytest.raises(nutgraf.ConfigError, match="'confidence'"):
        nutgraf.rouge_many(CORPUS_SUMMARIES, CORPUS_REFERENCES, confidence=1.5)
    with pytest.raises(TypeError, match=r"summaries\[1\]"):
        nutgraf.rouge_many(["ok", None], ["a", "b"])
    assert len(nutgraf.rouge_many([], [])) == 0
