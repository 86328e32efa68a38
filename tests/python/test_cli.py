"""The installed `nutgraf` command, and Python results equal to the CLI's."""

from __future__ import annotations

import gzip
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

import nutgraf
from conftest import NON_ASCII


def run(command: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [command, *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_help_and_version(nutgraf_command: str) -> None:
    result = run(nutgraf_command, "--help")
    assert result.returncode == 0
    assert "summarize" in result.stdout
    result = run(nutgraf_command, "--version")
    assert result.returncode == 0 and nutgraf.__version__ in result.stdout


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nutgraf", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "summarize" in result.stdout


def test_bad_arguments_exit_2(nutgraf_command: str) -> None:
    result = run(nutgraf_command, "summarize", "--sentences", "3", "--words", "5", "x.txt")
    assert result.returncode == 2
    assert result.stderr


def python_records(summaries: list[nutgraf.Summary]) -> list[dict]:
    return [
        {
            "summary": [s.text for s in summary],
            "scores": [s.score for s in summary],
            "chars": [[s.start, s.end] for s in summary],
            "sentence": [s.index for s in summary],
        }
        for summary in summaries
    ]


def cli_records(stdout: str) -> list[dict]:
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    return [
        {
            "summary": r["summary"],
            "scores": r["scores"],
            "chars": [o["chars"] for o in r["offsets"]],
            "sentence": [o["sentence"] for o in r["offsets"]],
        }
        for r in records
    ]


OPTION_SETS = [
    ([], {}),
    (["--sentences", "2", "--algorithm", "lexrank", "--order", "rank"],
     {"sentences": 2, "algorithm": "lexrank", "order": "rank"}),
    (["--words", "60", "--algorithm", "textrank"], {"words": 60, "algorithm": "textrank"}),
    (["--ratio", "0.2", "--algorithm", "luhn", "--trigram-blocking"],
     {"ratio": 0.2, "algorithm": "luhn", "trigram_blocking": True}),
]


@pytest.mark.parametrize(("flags", "options"), OPTION_SETS)
def test_example_page_same_as_cli(
    nutgraf_command: str, example_text: str, flags: list[str], options: dict
) -> None:
    from conftest import EXAMPLE

    result = run(
        nutgraf_command, "summarize", "--format", "jsonl", "--scores", "--offsets",
        *flags, str(EXAMPLE),
    )
    assert result.returncode == 0, result.stderr
    summary = nutgraf.summarize(example_text, **options)
    assert cli_records(result.stdout) == python_records([summary])


def test_small_jsonl_same_as_cli(nutgraf_command: str, tmp_path: Path) -> None:
    texts = [
        NON_ASCII,
        "The storm hit the coast on Monday. Rescue teams arrived on Tuesday. Schools stay closed.",
        "Un seul paragraphe. Avec deux phrases.",
        "",
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": str(k), "text": t}) + "\n" for k, t in enumerate(texts)),
        encoding="utf-8",
    )
    result = run(
        nutgraf_command, "summarize", "--format", "jsonl", "--scores", "--offsets",
        "--sentences", "2", "--keep-errors", str(corpus),
    )
    assert result.returncode in (0, 1), result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    ok = [k for k, line in enumerate(lines) if "summary" in line]
    assert ok[:3] == [0, 1, 2]
    summaries = nutgraf.Summarizer(sentences=2).summarize_many(texts)
    want = python_records([summaries[k] for k in ok])
    got = cli_records("\n".join(json.dumps(lines[k]) for k in ok))
    assert got == want


def test_bbc_sample_same_as_cli(nutgraf_command: str, data_dir: Path, tmp_path: Path) -> None:
    source = data_dir / "bbc_news_summary.dev.jsonl.gz"
    if not source.is_file():
        pytest.skip(f"{source} not found")
    with gzip.open(source, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in itertools.islice(f, 60)]
    sample = tmp_path / "bbc.jsonl"
    sample.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run(
        nutgraf_command, "summarize", "--format", "jsonl", "--scores", "--offsets",
        "--text-field", "article", "--sentences", "3", str(sample),
    )
    assert result.returncode == 0, result.stderr
    summaries = nutgraf.Summarizer(sentences=3).summarize_many(r["article"] for r in records)
    assert cli_records(result.stdout) == python_records(summaries)


def test_entry_point_in_process(capfd: pytest.CaptureFixture[str], example_text: str) -> None:
    from nutgraf._cli import main

    from conftest import EXAMPLE

    print("before", flush=False)
    assert main(["summarize", "--sentences", "1", "--algorithm", "lead", str(EXAMPLE)]) == 0
    out = capfd.readouterr().out
    assert out.startswith("before\n")
    assert nutgraf.summarize(example_text, sentences=1, algorithm="lead").text in out
    assert main(["summarize", "--ratio", "7", str(EXAMPLE)]) == 2
    assert "ratio" in capfd.readouterr().err


def test_bbc_sample_with_titles_same_as_cli(
    nutgraf_command: str, data_dir: Path, tmp_path: Path
) -> None:
    source = data_dir / "bbc_news_summary.dev.jsonl.gz"
    if not source.is_file():
        pytest.skip(f"{source} not found")
    with gzip.open(source, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in itertools.islice(f, 30)]
    sample = tmp_path / "bbc.jsonl"
    sample.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run(
        nutgraf_command, "summarize", "--format", "jsonl", "--scores", "--offsets",
        "--text-field", "article", "--title-field", "title", "--algorithm", "edmundson",
        str(sample),
    )
    assert result.returncode == 0, result.stderr
    summaries = nutgraf.Summarizer(algorithm="edmundson").summarize_many(
        [r["article"] for r in records], titles=[r["title"] for r in records]
    )
    assert cli_records(result.stdout) == python_records(summaries)
