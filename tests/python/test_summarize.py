"""nutgraf.summarize(), Summarizer and Summary."""

from __future__ import annotations

import json

import pytest

import nutgraf
from conftest import NON_ASCII

ALGORITHMS = [
    "default", "lead", "luhn", "edmundson", "lsa",
    "sumbasic", "klsum", "textrank", "lexrank", "pacsum",
]

STORY = (
    "The storm hit the coast on Monday, flooding the harbour and the old town. "
    "Rescue teams reached the stranded villages by boat on Tuesday. "
    "Officials expect the water to recede by Friday. "
    "The harbour master said the flood was the worst in forty years. "
    "Schools will stay closed until the roads are cleared."
)


def check_offsets(summary: nutgraf.Summary, text: str) -> None:
    assert summary.source == text
    for s in summary.sentences:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_gives_character_offsets(algorithm: str) -> None:
    for text in (STORY, NON_ASCII):
        summary = nutgraf.summarize(text, algorithm=algorithm, sentences=2)
        assert 1 <= len(summary) <= 2
        check_offsets(summary, text)
        assert summary.stats["algorithm"] == algorithm


def test_non_ascii_offsets_differ_from_byte_offsets() -> None:
    summary = nutgraf.summarize(NON_ASCII, sentences=5, algorithm="lead")
    check_offsets(summary, NON_ASCII)
    late = [s for s in summary if len(NON_ASCII[: s.start].encode("utf-8")) != s.start]
    assert late, "expected sentences after multi-byte characters"


def test_lead_takes_the_first_sentences_in_order() -> None:
    summary = nutgraf.summarize(STORY, sentences=2, algorithm="lead")
    assert [s.text for s in summary] == [
        "The storm hit the coast on Monday, flooding the harbour and the old town.",
        "Rescue teams reached the stranded villages by boat on Tuesday.",
    ]
    assert [s.rank for s in summary] == [1, 2]
    assert [s.index for s in summary] == [0, 1]
    parsed = nutgraf.parse(STORY)
    assert [parsed.sentences[s.index].text for s in summary] == [s.text for s in summary]


def test_default_budget_comes_from_rust() -> None:
    config = nutgraf.Summarizer().config
    assert config["sentences"] == 3  # SummarizerConfig::default()
    assert config["algorithm"] == "default" and config["order"] == "document"
    assert len(nutgraf.summarize(STORY)) == 3


def test_order_document_and_rank() -> None:
    by_doc = nutgraf.summarize(STORY, sentences=3, algorithm="lexrank")
    by_rank = nutgraf.summarize(STORY, sentences=3, algorithm="lexrank", order="rank")
    assert [s.start for s in by_doc] == sorted(s.start for s in by_doc)
    assert [s.rank for s in by_rank] == [1, 2, 3]
    assert sorted(s.text for s in by_doc) == sorted(s.text for s in by_rank)


def test_word_and_char_budgets() -> None:
    summary = nutgraf.summarize(STORY, words=20)
    assert summary.stats["selected_words"] <= 20 or summary.stats["over_budget"]
    summary = nutgraf.summarize(STORY, chars=130)
    assert sum(len(s.text) for s in summary) <= 130 or summary.stats["over_budget"]
    assert len(nutgraf.summarize(STORY, sentences=0)) == 0
    assert len(nutgraf.summarize(STORY, ratio=0.4)) == 2  # 40% of 5, rounded up


def test_summary_container_protocol() -> None:
    summary = nutgraf.summarize(STORY, sentences=2, algorithm="lead")
    assert len(summary) == 2
    assert list(summary) == list(summary.sentences)
    assert summary[-1] is summary.sentences[1]
    with pytest.raises(IndexError):
        summary[2]
    assert summary.text == "\n".join(s.text for s in summary)
    assert str(summary) == summary.text
    assert "sentences=2" in repr(summary)
    assert "rank=1" in repr(summary[0])


def test_to_dict_is_plain_json_data() -> None:
    summary = nutgraf.summarize(NON_ASCII, sentences=2)
    data = json.loads(json.dumps(summary.to_dict()))
    assert data["text"] == summary.text
    assert [d["start"] for d in data["sentences"]] == [s.start for s in summary]
    assert set(data["sentences"][0]) == {"text", "start", "end", "score", "rank", "index"}
    assert data["stats"]["algorithm"] == "default"


def test_summarizer_matches_module_function_and_is_reusable() -> None:
    summarizer = nutgraf.Summarizer(sentences=2, algorithm="textrank")
    for text in (STORY, NON_ASCII):
        a = summarizer.summarize(text).to_dict()
        b = nutgraf.summarize(text, sentences=2, algorithm="textrank").to_dict()
        assert a == b
    assert "algorithm='textrank'" in repr(summarizer)
    with pytest.raises(AttributeError):
        summarizer.config = {}  # type: ignore[misc]


