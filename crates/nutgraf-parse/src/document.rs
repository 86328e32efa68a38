//! The parsed document: the original text described by byte spans.

use crate::{Language, Role, Span, Vocabulary};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A parsed news text. Owns the original text; everything else is spans into it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The original text, unchanged.
    pub text: String,
    /// Language used for stemming and stop words.
    pub language: Language,
    /// Structured metadata pulled from the page.
    pub metadata: Metadata,
    /// Blocks (paragraphs or parts of them) in text order, non-overlapping.
    pub blocks: Vec<Block>,
    /// Sentences of every block, in text order.
    pub sentences: Vec<Sentence>,
    /// Word tokens of every sentence, in text order.
    pub tokens: Vec<Token>,
    /// Distinct words and stems the tokens refer to.
    pub vocabulary: Vocabulary,
    /// Stems of the headline (from the text, or the title passed in the options),
    /// stop words removed, in order of first appearance, without repeats.
    pub title_stems: Vec<u32>,
}

/// A paragraph, or the part of one that plays a single role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Bytes of the block, trimmed of surrounding whitespace.
    pub span: Span,
    /// What the block is.
    pub role: Role,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Bytes of the sentence, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the block it belongs to.
    pub block: usize,
    /// Role of that block (copied for convenience).
    pub role: Role,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// One word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Bytes of the word in the original text.
    pub span: Span,
    /// Index of the lowercased word in [`Vocabulary::words`].
    pub word: u32,
    /// Index of the stem in [`Vocabulary::stems`].
    pub stem: u32,
    /// True when the word is on the language's stop-word list.
    pub stop: bool,
}

/// Metadata found on the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Publication date, ISO 8601 (`2017-02-12`).
    pub date: Option<String>,
    /// The headline, or the title passed in the options.
    pub title: Option<String>,
    /// Place and agency of the dateline.
    pub dateline: Option<Dateline>,
    /// Names from the byline.
    pub byline: Vec<String>,
}

/// "MOSCOW (Sputnik) —" → place `MOSCOW`, agency `Sputnik`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place, as written.
    pub place: String,
    /// The news agency, if named.
    pub agency: Option<String>,
}

impl Document {
    /// The text of a span of this document.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.slice(self.sentences[i].span)
    }

    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// Indices of sentences a summary may quote (body sentences), in text order.
    pub fn selectable_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.role.is_selectable())
            .map(|(i, _)| i)
    }

    /// The stem string of a token.
    pub fn stem(&self, token: &Token) -> &str {
        &self.vocabulary.stems[token.stem as usize]
    }

    /// The lowercased word of a token.
    pub fn word(&self, token: &Token) -> &str {
        &self.vocabulary.words[token.word as usize]
    }

    /// Text of the blocks whose role is story text (headline, standfirst, body),
    /// one block per line.
    pub fn story_text(&self) -> String {
        let mut out = String::new();
        for block in self.blocks.iter().filter(|b| b.role.is_story()) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(self.slice(block.span));
        }
        out
    }
}
