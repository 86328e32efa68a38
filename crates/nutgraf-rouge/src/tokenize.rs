//! The tokenizer of `rouge-score` (its `DefaultTokenizer`), producing token
//! ids instead of strings.
//!
//! `rouge-score` lowercases the text, turns every run of characters outside
//! `[a-z0-9]` into a space, splits on whitespace, and (with stemming on)
//! stems tokens longer than three characters with NLTK's Porter stemmer.
//! Python lowercases with full Unicode case mapping, and exactly two
//! non-ASCII characters lowercase to something containing `[a-z0-9]`:
//! U+0130 (capital I with dot above, which becomes `i` plus a combining dot,
//! so it ends the token after the `i`) and U+212A (the Kelvin sign, which
//! becomes `k`). Everything else outside ASCII is a separator.
//!
//! Comparing strings is slow, so each distinct token is given a small
//! integer id by a [`Vocab`] shared by the texts being compared; the scorers
//! then work on `u32` sequences. Token bytes go into one arena buffer, so
//! tokenizing allocates nothing once the buffers have grown.

use crate::porter;
use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// Assigns dense ids (0, 1, 2, ...) to distinct tokens, in order of first sight.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// All distinct tokens, back to back.
    arena: Vec<u8>,
    /// `arena[spans[id].0..spans[id].1]` is the token with that id.
    spans: Vec<(usize, usize)>,
    /// Ids, found by hashing the token bytes.
    table: HashTable<u32>,
    hasher: FixedState,
}

impl Vocab {
    /// Forgets every token, keeping the memory.
    pub(crate) fn clear(&mut self) {
        self.arena.clear();
        self.spans.clear();
        self.table.clear();
    }

    /// Number of distinct tokens seen since the last [`Vocab::clear`].
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    fn token(&self, id: u32) -> &[u8] {
        let (start, end) = self.spans[id as usize];
        &self.arena[start..end]
    }

    /// The id of `token`, adding it if new.
    pub(crate) fn intern(&mut self, token: &[u8]) -> u32 {
        let hash = self.hasher.hash_one(token);
        let Vocab {
            arena,
            spans,
            table,
            hasher,
        } = self;
        let found = table.find(hash, |&id| {
            let (start, end) = spans[id as usize];
            &arena[start..end] == token
        });
        if let Some(&id) = found {
            return id;
        }
        let id = u32::try_from(spans.len()).unwrap_or(u32::MAX);
        let start = arena.len();
        arena.extend_from_slice(token);
        spans.push((start, arena.len()));
        table.insert_unique(hash, id, |&other| {
            let (s, e) = spans[other as usize];
            hasher.hash_one(&arena[s..e])
        });
        id
    }
}

/// A tokenized text: all token ids in order, and where each line ends.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tokens {
    pub(crate) ids: Vec<u32>,
    /// Exclusive end (in `ids`) of each line that has at least one token.
    pub(crate) line_ends: Vec<usize>,
}

impl Tokens {
    pub(crate) fn clear(&mut self) {
        self.ids.clear();
        self.line_ends.clear();
    }

    /// The token ids of each non-empty line.
    pub(crate) fn lines(&self) -> impl Iterator<Item = &[u32]> + Clone + '_ {
        let mut start = 0;
        self.line_ends.iter().map(move |&end| {
            let line = &self.ids[start..end];
            start = end;
            line
        })
    }
}

/// How many stems a [`Tokenizer`] remembers before starting afresh.
const STEM_CACHE_CAP: usize = 1 << 16;

/// Tokenizes text the way `rouge-score`'s default tokenizer does.
#[derive(Debug, Default)]
pub(crate) struct Tokenizer {
    pub(crate) stem: bool,
    /// The token being built.
    current: Vec<u8>,
    /// Stems of words seen before: news vocabulary repeats a lot, and a
    /// lookup is cheaper than running the stemmer. Stemming is a pure
    /// function, so the cache never changes a result.
    stems: HashMap<Vec<u8>, Vec<u8>, FixedState>,
}

impl Tokenizer {
    pub(crate) fn new(stem: bool) -> Self {
        Tokenizer {
            stem,
            current: Vec::with_capacity(32),
            stems: HashMap::default(),
        }
    }

