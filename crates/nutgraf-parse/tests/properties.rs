//! Property tests: on any input, `parse` does not panic and every span it
//! returns is well formed (in bounds, on char boundaries, ordered, nested);
//! `parse_bytes` reports the right offset for invalid UTF-8.

use nutgraf_parse::{parse, parse_bytes, parse_bytes_lossy, Document, ParseError, ParseOptions};
use proptest::prelude::*;

/// Pieces news text (and broken scrapes) are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,8}",
        1 => "[0-9]{1,4}",
        3 => prop::sample::select(vec![
            " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", ". ", "!", "?", ",", ";", ":",
            "'", "\"", "(", ")", "[", "]", "-", "--", "...", " . . . ", "\u{a0}", "\u{2009}",
            "\u{2029}", "\u{201c}", "\u{201d}", "\u{2019}", "\u{2014}", "\u{2026}", "\u{3002}",
            "\u{301}", "\u{200d}", "\u{feff}", "😀", "🇺🇸", "é", "Жизнь", "中文", "Mr.", "U.S.",
            "a.m.", "No.", "Jr.'s", "1.", "2.)", "a.", "b.", "• ", "⁃", "(CNN)", "$1.13bn",
            "By ", "Advertisement", "MOSCOW (Sputnik) — ", "© REUTERS/ ", "Updated ",
        ])
        .prop_map(str::to_string),
        1 => "[\\x00-\\x1f\\x7f]",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

fn options() -> impl Strategy<Value = ParseOptions> {
    (
        any::<bool>(),
        prop::option::of("[a-zA-Z ]{0,20}"),
        0..3usize,
    )
        .prop_map(|(detect_structure, title, lang)| ParseOptions {
            detect_structure,
            title,
            language: [
                nutgraf_parse::Language::English,
                nutgraf_parse::Language::French,
                nutgraf_parse::Language::Russian,
            ][lang],
        })
}

/// Checks every structural promise of a [`Document`].
fn check(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    let ok = |s: nutgraf_parse::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    // Blocks: in bounds, ordered, and their sentence ranges tile the sentences.
    let mut next_sentence = 0;
    let mut prev_end = 0;
    for (b, block) in doc.blocks.iter().enumerate() {
        prop_assert!(ok(block.span), "block {b} {:?}", block.span);
        prop_assert!(block.span.start >= prev_end, "block {b} overlaps");
        prev_end = block.span.end;
        prop_assert_eq!(
            block.sentences.start,
            next_sentence,
            "block {} sentences",
            b
        );
        prop_assert!(block.sentences.end >= block.sentences.start);
        next_sentence = block.sentences.end;
        for s in block.sentences.clone() {
            let sentence = &doc.sentences[s];
            prop_assert_eq!(sentence.block, b);
            prop_assert_eq!(sentence.role, block.role);
            prop_assert!(
                block.span.start <= sentence.span.start && sentence.span.end <= block.span.end,
                "sentence {} outside block {}",
                s,
                b
            );
        }
    }
    prop_assert_eq!(next_sentence, doc.sentences.len());
    // Sentences: non-empty, trimmed, ordered; token ranges tile the tokens.
    let mut next_token = 0;
    let mut prev_end = 0;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        prop_assert!(ok(sentence.span), "sentence {s} {:?}", sentence.span);
        prop_assert!(!sentence.span.is_empty(), "empty sentence {s}");
        let slice = sentence.span.slice(text);
        prop_assert_eq!(slice.trim(), slice, "sentence {} not trimmed", s);
        prop_assert!(sentence.span.start >= prev_end, "sentence {s} overlaps");
        prev_end = sentence.span.end;
        prop_assert_eq!(sentence.tokens.start, next_token);
        prop_assert!(sentence.tokens.end >= sentence.tokens.start);
        next_token = sentence.tokens.end;
        for t in sentence.tokens.clone() {
            let token = doc.tokens[t];
            prop_assert!(
                sentence.span.start <= token.span.start && token.span.end <= sentence.span.end,
                "token {} outside sentence {}",
                t,
                s
            );
        }
    }
    prop_assert_eq!(next_token, doc.tokens.len());
    // Tokens: non-empty, ordered, words and stems in the vocabulary.
    let mut prev_end = 0;
    for (t, token) in doc.tokens.iter().enumerate() {
        prop_assert!(ok(token.span), "token {t} {:?}", token.span);
        prop_assert!(!token.span.is_empty(), "empty token {t}");
        prop_assert!(token.span.start >= prev_end, "token {t} overlaps");
        prev_end = token.span.end;
        let word = doc.vocabulary.words.get(token.word as usize);
        let lower = token.span.slice(text).to_lowercase();
        prop_assert_eq!(word, Some(lower.as_str()));
        prop_assert!((token.stem as usize) < doc.vocabulary.stems.len());
    }
    for &stem in &doc.title_stems {
        prop_assert!((stem as usize) < doc.vocabulary.stems.len());
    }
    Ok(())
}

/// Byte sequences that are not UTF-8 wherever they appear (the first byte of
/// each is where decoding fails).
const INVALID: &[&[u8]] = &[
    &[0xFF],
    &[0x80],
    &[0xC0, 0x80],             // overlong
    &[0xE2, 0x28, 0xA1],       // bad continuation
    &[0xED, 0xA0, 0x80],       // surrogate
    &[0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
    &[0xE2, 0x82],             // truncated (before a valid suffix or at the end)
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn parse_never_panics_and_spans_are_well_formed(text in news_like(), options in options()) {
        let doc = parse(&text, &options);
        prop_assert_eq!(&doc.text, &text);
        check(&doc)?;
    }

    #[test]
    fn valid_bytes_parse_like_text(text in news_like()) {
        let options = ParseOptions::default();
        prop_assert_eq!(parse_bytes(text.as_bytes(), &options), Ok(parse(&text, &options)));
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_offset(
        prefix in news_like(),
        bad in prop::sample::select(INVALID),
        suffix in prop::collection::vec(any::<u8>(), 0..20),
    ) {
        let mut bytes = prefix.as_bytes().to_vec();
        bytes.extend_from_slice(bad);
        // An ASCII byte so that a truncated sequence cannot be completed by the suffix.
        bytes.push(b' ');
        bytes.extend_from_slice(&suffix);
        let result = parse_bytes(&bytes, &ParseOptions::default());
        prop_assert_eq!(result, Err(ParseError::InvalidUtf8 { offset: prefix.len() }));
        check(&parse_bytes_lossy(&bytes, &ParseOptions::default()))?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let options = ParseOptions::default();
        match parse_bytes(&bytes, &options) {
            Ok(doc) => check(&doc)?,
            Err(ParseError::InvalidUtf8 { offset }) => {
                // Everything before the offset decodes; the text as a whole does not.
                prop_assert!(std::str::from_utf8(&bytes[..offset]).is_ok());
                prop_assert!(std::str::from_utf8(&bytes).is_err());
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
        check(&parse_bytes_lossy(&bytes, &options))?;
    }
}
