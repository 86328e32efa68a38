//! Word tokens: Unicode word boundaries (UAX #29, `unicode-segmentation`),
//! lowercased, stemmed with Snowball (`rust-stemmers`), flagged as stop words
//! with the `stop-words` lists. Each distinct word is stemmed once per document.

use crate::{Language, Span, Token, Vocabulary};
use rust_stemmers::Stemmer;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Turns text into [`Token`]s, growing one document's [`Vocabulary`].
pub struct Tokenizer {
    stemmer: Stemmer,
    stop_words: std::collections::HashSet<&'static str>,
    vocabulary: Vocabulary,
    word_ids: HashMap<String, (u32, u32, bool)>,
    stem_ids: HashMap<String, u32>,
}

impl Tokenizer {
    /// A tokenizer for `language` with an empty vocabulary.
    pub fn new(language: Language) -> Self {
        Tokenizer {
            stemmer: Stemmer::create(language.stemmer_algorithm()),
            stop_words: language.stop_words().iter().copied().collect(),
            vocabulary: Vocabulary::default(),
            word_ids: HashMap::new(),
            stem_ids: HashMap::new(),
        }
    }

    /// Appends the word tokens of `text[span]` to `out`.
    pub fn tokenize_into(&mut self, text: &str, span: Span, out: &mut Vec<Token>) {
        let piece = span.slice(text);
        for (offset, surface) in piece.split_word_bound_indices() {
            if !surface.chars().any(char::is_alphanumeric) {
                continue;
            }
            let start = span.start + offset;
            let (word, stem, stop) = self.intern(surface);
            out.push(Token {
                span: Span::new(start, start + surface.len()),
                word,
                stem,
                stop,
            });
        }
    }

    fn intern(&mut self, surface: &str) -> (u32, u32, bool) {
        let lower = surface.to_lowercase();
        if let Some(&ids) = self.word_ids.get(&lower) {
            return ids;
        }
        let stop = self.stop_words.contains(lower.as_str());
        let stem = self.stemmer.stem(&lower).into_owned();
        let stem_id = match self.stem_ids.get(&stem) {
            Some(&id) => id,
            None => {
                let id = self.vocabulary.stems.len() as u32;
                self.vocabulary.stems.push(stem.clone());
                self.stem_ids.insert(stem, id);
                id
            }
        };
        let word_id = self.vocabulary.words.len() as u32;
        self.vocabulary.words.push(lower.clone());
        let ids = (word_id, stem_id, stop);
        self.word_ids.insert(lower, ids);
        ids
    }

    /// Looks up the stem id of a word without adding it; `None` if unseen.
    pub fn known_stem(&self, surface: &str) -> Option<u32> {
        self.word_ids.get(&surface.to_lowercase()).map(|ids| ids.1)
    }

    /// Stem ids of the non-stop words of `text` (interning new ones).
    pub fn content_stems(&mut self, text: &str) -> Vec<u32> {
        let mut tokens = Vec::new();
        self.tokenize_into(text, Span::new(0, text.len()), &mut tokens);
        tokens.iter().filter(|t| !t.stop).map(|t| t.stem).collect()
    }

    /// The vocabulary built so far.
    pub fn into_vocabulary(self) -> Vocabulary {
        self.vocabulary
    }
}