    /// Appends the tokens of one line (text without `\n`) to `out`.
    pub(crate) fn push_line(&mut self, line: &str, vocab: &mut Vocab, out: &mut Tokens) {
        let before = out.ids.len();
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                self.current.push(b.to_ascii_lowercase());
                i += 1;
            } else if b < 0x80 {
                self.finish_token(vocab, out);
                i += 1;
            } else if bytes[i..].starts_with("\u{130}".as_bytes()) {
                // Lowercases to "i" + U+0307: an `i`, then a separator.
                self.current.push(b'i');
                self.finish_token(vocab, out);
                i += 2;
            } else if bytes[i..].starts_with("\u{212A}".as_bytes()) {
                self.current.push(b'k');
                i += 3;
            } else {
                // Any other non-ASCII byte (lead or continuation) separates.
                self.finish_token(vocab, out);
                i += 1;
            }
        }
        self.finish_token(vocab, out);
        if out.ids.len() > before {
            out.line_ends.push(out.ids.len());
        }
    }

    fn finish_token(&mut self, vocab: &mut Vocab, out: &mut Tokens) {
        if self.current.is_empty() {
            return;
        }
        if self.stem && self.current.len() > 3 {
            if let Some(stemmed) = self.stems.get(self.current.as_slice()) {
                self.current.clear();
                self.current.extend_from_slice(stemmed);
            } else {
                if self.stems.len() >= STEM_CACHE_CAP {
                    self.stems.clear();
                }
                let word = self.current.clone();
                porter::stem_in_place(&mut self.current);
                self.stems.insert(word, self.current.clone());
            }
        }
        if !self.current.is_empty() {
            out.ids.push(vocab.intern(&self.current));
        }
        self.current.clear();
    }
}

/// Tokenizes `text` like `rouge_score.tokenize.tokenize(text, stemmer)`,
/// returning the tokens as strings. Meant for inspection and tests; the
/// scorers use ids.
///
/// ```
/// use nutgraf_rouge::tokenize;
/// assert_eq!(tokenize("The runner's 2 dogs, running!", true), ["the", "runner", "s", "2", "dog", "run"]);
/// assert_eq!(tokenize("The runner's 2 dogs, running!", false), ["the", "runner", "s", "2", "dogs", "running"]);
/// ```
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    let mut tokenizer = Tokenizer::new(stem);
    let mut vocab = Vocab::default();
    let mut tokens = Tokens::default();
    for line in text.split('\n') {
        tokenizer.push_line(line, &mut vocab, &mut tokens);
    }
    tokens
        .ids
        .iter()
        .map(|&id| String::from_utf8_lossy(vocab.token(id)).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_anything_but_ascii_alphanumerics() {
        assert_eq!(
            tokenize("Hello, World! e-mail 3.5%", false),
            ["hello", "world", "e", "mail", "3", "5"]
        );
        assert_eq!(tokenize("  \t\n ", false), Vec::<String>::new());
        assert_eq!(tokenize("café naïve", false), ["caf", "na", "ve"]);
    }

    #[test]
    fn unicode_lowercasing_quirks() {
        // U+0130 -> "i" + combining dot: the dot splits the token.
        assert_eq!(tokenize("\u{130}stanbul", false), ["i", "stanbul"]);
        // The Kelvin sign lowercases to an ASCII k.
        assert_eq!(tokenize("5\u{212A}m", false), ["5km"]);
    }

    #[test]
    fn stems_only_long_tokens() {
        // "dogs" (4 chars) is stemmed, "was" (3 chars) is not (Porter would give "wa").
        assert_eq!(tokenize("dogs was", true), ["dog", "was"]);
    }

    #[test]
    fn vocab_ids_are_dense_and_stable() {
        let mut vocab = Vocab::default();
        assert_eq!(vocab.intern(b"a"), 0);
        assert_eq!(vocab.intern(b"bb"), 1);
        assert_eq!(vocab.intern(b"a"), 0);
        assert_eq!(vocab.token(1), b"bb");
        assert_eq!(vocab.len(), 2);
        vocab.clear();
        assert_eq!(vocab.intern(b"bb"), 0);
    }

    #[test]
    fn lines_skip_empty_ones() {
        let mut t = Tokenizer::new(false);
        let mut v = Vocab::default();
        let mut out = Tokens::default();
        for line in "a b\n\n!!\nc".split('\n') {
            t.push_line(line, &mut v, &mut out);
        }
        let lines: Vec<&[u32]> = out.lines().collect();
        assert_eq!(lines, vec![&[0, 1][..], &[2][..]]);
    }
}
