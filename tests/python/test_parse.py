"""nutgraf.parse(): blocks, sentences, metadata, character offsets, errors."""

from __future__ import annotations

import pytest

import nutgraf
from conftest import NON_ASCII

ROLES = {
    "metadata", "headline", "standfirst", "byline", "dateline",
    "body", "caption", "credit", "related", "boilerplate",
}


def check_offsets(doc: nutgraf.Document, text: str) -> None:
    assert doc.text == text
    for block in doc.blocks:
        assert text[block.start : block.end] == block.text
        assert block.role in ROLES
    for sentence in doc.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        block = doc.blocks[sentence.block]
        assert block.start <= sentence.start <= sentence.end <= block.end
        assert sentence.role == block.role


def test_sentences_and_blocks_of_a_small_text() -> None:
    text = "Storm hits coast\n\nThe storm hit the coast on Monday. Nobody was hurt."
    doc = nutgraf.parse(text)
    check_offsets(doc, text)
    assert [s.text for s in doc.sentences][-2:] == [
        "The storm hit the coast on Monday.",
        "Nobody was hurt.",
    ]
    assert doc.language == "english"
    assert isinstance(doc.blocks, tuple) and isinstance(doc.sentences, tuple)


def test_character_offsets_on_non_ascii_text() -> None:
    doc = nutgraf.parse(NON_ASCII)
    check_offsets(doc, NON_ASCII)
    assert len(doc.sentences) >= 4
    # The emoji sentence starts after CJK text: byte and char offsets differ.
    emoji = next(s for s in doc.sentences if "😀" in s.text)
    assert emoji.start == NON_ASCII.index("The crowd")
    assert len(NON_ASCII[: emoji.start].encode("utf-8")) > emoji.start


def test_example_page_offsets(example_text: str) -> None:
    doc = nutgraf.parse(example_text)
    check_offsets(doc, example_text)
    assert len(doc.sentences) > 10


def test_bytes_input_is_utf8() -> None:
    doc = nutgraf.parse(NON_ASCII.encode("utf-8"))
    assert doc.text == NON_ASCII
    assert [s.text for s in doc.sentences] == [s.text for s in nutgraf.parse(NON_ASCII).sentences]


def test_invalid_utf8_is_a_parse_error() -> None:
    with pytest.raises(nutgraf.ParseError, match="offset 3"):
        nutgraf.parse(b"abc\xff\xfe")
    assert issubclass(nutgraf.ParseError, nutgraf.NutgrafError)


def test_title_and_metadata() -> None:
    doc = nutgraf.parse("The storm hit the coast.", title="Storm hits coast")
    assert doc.metadata.title == "Storm hits coast"
    assert isinstance(doc.metadata.byline, tuple)
    assert doc.metadata.dateline is None or isinstance(doc.metadata.dateline.place, str)


def test_language_by_name_or_code() -> None:
    text = "Le maire a parlé lundi. Les habitants étaient contents."
    assert nutgraf.parse(text, language="fr").language == "french"
    assert nutgraf.parse(text, language="French").language == "french"
    with pytest.raises(nutgraf.ConfigError, match="'language'.*english"):
        nutgraf.parse(text, language="klingon")


@pytest.mark.parametrize("bad", [None, 3, ["text"]])
def test_wrong_text_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="'text' must be str or bytes"):
        nutgraf.parse(bad)  # type: ignore[arg-type]


def test_wrong_option_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        nutgraf.parse("x", language=1)  # type: ignore[arg-type]


def test_documents_are_immutable() -> None:
    doc = nutgraf.parse("One sentence.")
    with pytest.raises(AttributeError):
        doc.text = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.sentences[0].start = 5  # type: ignore[misc]


def test_empty_text() -> None:
    doc = nutgraf.parse("")
    assert doc.blocks == () and doc.sentences == ()


def test_reprs_are_informative() -> None:
    doc = nutgraf.parse("One sentence.")
    assert "sentences=1" in repr(doc)
    assert "One sentence." in repr(doc.sentences[0])
    assert "role='body'" in repr(doc.blocks[0])
