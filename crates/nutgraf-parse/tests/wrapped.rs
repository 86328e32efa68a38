//! Hard-wrapped paragraphs: a line break inside a paragraph is not a
//! sentence boundary.

use nutgraf_parse::{parse, ParseOptions};

fn sentences(text: &str) -> Vec<String> {
    let doc = parse(text, &ParseOptions::default());
    (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i).to_string())
        .collect()
}

#[test]
fn wrapped_lines_make_whole_sentences() {
    let text = "Storm hits the coast\n\n\
        The storm hit the coast on Monday and\n\
        damaged many houses along the shore, officials said.\n\
        Nobody was hurt in the storm, the police said on\n\
        Tuesday. Roads were closed for hours.\n";
    assert_eq!(
        sentences(text),
        [
            "Storm hits the coast",
            "The storm hit the coast on Monday and\ndamaged many houses along the shore, officials said.",
            "Nobody was hurt in the storm, the police said on\nTuesday.",
            "Roads were closed for hours.",
        ]
    );
}

#[test]
fn crlf_wrapped_lines_keep_their_offsets() {
    let text = "Storm hits the coast\r\n\r\n\
        The storm hit the coast on Monday and\r\n\
        damaged many houses along the shore, officials said.\r\n";
    let doc = parse(text, &ParseOptions::default());
    let last = doc.sentences.last().expect("a sentence");
    assert_eq!(
        last.span.slice(text),
        "The storm hit the coast on Monday and\r\ndamaged many houses along the shore, officials said."
    );
}
