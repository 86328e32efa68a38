//! # nutgraf-parse
//!
//! Turns raw news text — scraped pages with metadata lines, headlines,
//! datelines, captions, credits, related-story lines and menus — into a
//! [`Document`]: the original text plus byte spans for blocks (with a
//! [`Role`]), sentences and word tokens (lowercased, stemmed, stop words
//! flagged).
//!
//! ```
//! use nutgraf_parse::{parse, ParseOptions, Role};
//!
//! let doc = parse("Storm hits coast\n\nThe storm hit the coast on Monday. Nobody was hurt.\n",
//!                 &ParseOptions::default());
//! let body: Vec<&str> = doc.selectable_sentences().map(|i| doc.sentence_text(i)).collect();
//! assert!(body.contains(&"Nobody was hurt."));
//! ```

mod document;
mod error;
mod language;
mod options;
mod role;
pub mod sentences;
mod span;
pub mod structure;
pub mod tokens;
mod vocabulary;

pub use document::{Block, Dateline, Document, Metadata, Sentence, Token};
pub use error::ParseError;
pub use language::{Language, UnknownLanguage};
pub use options::ParseOptions;
pub use role::{Role, UnknownRole};
pub use span::Span;
pub use vocabulary::{Iter as StringListIter, StringList, Vocabulary};

use sentences::Splitter;
use tokens::Tokenizer;

/// Sentence spans of one block, relative to it. A block with line breaks
/// inside is a hard-wrapped paragraph whose lines the structure step joined
/// (every other line is a block of its own), so its line breaks are spaces
/// here, not the paragraph separators that end a sentence in UAX #29.
/// Replacing them byte for byte keeps every offset valid.
fn block_sentences<'a>(splitter: &'a mut Splitter, block_text: &str) -> &'a [Span] {
    if memchr::memchr2(b'\n', b'\r', block_text.as_bytes()).is_some() {
        splitter.split(&block_text.replace(['\n', '\r'], " "))
    } else {
        splitter.split(block_text)
    }
}

/// Parses `text` into a [`Document`]. Never panics; every span lies on a
/// character boundary of `text`.
pub fn parse(text: &str, options: &ParseOptions) -> Document {
    let (raw_blocks, mut metadata) = if options.detect_structure {
        structure::detect_structure(text)
    } else {
        (structure::plain_blocks(text), Metadata::default())
    };

    let mut tokenizer = Tokenizer::new(options.language);
    tokenizer.reserve_for_text(text.len());
    let mut blocks = Vec::with_capacity(raw_blocks.len());
    let mut sentences = Vec::new();
    // News text has a word token every 5 to 7 bytes: one allocation, rarely
    // a second.
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut splitter = Splitter::default();
    for (block_index, raw) in raw_blocks.iter().enumerate() {
        let first_sentence = sentences.len();
        let block_text = raw.span.slice(text);
        for &relative in block_sentences(&mut splitter, block_text) {
            let span = Span::new(
                raw.span.start + relative.start,
                raw.span.start + relative.end,
            );
            let first_token = tokens.len();
            tokenizer.tokenize_into(text, span, &mut tokens);
            sentences.push(Sentence {
                span,
                block: block_index,
                role: raw.role,
                tokens: first_token..tokens.len(),
            });
        }
        blocks.push(Block {
            span: raw.span,
            role: raw.role,
            sentences: first_sentence..sentences.len(),
        });
    }

    if let Some(title) = &options.title {
        metadata.title = Some(title.clone());
    } else if metadata.title.is_none() {
        metadata.title = blocks
            .iter()
            .find(|b| b.role == Role::Headline)
            .map(|b| b.span.slice(text).to_string());
    }
    let mut title_stems = Vec::new();
    if let Some(title) = &metadata.title {
        for stem in tokenizer.content_stems(title) {
            if !title_stems.contains(&stem) {
                title_stems.push(stem);
            }
        }
    }

    Document {
        text: text.to_string(),
        language: options.language,
        metadata,
        blocks,
        sentences,
        tokens,
        vocabulary: tokenizer.into_vocabulary(),
        title_stems,
    }
}

/// Parses bytes that should be UTF-8. Invalid UTF-8 is an error naming the
/// offset of the first bad byte.
pub fn parse_bytes(bytes: &[u8], options: &ParseOptions) -> Result<Document, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ParseError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    Ok(parse(text, options))
}

/// Parses bytes, replacing invalid UTF-8 sequences with U+FFFD (spans then
/// index the repaired text held in [`Document::text`]).
pub fn parse_bytes_lossy(bytes: &[u8], options: &ParseOptions) -> Document {
    parse(&String::from_utf8_lossy(bytes), options)
}
