//! Feeds arbitrary bytes to `parse_bytes` and `parse_bytes_lossy` and checks
//! that every span of the result is well formed. Run with
//! `cargo fuzz run parse` from the repository root (see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf_parse::{parse_bytes, parse_bytes_lossy, Document, ParseError, ParseOptions, Span};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options; the rest is the text.
    let (options, bytes) = match data.split_first() {
        Some((&flags, rest)) => (
            ParseOptions {
                detect_structure: flags & 1 == 0,
                ..ParseOptions::default()
            },
            rest,
        ),
        None => (ParseOptions::default(), data),
    };
    match parse_bytes(bytes, &options) {
        Ok(doc) => check(&doc),
        Err(ParseError::InvalidUtf8 { offset }) => {
            assert!(std::str::from_utf8(&bytes[..offset]).is_ok());
            assert!(std::str::from_utf8(bytes).is_err());
        }
        Err(other) => panic!("unexpected error {other}"),
    }
    check(&parse_bytes_lossy(bytes, &options));
});

/// Spans in bounds, on char boundaries, ordered, non-overlapping, nested
/// (tokens in sentences in blocks), and index ranges that tile.
fn check(doc: &Document) {
    let text = doc.text.as_str();
    let valid = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut next_sentence = 0;
    let mut prev_end = 0;
    for (b, block) in doc.blocks.iter().enumerate() {
        assert!(
            valid(block.span) && block.span.start >= prev_end,
            "block {b}"
        );
        prev_end = block.span.end;
        assert_eq!(block.sentences.start, next_sentence, "block {b}");
        next_sentence = block.sentences.end;
        for sentence in &doc.sentences[block.sentences.clone()] {
            assert_eq!(sentence.block, b);
            assert!(block.span.start <= sentence.span.start);
            assert!(sentence.span.end <= block.span.end);
        }
    }
    assert_eq!(next_sentence, doc.sentences.len());
    let mut next_token = 0;
    let mut prev_end = 0;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let span = sentence.span;
        assert!(
            valid(span) && !span.is_empty() && span.start >= prev_end,
            "sentence {s}"
        );
        prev_end = span.end;
        assert_eq!(sentence.tokens.start, next_token, "sentence {s}");
        next_token = sentence.tokens.end;
        for token in &doc.tokens[sentence.tokens.clone()] {
            assert!(span.start <= token.span.start && token.span.end <= span.end);
        }
    }
    assert_eq!(next_token, doc.tokens.len());
    let mut prev_end = 0;
    for token in &doc.tokens {
        assert!(valid(token.span) && !token.span.is_empty() && token.span.start >= prev_end);
        prev_end = token.span.end;
        assert_eq!(
            doc.vocabulary.words[token.word as usize],
            token.span.slice(text).to_lowercase()
        );
        assert!((token.stem as usize) < doc.vocabulary.stems.len());
    }
}
