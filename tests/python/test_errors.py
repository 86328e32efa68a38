"""The exception hierarchy and the messages of bad arguments."""

from __future__ import annotations

import pytest

import nutgraf

TEXT = "The storm hit the coast on Monday. Nobody was hurt."


def test_hierarchy() -> None:
    assert issubclass(nutgraf.NutgrafError, ValueError)
    assert issubclass(nutgraf.ConfigError, nutgraf.NutgrafError)
    assert issubclass(nutgraf.ParseError, nutgraf.NutgrafError)
    assert nutgraf.NutgrafError.__module__ == "nutgraf"


@pytest.mark.parametrize(
    ("options", "pattern"),
    [
        ({"sentences": -1}, r"'sentences': -1; expected an integer >= 0"),
        ({"words": -5}, r"'words': -5"),
        ({"chars": -1}, r"'chars': -1"),
        ({"ratio": 1.5}, r"'ratio': 1.5; expected a number from 0 to 1"),
        ({"ratio": -0.1}, r"'ratio'"),
        ({"sentences": 2, "words": 10}, r"at most one budget.*'sentences' and 'words'"),
        ({"ratio": 0.2, "chars": 10}, r"'ratio' and 'chars'"),
        ({"algorithm": "bert"}, r"'algorithm'.*unknown algorithm \"bert\".*lexrank"),
        ({"order": "random"}, r"'order'.*document, rank"),
        ({"language": "elvish"}, r"'language'.*english"),
        ({"redundancy": 2.0}, r"'redundancy'"),
    ],
)
def test_bad_values_name_the_argument(options: dict, pattern: str) -> None:
    with pytest.raises(nutgraf.ConfigError, match=pattern):
        nutgraf.summarize(TEXT, **options)
    with pytest.raises(nutgraf.ConfigError, match=pattern):
        nutgraf.Summarizer(**options)


def test_bad_thread_counts() -> None:
    with pytest.raises(nutgraf.ConfigError, match="'threads': 0"):
        nutgraf.Summarizer(threads=0)
    with pytest.raises(nutgraf.ConfigError, match="'threads': -2"):
        nutgraf.Summarizer(threads=-2)


@pytest.mark.parametrize(
    "options",
    [
        {"sentences": "3"},
        {"ratio": "0.2"},
        {"algorithm": 1},
        {"hints": "oil"},
        {"hints": [1, 2]},
        {"trigram_blocking": "yes"},
    ],
)
def test_wrong_types_are_type_errors(options: dict) -> None:
    with pytest.raises(TypeError):
        nutgraf.summarize(TEXT, **options)


def test_wrong_text_type() -> None:
    with pytest.raises(TypeError, match="'text' must be str, not bytes"):
        nutgraf.summarize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        nutgraf.Summarizer().summarize(None)  # type: ignore[arg-type]


def test_unknown_keyword_and_positional_options() -> None:
    with pytest.raises(TypeError):
        nutgraf.summarize(TEXT, sentence=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        nutgraf.summarize(TEXT, 3)  # type: ignore[misc]


def test_errors_are_value_errors_for_callers() -> None:
    try:
        nutgraf.summarize(TEXT, sentences=-1)
    except ValueError as err:
        assert "sentences" in str(err)
    else:
        pytest.fail("no error raised")