def test_summarize_many_takes_any_iterable_in_order() -> None:
    summarizer = nutgraf.Summarizer(sentences=2)
    texts = [STORY, NON_ASCII, "", "One sentence only.", STORY[::-1]]
    expected = [summarizer.summarize(t).to_dict() for t in texts]
    assert [s.to_dict() for s in summarizer.summarize_many(texts)] == expected
    assert [s.to_dict() for s in summarizer.summarize_many(tuple(texts))] == expected
    assert [s.to_dict() for s in summarizer.summarize_many(t for t in texts)] == expected
    assert summarizer.summarize_many([]) == []
    for threads in (1, 3):
        got = summarizer.summarize_many(texts, threads=threads)
        assert [s.to_dict() for s in got] == expected


def test_summarize_many_on_a_pandas_series() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series([STORY, NON_ASCII], index=[10, 20])
    summaries = nutgraf.Summarizer(sentences=1).summarize_many(series)
    assert [s.source for s in summaries] == [STORY, NON_ASCII]


def test_summarize_many_rejects_non_strings() -> None:
    summarizer = nutgraf.Summarizer()
    with pytest.raises(TypeError, match="single str"):
        summarizer.summarize_many(STORY)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not float"):
        summarizer.summarize_many([STORY, float("nan")])
    with pytest.raises(TypeError):
        summarizer.summarize_many(42)  # type: ignore[arg-type]
    with pytest.raises(nutgraf.ConfigError, match="'threads'"):
        summarizer.summarize_many([STORY], threads=0)


def test_hints_favour_sentences_with_those_words() -> None:
    plain = nutgraf.summarize(STORY, sentences=1, algorithm="lead")
    hinted = nutgraf.summarize(
        STORY, sentences=1, algorithm="lead", hints=["schools"], hint_weight=2.0
    )
    assert "Schools" not in plain.text
    assert "Schools" in hinted.text
    with pytest.raises(nutgraf.ConfigError, match="'hint_weight'"):
        nutgraf.summarize(STORY, hints=["x"], hint_weight=-1.0)


def test_thread_count_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUTGRAF_NUM_THREADS", "2")
    assert nutgraf.summarize(STORY, sentences=1).to_dict() == nutgraf.Summarizer(
        sentences=1, threads=1
    ).summarize(STORY).to_dict()
    monkeypatch.setenv("NUTGRAF_NUM_THREADS", "many")
    with pytest.raises(nutgraf.ConfigError, match="NUTGRAF_NUM_THREADS"):
        nutgraf.summarize(STORY)


def test_summaries_pickle() -> None:
    import pickle

    summary = nutgraf.summarize(NON_ASCII, sentences=2, algorithm="lexrank")
    back = pickle.loads(pickle.dumps(summary))
    assert isinstance(back, nutgraf.Summary)
    assert back.to_dict() == summary.to_dict()
    assert back.source == summary.source
    assert back._repr_html_() == summary._repr_html_()


@pytest.mark.parametrize("algorithm", ["default", "edmundson"])
def test_title_option_same_through_every_entry_point(algorithm: str) -> None:
    for title in ("Schools closed after flood", "Harbour master speaks"):
        a = nutgraf.summarize(STORY, sentences=2, algorithm=algorithm, title=title)
        b = nutgraf.Summarizer(sentences=2, algorithm=algorithm, title=title).summarize(STORY)
        c = nutgraf.Summarizer(sentences=2, algorithm=algorithm, title=title).summarize_many([STORY])
        assert a.to_dict() == b.to_dict() == c[0].to_dict()


def test_summarize_many_with_titles() -> None:
    summarizer = nutgraf.Summarizer(sentences=2, algorithm="edmundson")
    titles = ["Schools closed after flood", None, "Harbour master speaks"]
    texts = [STORY, NON_ASCII, STORY]
    got = [s.to_dict() for s in summarizer.summarize_many(texts, titles=titles)]
    want = [
        nutgraf.summarize(t, sentences=2, algorithm="edmundson", title=title).to_dict()
        for t, title in zip(texts, titles)
    ]
    assert got == want
    with pytest.raises(nutgraf.NutgrafError, match="'titles' has 1 items but 'texts' has 3"):
        summarizer.summarize_many(texts, titles=["only one"])
    with pytest.raises(TypeError, match=r"titles\[0\] must be str or None"):
        summarizer.summarize_many(texts, titles=[1, None, None])
    with pytest.raises(TypeError, match="single str"):
        summarizer.summarize_many(texts, titles="abc")
